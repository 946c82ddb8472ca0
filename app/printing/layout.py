"""Page geometry and text wrapping shared by the book and the phiếu.

Cells are pre-wrapped here with reportlab's simpleSplit instead of being laid out as Paragraphs:
platform.md measured Paragraph cells and one big table as superlinear in the number of rows, while
pre-wrapped lines drawn on the canvas stay linear and small.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from reportlab.lib.pagesizes import A3, A4
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth

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
    # +1 pt: simpleSplit compares with <=, and rounding must not push a date onto two lines.
    need = [stringWidth(c.fit, REGULAR, fs) + 2 * pad + 1 if c.fit else 0.0
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


def wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """Lines no wider than width; words longer than the column are cut by character so that
    nothing spills into the neighbouring column (e.g. a long số, ký hiệu in a narrow cell)."""
    if not text:
        return []
    if "\n" not in text and stringWidth(text, font, size) <= width:
        return [text]  # fast path: most cells are short
    out: list[str] = []
    for line in simpleSplit(text, font, size, width):
        if stringWidth(line, font, size) <= width:
            out.append(line)
        else:
            out.extend(_cut(line, font, size, width))
    return out


def _cut(line: str, font: str, size: float, width: float) -> list[str]:
    parts: list[str] = []
    cur = ""
    for ch in line:
        if cur and stringWidth(cur + ch, font, size) > width:
            parts.append(cur)
            cur = ch.lstrip()
        else:
            cur += ch
    if cur:
        parts.append(cur)
    return parts
