"""The text layer of a born-digital PDF page, as word boxes the header reader takes like
Tesseract's. A page is born-digital when its text is drawn as visible text and no picture
covers it; an invisible layer over a scanned picture is an earlier OCR of unknown quality and
is never taken as the truth (the page is read again from its picture)."""
from __future__ import annotations

import ctypes
import unicodedata
from dataclasses import dataclass
from pathlib import Path

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
    """(visible text objects, largest picture's share of the page)."""
    import pypdfium2.raw as raw

    w, h = page.get_size()
    visible, picture = 0, 0.0
    for obj in page.get_objects(max_depth=3):
        if obj.type == raw.FPDF_PAGEOBJ_IMAGE:
            left, bottom, right, top = obj.get_bounds()
            picture = max(picture, (right - left) * (top - bottom) / max(1.0, w * h))
        elif obj.type == raw.FPDF_PAGEOBJ_TEXT and raw.FPDFTextObj_GetTextRenderMode(obj.raw) != INVISIBLE:
            visible += 1
    return visible, picture


def is_born_digital(page) -> bool:
    visible, picture = _visible_text(page)
    if not visible or picture > PICTURE_SHARE:
        return False
    textpage = page.get_textpage()
    try:
        return textpage.count_chars() >= MIN_VISIBLE_CHARS
    finally:
        textpage.close()


def _is_bold(raw, textpage, i: int, buf, flags) -> bool:
    if raw.FPDFText_GetFontWeight(textpage.raw, i) >= 600:
        return True
    raw.FPDFText_GetFontInfo(textpage.raw, i, buf, len(buf), ctypes.byref(flags))
    return b"bold" in buf.value.lower() or bool(flags.value & (1 << 18))  # ForceBold


def read_page(path: Path | str, index: int = 0) -> TextPage | None:
    """The page's words with their boxes, or None when the page is not born-digital."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    pdf = pdfium.PdfDocument(str(path))
    try:
        page = pdf[index]
        if not is_born_digital(page):
            return None
        # Signing software stamps the number and the day as the pictures of signature fields
        # (text in their appearance streams): flattened, they join the page's text.
        if raw.FPDFPage_Flatten(page.raw, raw.FLAT_NORMALDISPLAY) == raw.FLATTEN_SUCCESS:
            page.close()
            page = pdf[index]
        width, height = page.get_size()
        k = DPI / 72
        textpage = page.get_textpage()
        buf, flags = ctypes.create_string_buffer(128), ctypes.c_int()
        ox, oy = ctypes.c_double(), ctypes.c_double()
        chars = []
        for i in range(textpage.count_chars()):
            ch = textpage.get_text_range(i, 1)
            if not ch or ch in "\r\n\x02\ufffe":
                continue
            left, bottom, right, top = textpage.get_charbox(i)
            raw.FPDFText_GetCharOrigin(textpage.raw, i, ctypes.byref(ox), ctypes.byref(oy))
            size = raw.FPDFText_GetFontSize(textpage.raw, i)
            chars.append((ch, left, bottom, right, top, size, oy.value,
                          not ch.isspace() and _is_bold(raw, textpage, i, buf, flags)))
        # (text, left, bottom, right, top, font size, baseline, bold) in PDF points
        textpage.close()
        words, bold = _words(chars, k, height)
        return TextPage(words, bold, (round(width * k), round(height * k)))
    finally:
        pdf.close()


def _rows(chars):
    """Characters grouped in rows by their baseline (a letter's origin: descenders and marks
    move its box, not its baseline), in reading order."""
    rows: list[list] = []
    for c in sorted((c for c in chars if not c[0].isspace()), key=lambda c: (-c[6], c[1])):
        for row in rows:
            base, size = row[0][6], row[0][5] or 10
            if abs(c[6] - base) < 0.3 * max(size, c[5] or 10):
                row.append(c)
                break
        else:
            rows.append([c])
    spaces = [c for c in chars if c[0].isspace()]
    return rows, spaces


def _words(chars, k: float, height: float):
    from app.intake.ocr.engine import Word

    rows, spaces = _rows(chars)
    words, bold = [], {}
    for n, row in enumerate(sorted(rows, key=lambda r: -r[0][6])):
        row.sort(key=lambda c: c[1])
        size = max(c[5] for c in row) or 10
        gaps = sorted(s[1] for s in spaces if abs(s[6] - row[0][6]) < 0.3 * size)
        groups, current, part, parts = [], [row[0]], 0, []
        for c in row[1:]:
            prev = current[-1]
            spaced = any(prev[3] - 0.5 <= g <= c[1] + 0.5 for g in gaps)
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
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        out = []
        for page in pdf:
            if is_born_digital(page):
                textpage = page.get_textpage()
                out.append(textpage.get_text_range().replace("\r\n", "\n"))
                textpage.close()
            else:
                out.append(None)
        return out
    finally:
        pdf.close()
