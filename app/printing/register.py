"""Registration pages drawn straight on the canvas.

platform.md measured canvas drawing as the fastest and smallest way to print 16,500 rows (about
half the memory of 200-row Tables), and it gives exact control of what repeats on every page:
the column titles and the "(1) (2) …" row are redrawn by new_page(), never carried by a table.
Text goes into one text block per page and rulings into one path per page, both written as PDF
operators by this module (TextEncoder, _f): per-cell canvas calls, reportlab's number formatting
and its per-call subset splitting dominated the profile of a 16,500-row book.
"""
from __future__ import annotations

from reportlab.lib import colors
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from .books import BookTemplate
from .fonts import BOLD, BOLD_ITALIC, REGULAR
from .layout import Geometry, clean, text_width, wrap
from .model import BookHeader, PrintError, Row
from .pages import draw_running_head, furniture

VOID_GREY = colors.Color(0.9, 0.9, 0.9)
# A segment is one block of text in a row: (left x, width, lines, font, align).
Segment = tuple[float, float, list[str], str, str]


def _f(v: float) -> str:
    """A coordinate for the content stream: 2 decimals (1/7200 in) is far below print precision."""
    return f"{v:.2f}"


class TextEncoder:
    """Encodes text for the canvas's TrueType subsets the way TextObject.textOut does, but with
    the per-character result cached: (subset, escaped byte) per character of one document."""

    def __init__(self, c: Canvas):
        self.c = c
        self.doc = c._doc
        self._chars: dict[str, dict[str, tuple[int, str]]] = {}
        self._names: dict[tuple[str, int], str] = {}

    def runs(self, font: str, text: str) -> list[tuple[str, str]]:
        """[(internal subset font name, escaped string)] for one line."""
        table = self._chars.get(font)
        if table is None:
            table = self._chars[font] = {}
        try:
            parts = [table[ch] for ch in text]
        except KeyError:
            ttf = pdfmetrics.getFont(font)
            for ch in text:
                if ch not in table:
                    # splitString assigns the character its code in a subset, exactly as a
                    # textOut of it would; one character always lands in one subset.
                    (subset, raw), = ttf.splitString(ch, self.doc)
                    table[ch] = (subset, self.c._escape(raw))
            parts = [table[ch] for ch in text]
        first = parts[0][0]
        if all(p[0] == first for p in parts):
            return [(self.name(font, first), "".join([p[1] for p in parts]))]
        out: list[tuple[str, str]] = []
        cur, buf = first, []
        for sub, esc in parts:
            if sub != cur:
                out.append((self.name(font, cur), "".join(buf)))
                cur, buf = sub, []
            buf.append(esc)
        out.append((self.name(font, cur), "".join(buf)))
        return out

    def name(self, font: str, subset: int) -> str:
        key = (font, subset)
        n = self._names.get(key)
        if n is None:
            n = self._names[key] = pdfmetrics.getFont(font).getSubsetInternalName(subset, self.doc)
        return n


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
        self._enc = TextEncoder(c)
        self._text: list[str] = []   # PDF text operators of this page
        self._path: list[str] = []   # PDF path operators (rulings) of this page
        self._tf = ""                 # current "/Fn size Tf" inside the text block
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
        self._text = []
        self._tf = ""
        self._path = []
        self._fresh = True

    def end_page(self) -> None:
        g, c = self.g, self.c
        for j, start in enumerate(self._vstart):
            if start is not None and start > self._y:
                self._line(g.col_x[j], start, g.col_x[j], self._y)
        code = c._code
        if self._path:
            code.append("0 G 0.5 w " + " ".join(self._path) + " S")
        if self._text:
            # "0 g": the text is black whatever fill colour the voided lines' grey left behind.
            code.append("0 g BT " + " ".join(self._text) + " ET")
        c.showPage()

    def _line(self, x0: float, y0: float, x1: float, y1: float) -> None:
        self._path.append(f"{_f(x0)} {_f(y0)} m {_f(x1)} {_f(y1)} l")

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
        g, c = self.g, self.c
        fs, lead, pad = g.font_size, g.leading, g.pad
        top = self._y
        h = count * lead + 2 * pad
        bottom = top - h
        for j in hidden:
            # Interrupt the vertical rule across the voided span, resume it below the row.
            s = self._vstart[j]
            if s is not None and s > top:
                self._line(g.col_x[j], s, g.col_x[j], top)
            self._vstart[j] = bottom
        if voided:
            x0 = segs[-1][0]
            c.saveState()
            c.setFillColor(VOID_GREY)
            c.rect(x0, bottom, g.right - x0, h, stroke=0, fill=1)
            c.restoreState()
        text, enc = self._text, self._enc
        size = f" {_f(fs)} Tf"
        base = top - pad - fs * 0.92
        for x, w, lines, font, align in segs:
            for k in range(start, min(start + count, len(lines))):
                line = lines[k]
                if not line:
                    continue
                if align == "L":
                    tx = x + pad
                else:  # centred cells and the voided note
                    tx = x + (w - text_width(line, font, fs)) / 2
                text.append(f"1 0 0 1 {_f(tx)} {_f(base - (k - start) * lead)} Tm")
                for name, esc in enc.runs(font, line):
                    tf = name + size
                    if tf != self._tf:
                        text.append(tf)
                        self._tf = tf
                    text.append(f"({esc}) Tj")
        self._line(g.left, bottom, g.right, bottom)
        self._y = bottom
        self._fresh = False
