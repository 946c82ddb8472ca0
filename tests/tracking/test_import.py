"""Import of old registers made in the test: messy headings, merged cells, Excel date cells,
text dates, gaps; the dry run's report checked row by row; all rows or none."""
import datetime as dt

import openpyxl
import pytest

from app.errors import DomainError
from app.registers import query, service
from app.tracking import import_report, importer
from app.tracking.sheet import SheetError
from tests.tracking.sheets import default_rows, messy_register

D = dt.datetime


def plan(store, path, **kw):
    with store.Session() as s:
        return importer.plan_import(s, path, **kw)


def test_dry_run_then_import_keeps_the_old_numbers(state_store, tmp_path):
    path = messy_register(tmp_path / "so den 2024.xlsx")
    p = plan(state_store, path)
    assert (p.sheet, p.header_row) == ("Sổ đến 2024", 4)
    assert sorted(p.mapping.values()) == sorted(["number", "received_at", "issuer", "number_symbol",
                                                 "doc_date", "type_summary", "recipient_unit", "notes"])
    assert [(r.row, r.outcome) for r in p.rows] == [
        (5, "skipped"), (6, "ok"), (7, "ok"), (8, "skipped"), (9, "skipped"), (10, "ok"), (11, "ok")]
    assert p.rows[2].received_at == D(2024, 3, 4, 8, 30)  # filled from the merged cell above
    assert p.can_import and p.years[0].kept and (p.years[0].first, p.years[0].last) == (1, 4)
    dry = import_report.write_report(p, imported=False)
    assert dry.parent == tmp_path
    with state_store.Session() as s:
        assert query.ids(s, query.Filter("incoming")) == []  # the dry run wrote nothing
    with state_store.Session.begin() as s:
        result = importer.run_import(s, p)
    assert result.count == 4
    with state_store.Session() as s:
        rows = query.rows(s, query.Filter("incoming", descending=False) and
                          query.ids(s, query.Filter("incoming", descending=False)))
        assert [r.number for r in rows] == [1, 2, 3, 4]
        assert rows[0].doc_type == "Quyết định" and rows[0].summary == "về việc phê duyệt kế hoạch"
        assert rows[1].doc_type == "Công văn" and rows[1].doc_date == dt.date(2024, 3, 1)
        assert rows[2].doc_date == dt.date(2024, 2, 28) and rows[3].received_at == D(2024, 3, 6)
        assert service.preview_number(s, "incoming", _draft(D(2024, 5, 1))) == "5"  # counter continues
        assert "nhập từ" in service.history(s, rows[0].id)[0].new
    book = openpyxl.load_workbook(dry)["Từng dòng"]
    lines = list(book.iter_rows(min_row=2, values_only=True))
    assert [(l[0], l[1]) for l in lines] == [(5, "Bỏ qua"), (6, "Sẽ đăng ký"), (7, "Sẽ đăng ký"),
                                             (8, "Bỏ qua"), (9, "Bỏ qua"), (10, "Sẽ đăng ký"),
                                             (11, "Sẽ đăng ký")]
    assert lines[1][3] == D(2024, 3, 4, 8, 30)  # a real date in the report


def _draft(when):
    from app.registers.draft import Draft
    return Draft(received_at=when, issuer="X", doc_date=when.date(), doc_type="Công văn", summary="y")


def test_refused_rows_name_their_cell_and_nothing_is_imported(state_store, tmp_path):
    rows = default_rows()
    rows[4][2] = "31/02/2024"          # impossible date (row 10, column C)
    rows[5][5] = "không rõ"            # text date (row 11, column F)
    rows[1][3] = None                  # no issuer (row 7, column D)
    path = messy_register(tmp_path / "loi.xlsx", rows)
    p = plan(state_store, path)
    refused = {r.row: r.reasons for r in p.rows if r.outcome == "refused"}
    assert refused[10] == (("C10", "Ngày đến 31/02/2024 không có thật."),)
    assert refused[11][0][0] == "F11" and "không rõ" in refused[11][0][1]
    assert refused[7] == (("D7", "Tác giả (cơ quan ban hành): Không được để trống."),)
    assert not p.can_import
    with state_store.Session.begin() as s:
        with pytest.raises(importer.ImportRefused):
            importer.run_import(s, p)
    with state_store.Session() as s:
        assert query.ids(s, query.Filter("incoming")) == []
    out = import_report.write_report(p, imported=False)
    lines = {l[0]: l for l in openpyxl.load_workbook(out)["Từng dòng"].iter_rows(min_row=2, values_only=True)}
    assert lines[10][1] == "Từ chối" and lines[10][6] == "C10" and "không có thật" in lines[10][7]


