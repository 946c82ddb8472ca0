"""Reports read back from the PDF; the tracking book filled from the tracking data; export read
back with openpyxl; saved searches."""
import csv
import datetime as dt

import openpyxl
import pytest
from pypdf import PdfReader

from app.errors import ValidationError
from app.printing import service as print_service
from app.registers import query
from app.tracking import deadlines, export, follow, report_print, reports, saved

D = dt.date


@pytest.fixture
def office(state_store, add_in, add_out):
    with state_store.Session.begin() as s:
        a = add_in(s, D(2025, 1, 6), unit="Phòng Tổ chức", transfer=D(2025, 1, 7), issuer="Bộ Nội vụ")
        b = add_in(s, D(2025, 1, 8), unit="Phòng Tổ chức", transfer=D(2025, 1, 8), doc_type="Quyết định",
                   issuer="UBND tỉnh")
        c = add_in(s, D(2025, 2, 3), unit="Phòng Kế hoạch", transfer=D(2025, 2, 5), issuer="UBND tỉnh")
        deadlines.set_deadline(s, a.id, working_days=5)   # 14/01
        deadlines.set_deadline(s, b.id, working_days=2)   # 10/01
        deadlines.set_deadline(s, c.id, on=D(2025, 2, 10))
        r1 = add_out(s, D(2025, 1, 10), "Trả lời Bộ Nội vụ")     # a: in time, 3 days after transfer
        r2 = add_out(s, D(2025, 1, 15), "Trả lời UBND tỉnh")     # b: late
        follow.answer(s, r1.id, [a.id])
        follow.answer(s, r2.id, [b.id])
        follow.set_state(s, c.id, "doing", note="Chờ số liệu")
    return state_store, (a, b, c), (r1, r2)


def test_incoming_report_counts_and_times(office):
    store, _, _ = office
    with store.Session() as s:
        r = reports.incoming(s, D(2025, 1, 1), D(2025, 12, 31), as_of=D(2025, 3, 1))
        u = reports.incoming(s, D(2025, 1, 1), D(2025, 12, 31), unit="phong to chuc")
        o = reports.outgoing(s, D(2025, 1, 1), D(2025, 12, 31))
    fig = dict(r.figures)
    assert r.total == 3 and fig["Đã giải quyết"] == "2" and fig["Đang giải quyết"] == "1"
    assert fig["Giải quyết trong hạn / số có hạn"] == "1/3 (33,3 %)"
    assert fig["Quá hạn chưa giải quyết (đến 01/03/2025)"] == "1"
    assert fig["Thời gian từ khi đến đến khi chuyển (trung vị)"] == "1,0 ngày"   # 1, 0, 2
    assert fig["Thời gian từ khi chuyển đến khi giải quyết (trung vị)"] == "5,0 ngày"  # 3 and 7
    assert r.group("Theo tháng")[:2] == (("01/2025", 2), ("02/2025", 1))
    assert dict(r.group("Theo cơ quan"))["UBND tỉnh"] == 2
    assert u.total == 2
    assert o.total == 2 and dict(o.figures)["Văn bản trả lời văn bản đến"] == "2"
    with pytest.raises(ValidationError):
        reports.incoming(s, D(2025, 2, 1), D(2025, 1, 1))


def test_report_pdf_reads_back(office, tmp_path):
    store, _, _ = office
    out = tmp_path / "bao-cao.pdf"
    with store.Session() as s:
        result = report_print.print_report(s, "incoming", D(2025, 1, 1), D(2025, 3, 31), out,
                                           unit="Phòng Tổ chức", issued_on=D(2025, 4, 2))
    text = "\n".join(p.extract_text() for p in PdfReader(out).pages)
    assert result.pages == len(PdfReader(out).pages)
    for expected in ("SỞ NỘI VỤ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Thanh Hóa, ngày 02 tháng 04 năm 2025",
                     "BÁO CÁO TÌNH HÌNH GIẢI QUYẾT VĂN BẢN ĐẾN", "Từ ngày 01/01/2025 đến ngày 31/03/2025",
                     "Đơn vị: Phòng Tổ chức", "Tổng số văn bản đến", "Bộ Nội vụ", "THỦ TRƯỞNG CƠ QUAN"):
        assert expected in text, expected


