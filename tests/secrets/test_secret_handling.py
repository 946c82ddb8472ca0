"""Items 4-7 and 12: copies with authorisation, recall, terms and declassification, destruction,
yearly statistics, and the bad inputs each must refuse without losing anything."""
import datetime as dt

import pytest

from app.errors import ValidationError
from app.secrets import books, copies, destruction, protection, recall, stats, transfer
from app.secrets.errors import SecretStateError
from secret_helpers import incoming, outgoing


@pytest.fixture
def item(secret):
    _, sstore, _ = secret
    with sstore.Session.begin() as s:
        copies.add_authoriser(s, "Bí thư Tỉnh ủy", "Bí thư", "Tuyệt mật", max_copies=5)
        copies.add_authoriser(s, "Trưởng phòng", "Trưởng phòng Hành chính", "Mật", max_copies=2)
        it = books.register(s, "secret_incoming", incoming(level="Tối mật"))
    return sstore, it


def test_copies_need_an_authoriser_of_the_level_and_are_numbered(item):
    sstore, it = item
    with sstore.Session.begin() as s:
        with pytest.raises(ValidationError, match="cần người có thẩm quyền"):
            copies.make_copies(s, it.id, authorised_by="", copies=1, form="sao-y")
        with pytest.raises(ValidationError, match="chỉ được cho phép sao, chụp đến độ Mật"):
            copies.make_copies(s, it.id, authorised_by="Trưởng phòng", copies=1, form="sao-y")
        with pytest.raises(ValidationError, match="Vượt số bản được phép"):
            copies.make_copies(s, it.id, authorised_by="Bí thư Tỉnh ủy", copies=6, form="chup")
        first = copies.make_copies(s, it.id, authorised_by="bí thư tỉnh ủy", copies=2, form="sao-y")
        second = copies.make_copies(s, it.id, authorised_by="Bí thư Tỉnh ủy", copies=1, form="trich-sao")
    assert (first.numbers, second.numbers) == ("1–2", "3")
    with sstore.ReadSession() as s:
        assert [c.form for c in copies.copies_of(s, it.id)] == ["sao-y", "trich-sao"]
        assert len(copies.book_lines(s, dt.date.today().year)) == 2
        assert transfer.available(s, it.id) == 4  # the original and three copies


def test_recall_of_a_retiring_official_closes_when_all_are_back(item):
    sstore, it = item
    with sstore.Session.begin() as s:
        other = books.register(s, "secret_outgoing", outgoing(copies=2))
        a = transfer.hand_over(s, it.id, "Nguyễn Văn Hưu", 1)
        b = transfer.hand_over(s, other.id, "Nguyễn Văn Hưu", 1)
        r = recall.open_recall(s, "nguyễn văn hưu", "Nghỉ hưu từ 01/7/2026")
    assert r.outstanding == 2 and r.person == "Nguyễn Văn Hưu"
    with sstore.Session.begin() as s:
        with pytest.raises(SecretStateError, match="đang được thu hồi"):
            transfer.hand_over(s, it.id, "Người khác", 1)
        r = recall.tick(s, a.id)
        assert r.closed_on is None and r.outstanding == 1
        r = recall.tick(s, b.id, note="Đã tiêu hủy theo biên bản 03")
    assert r.closed_on is not None and r.outstanding == 0
    with sstore.ReadSession() as s:
        assert transfer.holdings(s, "Nguyễn Văn Hưu") == []
        with pytest.raises(ValidationError, match="không giữ văn bản mật nào"):
            recall.open_recall(s, "Nguyễn Văn Hưu")


def test_documents_for_return_show_as_overdue(item):
    sstore, it = item
    with sstore.Session.begin() as s:
        recall.mark_for_return(s, it.id, dt.date(2026, 4, 1))
    with sstore.ReadSession() as s:
        late = protection.overdue_recalls(s, on=dt.date(2026, 4, 2))
        assert [(d.entry_id, d.kind) for d in late] == [(it.id, "thu-hoi")]
        assert protection.overdue_recalls(s, on=dt.date(2026, 3, 30)) == []
    with sstore.Session.begin() as s:
        recall.return_to_sender(s, it.id, dt.date(2026, 4, 2))
    with sstore.Session.begin() as s:
        assert protection.overdue_recalls(s, on=dt.date(2026, 4, 3)) == []
        with pytest.raises(SecretStateError, match="đã thu hồi"):
            transfer.hand_over(s, it.id, "Ai đó", 1)


