"""Cover (bìa và trang đầu, NĐ 30 Phụ lục IV) and closing (đóng sổ) pages of a book."""
from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from .books import BookTemplate
from .decor import FOOTER_SIZE, centred, page_number, secrecy_mark
from .fonts import BOLD, BOLD_ITALIC, ITALIC, REGULAR
from .layout import Geometry, clean, wrap
from .model import BookHeader, fmt_date, fmt_value


def furniture(c: Canvas, g: Geometry, header: BookHeader, page: int) -> None:
    """Page number and, for secret books, the mark at the top and the bottom of every page:
    a loose page of a secret register is itself secret material (domain.md §6)."""
    page_number(c, page, g.width / 2, g.bottom - FOOTER_SIZE - 3)
    if header.secrecy_mark:
        secrecy_mark(c, header.secrecy_mark, g.right, g.height - 7 * mm)
        secrecy_mark(c, header.secrecy_mark, g.right, 4 * mm)


def _org_block(c: Canvas, g: Geometry, header: BookHeader, x: float, y: float,
               width: float) -> float:
    """Cơ quan chủ quản (regular caps) over tên cơ quan (bold caps) with a short rule, as on
    NĐ 30 headings; returns the y below the block."""
    for text, font in ((header.parent_org, REGULAR), (header.org_name, BOLD)):
        for line in wrap(clean(text).upper(), font, 13, width):
            centred(c, line, x, y, font, 13)
            y -= 16
    c.setLineWidth(0.6)
    c.line(x - 20 * mm, y + 10, x + 20 * mm, y + 10)
    return y


def draw_cover(c: Canvas, g: Geometry, book: BookTemplate, header: BookHeader) -> None:
    block_w = g.inner_width * 0.45
    _org_block(c, g, header, g.left + block_w / 2, g.top - 20, block_w)
    cx = g.width / 2
    y = g.height * 0.58
    centred(c, book.title, cx, y, BOLD, 26)
    y -= 44
    lines = [f"Năm: {fmt_value(header.year)}",
             f"Từ ngày {fmt_date(header.date_from)} đến ngày {fmt_date(header.date_to)}"]
    if book.has_number_range:
        lines.append(f"Từ số {fmt_value(header.number_from)} đến số {fmt_value(header.number_to)}")
    lines.append(f"Quyển số: {fmt_value(header.volume)}")
    for line in lines:
        centred(c, line, cx, y, REGULAR, 15)
        y -= 24


def draw_closing(c: Canvas, g: Geometry, book: BookTemplate, header: BookHeader,
                 pages: int, entries: int, voided: int) -> None:
    """Đóng sổ certification.  The form is not prescribed (domain.md §6, UNCONFIRMED), so it
    states what a binder needs to check: page count, entries, number range, then signatures."""
    cx = g.width / 2
    y = g.top - 40
    centred(c, "ĐÓNG SỔ", cx, y, BOLD, 16)
    y -= 36
    registered = entries - voided
    text = (f"Sổ này gồm {pages} trang (kể cả trang bìa và trang đóng sổ), "
            f"đăng ký {registered} văn bản")
    if book.has_number_range:
        text += (f", từ số {fmt_value(header.number_from)} "
                 f"đến số {fmt_value(header.number_to)}")
    text += f"; {voided} số đã hủy." if voided else "."
    width = g.inner_width - 40 * mm
    for line in wrap(text, REGULAR, 13, width):
        c.setFont(REGULAR, 13)
        c.drawString(g.left + 20 * mm, y, line)
        y -= 18
    if header.chain_head:  # checked later with `vanthu audit verify --head`
        c.setFont(REGULAR, 11)
        c.drawString(g.left + 20 * mm, y - 4, f"Mã kiểm tra nhật ký (đầu chuỗi): {header.chain_head}")
        y -= 22
    y -= 30
    right_x = g.left + g.inner_width * 0.75
    left_x = g.left + g.inner_width * 0.25
    place = clean(header.place) or "……………"
    centred(c, f"{place}, ngày …… tháng …… năm ……", right_x, y, ITALIC, 13)
    y -= 26
    for x, who, how in ((left_x, "NGƯỜI LẬP SỔ", "(Ký, ghi rõ họ tên)"),
                        (right_x, "THỦ TRƯỞNG CƠ QUAN", "(Ký tên, đóng dấu)")):
        centred(c, who, x, y, BOLD, 13)
        centred(c, how, x, y - 16, ITALIC, 12)


def draw_running_head(c: Canvas, g: Geometry, book: BookTemplate, header: BookHeader) -> float:
    """One small line above the table naming the office, book, year and volume, so a loose
    page can be put back in its book; returns the y where the table starts."""
    y = g.top - 9
    c.setFont(REGULAR, 9)
    c.drawString(g.left, y, clean(header.org_name).upper())
    bits = [book.title]
    if header.year:
        bits.append(f"Năm {header.year}")
    if header.volume:
        bits.append(f"Quyển số {header.volume}")
    centred(c, " — ".join(bits), g.width / 2, y, BOLD_ITALIC, 9)
    return y - 7
