"""build_book: cover, registration pages, closing page → one PDF."""
from __future__ import annotations

from contextlib import contextmanager
from typing import Callable, Iterable, Iterator

from .books import BookTemplate
from .decor import define_total
from .fonts import register_fonts
from .layout import geometry
from .model import BookHeader, PrintCancelled, PrintError, PrintResult, Row
from .output import Target, atomic_target
from .pages import draw_closing, draw_cover, furniture

PROGRESS_EVERY = 200
Progress = Callable[[int, "int | None"], None]


@contextmanager
def _binary_streams() -> Iterator[None]:
    """Compressed streams without the ASCII85 layer: reportlab's pure-Python base-85 encoder
    cost about a tenth of a large book's time and made the file a quarter larger."""
    from reportlab import rl_config

    old = rl_config.useA85
    rl_config.useA85 = 0
    try:
        yield
    finally:
        rl_config.useA85 = old


def write_rows(c, g, book, header, rows: Iterable[Row], check=None):
    """The register pages from page 2 on: (writer, number of the page after them)."""
    from .register import RegisterWriter

    w = RegisterWriter(c, g, book, header)
    page_no = 2

    def next_page() -> None:
        nonlocal page_no
        w.end_page()
        page_no += 1
        w.new_page(page_no)

    w.new_page(page_no)
    for row in rows:
        w.add_row(row, next_page)
        if check is not None and w.entries % PROGRESS_EVERY == 0:
            check(w.entries)
    w.end_page()
    return w, page_no + 1


def build_book(book: BookTemplate, header: BookHeader, rows: Iterable[Row], out: Target, *,
               pagesize: str = "A4", landscape: bool = True, font_size: float | None = None,
               total_rows: int | None = None, progress: Progress | None = None,
               cancelled: Callable[[], bool] | None = None) -> PrintResult:
    """Print one book.  rows is consumed once, lazily (a generator over 40,000 rows is fine).

    progress(done, total) is called every PROGRESS_EVERY rows and at the end; total is
    total_rows, else len(rows) when rows has a length, else None.  cancelled() is polled at the
    same rate; when it returns True, PrintCancelled is raised and no file is left at out.
    """
    from reportlab.pdfgen.canvas import Canvas  # imported late: reportlab costs start-up time

    if book.secret and not (header.secrecy_mark or "").strip():
        raise PrintError(f"'{book.title}' là sổ mật: phải chọn độ mật để in trên mọi trang.")
    if total_rows is None and hasattr(rows, "__len__"):
        total_rows = len(rows)  # type: ignore[arg-type]
    register_fonts()
    g = geometry(book, pagesize, landscape, font_size)

    def check(done: int) -> None:
        if cancelled is not None and cancelled():
            raise PrintCancelled("Đã hủy lệnh in.")
        if progress is not None:
            progress(done, total_rows)

    check(0)
    with atomic_target(out) as (fh, path), _binary_streams():
        c = Canvas(fh, pagesize=(g.width, g.height), pageCompression=1,
                   initialFontName="VTSerif")
        c.setTitle(f"{book.title} — {header.org_name}")
        c.setAuthor(header.org_name)
        c.setCreator("vanthu")
        draw_cover(c, g, book, header)
        furniture(c, g, header, 1)
        c.showPage()

        w, total = write_rows(c, g, book, header, rows, check)
        draw_closing(c, g, book, header, total, w.entries, w.voided)
        furniture(c, g, header, total)
        c.showPage()
        define_total(c, total)
        c.save()
    if progress is not None:
        progress(w.entries, total_rows if total_rows is not None else w.entries)
    return PrintResult(pages=total, entries=w.entries, path=path, voided=w.voided)
