"""Phiếu giải quyết văn bản đến (NĐ 30/2020 Phụ lục IV mục VII, domain.md §1.3): one A4 portrait
page for one incoming entry, on which the leaders write their directions by hand.

The record's field names are those of the organisation settings and of the register entry
(app.org.Organisation, app.registers.views.EntryView), so a caller can fill it by name.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from .decor import centred, secrecy_mark
from .fonts import BOLD, ITALIC, REGULAR, register_fonts
from .layout import clean, wrap
from .model import PrintResult
from .output import Target, atomic_target

TITLE = "PHIẾU GIẢI QUYẾT VĂN BẢN ĐẾN"
STATE_MOTTO = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
PARTY_TITLE = "ĐẢNG CỘNG SẢN VIỆT NAM"
BLANK = "……………"
DATE_BLANK = "Ngày …… tháng …… năm ……"

# (heading, [(label, number of writing lines)]); each block ends with its own date line.
BLOCKS: tuple[tuple[str, tuple[tuple[str, int], ...]], ...] = (
    ("1. Ý kiến của lãnh đạo cơ quan, tổ chức:", (
        ("- Giao đơn vị, cá nhân chủ trì:", 2),
        ("- Đơn vị, cá nhân phối hợp:", 2),
        ("- Thời hạn giải quyết đối với từng đơn vị, cá nhân (nếu có):", 2),
    )),
    ("2. Ý kiến của lãnh đạo đơn vị:", (
        ("- Giao cho cá nhân:", 2),
        ("- Thời hạn giải quyết đối với cá nhân (nếu có):", 1),
    )),
    ("3. Ý kiến đề xuất của người giải quyết:", (
        ("", 5),
    )),
)


@dataclass(frozen=True)
class PhieuGiaiQuyet:
    # organisation (app.org.Organisation)
    parent_org: str = ""
    org_name: str = ""
    regime: str = "state"    # "party" prints ĐẢNG CỘNG SẢN VIỆT NAM instead of the quốc hiệu
    place: str = ""
    # the incoming entry (app.registers.views.EntryView)
    number: int | str | None = None          # số đến
    received_at: dt.datetime | dt.date | None = None
    doc_type: str = ""
    number_symbol: str = ""
    doc_date: dt.date | None = None
    issuer: str = ""
    summary: str = ""
    secrecy: str = ""         # độ mật of the document, marked on the phiếu when set
    urgency: str = ""
    # the phiếu's own date (header line); None leaves "ngày … tháng … năm …" to be written in
    issued_on: dt.date | None = None


def _dmy(d: dt.date | None) -> str:
    return d.strftime("%d/%m/%Y") if d else BLANK


def subtitle(p: PhieuGiaiQuyet) -> str:
    """Tên loại; số và ký hiệu; ngày tháng năm; cơ quan ban hành — the trích yếu follows on its
    own line(s)."""
    kind = clean(p.doc_type).strip() or "Văn bản"
    return (f"{kind} số {clean(p.number_symbol).strip() or BLANK} ngày {_dmy(p.doc_date)} "
            f"của {clean(p.issuer).strip() or BLANK}")


def build_phieu_giai_quyet(p: PhieuGiaiQuyet, out: Target) -> PrintResult:
    register_fonts()
    width, height = A4
    left, right, top, bottom = 30 * mm, width - 15 * mm, height - 20 * mm, 20 * mm
    with atomic_target(out) as (fh, path):
        c = Canvas(fh, pagesize=A4, pageCompression=1, initialFontName=REGULAR)
        c.setTitle(f"{TITLE} — {clean(p.number_symbol)}")
        c.setAuthor(clean(p.org_name))
        c.setCreator("vanthu")
        if (p.secrecy or "").strip():
            secrecy_mark(c, p.secrecy, right, height - 10 * mm)
            secrecy_mark(c, p.secrecy, right, 8 * mm)
        y = _header(c, p, left, right, top)
        y = _title(c, p, left, right, y - 34)
        _blocks(c, left, right, y - 8, bottom)
        c.showPage()
        c.save()
    return PrintResult(pages=1, entries=1, path=path)


def _header(c: Canvas, p: PhieuGiaiQuyet, left: float, right: float, top: float) -> float:
    """Two columns as on NĐ 30 / HD 36 documents; returns the y below the header."""
    inner = right - left
    lx, rx = left + inner * 0.20, left + inner * 0.70
    party = p.regime == "party"
    y = top - 12
    for text, font in ((p.parent_org, REGULAR), (p.org_name, BOLD)):
        for line in wrap(clean(text).strip().upper(), font, 12, inner * 0.40):
            centred(c, line, lx, y, font, 12)
            y -= 14
    if party:
        centred(c, "*", lx, y - 2, REGULAR, 12)
        y -= 14
    else:
        c.setLineWidth(0.6)
        c.line(lx - 15 * mm, y + 7, lx + 15 * mm, y + 7)
    left_bottom = y

    y = top - 12
    if party:
        centred(c, PARTY_TITLE, rx, y, BOLD, 14)
        w = c.stringWidth(PARTY_TITLE, BOLD, 14)
        c.line(rx - w / 2, y - 4, rx + w / 2, y - 4)
        y -= 26
    else:
        centred(c, STATE_MOTTO[0], rx, y, BOLD, 12)
        y -= 15
        centred(c, STATE_MOTTO[1], rx, y, BOLD, 13)
        w = c.stringWidth(STATE_MOTTO[1], BOLD, 13)
        c.setLineWidth(0.6)
        c.line(rx - w / 2, y - 4, rx + w / 2, y - 4)
        y -= 26
    place = clean(p.place).strip() or BLANK
    d = p.issued_on
    when = (f"ngày {d.day:02d} tháng {d.month:02d} năm {d.year}" if d
            else "ngày …… tháng …… năm ……")
    centred(c, f"{place}, {when}", rx, y, ITALIC, 13)
    return min(left_bottom, y - 6)


def _title(c: Canvas, p: PhieuGiaiQuyet, left: float, right: float, y: float) -> float:
    cx = (left + right) / 2
    centred(c, TITLE, cx, y, BOLD, 14)
    y -= 20
    for line in wrap(subtitle(p), BOLD, 13, right - left):
        centred(c, line, cx, y, BOLD, 13)
        y -= 16
    summary = clean(p.summary).strip()
    if summary:
        for line in wrap(summary, ITALIC, 13, right - left):
            centred(c, line, cx, y, ITALIC, 13)
            y -= 16
    # Which register line the phiếu belongs to, so it goes back to the right document.
    ref = [f"Số đến: {p.number if p.number not in (None, '') else BLANK}"]
    got = p.received_at
    if got:
        ref.append("Ngày đến: " + (got.strftime("%d/%m/%Y %H:%M")
                                   if isinstance(got, dt.datetime) and p.urgency else _dmy(got)))
    if (p.urgency or "").strip():
        ref.append(f"Độ khẩn: {clean(p.urgency).strip()}")
    centred(c, "   ".join(ref), cx, y - 2, REGULAR, 11)
    y -= 14
    c.setLineWidth(0.6)
    c.line(cx - 40 * mm, y, cx + 40 * mm, y)
    return y - 10


def _blocks(c: Canvas, left: float, right: float, y: float, bottom: float) -> None:
    """The three blocks with dotted writing lines; the line pitch shrinks (to a floor) when a
    long trích yếu has taken room, so the phiếu always stays on one page."""
    rows = sum(1 + sum(n for _, n in fields) + 1 for _, fields in BLOCKS)  # heading, lines, date
    gaps = len(BLOCKS) - 1
    pitch = min(27.0, max(17.0, (y - bottom - gaps * 8) / rows))
    size = 13
    for b, (heading, fields) in enumerate(BLOCKS):
        y -= pitch
        c.setFillColor((0, 0, 0))
        c.setFont(BOLD, size)
        c.drawString(left, y, heading)
        for label, n in fields:
            for k in range(n):
                y -= pitch
                x = left + 5 * mm
                if k == 0 and label:
                    c.setFont(REGULAR, size)
                    c.drawString(x, y, label)
                    x += c.stringWidth(label, REGULAR, size) + 4
                _dots(c, x, right, y)
        y -= pitch
        centred(c, DATE_BLANK, right - 45 * mm, y, ITALIC, size)
        y -= 8


def _dots(c: Canvas, x0: float, x1: float, y: float) -> None:
    if x1 - x0 < 10:
        return
    c.saveState()
    c.setDash(0.6, 2.4)
    c.setLineCap(1)
    c.setLineWidth(0.8)
    c.line(x0, y - 1, x1, y - 1)
    c.restoreState()


__all__ = ["PhieuGiaiQuyet", "build_phieu_giai_quyet", "BLOCKS", "TITLE"]
