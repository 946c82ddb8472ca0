"""The events list on paper (PDF, Liberation Serif for the diacritics) and as a spreadsheet file."""
from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

from app.printing.fonts import BOLD, REGULAR, register_fonts
from app.security.events import HEADERS, EventRow


def to_csv(rows: list[EventRow], path: Path | str) -> Path:
    path = Path(path)
    with open(path, "w", encoding="utf-8-sig", newline="") as f:  # BOM: Excel reads the diacritics
        w = csv.writer(f)
        w.writerow(HEADERS)
        w.writerows(r.cells() for r in rows)
    return path


def to_pdf(rows: list[EventRow], path: Path | str, *, title: str = "NHẬT KÝ SỰ KIỆN",
           scope: str = "", head: str = "") -> Path:
    """A landscape A4 list with the filter it shows and the chain's head at the time of printing."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import LongTable, Paragraph, SimpleDocTemplate, Spacer, TableStyle

    register_fonts()
    path = Path(path)
    cell = ParagraphStyle("cell", fontName=REGULAR, fontSize=9, leading=11)
    heading = ParagraphStyle("head", fontName=BOLD, fontSize=14, leading=18, alignment=1)
    note = ParagraphStyle("note", fontName=REGULAR, fontSize=10, leading=13, alignment=1)
    esc = lambda s: s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")  # noqa: E731
    data = [[Paragraph(f"<b>{h}</b>", cell) for h in HEADERS]]
    data += [[Paragraph(esc(c), cell) for c in r.cells()] for r in rows]
    table = LongTable(data, colWidths=[16 * mm, 36 * mm, 30 * mm, 38 * mm, 20 * mm, 125 * mm],
                      repeatRows=1)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.4, colors.black),
                               ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    printed = dt.datetime.now().strftime("%H:%M ngày %d/%m/%Y")
    story = [Paragraph(title, heading),
             Paragraph(esc(f"{scope} — in lúc {printed}" if scope else f"In lúc {printed}"), note)]
    if head:
        story.append(Paragraph(esc(f"Đầu chuỗi nhật ký khi in: {head}"), note))
    story += [Spacer(1, 4 * mm), table]
    doc = SimpleDocTemplate(str(path), pagesize=landscape(A4), leftMargin=12 * mm, rightMargin=12 * mm,
                            topMargin=12 * mm, bottomMargin=12 * mm, title=title)
    doc.build(story)
    return path
