"""The audit chain: every write is a link; edits made with sqlite3 are named by verify."""
import sqlite3

from app.security import audit, chain, verify
from tests.security.conftest import register


def _verdict(store):
    with store.ReadSession() as s:
        return verify.verify(s)


def _sql(store, statement, *args):
    con = sqlite3.connect(store.data_dir / "vanthu.sqlite3")
    con.execute(statement, args)
    con.commit()
    con.close()


def test_every_write_is_a_link_and_the_chain_holds(filled):
    v = _verdict(filled)
    assert v.ok, v.problems
    with filled.ReadSession() as s:
        short, count = audit.head(s)
        kinds = [k for (k,) in s.execute(audit.text("SELECT kind FROM audit_event ORDER BY id"))]
    assert count == v.count == len(kinds) >= 4
    assert short == v.head and len(short) == chain.SHORT


def test_event_hash_changes_with_every_field():
    base = ("0" * 64, 1, "2026-12-01 10:00:00", "lan", "register", 5, "{}", "ab")
    h = chain.event_hash(*base)
    for i in range(len(base)):
        changed = list(base)
        changed[i] = changed[i] + 1 if isinstance(changed[i], int) else changed[i] + "x"
        assert chain.event_hash(*changed) != h


def test_entry_edited_with_sqlite3_is_named(filled):
    target = filled.views[0]
    _sql(filled, "UPDATE entry SET summary = 'Nội dung khác' WHERE id = ?", target.id)
    v = _verdict(filled)
    assert not v.ok and v.broken_entry == target.id and v.broken_event is None
    assert f"#{target.id}" in v.problems[0] and "bị sửa ngoài chương trình" in v.problems[0]


def test_event_edited_with_sqlite3_is_named(filled):
    _sql(filled, "UPDATE audit_event SET user = 'ai đó' WHERE id = 2")
    v = _verdict(filled)
    assert not v.ok and v.broken_event == 2
    assert "sự kiện #2" in v.problems[0] and "đã bị sửa" in v.problems[0]


def test_deleted_event_is_named(filled):
    _sql(filled, "DELETE FROM audit_event WHERE id = 2")
    v = _verdict(filled)
    assert not v.ok and v.broken_event == 3 and "thiếu sự kiện #2" in v.problems[0]


def test_first_event_deleted_is_detected(filled):
    _sql(filled, "DELETE FROM audit_event WHERE id = 1")
    assert _verdict(filled).broken_event == 2


def test_entry_inserted_behind_the_programs_back_is_named(filled):
    _sql(filled, "INSERT INTO entry (book_id, scope, year, number, status, void_reason, created_at, "
         "created_by, reg_date, issuer, number_symbol, doc_type, type_abbr, summary, recipient_unit, "
         "receiver_sign, urgency, secrecy, notes, signer_position, signer_name, recipients, "
         "drafting_unit, language, progress_note, reply_symbol, file_code, folded) SELECT book_id, "
         "scope, year, 99, status, void_reason, created_at, created_by, reg_date, issuer, number_symbol,"
         " doc_type, type_abbr, summary, recipient_unit, receiver_sign, urgency, secrecy, notes, "
         "signer_position, signer_name, recipients, drafting_unit, language, progress_note, "
         "reply_symbol, file_code, folded FROM entry LIMIT 1")
    v = _verdict(filled)
    assert not v.ok and "không có trong nhật ký" in v.problems[0]


def test_paper_head_is_found_until_the_database_is_rewritten(filled):
    with filled.ReadSession() as s:
        printed, count = audit.head(s)
    register(filled, number_symbol="9/QĐ-UBND")  # ordinary work after printing
    with filled.ReadSession() as s:
        later = verify.check_head(s, f"{chain.show(printed)}/{count}")
        assert later.found and later.event_id == count and later.count > count
        assert not verify.check_head(s, "deadbeefdeadbeef").found
        assert not verify.check_head(s, f"{printed}/{count + 1}").found
    # Someone rewrites history from the printed event on: the printed head is gone.
    _sql(filled, "UPDATE audit_event SET hash = (CASE WHEN substr(hash, 1, 1) = 'f' THEN '0' "
         "ELSE 'f' END) || substr(hash, 2) WHERE id = ?", count)
    with filled.ReadSession() as s:
        assert not verify.check_head(s, printed).found


def test_a_rolled_back_transaction_leaves_no_event(filled):
    with filled.ReadSession() as s:
        _, before = audit.head(s)
    try:
        with filled.Session.begin() as s:
            audit.record(s, "export", details={"what": "thử"})
            raise RuntimeError("huỷ")
    except RuntimeError:
        pass
    with filled.Session.begin() as s:
        audit.record(s, "login")
    with filled.ReadSession() as s:
        _, after = audit.head(s)
    assert after == before + 1 and _verdict(filled).ok


def test_entries_older_than_the_log_are_taken_in(state_store):
    register(state_store)
    with state_store.Session.begin() as s:  # as if the entry predated the log
        s.execute(audit.text("DELETE FROM audit_event"))
    with state_store.Session.begin() as s:
        audit.record(s, "login")
    with state_store.ReadSession() as s:
        kinds = [k for (k,) in s.execute(audit.text("SELECT kind FROM audit_event ORDER BY id"))]
    assert kinds == ["adopt", "login"] and _verdict(state_store).ok


def test_events_filtered_and_exported(filled, tmp_path):
    import pypdf

    from app.security import events, events_export

    with filled.ReadSession() as s:
        edits = events.find(s, events.EventFilter(kind="Sửa"))
        by_entry = events.find(s, events.EventFilter(entry_id=filled.views[1].id))
        none_yet = events.find(s, events.EventFilter(date_to="01/01/2020"))
        head = audit.show_head(s)
    assert [e.entry_id for e in edits] == [filled.views[1].id] and "sửa đổi kế hoạch" in edits[0].details
    assert {e.kind for e in by_entry} >= {"update"} and none_yet == []
    pdf = events_export.to_pdf(by_entry, tmp_path / "events.pdf", scope="Văn bản #2", head=head)
    text = "".join(p.extract_text() for p in pypdf.PdfReader(pdf).pages)
    assert "NHẬT KÝ SỰ KIỆN" in text and "Sửa" in text and head.split(" · ")[0] in text
    csv_text = events_export.to_csv(by_entry, tmp_path / "e.csv").read_text(encoding="utf-8-sig")
    assert csv_text.splitlines()[0].startswith("Số TT,Thời gian,Người dùng")
