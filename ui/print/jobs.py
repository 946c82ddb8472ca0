"""Jobs for the TaskRunner (long=True): fn(session, progress, cancelled) on a worker.

The PDF goes to a fresh temporary folder; when the build fails or is cancelled the folder is
removed, so nothing is left behind. The preview owns the folder and removes it when closed.
"""
from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from app.printing import service as print_service
from app.printing import PrintCancelled


@dataclass(frozen=True)
class BuiltPdf:
    path: Path          # the PDF in its own temporary folder
    pages: int
    entries: int
    title: str          # for the preview's title and the suggested file name
    secret: bool = False
    # Writes the print record (target: the saved file or "máy in"); a preview is not a print,
    # so the record waits until the clerk saves or prints. None: nothing to record (phiếu).
    record: Callable[[str], None] | None = None


def temp_pdf(stem: str) -> Path:
    return Path(tempfile.mkdtemp(prefix="vanthu-in-")) / f"{stem}.pdf"


def discard(path: Path) -> None:
    """Remove a built PDF and its temporary folder."""
    shutil.rmtree(path.parent, ignore_errors=True)


def _steady(progress):
    # print_book may report total=None; the runner's progress wants numbers.
    return lambda done, total: progress(done, total if total else max(done, 1))


def book_job(store, req: print_service.PrintRequest, title: str, stem: str, secret: bool):
    """print_book opens its own sessions (it reads, then records the print), so the session
    the runner hands in is not used."""
    def run(_session, progress, cancelled) -> BuiltPdf:
        out = temp_pdf(stem)
        try:
            result = print_service.print_book(store.Session, store.ReadSession, req, out,
                                              progress=_steady(progress), cancelled=cancelled,
                                              record=False)
            if cancelled():  # Dừng pressed as the build ended: the runner would drop the result
                raise PrintCancelled("Đã hủy lệnh in.")
        except BaseException:
            discard(out)
            raise

        def record(target: str) -> None:
            print_service.record_print(store.Session, req, result, target, result.year, result.volume)
        return BuiltPdf(out, result.pages, result.entries, title, secret, record)
    return run


def phieu_job(entry_id: int, title: str, stem: str):
    """The one-page Phiếu giải quyết văn bản đến of one incoming entry."""
    def run(session, progress, cancelled) -> BuiltPdf:
        from ui.print.phieu_source import build_phieu  # the core's builder, adapted
        out = temp_pdf(stem)
        try:
            progress(0, 1)
            pages = build_phieu(session, entry_id, out)
            progress(1, 1)
            if cancelled():
                raise PrintCancelled("Đã hủy lệnh in.")
        except BaseException:
            discard(out)
            raise
        return BuiltPdf(out, pages, 1, title)
    return run