def test_terms_extension_level_change_and_declassification(item):
    sstore, it = item
    with sstore.Session.begin() as s:
        assert it.protected_until == dt.date(2046, 2, 27)
        with pytest.raises(ValidationError, match="không quá thời hạn"):
            protection.extend(s, it.id, years=21, decision_no="1/QĐ", decision_date=dt.date(2045, 12, 1))
        ext = protection.extend(s, it.id, years=5, decision_no="1/QĐ", decision_date=dt.date(2045, 12, 1))
        assert ext.protected_until == dt.date(2051, 2, 27)
        low = protection.change_level(s, it.id, "Mật", decision_no="2/QĐ", decision_date=dt.date(2027, 1, 10))
        assert (low.entry.secrecy, low.protected_until, low.envelope) == ("Mật", dt.date(2037, 1, 10), "C")
    with sstore.ReadSession() as s:
        soon = protection.due(s, days=60, on=dt.date(2036, 11, 20))
        assert [(d.entry_id, d.kind) for d in soon] == [(it.id, "het-han")]
    with sstore.Session.begin() as s:
        with pytest.raises(ValidationError, match="chưa hết"):
            protection.confirm_expiry(s, it.id, on=dt.date(2036, 12, 1))
        protection.declassify(s, it.id, decision_no="9/QĐ-GM", decision_date=dt.date(2030, 6, 1),
                              decided_by="Hội đồng giải mật")
    with sstore.Session.begin() as s:
        with pytest.raises(SecretStateError, match="đã được giải mật"):
            protection.declassify(s, it.id, decision_no="10/QĐ", decision_date=dt.date(2030, 7, 1))
        listed = protection.declassified(s)
        assert [(i.id, d.decision_no) for i, d in listed] == [(it.id, "9/QĐ-GM")]


def test_destruction_needs_a_decision_by_an_authoriser_for_higher_levels(item):
    sstore, it = item
    with sstore.Session.begin() as s:
        d = destruction.propose(s, [it.id], "Hết giá trị sử dụng")
        with pytest.raises(SecretStateError, match="sau khi có quyết định"):
            destruction.carry_out(s, d.id, on=dt.date(2026, 6, 2), method="Đốt")
        with pytest.raises(ValidationError, match="người có thẩm quyền"):
            destruction.decide(s, d.id, decision_no="7/QĐ", decision_date=dt.date(2026, 6, 1),
                               decided_by="Trưởng phòng", council="A\nB")
        destruction.decide(s, d.id, decision_no="7/QĐ", decision_date=dt.date(2026, 6, 1),
                           decided_by="Bí thư Tỉnh ủy", council="A\nB\nC")
        done = destruction.carry_out(s, d.id, on=dt.date(2026, 6, 2), method="Nghiền nhỏ")
    assert done.state == "done" and done.items[0].state == "destroyed"
    with sstore.Session.begin() as s, pytest.raises(SecretStateError):
        destruction.propose(s, [it.id])


def test_yearly_statistics_by_level_count_only_live_entries(item):
    sstore, _ = item
    with sstore.Session.begin() as s:
        books.register(s, "secret_incoming", incoming(number_symbol="5/X", level="Mật"))
        books.register(s, "secret_outgoing", outgoing(level="Tuyệt mật", summary=""))
    with sstore.ReadSession() as s:
        y = stats.year_stats(s, 2026)
    assert y.received == {"Mật": 1, "Tối mật": 1, "Tuyệt mật": 0}
    assert y.issued == {"Mật": 0, "Tối mật": 0, "Tuyệt mật": 1}
    assert (y.total_received, y.total_issued) == (2, 1)


def test_the_entry_card_shows_the_envelope_the_copies_under_the_original_and_who_holds_it(secret):
    import datetime as dt

    from app.secrets import books as B, card, copies as C, transfer as T
    from app.errors import NotFound
    from app.secrets.store import act_as
    from app.security.actor import Actor

    _plain, sstore, _recovery = secret
    with sstore.Session.begin() as s:
        it = B.register(s, "secret_incoming", incoming(level="Tối mật", summary=""), envelope="B",
                        named_only=True, named_person="Đ/c Giám đốc", copy_no="02",
                        recall_by=dt.date(2027, 6, 30))
        C.add_authoriser(s, "Giám đốc Sở", "Giám đốc", "Tuyệt mật", max_copies=5)
        C.make_copies(s, it.id, authorised_by="Giám đốc Sở", copies=2, form="sao-y", on=dt.date(2026, 3, 3))
        T.hand_over(s, it.id, "Nguyễn Văn Hưu", 1, unit="Phòng Tổ chức", on=dt.date(2026, 3, 4))
    with sstore.ReadSession() as s:
        got = card.lines(s, it.id)
    assert got[0].startswith("Tối mật — bảo vệ đến") and "đang quản lý" in got[0]
    assert got[1] == ("Bì dấu chữ B; chỉ Đ/c Giám đốc được bóc bì; bản số 02; "
                      "tài liệu thu hồi, hạn trả 30/06/2027")
    assert got[2] == "↳ Sao y 2 bản (bản số 1–2), ngày 03/03/2026, cho phép: Giám đốc Sở"
    assert got[3].startswith("Đang giữ: Đ/c Giám đốc, 1 bản")  # passed unopened to the named person
    assert got[4] == "Đang giữ: Nguyễn Văn Hưu (Phòng Tổ chức), 1 bản, từ 04/03/2026"
    act_as(sstore, Actor("canbo", "van-thu", "mat"))
    with sstore.ReadSession() as s, pytest.raises(NotFound):  # not even that it exists
        card.lines(s, it.id)
