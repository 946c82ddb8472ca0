"""Spreadsheets as offices keep them, written with openpyxl for the tests."""
import datetime as dt

from openpyxl import Workbook

HEADINGS = ["STT", "So den", "Ngày đến", "Tác giả", "Số, ký hiệu", "Ngày tháng",
            "Tên loại và trích yếu nội dung văn bản", "Đơn vị hoặc người nhận", "Ghi chú"]


def messy_register(path, rows=None, title=True):
    """A title block, merged cells, the (1)(2)… row, a blank and a 'Tháng 3' separator row,
    Excel date cells next to typed dates."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Sổ đến 2024"
    wb.create_sheet("Ghi chú")["A1"] = "Trang phụ"
    if title:
        ws["A1"] = "SỔ ĐĂNG KÝ VĂN BẢN ĐẾN NĂM 2024"
        ws.merge_cells("A1:I1")
        ws["A2"] = "Văn phòng Sở Nội vụ"
    ws.append([])
    ws.append(HEADINGS)
    ws.append([f"({i})" for i in range(1, 10)])
    start = ws.max_row + 1
    for r in rows if rows is not None else default_rows():
        ws.append(r)
    # Two documents of the same day: the date cell is merged over both rows.
    ws.merge_cells(start_row=start, start_column=3, end_row=start + 1, end_column=3)
    wb.save(path)
    return path


def default_rows():
    d = dt.datetime
    return [
        [1, 1, d(2024, 3, 4, 8, 30), "UBND tỉnh Thanh Hóa", "123/QĐ-UBND", "01/03/2024",
         "Quyết định về việc phê duyệt kế hoạch", "Phòng Tổ chức", ""],
        [2, 2, None, "Sở Tài chính", "45/STC-NS", d(2024, 3, 1), "Công văn về dự toán", "Phòng KHTC", ""],
        [None] * 9,
        [None, None, "Tháng 3", None, None, None, None, None, None],
        [3, 3, "05/03/2024", "Bộ Nội vụ", "12/BNV-TCBC", "ngày 28 tháng 02 năm 2024",
         "Hướng dẫn tuyển dụng", "Phòng Công chức", "Khẩn"],
        [4, 4, "6/3/24", "Tỉnh ủy Thanh Hóa", "1881-QĐ/TU", "04/03/2024", "Quy định về văn thư",
         "Lãnh đạo Sở", ""],
    ]
