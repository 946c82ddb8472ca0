"""A ruled table drawn on the canvas for the archive forms (file plan, mục lục, biên bản list):
column titles and the "(1) (2) …" row repeated on every page, cells pre-wrapped with
layout.wrap, rows never split across pages. The forms run to hundreds of rows, not the tens of
thousands of a register, so plain canvas calls are enough here."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from reportlab.pdfgen.canvas import Canvas

from .fonts import BOLD, REGULAR
from .layout import clean, text_width, wrap


@dataclass(frozen=True)
class FormColumn:
    title: str
    weight: float
    align: str = "L"  # L | C | R


@dataclass(frozen=True)
class FormRow:
    cells: tuple[str, ...]
    font: str = REGULAR
    span_from: int | None = None  # a heading row: cell span_from runs to the last column


@dataclass
class Frame:
    left: float
    right: float
    top: float
    bottom: float


class FormTable:
    def __init__(self, c: Canvas, frame: Frame, columns: tuple[FormColumn, ...], size: float = 11.0,
                 numbered: bool = True):
        self.c, self.f, self.columns, self.size, self.numbered = c, frame, columns, size, numbered
        total = sum(col.weight for col in columns)
        xs = [frame.left]
        for col in columns:
            xs.append(xs[-1] + (frame.right - frame.left) * col.weight / total)
        self.xs = xs
        self.pad = 3.0
        self.leading = size * 1.22

    def _cell_lines(self, i: int, j: int, text: str, font: str) -> list[str]:
        width = self.xs[j] - self.xs[i] - 2 * self.pad
        return wrap(clean(text), font, self.size, width) or [""]

    def header(self, y: float) -> float:
        """Column titles (bold, centred) and, when numbered, the row of column numbers."""
        titles = [self._cell_lines(i, i + 1, col.title, BOLD) for i, col in enumerate(self.columns)]
        h = max(len(t) for t in titles) * self.leading + 2 * self.pad
        self._rule_row(y, h)
        for i, lines in enumerate(titles):
            top = y - (h - len(lines) * self.leading) / 2
            for k, line in enumerate(lines):
                self._text(line, i, i + 1, top - (k + 1) * self.leading + 3, BOLD, "C")
        y -= h
        if self.numbered:
            h = self.leading + 2
            self._rule_row(y, h)
            for i in range(len(self.columns)):
                self._text(f"({i + 1})", i, i + 1, y - self.leading + 2, REGULAR, "C")
            y -= h
        return y

    def rows(self, rows: list[FormRow], y: float, new_page: Callable[[], float]) -> float:
        """Draws the rows from y down, calling new_page() (which returns the new top) when a row
        does not fit; returns the y below the last row."""
        y = self.header(y)
        for row in rows:
            spans = self._spans(row)
            cells = [(i, j, self._cell_lines(i, j, text, row.font)) for i, j, text in spans]
            h = max(len(lines) for _, _, lines in cells) * self.leading + 2 * self.pad
            if y - h < self.f.bottom:
                y = self.header(new_page())
            self._rule_row(y, h, [i for i, _j, _ in cells])
            for i, j, lines in cells:
                align = self.columns[i].align if j == i + 1 else "L"
                for k, line in enumerate(lines):
                    self._text(line, i, j, y - self.pad - (k + 1) * self.leading + 3, row.font, align)
            y -= h
        return y

    def _spans(self, row: FormRow) -> list[tuple[int, int, str]]:
        n = len(self.columns)
        if row.span_from is None:
            return [(i, i + 1, row.cells[i] if i < len(row.cells) else "") for i in range(n)]
        out = [(i, i + 1, row.cells[i] if i < len(row.cells) else "") for i in range(row.span_from)]
        return out + [(row.span_from, n, row.cells[row.span_from] if row.span_from < len(row.cells) else "")]

    def _rule_row(self, y: float, h: float, starts: list[int] | None = None) -> None:
        c = self.c
        c.setLineWidth(0.5)
        c.rect(self.f.left, y - h, self.f.right - self.f.left, h)
        for i in (starts if starts is not None else range(len(self.columns)))[1:]:
            c.line(self.xs[i], y, self.xs[i], y - h)

    def _text(self, line: str, i: int, j: int, y: float, font: str, align: str) -> None:
        c = self.c
        c.setFont(font, self.size)
        x0, x1 = self.xs[i] + self.pad, self.xs[j] - self.pad
        if align == "C":
            c.drawCentredString((x0 + x1) / 2, y, line)
        elif align == "R":
            c.drawRightString(x1, y, line)
        else:
            c.drawString(x0, y, line)


def paragraph(c: Canvas, text: str, x: float, y: float, width: float, font: str = REGULAR,
              size: float = 13.0, indent: float = 0.0) -> float:
    """Running text wrapped to width, first line indented; returns the y below it."""
    lines = wrap(clean(text), font, size, width - indent)
    for k, line in enumerate(lines):
        c.setFont(font, size)
        c.drawString(x + (indent if k == 0 else 0), y, line)
        y -= size * 1.35
    return y


__all__ = ["FormColumn", "FormRow", "FormTable", "Frame", "paragraph", "text_width"]
