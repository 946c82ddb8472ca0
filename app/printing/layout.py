"""Page geometry and text wrapping shared by the book and the phiếu.

Cells are pre-wrapped here (greedy word wrap on memoised widths) instead of being laid out as
Paragraphs:
platform.md measured Paragraph cells and one big table as superlinear in the number of rows, while
pre-wrapped lines drawn on the canvas stay linear and small.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from reportlab.lib.pagesizes import A3, A4
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics

from .books import BookTemplate
from .model import PrintError

PAPER = {"A4": A4, "A3": A3}


@dataclass(frozen=True)
class Geometry:
    width: float
    height: float
    left: float
    right: float
    top: float
    bottom: float
    font_size: float
    leading: float
    pad: float
    col_x: tuple[float, ...]  # n + 1 rulings, left to right

    @property
    def inner_width(self) -> float:
        return self.right - self.left

    def col_width(self, i: int) -> float:
        return self.col_x[i + 1] - self.col_x[i]


def page_size(pagesize: str, landscape: bool) -> tuple[float, float]:
    try:
        w, h = PAPER[pagesize.upper()]
    except (KeyError, AttributeError):
        raise PrintError(f"Khổ giấy không hỗ trợ: {pagesize!r} (chỉ A4 hoặc A3)") from None
    return (max(w, h), min(w, h)) if landscape else (min(w, h), max(w, h))


def geometry(book: BookTemplate, pagesize: str, landscape: bool,
             font_size: float | None) -> Geometry:
    w, h = page_size(pagesize, landscape)
    fs = font_size or (11.0 if pagesize.upper() == "A3" else 10.0)
    # The wider left margin leaves room for binding: the printed register is bound (đóng sổ).
    left, right = 20 * mm, w - 10 * mm
    pad = fs * 0.3
    widths = column_widths(book, right - left, fs, pad)
    xs = [left]
    for cw in widths:
        xs.append(xs[-1] + cw)
    xs[-1] = right  # no rounding gap at the right edge
    return Geometry(w, h, left, right, h - 10 * mm, 12 * mm, fs, fs * 1.18, pad, tuple(xs))


def column_widths(book: BookTemplate, inner: float, fs: float, pad: float) -> list[float]:
    """Widths from the weights, then every column with a `fit` sample (the dates) widened until
    the sample fits on one line, the difference taken proportionally from the other columns."""
    from .fonts import REGULAR

    total = sum(c.weight for c in book.columns)
    widths = [inner * c.weight / total for c in book.columns]
    # +1 pt: wrap() compares with <=, and rounding must not push a date onto two lines.
    need = [text_width(c.fit, REGULAR, fs) + 2 * pad + 1 if c.fit else 0.0
            for c in book.columns]
    short = sum(max(0.0, n - wd) for n, wd in zip(need, widths))
    if short > 0:
        free = [i for i, c in enumerate(book.columns) if not c.fit]
        pool = sum(widths[i] for i in free)
        if pool - short < pool * 0.5:
            raise PrintError("Cỡ chữ quá lớn so với khổ giấy: các cột ngày không đủ chỗ.")
        for i in free:
            widths[i] -= short * widths[i] / pool
        widths = [max(wd, n) for wd, n in zip(widths, need)]
    return widths


def clean(text: object) -> str:
    """NFC and no control characters: the embedded font has precomposed Vietnamese glyphs only,
    and reportlab does no shaping, so decomposed marks (NFD from some scanners/OCR) would print
    as loose accents."""
    s = "" if text is None else str(text)
    if not unicodedata.is_normalized("NFC", s):
        s = unicodedata.normalize("NFC", s)
    if "\t" in s or "\r" in s:
        s = s.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    return s


_METRICS: dict[str, tuple[dict, float, dict]] = {}
_MEMO_LIMIT = 60_000


def text_width(text: str, font: str, size: float) -> float:
    """stringWidth of a TrueType font, memoised per word/line: reportlab's pure-Python
    stringWidth (no rl_accel here) dominated the profile of a 16,500-row book, while the words
    of a register (syllables, dates, units) repeat endlessly."""
    m = _METRICS.get(font)
    if m is None:
        face = pdfmetrics.getFont(font).face
        m = _METRICS[font] = (face.charWidths, face.defaultWidth, {})
    widths, default, memo = m
    w = memo.get(text)
    if w is None:
        get = widths.get
        w = sum([get(ord(ch), default) for ch in text])
        if len(memo) > _MEMO_LIMIT:  # keep memory flat over 40,000 rows of unique symbols
            memo.clear()
        memo[text] = w
    return w * size * 0.001


def wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """Greedy word wrap to lines no wider than width (same result as reportlab's simpleSplit,
    words joined by one space); a word longer than the column is cut by character so that
    nothing spills into the neighbouring column (e.g. a long số, ký hiệu in a narrow cell)."""
    if not text:
        return []
    if "\n" not in text and text_width(text, font, size) <= width and "  " not in text \
            and text[0] != " " and text[-1] != " ":
        return [text]  # fast path: most cells are short
    space = text_width(" ", font, size)
    out: list[str] = []
    for para in text.split("\n"):
        line: list[str] = []
        lw = 0.0
        for word in para.split():
            ww = text_width(word, font, size)
            if line:
                if lw + space + ww <= width:
                    line.append(word)
                    lw += space + ww
                    continue
                out.append(" ".join(line))
            if ww <= width:
                line, lw = [word], ww
            else:
                pieces = _cut(word, font, size, width)
                out.extend(pieces[:-1])
                line, lw = [pieces[-1]], text_width(pieces[-1], font, size)
        if line:
            out.append(" ".join(line))
    return out


def _cut(word: str, font: str, size: float, width: float) -> list[str]:
    parts: list[str] = []
    cur, cw = "", 0.0
    for ch in word:
        w = text_width(ch, font, size)
        if cur and cw + w > width:
            parts.append(cur)
            cur, cw = ch, w
        else:
            cur += ch
            cw += w
    if cur:
        parts.append(cur)
    return parts
