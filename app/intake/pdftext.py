"""The text layer of a born-digital PDF page, as word boxes the header reader takes like
Tesseract's. A page is born-digital when its text is drawn as visible text and no picture
covers it; an invisible layer over a scanned picture is an earlier OCR of unknown quality and
is never taken as the truth (the page is read again from its picture)."""
from __future__ import annotations

import bisect
import ctypes
import math
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from app.pdflock import LOCK, document, each_page, image_of

DPI = 200  # the reader's working resolution: boxes come in the pixels of a page at this dpi
INVISIBLE = 3  # PDF text render mode 3: neither filled nor stroked (an OCR layer)
MIN_VISIBLE_CHARS = 60
PICTURE_SHARE = 0.6  # a picture over this share of the page makes it a scan


@dataclass(frozen=True)
class TextPage:
    words: list  # engine.Word, confidence 100
    bold: dict  # (left, top) of a word -> share of its letters in bold
    size: tuple[int, int]  # the page in pixels at DPI


def _visible_text(page) -> tuple[int, float]:
    """(visible text objects, largest picture's share of the page), over the page's objects
    and those of its forms three levels down; raw calls, as the wrappers cost 3 µs an object."""
    import pypdfium2.raw as raw

    w, h = page.get_size()
    bounds = [ctypes.c_float() for _ in range(4)]
    visible, picture = 0, 0.0

    def walk(count, get, level):
        nonlocal visible, picture
        for i in range(count):
            obj = get(i)
            kind = raw.FPDFPageObj_GetType(obj)
            if kind == raw.FPDF_PAGEOBJ_IMAGE:
                if not raw.FPDFPageObj_GetBounds(obj, *bounds):
                    raise RuntimeError("pdfium: no bounds for a picture")  # read as a scan
                left, bottom, right, top = (b.value for b in bounds)
                picture = max(picture, (right - left) * (top - bottom) / max(1.0, w * h))
            elif kind == raw.FPDF_PAGEOBJ_TEXT and raw.FPDFTextObj_GetTextRenderMode(obj) != INVISIBLE:
                visible += 1
            elif kind == raw.FPDF_PAGEOBJ_FORM and level < 2:
                walk(raw.FPDFFormObj_CountObjects(obj), lambda k, o=obj: raw.FPDFFormObj_GetObject(o, k), level + 1)

    walk(raw.FPDFPage_CountObjects(page.raw), lambda k: raw.FPDFPage_GetObject(page.raw, k), 0)
    return visible, picture


def _digital_textpage(page):
    """The page's text page when the page is born-digital, else None."""
    visible, picture = _visible_text(page)
    if not visible or picture > PICTURE_SHARE:
        return None
    textpage = page.get_textpage()
    if textpage.count_chars() >= MIN_VISIBLE_CHARS:
        return textpage
    textpage.close()
    return None


def is_born_digital(page) -> bool:
    textpage = _digital_textpage(page)
    if textpage is not None:
        textpage.close()
    return textpage is not None


def _is_bold(raw, textpage, i: int, buf, flags) -> bool:
    if raw.FPDFText_GetFontWeight(textpage.raw, i) >= 600:
        return True
    raw.FPDFText_GetFontInfo(textpage.raw, i, buf, len(buf), ctypes.byref(flags))
    return b"bold" in buf.value.lower() or bool(flags.value & (1 << 18))  # ForceBold


ZONE = 0.5  # the share of the page read from the top: the header, and a long summary under it


def read_page(path: Path | str, index: int = 0, zone: float = ZONE) -> TextPage | None:
    """The words of the top `zone` of the page (the rows whose baseline is there, each whole)
    with their boxes, or None when the page is not born-digital."""
    with Opened(path) as pdf:
        return pdf.read(index, zone)


