"""File plan, filing, suggestions, closing and reopening on a real SQLite file."""
import datetime as dt

import pytest

from app.archive import closing, filing, handover, plan, suggest
from app.errors import DomainError, ValidationError
from app.registers import service
from tests.archive.conftest import YEAR, incoming


def test_codes_follow_the_plan_numbering(office):
    store = office["store"]
    with store.Session.begin() as s:
        codes = [h.code for h in plan.list_hoso(s, YEAR)]
        assert sorted(codes) == ["01.TCCB", "02.TCCB", "03.VP"]  # continuous through the plan
        plan.set_plan(s, YEAR, numbering="per_heading")
        vp = plan.find_heading(s, YEAR, "VP")
        assert plan.create_hoso(s, YEAR, "Giấy mời họp", "5 năm", heading_id=vp.id).code == "04.VP"
        award = plan.add_heading(s, YEAR, "Thi đua, khen thưởng", "TĐKT")
        assert plan.create_hoso(s, YEAR, "Khen thưởng", "20 năm", heading_id=award.id).code == "01.TĐKT"
        loose = plan.create_hoso(s, YEAR, "Đoàn kiểm tra đột xuất", "10", in_plan=False)
        assert loose.code == "05" and not loose.in_plan  # the year's highest + 1
        with pytest.raises(ValidationError) as err:
            plan.create_hoso(s, YEAR, "X", "3 năm")
        assert "Thời hạn bảo quản" in err.value.message
        with pytest.raises(DomainError):
            plan.create_hoso(s, YEAR, "Trùng", "5 năm", code="03.vp")


def test_one_document_in_two_files_without_copy(office):
    store = office["store"]
    a, b, _ = office["files"]
    doc = office["in"][0]
    with store.Session.begin() as s:
        filing.add(s, a, [doc])
        filing.add(s, b, [doc, doc])
        assert filing.files_of(s, [doc]) == {doc: ["01.TCCB", "02.TCCB"]}
        assert [d.entry_id for d in filing.documents(s, b)] == [doc]
        filing.remove(s, b, doc, "trùng")
        assert filing.files_of(s, [doc]) == {doc: ["01.TCCB"]}
        assert plan.view(s, plan.get(s, b)).documents == 0


def test_voided_and_reserved_entries_are_refused(office):
    store = office["store"]
    a = office["files"][0]
    with store.Session.begin() as s:
        voided = service.void(s, office["in"][11], "đăng ký nhầm").id
        reserved = service.reserve(s, "outgoing", "Quyết định", "20/02/2026").id
    for entry_id, words in ((voided, "đã hủy số"), (reserved, "lấy trước")):
        with pytest.raises(DomainError) as err, store.Session.begin() as s:
            filing.add(s, a, [office["in"][0], entry_id])
        assert words in err.value.message
    with store.Session.begin() as s:
        assert plan.view(s, plan.get(s, a)).documents == 0  # all or nothing


def test_order_in_the_file_can_be_changed(office):
    store = office["store"]
    a = office["files"][0]
    first, second, third = office["in"][:3]
    with store.Session.begin() as s:
        filing.add(s, a, [first, second, third])
        filing.move(s, a, third, 1)
        assert [d.entry_id for d in filing.documents(s, a)] == [third, first, second]


def test_closing_takes_dates_and_pages_from_the_documents(office):
    store = office["store"]
    a = office["files"][0]
    with store.Session.begin() as s:
        with pytest.raises(closing.EmptyFile):
            closing.close(s, a)
        filing.add(s, a, office["in"][:3])
        v = closing.close(s, a, sheets=4, on="31/01/2026")
    assert v.state == "closed" and v.pages == 6 and v.sheets == 4
    assert (v.start_date.isoformat(), v.end_date.isoformat()) == ("2026-01-04", "2026-01-06")
    assert "3 văn bản, 4 tờ, 6 trang" in v.closing_note
    with store.Session.begin() as s:
        with pytest.raises(filing.FileLocked):
            filing.add(s, a, office["in"][3:4])
        with pytest.raises(ValidationError):
            closing.reopen(s, a, "  ")
        v = closing.reopen(s, a, "Bổ sung văn bản còn thiếu")
        assert v.state == "open"
        actions = [(e.action, e.detail) for e in closing.events(s, a)]
    assert ("mở lại hồ sơ", "Bổ sung văn bản còn thiếu") in actions
    assert [x for x, _ in actions] == ["mở hồ sơ", "thêm văn bản", "đóng hồ sơ", "mở lại hồ sơ"]


def test_a_secret_file_never_joins_an_ordinary_batch(office):
    store = office["store"]
    a, b, _ = office["files"]
    with store.Session.begin() as s:
        secret = service.register(s, "secret_incoming", incoming(40, secrecy="Mật", summary="Báo cáo mật"),
                                  year=YEAR).id
        filing.add(s, a, [secret])
        filing.add(s, b, office["in"][:2])
        closing.close(s, a, on="01/02/2026")
        closing.close(s, b, on="02/02/2026")
        c = handover.candidates(s, YEAR, "Q1")
        assert [v.code for v in c.files] == ["02.TCCB"]
        assert [(v.code, "văn bản mật" in why) for v, why in c.refused] == [("01.TCCB", True)]
        with pytest.raises(handover.SecretInBatch) as err:
            handover.begin(s, YEAR, "Q1", ["01.TCCB"])
        assert "bảo vệ bí mật nhà nước" in err.value.message


def test_suggestion_learns_from_earlier_filings(office):
    store = office["store"]
    a, b, c = office["files"]
    with store.Session.begin() as s:
        filing.add(s, b, office["in"][2:6])  # "Báo cáo tình hình cán bộ" from UBND huyện …
        filing.add(s, c, office["out"][:1])
        new = service.register(s, "incoming", incoming(30, summary="Báo cáo tình hình cán bộ quý 2"), year=YEAR)
        found = suggest.suggest(s, new.id)
    assert found and found[0].code == "02.TCCB"
    assert "giống văn bản" in found[0].reason


def test_suggestion_maps_last_years_file_to_this_years(office):
    store = office["store"]
    b = office["files"][1]
    with store.Session.begin() as s:
        filing.add(s, b, office["in"][2:6])
        plan.copy_plan(s, YEAR + 1, YEAR)
        new = service.register(s, "incoming", incoming(3, received_at="05/01/2027 08:00", doc_date="04/01/2027",
                                                       number_symbol="3/BC-UBND-2027"),
                               now=dt.datetime(2027, 1, 5, 9, 0))
        found = suggest.suggest(s, new.id)
        assert found[0].code == "02.TCCB"
        assert plan.get(s, found[0].hoso_id).year == YEAR + 1
