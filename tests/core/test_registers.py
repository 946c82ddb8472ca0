import datetime as dt
import unicodedata

import pytest

from app.errors import NumberStateError, PossibleDuplicate, ValidationError
from app.registers import query, service
from app.registers.draft import Draft

IN = dict(received_at="05/03/2026 08:15", issuer="UBND tỉnh Nghệ An", number_symbol="123/QĐ-UBND",
          doc_date="02/03/2026", doc_type="Quyết định", summary="Về việc phê duyệt kế hoạch")
OUT = dict(doc_date="05/03/2026", doc_type="Quyết định", summary="Về việc khen thưởng",
           signer_name="Nguyễn Văn Hùng", signer_position="Giám đốc")


NOW = dt.datetime(2027, 6, 1, 12, 0)  # the clock of these tests: 2026 and 2027 are past


def reg(store, book, **kw):
    base = IN if book.endswith("incoming") else OUT
    with store.Session.begin() as s:
        return service.register(s, book, Draft(**{**base, **kw}), now=NOW, allow_out_of_order=True)


def test_incoming_numbers_are_consecutive_per_book_and_year(state_store):
    a = reg(state_store, "incoming", number_symbol="1/QĐ-UBND")
    b = reg(state_store, "incoming", number_symbol="2/QĐ-UBND")
    c = reg(state_store, "incoming", number_symbol="3/QĐ-UBND", received_at="02/01/2027 07:00")
    secret = reg(state_store, "secret_incoming", secrecy="Mật")
    assert (a.number, b.number, c.number, secret.number) == (1, 2, 1, 1)
    assert (a.year, c.year) == (2026, 2027)


def test_late_document_into_previous_year_is_explicit(state_store):
    reg(state_store, "incoming", number_symbol="9/QĐ-UBND", received_at="20/12/2025 08:00",
        doc_date="19/12/2025")
    with state_store.Session.begin() as s:
        late = service.register(s, "incoming", Draft(**{**IN, "received_at": "02/01/2026 08:00",
                                                         "doc_date": "30/12/2025"}), year=2025)
    assert (late.year, late.number) == (2025, 2)
    with pytest.raises(ValidationError):
        with state_store.Session.begin() as s:
            service.register(s, "incoming", Draft(**IN), year=2024)


def test_state_symbols_and_secret_sequence(state_store):
    qd = reg(state_store, "outgoing")
    cv = reg(state_store, "outgoing", doc_type="Công văn", drafting_unit="VP", summary="V/v họp")
    secret = reg(state_store, "secret_outgoing", secrecy="Mật")
    assert qd.number_symbol == "01/QĐ-SNV"
    assert cv.number_symbol == "02/SNV-VP"  # one sequence for all types by default
    assert secret.number_symbol == "01/QĐ-SNV"  # NĐ 30 Điều 15.2: its own sequence


def test_state_per_type_scheme(state_store):
    from app import org

    with state_store.Session.begin() as s:
        o = org.load(s)
        org.save(s, org.Organisation(**{**o.__dict__, "state_scheme": "per_type"}))
    reg(state_store, "outgoing")
    tb = reg(state_store, "outgoing", doc_type="Thông báo")
    assert tb.number_symbol == "01/TB-SNV"


def test_party_per_type_secret_continues_type(party_store):
    a = reg(party_store, "outgoing")
    b = reg(party_store, "secret_outgoing", secrecy="Mật")
    cv = reg(party_store, "outgoing", doc_type="Công văn")
    next_year = reg(party_store, "outgoing", doc_date="05/01/2027")
    assert [a.number_symbol, b.number_symbol, cv.number_symbol] == ["01-QĐ/TU", "02-QĐ/TU", "01-CV/TU"]
    assert next_year.number_symbol == "03-QĐ/TU"  # per term, not reset each year
    with pytest.raises(ValidationError) as err:
        reg(party_store, "outgoing", doc_date="01/01/2025")  # before the term began
    assert "nhiệm kỳ" in err.value.errors["doc_date"]


def test_reserve_void_never_reissued(state_store):
    with state_store.Session.begin() as s:
        r = service.reserve(s, "outgoing", "Quyết định", "06/03/2026", "chờ ký")
    assert r.status == "reserved" and r.number_symbol == "01/QĐ-SNV"
    nxt = reg(state_store, "outgoing")
    with state_store.Session.begin() as s:
        v = service.void(s, nxt.id, "Không ký")
        with pytest.raises(NumberStateError):
            service.void(s, nxt.id, "again")
    after = reg(state_store, "outgoing")
    assert (v.status, after.number) == ("voided", 3)
    with state_store.Session.begin() as s:
        used = service.use_reservation(s, r.id, Draft(**{**OUT, "doc_date": "06/03/2026"}))
    assert (used.status, used.number_symbol) == ("registered", "01/QĐ-SNV")
    with state_store.ReadSession() as s:
        numbers = [e.number for e in query.rows(s, query.ids(s, query.Filter("outgoing", descending=False)))]
    assert numbers == [1, 2, 3]  # the voided line stays in the book