class Opened:
    """A PDF opened once for a page's text and, where the text layer has a blank, for a band of
    the page drawn (the file is not opened and the page not parsed again)."""

    def __init__(self, path: Path | str):
        import pypdfium2 as pdfium

        self.path = str(path)
        with LOCK:
            self.pdf = pdfium.PdfDocument(self.path)
        self.page, self.index = None, 0
        self.fields_drawn = True  # the page's form fields are part of its content

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def close(self):
        # The page first: pypdfium2 warns of, and at exit may crash on, a page left open
        # under its closed document.
        with LOCK:
            if self.page is not None:
                self.page.close()
                self.page = None
            self.pdf.close()

    def read(self, index: int = 0, zone: float = ZONE) -> TextPage | None:
        with LOCK:
            return self._read(index, zone)

    def _read(self, index: int, zone: float) -> TextPage | None:
        import pypdfium2.raw as raw

        self.index = index
        page = self.page = self.pdf[index]
        textpage = _digital_textpage(page)
        if textpage is None:
            return None
        # Signing software stamps the number and the day as the pictures of signature fields
        # (text in their appearance streams): flattened, they join the page's text.
        if raw.FPDFPage_GetAnnotCount(page.raw) > 0:
            if raw.FPDFPage_Flatten(page.raw, raw.FLAT_NORMALDISPLAY) == raw.FLATTEN_SUCCESS:
                textpage.close()
                page.close()
                page = self.page = self.pdf[index]
                textpage = page.get_textpage()
            else:
                self.fields_drawn = False
        width, height = page.get_size()
        k = DPI / 72
        # A turned page's text runs across its rows: it is read whole.
        cut = height * (1 - zone) if page.get_rotation() == 0 else None
        chars = _chars(raw, textpage, cut)
        textpage.close()
        words, bold = _words(chars, k, height, cut)
        return TextPage(words, bold, (round(width * k), round(height * k)))

    def draw(self, top: int, bottom: int, share: float):
        """The page read drawn in gray at DPI as its top `share` (the size load.render_top
        gives), of which only the rows from `top` to `bottom` (pixels) are drawn and the rest
        left white: drawing the rows of two blanks takes a tenth of the time of the 40 %.
        The page was flattened with its fields' pictures; if it could not be, it is drawn from
        the file again with its form fields."""
        with LOCK:
            return self._draw(top, bottom, share)

    def _draw(self, top: int, bottom: int, share: float):
        from PIL import Image

        scale = DPI / 72
        page, pdf = self.page, None
        if not self.fields_drawn:
            import pypdfium2 as pdfium

            pdf = pdfium.PdfDocument(self.path)
            pdf.init_forms()  # without it pdfium draws no form field's appearance
            page = pdf[self.index]
        try:
            height = page.get_size()[1]
            full = math.ceil(height * scale)
            size = (math.ceil(page.get_size()[0] * scale), full - math.ceil(height * (1 - share) * scale))
            top, bottom = max(0, top), min(size[1], bottom)
            canvas = Image.new("L", size, 255)
            if bottom > top:
                # pypdfium2 cuts ceil(crop × scale) pixels off each side: half a pixel less
                # than the rows wanted gives exactly those rows.
                crop = (0, (full - bottom - 0.5) / scale, 0, (top - 0.5) / scale)
                band = page.render(scale=scale, crop=crop, may_draw_forms=pdf is not None)
                canvas.paste(image_of(band).convert("L"), (0, top))
            return canvas
        finally:
            if pdf is not None:
                page.close()
                pdf.close()


def _text_units(raw, textpage, n: int):
    """Each char's text (as pypdfium2's get_text_range(i, 1) gives it: "" for a char left out of
    the text) from one call for the whole page instead of one a char; None where the page's
    text holds a character beyond 16 bits (a surrogate pair shifts the text's indices)."""
    where = [raw.FPDFText_GetTextIndexFromCharIndex(textpage.raw, i) for i in range(n)]
    active = [i for i, t in enumerate(where) if t >= 0]
    if not active:
        return [""] * n
    first, last = where[active[0]], where[active[-1]]
    if any(not first <= where[i] <= last for i in active):
        return None
    buffer = (ctypes.c_ushort * (last - first + 2))()
    got = raw.FPDFText_GetText(textpage.raw, active[0], n - active[0], buffer)
    units = buffer[:max(0, got - 1)]
    if len(units) != last - first + 1 or any(0xD800 <= u <= 0xDFFF for u in units):
        return None
    return ["" if t < 0 else chr(units[t - first]) for t in where]


def _chars(raw, textpage, cut: float | None) -> list[tuple]:
    """(text, left, bottom, right, top, font size, baseline, bold) in PDF points of the
    page's chars; with `cut` (a height in points), only those that may join a row whose
    baseline is above it or space its words (_rows: within 0.3 of the largest type's size),
    as the rows are begun top down."""
    tp = textpage.raw
    n = textpage.count_chars()
    texts = _text_units(raw, textpage, n)
    if texts is None:
        texts = [textpage.get_text_range(i, 1) for i in range(n)]
    ox, oy = ctypes.c_double(), ctypes.c_double()
    base = [0.0] * n
    for i in range(n):
        raw.FPDFText_GetCharOrigin(tp, i, ctypes.byref(ox), ctypes.byref(oy))
        base[i] = oy.value
    sizes = [raw.FPDFText_GetFontSize(tp, i) for i in range(n)]
    low = None
    if cut is not None:
        low = cut - 0.3 * max([10.0] + [s or 10 for s in sizes]) - 1
    box = [ctypes.c_double() for _ in range(4)]  # left, right, bottom, top: pdfium's order
    buf, flags = ctypes.create_string_buffer(128), ctypes.c_int()
    font_bold: dict = {}
    chars = []
    for i, ch in enumerate(texts):
        if not ch or ch in "\r\n\x02\ufffe" or (low is not None and base[i] < low):
            continue
        if not raw.FPDFText_GetCharBox(tp, i, *box):
            raise RuntimeError("pdfium: no box for a char")
        left, right, bottom, top = (b.value for b in box)
        bold = False
        if not ch.isspace():
            # Weight, name and flags are the font's: asked once per text object.
            obj = ctypes.cast(raw.FPDFText_GetTextObject(tp, i), ctypes.c_void_p).value
            bold = font_bold.get(obj) if obj else None
            if bold is None:
                bold = _is_bold(raw, textpage, i, buf, flags)
                if obj:
                    font_bold[obj] = bold
        chars.append((ch, left, bottom, right, top, sizes[i], base[i], bold))
    return chars


