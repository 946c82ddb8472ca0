"""Text lines from Tesseract's word boxes, split where a wide gap separates the two header
columns, and tagged left or right of the page's middle."""
from __future__ import annotations

import statistics
from dataclasses import dataclass

from app.intake.ocr.engine import Word
from app.text import fold


@dataclass(frozen=True)
class Line:
    words: tuple[Word, ...]
    page_width: int
    ink: float = 0.0  # stroke width in pixels: bold lines (the issuer) are thicker

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @property
    def folded(self) -> str:
        return fold(self.text)

    @property
    def left(self) -> int:
        return min(w.left for w in self.words)

    @property
    def right(self) -> int:
        return max(w.left + w.width for w in self.words)

    @property
    def top(self) -> int:
        return min(w.top for w in self.words)

    @property
    def bottom(self) -> int:
        return max(w.top + w.height for w in self.words)

    @property
    def center(self) -> float:
        return (self.left + self.right) / 2

    @property
    def side(self) -> str:
        """'left' or 'right' header column, or 'centre' (title, summary, body). By the centre of
        the line: the text block is off the page's middle (wider left margin), so the header
        columns sit near 0.3 and 0.7 of the width and centred lines near 0.53."""
        c = self.center / self.page_width
        if c < 0.43:
            return "left"
        if c > 0.63:
            return "right"
        return "centre"

    @property
    def letters(self) -> int:
        return sum(ch.isalpha() for ch in self.text)

    @property
    def box(self) -> tuple[int, int, int, int]:
        return (self.left, self.top, self.right - self.left, self.bottom - self.top)

    @property
    def conf(self) -> float:
        return statistics.fmean(max(0.0, w.conf) for w in self.words) / 100

    @property
    def weakest(self) -> float:
        """The least sure word: one misread word makes a long field wrong, however sure the rest."""
        return min(max(0.0, w.conf) for w in self.words) / 100


def with_ink(lines: list[Line], gray) -> list[Line]:
    """Measures each line's stroke width (mean length of its horizontal ink runs), which tells
    bold from regular type whatever the letters are."""
    out = []
    for ln in lines:
        x, y, w, h = ln.box
        crop = gray.crop((x, y, x + max(1, w), y + max(1, h))).point(lambda v: 1 if v < 128 else 0)
        data = crop.tobytes()
        runs = data.count(b"\x00\x01") + 1
        out.append(Line(ln.words, ln.page_width, data.count(b"\x01") / runs))
    return out


def dedupe(lines: list[Line]) -> list[Line]:
    """Drops a line read twice (page pass and column pass), keeping the surer reading."""
    kept: list[Line] = []
    for ln in sorted(lines, key=lambda x: -x.conf):
        if not any(_overlap(ln, k) > 0.5 for k in kept):
            kept.append(ln)
    return sorted(kept, key=lambda x: (x.top, x.left))


def _overlap(a: Line, b: Line) -> float:
    w = min(a.right, b.right) - max(a.left, b.left)
    h = min(a.bottom, b.bottom) - max(a.top, b.top)
    if w <= 0 or h <= 0:
        return 0.0
    smaller = min((a.right - a.left) * (a.bottom - a.top), (b.right - b.left) * (b.bottom - b.top))
    return w * h / max(1, smaller)


def build_lines(words: list[Word], page_width: int) -> list[Line]:
    groups: dict[tuple[int, int, int], list[Word]] = {}
    for w in words:
        groups.setdefault((w.block, w.par, w.line), []).append(w)
    out = []
    for group in groups.values():
        group.sort(key=lambda w: w.left)
        height = statistics.median(w.height for w in group)
        current = [group[0]]
        for w in group[1:]:
            prev = current[-1]
            # A gap of several letter heights is the space between the two header columns.
            if w.left - (prev.left + prev.width) > 1.5 * height:
                out.append(Line(tuple(current), page_width))
                current = []
            current.append(w)
        out.append(Line(tuple(current), page_width))
    out.sort(key=lambda ln: (ln.top, ln.left))
    return out