@pytest.mark.parametrize("field,value,needle", [
    ("doc_date", "31/02/2026", "không có thật"),
    ("doc_date", "06/03/2026", "sau ngày đến"),
    ("issuer", "", "trống"),
    ("summary", "x" * 2001, "Quá dài"),
    ("received_at", "05/03/2026 25:00", "Giờ"),
    ("secrecy", "Mật", "sổ văn bản mật"),
])
def test_bad_input_is_refused_and_nothing_saved(state_store, field, value, needle):
    with pytest.raises(ValidationError) as err:
        reg(state_store, "incoming", **{field: value})
    assert needle in err.value.errors[field]
    with state_store.ReadSession() as s:
        assert query.ids(s, query.Filter("incoming")) == []


def test_duplicate_warns_then_clerk_decides(state_store):
    first = reg(state_store, "incoming")
    with pytest.raises(PossibleDuplicate) as dup:
        reg(state_store, "incoming", issuer="ubnd TỈNH nghệ an")
    assert dup.value.existing.id == first.id
    with state_store.Session.begin() as s:
        second = service.register(s, "incoming", Draft(**IN), allow_duplicate=True)
    assert second.number == 2


def test_text_is_stored_nfc_and_found_folded(state_store):
    decomposed = unicodedata.normalize("NFD", "Quyết định về đào tạo")
    v = reg(state_store, "incoming", summary=decomposed)
    assert v.summary == unicodedata.normalize("NFC", decomposed)
    with state_store.ReadSession() as s:
        assert query.ids(s, query.Filter("incoming", text="quyet dinh dao")) == [v.id]
        assert query.ids(s, query.Filter("incoming", text="QUYẾT ĐỊNH")) == [v.id]
        assert query.ids(s, query.Filter("incoming", text="đao tao")) == [v.id]
        assert query.ids(s, query.Filter("incoming", text="khen thuong")) == []


def test_edit_records_history(state_store):
    v = reg(state_store, "incoming")
    with state_store.Session.begin() as s:
        service.update(s, v.id, {"recipient_unit": "Phòng Tổ chức", "due_date": "20/03/2026"})
        with pytest.raises(ValidationError):
            service.update(s, v.id, {"due_date": "31/04/2026"})
    with state_store.ReadSession() as s:
        h = service.history(s, v.id)
        fresh = service.get(s, v.id)
    changed = {c.field: (c.old, c.new) for c in h}
    assert changed["recipient_unit"] == ("", "Phòng Tổ chức")
    assert changed["due_date"] == ("", "20/03/2026")
    assert fresh.due_date == dt.date(2026, 3, 20)
    assert all(c.user for c in h)


def test_preview_number_matches_what_is_saved(state_store):
    with state_store.ReadSession() as s:
        preview = service.preview_number(s, "outgoing", Draft(doc_type="Tờ trình", doc_date="05/03/2026"))
    assert preview == "01/TTr-SNV"
    assert reg(state_store, "outgoing", doc_type="Tờ trình").number_symbol == preview


def test_fast_search_order_equals_register_order(state_store):
    """The FTS-order shortcut must give exactly the (year, number) order of the general query."""
    for i, (when, year) in enumerate([("20/12/2025 08:00", None), ("05/01/2026 08:00", None),
                                      ("06/01/2026 08:00", 2025), ("07/01/2026 08:00", None)]):
        with state_store.Session.begin() as s:
            service.register(s, "incoming", Draft(**{**IN, "received_at": when, "doc_date": when[:10],
                                                     "number_symbol": f"{i}/QĐ"}), year=year)
    with state_store.ReadSession() as s:
        for year in (None, 2025, 2026):
            for desc in (True, False):
                fast = query.ids(s, query.Filter("incoming", year=year, text="quyet", descending=desc))
                slow = query.ids(s, query.Filter("incoming", year=year, text="quyet", descending=desc,
                                                 date_from=dt.date(2000, 1, 1)))
                assert fast == slow and len(fast) == (4 if year is None else 2)


def test_plain_store_refuses_secret_entries(tmp_path):
    """The product's plain file never takes a secret entry: those go to the encrypted store."""
    from app import org
    from app.store import open_store

    plain = open_store(tmp_path)
    with plain.Session.begin() as s:
        org.save(s, org.Organisation(org_name="SỞ NỘI VỤ", org_abbr="SNV"))
    for book, kw in (("secret_incoming", IN), ("secret_outgoing", OUT)):
        with pytest.raises(NumberStateError) as err, plain.Session.begin() as s:
            service.register(s, book, Draft(**{**kw, "secrecy": "Mật"}), now=NOW)
        assert "mã hóa" in err.value.message
    with pytest.raises(NumberStateError), plain.Session.begin() as s:
        service.reserve(s, "secret_outgoing", "Quyết định", "05/03/2026", now=NOW)