def test_numbers_with_gaps_or_repeats_refuse_the_year(state_store, tmp_path):
    rows = default_rows()
    rows[5][1] = 6  # 1, 2, 3, 6: a gap
    p = plan(state_store, messy_register(tmp_path / "gap.xlsx", rows))
    assert not p.can_import and "thiếu 2 số: 4, 5" in p.errors[0]
    rows[5][1] = 3  # 1, 2, 3, 3: a repeat
    p = plan(state_store, messy_register(tmp_path / "rep.xlsx", rows))
    assert [r.reasons[-1] for r in p.rows if r.outcome == "refused"] == [
        ("B11", "Số đến 3 lặp lại (đã có ở dòng 10).")]


def test_old_numbers_must_continue_the_counter(state_store, tmp_path, add_in):
    with state_store.Session.begin() as s:
        add_in(s, dt.date(2024, 1, 2))
    p = plan(state_store, messy_register(tmp_path / "a.xlsx"))
    assert "sổ đã cấp đến số 1" in p.errors[0] and not p.can_import
    # Without the Số đến column the rows are numbered after the counter, in order of arrival.
    mapping = {c: f for c, f in p.mapping.items() if f != "number"}
    p = plan(state_store, tmp_path / "a.xlsx", mapping=mapping)
    with state_store.Session.begin() as s:
        result = importer.run_import(s, p)
    assert sorted(result.numbers.values()) == [2, 3, 4, 5] and result.numbers[10] == 4


def test_csv_with_text_dates_and_a_remembered_mapping(state_store, tmp_path):
    path = tmp_path / "so.csv"
    path.write_text("Ngay den;Noi gui;So ky hieu;Ngay van ban;Trich yeu;Phan cong\n"
                    "02/01/2025;UBND huyện;01/UBND;30/12/2024;Báo cáo năm;Phòng A\n"
                    "03/01/2025 14:05;Sở Y tế;02/SYT-VP;02/01/2025;Tờ trình kinh phí;Phòng B\n",
                    encoding="utf-8-sig")
    p = plan(state_store, path)
    assert 5 not in p.mapping  # "Phân công": the clerk maps it
    with state_store.Session.begin() as s:
        importer.run_import(s, plan(state_store, path, mapping={**p.mapping, 5: "recipient_unit"}))
    p2 = plan(state_store, path)
    assert p2.mapping[5] == "recipient_unit"  # remembered for the next file
    assert [r.reasons for r in p2.rows] == [
        (("C2", "Trùng văn bản đã có trong sổ (số đến 1)."),),
        (("C3", "Trùng văn bản đã có trong sổ (số đến 2)."),)]


@pytest.mark.parametrize("name,content,expected", [
    ("old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "lưu lại dạng .xlsx"),
    ("locked.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "mật khẩu"),
    ("broken.xlsx", b"PK\x03\x04 not really", "hỏng"),
    ("notes.docx", b"PK", "không phải tệp .xlsx"),
])
def test_bad_files_get_a_clear_message(state_store, tmp_path, name, content, expected):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(SheetError) as err:
        plan(state_store, path)
    assert expected in err.value.message


def test_cancel_leaves_nothing(state_store, tmp_path):
    rows = [[i, i, D(2024, 1, 1) + dt.timedelta(hours=i), "UBND", f"{i}/UBND", "01/01/2024",
             "Công văn về việc x", "Phòng A", ""] for i in range(1, 1201)]
    p = plan(state_store, messy_register(tmp_path / "big.xlsx", rows, title=False))
    assert p.count("ok") == 1200
    with pytest.raises(DomainError):
        with state_store.Session.begin() as s:
            importer.run_import(s, p, cancelled=lambda: s.query(importer.Entry).count() > 0)
    with state_store.Session() as s:
        assert query.ids(s, query.Filter("incoming")) == []
        assert service.preview_number(s, "incoming", _draft(D(2024, 5, 1))) == "1"


def test_a_big_sheet_is_read_again_and_rows_go_in_by_number(state_store, tmp_path, monkeypatch):
    monkeypatch.setattr(importer, "IN_MEMORY_ROWS", 2)  # as for a 100,000-row sheet
    rows = default_rows()
    rows[0][1], rows[1][1] = 2, 1  # the old register's lines 1 and 2 written the other way round
    p = plan(state_store, messy_register(tmp_path / "big.xlsx", rows))
    assert p.kept is None and p.can_import
    with state_store.Session.begin() as s:
        result = importer.run_import(s, p)
    assert result.numbers == {6: 2, 7: 1, 10: 3, 11: 4}
    with state_store.Session() as s:
        entries = query.rows(s, sorted(result.entry_ids))
    # Ids follow the numbers within the year, as the registers' search expects.
    assert [e.number for e in entries] == [1, 2, 3, 4] and entries[0].issuer == "Sở Tài chính"
