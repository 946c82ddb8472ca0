"""Page furniture shared by every printed page: "Trang x/y" and the secrecy mark.

The total page count is not known until the last row has been laid out, and rows may come from
a generator that cannot be read twice.  Each page therefore draws a reference to a PDF form
XObject named TOTAL_FORM, which is defined once at the end with the real total (reportlab allows
a form to be used before it is defined).  This keeps memory flat, unlike the usual "save every
page's state and redraw" canvasmaker trick.
"""
from __future__ import annotations

from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from .fonts import BOLD, REGULAR

TOTAL_FORM = "vtTotalPages"
FOOTER_SIZE = 9.0
MARK_SIZE = 12.0
MARK_RED = colors.Color(0.8, 0, 0)


def page_number(c: Canvas, page: int, x_centre: float, y: float) -> None:
    """Draw "Trang x/" and the deferred total right after it, centred on x_centre (the total's
    width is guessed from a 3-digit placeholder; centring is cosmetic, the text is exact)."""
    head = f"Trang {page}/"
    w = stringWidth(head + "000", REGULAR, FOOTER_SIZE)
    x = x_centre - w / 2
    c.setFillColor(colors.black)
    c.setFont(REGULAR, FOOTER_SIZE)
    c.drawString(x, y, head)
    c.saveState()
    c.translate(x + stringWidth(head, REGULAR, FOOTER_SIZE), y)
    c.doForm(TOTAL_FORM)
    c.restoreState()


def define_total(c: Canvas, total: int) -> None:
    c.beginForm(TOTAL_FORM)
    c.setFillColor(colors.black)
    c.setFont(REGULAR, FOOTER_SIZE)
    c.drawString(0, 0, str(total))
    c.endForm()


def secrecy_mark(c: Canvas, mark: str, x_right: float, y: float) -> None:
    """Bold red caps in a single-line frame, like the red dấu độ mật (TT 24/2020 mẫu 02);
    y is the text baseline, the frame is drawn around it, right edge at x_right."""
    text = mark.upper()
    w = stringWidth(text, BOLD, MARK_SIZE)
    px, py = 5.0, 3.0
    c.saveState()
    c.setStrokeColor(MARK_RED)
    c.setFillColor(MARK_RED)
    c.setLineWidth(1.2)
    c.rect(x_right - w - 2 * px, y - py - 1.5, w + 2 * px, MARK_SIZE + 2 * py, stroke=1, fill=0)
    c.setFont(BOLD, MARK_SIZE)
    c.drawString(x_right - w - px, y, text)
    c.restoreState()


def centred(c: Canvas, text: str, x: float, y: float, font: str, size: float) -> None:
    c.setFont(font, size)
    c.drawCentredString(x, y, text)
