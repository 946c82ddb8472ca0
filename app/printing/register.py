"""Registration pages drawn straight on the canvas.

platform.md measured canvas drawing as the fastest and smallest way to print 16,500 rows (about
half the memory of 200-row Tables), and it gives exact control of what repeats on every page:
the column titles and the "(1) (2) …" row are redrawn by new_page(), never carried by a table.
Text goes into one text object per page and rulings into one path per page, because per-cell
canvas calls dominated the profile.
"""
from __future__ import annotations

from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from .books import BookTemplate
from .fonts import BOLD, BOLD_ITALIC, REGULAR
from .layout import Geometry, clean, wrap
from .model import BookHeader, PrintError, Row
from .pages import draw_running_head, furniture

VOID_GREY = colors.Color(0.9, 0.9, 0.9)
# A segment is one block of text in a row: (left x, width, lines, font, align).
Segment = tuple[float, float, list[str], str, str]


class RegisterWriter:
    def __init__(self, c: Canvas, g: Geometry, book: BookTemplate, header: BookHeader):
        self.c, self.g, self.book, self.header = c, g, book, header
        self.page = 0
        self.entries = 0
        self.voided = 0
        fs = g.font_size
        self._titles = [wrap(col.title, BOLD, fs, g.col_width(i) - 2 * g.pad)
                        for i, col in enumerate(book.columns)]
        self._title_h = max(len(t) for t in self._titles) * g.leading + 2 * g.pad
        self._num_h = g.leading + 2 * g.pad
        self._text = None
        self._path = None
        self._y = 0.0           # top of the next row
        self._table_top = 0.0   # top of the body rows on this page
        self._vstart: list[float | None] = []
        self._fresh = False     # nothing below the header yet

    # -- pages ------------------------------------------------------------------------------
    def new_page(self, page_no: int) -> None:
        g, c = self.g, self.c
        self.page = page_no
        furniture(c, g, self.header, page_no)
        y = draw_running_head(c, g, self.book, self.header)
        c.setLineWidth(0.6)
        c.setStrokeColor(colors.black)
        c.setFillColor(colors.black)
        fs = g.font_size
        h = self._title_h + self._num_h
        c.rect(g.left, y - h, g.inner_width, h, stroke=1, fill=0)
        c.line(g.left, y - self._title_h, g.right, y - self._title_h)
        for x in g.col_x[1:-1]:
            c.line(x, y, x, y - h)
        for i, lines in enumerate(self._titles):
            # Titles are centred vertically so short ones sit level with the wrapped ones.
            mid = g.col_x[i] + g.col_width(i) / 2
            top = y - (self._title_h - len(lines) * g.leading) / 2
            c.setFont(BOLD, fs)
            for k, line in enumerate(lines):
                c.drawCentredString(mid, top - fs * 0.92 - k * g.leading, line)
            c.setFont(REGULAR, fs)
            c.drawCentredString(mid, y - self._title_h - g.pad - fs * 0.92, f"({i + 1})")
        self._y = self._table_top = y - h
        self._vstart = [self._y] * len(g.col_x)
        self._text = c.beginText()
        self._font = None
        self._path = c.beginPath()
        self._fresh = True

    def end_page(self) -> None:
        g, c = self.g, self.c
        for j, start in enumerate(self._vstart):
            if start is not None and start > self._y:
                self._path.moveTo(g.col_x[j], start)
                self._path.lineTo(g.col_x[j], self._y)
        c.setLineWidth(0.5)
        c.drawPath(self._path, stroke=1, fill=0)
        c.drawText(self._text)
        c.showPage()

    # -- rows -------------------------------------------------------------------------------
    def segments(self, row: Row) -> tuple[list[Segment], list[int]]:
        """Text blocks of a row and the inner rulings it hides (a voided line spans the columns
        after the number with one note, so it cannot be mistaken for an empty entry)."""
        g, book = self.g, self.book
        if len(row.cells) != book.width:
            raise PrintError(f"Dòng {self.entries + 1}: có {len(row.cells)} ô, "
                             f"sổ '{book.title}' cần {book.width} ô")
        w = g.pad * 2
        fs = g.font_size
        last = book.number_col + 1 if row.voided else book.width
        segs: list[Segment] = []
        for i in range(last):
            lines = wrap(clean(row.cells[i]), REGULAR, fs, g.col_width(i) - w)
            segs.append((g.col_x[i], g.col_width(i), lines, REGULAR, book.columns[i].align))
        hidden: list[int] = []
        if row.voided and last < book.width:
            note = "ĐÃ HỦY SỐ"
            if clean(row.void_reason).strip():
                note += " — lý do: " + clean(row.void_reason).strip()
            x0 = g.col_x[last]
            span = g.right - x0
            segs.append((x0, span, wrap(note, BOLD_ITALIC, fs, span - w), BOLD_ITALIC, "V"))
            hidden = list(range(last + 1, book.width))
        return segs, hidden

    def add_row(self, row: Row, new_page) -> None:
        g = self.g
        segs, hidden = self.segments(row)
        n = max([len(s[2]) for s in segs] + [1])
        per_page = int((self._table_top - g.bottom - 2 * g.pad) // g.leading)
        start = 0
        while start < n:
            room = int((self._y - g.bottom - 2 * g.pad) // g.leading)
            left = n - start
            if left <= room:
                self._draw(segs, hidden, start, left, row.voided)
                break
            if not self._fresh and (left <= per_page or room < 1):
                new_page()  # keep a row on one page whenever it can fit on one
                continue
            # Taller than a whole page (a very long trích yếu): split it across pages.
            self._draw(segs, hidden, start, room, row.voided)
            start += room
            new_page()
        self.entries += 1
        self.voided += row.voided

    def _draw(self, segs: list[Segment], hidden: list[int], start: int, count: int,
              voided: bool) -> None:
        g, c, t = self.g, self.c, self._text
        fs, lead, pad = g.font_size, g.leading, g.pad
        top = self._y
        h = count * lead + 2 * pad
        bottom = top - h
        for j in hidden:
            # Interrupt the vertical rule across the voided span, resume it below the row.
            s = self._vstart[j]
            if s is not None and s > top:
                self._path.moveTo(g.col_x[j], s)
                self._path.lineTo(g.col_x[j], top)
            self._vstart[j] = bottom
        if voided:
            x0 = segs[-1][0]
            c.setFillColor(VOID_GREY)
            c.rect(x0, bottom, g.right - x0, h, stroke=0, fill=1)
        for x, w, lines, font, align in segs:
            if font != self._font:
                t.setFont(font, fs, lead)
                self._font = font
            base = top - pad - fs * 0.92
            for k in range(start, min(start + count, len(lines))):
                line = lines[k]
                if align == "L":
                    tx = x + pad
                else:  # centred cells and the voided note
                    tx = x + (w - stringWidth(line, font, fs)) / 2
                t.setTextOrigin(tx, base - (k - start) * lead)
                t.textOut(line)
        self._path.moveTo(g.left, bottom)
        self._path.lineTo(g.right, bottom)
        self._y = bottom
        self._fresh = False
