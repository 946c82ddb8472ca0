"""First and last pages of the secret forms: the heading of a state or Party document
(cơ quan on the left, the motto on the right), the title and preamble; then the closing
statement, signatures and the audit chain's head."""
from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from .decor import centred
from .fonts import BOLD, ITALIC, REGULAR
from .layout import Geometry, clean, wrap
from .model import BookHeader
from .pages import _org_block

MOTTO = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")


def draw_opening(c: Canvas, g: Geometry, header: BookHeader, opening) -> None:
    block_w = g.inner_width * 0.42
    _org_block(c, g, header, g.left + block_w / 2, g.top - 20, block_w)
    rx = g.right - block_w / 2
    centred(c, MOTTO[0], rx, g.top - 20, BOLD, 12)
    centred(c, MOTTO[1], rx, g.top - 36, BOLD, 13)
    c.setLineWidth(0.6)
    c.line(rx - 28 * mm, g.top - 40, rx + 28 * mm, g.top - 40)
    y = g.height * 0.62
    centred(c, opening.title, g.width / 2, y, BOLD, 22)
    y -= 38
    width = g.inner_width - 60 * mm
    for text in opening.lines:
        for line in wrap(clean(text), REGULAR, 14, width):
            centred(c, line, g.width / 2, y, REGULAR, 14)
            y -= 21


def draw_end(c: Canvas, g: Geometry, header: BookHeader, closing) -> None:
    y = g.top - 40
    width = g.inner_width - 40 * mm
    for text in closing.statement:
        for line in wrap(clean(text), REGULAR, 13, width):
            c.setFont(REGULAR, 13)
            c.drawString(g.left + 20 * mm, y, line)
            y -= 18
        y -= 4
    y -= 24
    place = clean(header.place) or "……………"
    n = max(len(closing.signers), 1)
    xs = [g.left + g.inner_width * (2 * i + 1) / (2 * n) for i in range(n)]
    centred(c, f"{place}, ngày …… tháng …… năm ……", xs[-1], y, ITALIC, 13)
    y -= 26
    for x, (who, how) in zip(xs, closing.signers):
        centred(c, who, x, y, BOLD, 13)
        centred(c, how, x, y - 16, ITALIC, 12)
    c.setFont(REGULAR, 9)
    c.drawString(g.left, g.bottom + 14, f"Mã kiểm tra nhật ký (đầu chuỗi): {closing.chain_head}")