def _rows(chars):
    """Characters grouped in rows by their baseline (a letter's origin: descenders and marks
    move its box, not its baseline), in reading order: a letter joins the first row begun
    whose baseline is within 0.3 of the larger type's size. Rows are begun top down, so only
    those within that reach of the largest type are looked at."""
    rows: list[list] = []
    reach = 0.3 * max([10.0] + [c[5] or 10 for c in chars])
    start = 0
    for c in sorted((c for c in chars if not c[0].isspace()), key=lambda c: (-c[6], c[1])):
        while start < len(rows) and rows[start][0][6] - c[6] >= reach:
            start += 1
        for row in rows[start:]:
            base, size = row[0][6], row[0][5] or 10
            if abs(c[6] - base) < 0.3 * max(size, c[5] or 10):
                row.append(c)
                break
        else:
            rows.append([c])
    spaces = [c for c in chars if c[0].isspace()]
    return rows, spaces


def _words(chars, k: float, height: float, cut: float | None = None):
    """The words of the rows of `chars`; with `cut`, of those whose baseline is above it
    (a row lower down may lack some of its chars)."""
    from app.intake.ocr.engine import Word

    rows, spaces = _rows(chars)
    if cut is not None:
        rows = [r for r in rows if r[0][6] >= cut]
    spaces.sort(key=lambda s: s[6])
    space_base = [s[6] for s in spaces]
    words, bold = [], {}
    for n, row in enumerate(sorted(rows, key=lambda r: -r[0][6])):
        row.sort(key=lambda c: c[1])
        size = max(c[5] for c in row) or 10
        # The spaces on the row's baseline (a bisect, then the exact test)
        lo = bisect.bisect_left(space_base, row[0][6] - 0.3 * size - 1)
        hi = bisect.bisect_right(space_base, row[0][6] + 0.3 * size + 1)
        gaps = sorted(s[1] for s in spaces[lo:hi] if abs(s[6] - row[0][6]) < 0.3 * size)
        groups, current, part, parts = [], [row[0]], 0, []
        for c in row[1:]:
            prev = current[-1]
            j = bisect.bisect_left(gaps, prev[3] - 0.5)
            spaced = j < len(gaps) and gaps[j] <= c[1] + 0.5
            # Another line: a gap of most of a letter's width (the two header columns), or a
            # much smaller or larger type (a signing service's text block run into the name).
            other = c[1] - prev[3] > 0.8 * size or max(c[5], prev[5]) > 1.3 * max(0.1, min(c[5], prev[5]))
            if spaced or other or c[1] - prev[3] > 0.22 * size:
                groups.append(current)
                parts.append(part)
                part += other
                current = []
            current.append(c)
        groups.append(current)
        parts.append(part)
        for g, part in zip(groups, parts):
            text = unicodedata.normalize("NFC", "".join(c[0] for c in g))
            left, right = min(c[1] for c in g), max(c[3] for c in g)
            top, bottom = max(c[4] for c in g), min(c[2] for c in g)
            bold[(round(left * k), round((height - top) * k))] = sum(c[7] for c in g) / len(g)
            words.append(Word(text, 100.0, round(left * k), round((height - top) * k),
                              max(1, round((right - left) * k)), max(1, round((top - bottom) * k)),
                              n + 1, part, 0))
    return words, bold


def lines(page: TextPage):
    """The page's text lines as the header reader takes them; a line's "ink" is 1 for regular
    type and 2 for bold, as the stroke width tells them apart on a scan."""
    from app.intake.ocr.lines import Line, build_lines

    out = []
    for ln in build_lines(page.words, page.size[0]):
        share = sum(page.bold.get((w.left, w.top), 0.0) for w in ln.words) / len(ln.words)
        out.append(Line(ln.words, ln.page_width, 1.0 + share))
    return out


def page_texts(path: Path | str) -> list[str | None]:
    """Each page's text where the page is born-digital, else None (to be read by OCR)."""
    out = []
    with document(path) as pdf:
        for page in each_page(pdf):
            textpage = _digital_textpage(page)
            if textpage is not None:
                out.append(textpage.get_text_range().replace("\r\n", "\n"))
                textpage.close()
            else:
                out.append(None)
    return out
