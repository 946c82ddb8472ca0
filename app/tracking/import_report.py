"""The per-row report of an import (or of its dry run), an .xlsx written beside the file:
what each row became, and for a refused row every reason with its cell."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from app.errors import DomainError
from app.tracking.importer import ImportPlan

OUTCOMES = {"ok": "Sẽ đăng ký", "refused": "Từ chối", "skipped": "Bỏ qua"}
COLUMNS = [("Dòng", 7), ("Kết quả", 12), ("Số đến", 8), ("Ngày đến", 12), ("Số, ký hiệu", 18),
           ("Trích yếu", 50), ("Ô", 8), ("Lý do", 70)]


def report_path(plan: ImportPlan, when: dt.datetime | None = None) -> Path:
    when = when or dt.datetime.now()
    return plan.source.with_name(f"{plan.source.stem} - bao cao nhap {when:%Y%m%d-%H%M%S}.xlsx")


def write_report(plan: ImportPlan, imported: bool, out: Path | None = None,
                 numbers: dict[int, int] | None = None) -> Path:
    """numbers: row -> số đến actually given (after an import without a Số đến column)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    out = out or report_path(plan)
    wb = Workbook(write_only=True)
    head = wb.create_sheet("Tóm tắt")
    head.column_dimensions["A"].width = 110
    head.append(["Nhập sổ văn bản đến từ " + plan.source.name + f" (trang “{plan.sheet}”, "
                 f"tiêu đề ở dòng {plan.header_row})"])
    head.append(["Kết quả: " + ("ĐÃ NHẬP" if imported else "CHẠY THỬ, chưa đăng ký")])
    head.append([plan.summary()])
    for col, field in sorted(plan.mapping.items()):
        from app.tracking.headings import FIELDS
        heading = plan.headings[col] if col < len(plan.headings) else ""
        head.append([f"Cột “{heading}” → {FIELDS.get(field, field)}"])
    ws = wb.create_sheet("Từng dòng")
    for i, (_, width) in enumerate(COLUMNS):
        ws.column_dimensions[chr(65 + i)].width = width
    bold = Font(bold=True)
    from openpyxl.cell import WriteOnlyCell
    cells = []
    for title, _ in COLUMNS:
        c = WriteOnlyCell(ws, value=title)
        c.font = bold
        cells.append(c)
    ws.append(cells)
    ws.freeze_panes = "A2"
    done = "Đã đăng ký" if imported else OUTCOMES["ok"]
    for r in plan.rows:
        number = (numbers or {}).get(r.row, r.number)
        outcome = done if r.outcome == "ok" else OUTCOMES[r.outcome]
        cell_refs = ", ".join(c for c, _ in r.reasons if c)
        date_cell = WriteOnlyCell(ws, value=r.received_at)
        if r.received_at:
            date_cell.number_format = "dd/mm/yyyy"
        ws.append([r.row, outcome, number, date_cell, r.number_symbol, r.summary, cell_refs,
                   "; ".join(m for _, m in r.reasons)])
    try:
        wb.save(out)
    except PermissionError:
        raise DomainError(f"Không ghi được báo cáo “{out.name}” cạnh tệp: thư mục không cho ghi "
                          "hoặc tệp báo cáo đang mở.") from None
    return out
