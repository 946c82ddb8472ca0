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
    total = sum(c.weight for c in book.columns)
    xs = [left]
    for c in book.columns:
        xs.append(xs[-1] + (right - left) * c.weight / total)
    xs[-1] = right  # no rounding gap at the right edge
    return Geometry(w, h, left, right, h - 10 * mm, 12 * mm, fs, fs * 1.18, fs * 0.3, tuple(xs))


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
