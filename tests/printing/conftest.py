"""Books are built once per session and read back with pdftotext/pypdf by several tests."""
from __future__ import annotations

import datetime as dt
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from app.printing import BOOKS, BookHeader, PrintResult, build_book
from app.printing.sample import sample_rows

PARENT = "Ủy ban nhân dân tỉnh Thừa Thiên Huế"
ORG = "Văn phòng Ủy ban nhân dân tỉnh"
ROWS = {"incoming": 260, "outgoing": 90, "tracking": 90, "secret_incoming": 70,
        "secret_outgoing": 70}
VOID_EVERY = 40
MARK = "TỐI MẬT"


def header(book_key: str, n: int, **kw) -> BookHeader:
    base = dict(parent_org=PARENT, org_name=ORG, year=2026, date_from=dt.date(2026, 1, 2),
                date_to=dt.date(2026, 12, 28), number_from=1, number_to=n, volume=3, place="Huế",
                secrecy_mark=MARK if BOOKS[book_key].secret else None)
    base.update(kw)
    return BookHeader(**base)


def pages_text(pdf: Path, *args: str) -> list[str]:
    """Text of every page (content order, -raw), split on the form feeds pdftotext emits."""
    out = subprocess.run(["pdftotext", "-raw", *args, str(pdf), "-"], capture_output=True,
                         text=True, check=True).stdout
    pages = out.split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


def flat(text: str) -> str:
    return " ".join(text.split())


@dataclass
class Built:
    key: str
    path: Path
    result: PrintResult
    pages: list[str]

    @property
    def flat_pages(self) -> list[str]:
        return [flat(p) for p in self.pages]


@pytest.fixture(scope="session")
def books(tmp_path_factory) -> dict[str, Built]:
    folder = tmp_path_factory.mktemp("books")
    out = {}
    for key, n in ROWS.items():
        book = BOOKS[key]
        path = folder / f"{key}.pdf"
        result = build_book(book, header(key, n), sample_rows(book, n, void_every=VOID_EVERY),
                            path, total_rows=n)
        out[key] = Built(key, path, result, pages_text(path))
    return out


def words_with_boxes(pdf: Path, page: int) -> list[tuple[str, float, float]]:
    """(word, yMin, yMax) of one page from pdftotext -bbox (y grows downwards)."""
    html = subprocess.run(["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(pdf), "-"],
                          capture_output=True, text=True, check=True).stdout
    return [(m.group(3), float(m.group(1)), float(m.group(2))) for m in re.finditer(
        r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</word>', html)]
