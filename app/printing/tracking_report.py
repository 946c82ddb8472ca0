"""The Báo cáo tình hình giải quyết văn bản đến / đi (NĐ 30 Phụ lục VI) as an A4 PDF in the
office's header style: the two-column header of its documents, the title and period, a summary
table, one table per grouping and a bar chart of the months (reportlab's own charts).

Pure data → PDF: `report` is any object with title, date_from, date_to, unit, figures and
groups as app.tracking.reports.Report has them; `org` gives parent_org, org_name, regime, place."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (CondPageBreak, KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table,
                                TableStyle)

from .fonts import BOLD, ITALIC, REGULAR, register_fonts
from .layout import clean
from .model import PrintResult
from .output import atomic_target
from .phieu import PARTY_TITLE, STATE_MOTTO

LEFT, RIGHT, TOP, BOTTOM = 30 * mm, 15 * mm, 20 * mm, 20 * mm
WIDTH = A4[0] - LEFT - RIGHT


def _style(name, font=REGULAR, size=12, align=TA_CENTER, leading=None, **kw):
    return ParagraphStyle(name, fontName=font, fontSize=size, leading=leading or size * 1.25,
                          alignment=align, **kw)


def _p(text, style) -> Paragraph:
    safe = clean(str(text)).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return Paragraph(safe, style)


def header(org, issued_on: dt.date):
    """Tên cơ quan on the left, quốc hiệu (or ĐẢNG CỘNG SẢN VIỆT NAM) and place/date right."""
    l1, l2 = _style("h1"), _style("h2", BOLD)
    left = [_p(clean(org.parent_org).upper(), l1), _p(clean(org.org_name).upper(), l2)]
    left.append(_p("*" if org.regime == "party" else "———", l1))
    if org.regime == "party":
        right = [_p(PARTY_TITLE, _style("m", BOLD, 13))]
    else:
        right = [_p(STATE_MOTTO[0], _style("m1", BOLD, 12)), _p(STATE_MOTTO[1], _style("m2", BOLD, 13))]
    place = clean(org.place).strip() or "……"
    right.append(_p(f"{place}, ngày {issued_on.day:02d} tháng {issued_on.month:02d} năm {issued_on.year}",
                    _style("d", ITALIC, 13)))
    t = Table([[left, right]], colWidths=[WIDTH * 0.42, WIDTH * 0.58])
    t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return t


def _table(rows, widths, head=True):
    t = Table(rows, colWidths=widths, repeatRows=1 if head else 0)
    t.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]))
    return t


def month_chart(months, width=WIDTH, height=55 * mm) -> Drawing:
    d = Drawing(width, height)
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 28, 22, width - 40, height - 34
    chart.data = [[v for _, v in months] or [0]]
    chart.categoryAxis.categoryNames = [k[:2] if len(months) <= 12 else k for k, _ in months] or [""]
    chart.categoryAxis.labels.fontName = REGULAR
    chart.categoryAxis.labels.fontSize = 8
    chart.valueAxis.labels.fontName = REGULAR
    chart.valueAxis.labels.fontSize = 8
    chart.valueAxis.valueMin = 0
    chart.bars[0].fillColor = colors.Color(0.25, 0.4, 0.65)
    d.add(chart)
    d.add(String(width / 2, height - 8, "Số văn bản theo tháng", fontName=BOLD, fontSize=10,
                 textAnchor="middle"))
    return d


def build_report(report, org, out: Path | str, issued_on: dt.date | None = None) -> PrintResult:
    register_fonts()
    issued_on = issued_on or dt.date.today()
    body, bold = _style("b", align=0, size=12), _style("bb", BOLD, 12, align=0)
    cell, cell_r = _style("c", size=11, align=0), _style("cr", size=11, align=2)
    cell_h = _style("ch", BOLD, 11)
    story = [header(org, issued_on), Spacer(1, 10 * mm), _p(report.title, _style("t", BOLD, 14))]
    period = f"Từ ngày {report.date_from:%d/%m/%Y} đến ngày {report.date_to:%d/%m/%Y}"
    story.append(_p(period, _style("pe", ITALIC, 13)))
    if report.unit:
        story.append(_p(f"Đơn vị: {report.unit}", _style("u", ITALIC, 13)))
    story += [Spacer(1, 6 * mm), _p("I. TỔNG HỢP", bold), Spacer(1, 2 * mm)]  # noqa: E501
    rows = [[_p("Nội dung", cell_h), _p("Số liệu", cell_h)]]
    rows += [[_p(k, cell), _p(v, cell_r)] for k, v in report.figures]
    story.append(_table(rows, [WIDTH * 0.68, WIDTH * 0.32]))
    numerals = ["II", "III", "IV", "V", "VI", "VII"]
    # A section starts on a new page only when its heading and first rows would not fit; a long
    # table runs on with its header row repeated.
    section = _style("sec", BOLD, 12, align=0, spaceBefore=6 * mm, spaceAfter=2 * mm)
    for n, (heading, items) in zip(numerals, report.groups):
        has_chart = heading.startswith("Theo tháng") and any(v for _, v in items)
        story.append(CondPageBreak((80 if has_chart else 35) * mm))
        story.append(_p(f"{n}. {heading.upper()}", section))
        if has_chart:
            story.append(month_chart(items))
        rows = [[_p("TT", cell_h), _p(heading.replace("Theo ", "").capitalize(), cell_h),
                 _p("Số văn bản", cell_h), _p("Tỷ lệ", cell_h)]]
        total = sum(v for _, v in items) or 1
        for i, (label, count) in enumerate(items, start=1):
            rows.append([_p(str(i), cell_r), _p(label, cell), _p(f"{count:,}".replace(",", "."), cell_r),
                         _p(f"{100 * count / total:.1f} %".replace(".", ","), cell_r)])
        if len(items) == 0:
            rows.append([_p("", cell), _p("(không có)", cell), _p("0", cell_r), _p("", cell)])
        story.append(_table(rows, [WIDTH * 0.08, WIDTH * 0.56, WIDTH * 0.18, WIDTH * 0.18]))
    sign = Table([[_p("NGƯỜI LẬP BÁO CÁO", _style("s1", BOLD, 12)), _p("THỦ TRƯỞNG CƠ QUAN", _style("s2", BOLD, 12))],
                  [_p("(Ký, ghi rõ họ tên)", _style("s3", ITALIC, 11)),
                   _p("(Ký, ghi rõ họ tên, đóng dấu)", _style("s4", ITALIC, 11))]],
                 colWidths=[WIDTH / 2, WIDTH / 2])
    story += [Spacer(1, 10 * mm), KeepTogether([sign])]
    pages = []

    def footer(c, doc):
        pages.append(doc.page)
        c.setFont(REGULAR, 9)
        c.drawCentredString(A4[0] / 2, 10 * mm, f"Trang {doc.page}")

    with atomic_target(out) as (fh, path):
        doc = SimpleDocTemplate(fh, pagesize=A4, leftMargin=LEFT, rightMargin=RIGHT, topMargin=TOP,
                                bottomMargin=BOTTOM, title=report.title, author=clean(org.org_name),
                                creator="vanthu")
        doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return PrintResult(pages=len(pages), entries=report.total, path=path)