def test_tracking_book_prints_deadline_progress_and_reply(office, tmp_path):
    store, (a, b, c), (r1, _) = office
    out = tmp_path / "theo-doi.pdf"
    print_service.print_book(store.Session, store.ReadSession,
                             print_service.PrintRequest("tracking", year=2025), out)
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(out).pages)
    assert "14/01/2025" in text and r1.number_symbol in text
    assert "Đã giải quyết ngày 10/01/2025" in text and "Đang giải quyết. Chờ số liệu" in text


def test_export_xlsx_and_csv_read_back(office, tmp_path):
    store, (a, b, c), _ = office
    with store.Session() as s:
        f = query.Filter("incoming", year=2025, text="UBND", descending=False)
        n = export.export(s, f, tmp_path / "so.xlsx", columns=["number", "received_at", "issuer", "due_date"],
                          headings={"issuer": "Cơ quan ban hành"})
        export.export(s, f, tmp_path / "so.csv")
        with pytest.raises(ValidationError):
            export.export(s, f, tmp_path / "so.pdf")
    ws = openpyxl.load_workbook(tmp_path / "so.xlsx").active
    rows = list(ws.iter_rows(values_only=True))
    assert n == 2 and rows[0] == ("Số đến", "Ngày đến", "Cơ quan ban hành", "Thời hạn giải quyết")
    assert rows[1][0] == b.number and rows[1][1] == dt.datetime(2025, 1, 8, 8) and rows[1][3] == dt.datetime(2025, 1, 10)
    assert ws["B2"].number_format == "dd/mm/yyyy hh:mm" and 30 <= ws.column_dimensions["C"].width < 31
    lines = list(csv.reader(open(tmp_path / "so.csv", encoding="utf-8-sig")))
    assert lines[0][:3] == ["Số đến", "Ngày đến", "Tác giả"] and lines[2][1] == "03/02/2025 08:00"


def test_saved_searches(state_store):
    f = query.Filter("incoming", year=2025, text="kế hoạch", date_from=D(2025, 1, 1))
    with state_store.Session.begin() as s:
        saved.save(s, "Kế hoạch 2025", f)
        saved.save(s, "Kế hoạch 2025", f)  # saved again: replaced, not doubled
    with state_store.Session() as s:
        found = saved.listing(s, "incoming")
    assert [(v.name, v.filter) for v in found] == [("Kế hoạch 2025", f)]
    with state_store.Session.begin() as s:
        saved.remove(s, found[0].id)
        assert saved.listing(s, "incoming") == []


def test_an_export_is_an_audit_event_and_not_for_lanh_dao(office, tmp_path):
    from sqlalchemy import text

    from app.errors import DomainError
    from app.security.access import set_actor
    from app.security.actor import Actor
    from app.security import users

    store, _entries, _ = office
    with store.Session.begin() as s:
        users.add(s, "admin", "mat-khau-1", "quan-tri")
    set_actor(store, Actor("vt", "van-thu"))
    f = query.Filter("incoming", year=2025, descending=False)
    with store.Session() as s:
        n = export.export(s, f, tmp_path / "so.xlsx")
    with store.Session.begin() as s:
        export.record(s, "incoming", tmp_path / "so.xlsx", n)
    with store.ReadSession() as s:
        kinds = s.execute(text("SELECT kind, user FROM audit_event")).all()
    assert ("export", "vt") in [tuple(k) for k in kinds]
    set_actor(store, Actor("ld", "lanh-dao"))
    with pytest.raises(DomainError), store.Session() as s:
        export.export(s, f, tmp_path / "khac.xlsx")
    assert not (tmp_path / "khac.xlsx").exists()
