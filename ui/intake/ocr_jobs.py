"""OCR of scanned files on workers of their own: two files at a time on two cores, so the
register's read and write workers are never held up by a 2-second page."""
from __future__ import annotations

import itertools
import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Qt, Signal

os.environ.setdefault("OMP_THREAD_LIMIT", "1")  # Tesseract's own threads make two cores slower


@dataclass(frozen=True)
class Knowledge:
    """What the database knows, to correct OCR slips: earlier issuers, the type catalogue and
    the wording of earlier summaries (an app.intake.ocr.spelling.Lexicon)."""
    issuers: Sequence[str] = ()
    doc_types: Sequence[tuple[str, str]] = ()
    lexicon: object = None


class _Job(QRunnable):
    def __init__(self, jobs: "OcrJobs", job_id: int, path: Path, knowledge: Knowledge,
                 cancel: threading.Event):
        super().__init__()
        self.jobs, self.job_id, self.path, self.knowledge, self.cancel = jobs, job_id, path, knowledge, cancel

    def run(self) -> None:  # worker thread: only signals leave it
        try:
            self._run()
        except RuntimeError:
            pass  # the queue was deleted (window closing): nobody is left to tell

    def _run(self) -> None:
        from app.intake import ocr, scans as intake, signatures

        emit = self.jobs._event.emit
        try:
            emit(self.job_id, "hash", intake.sha256_of(self.path))
            # Read at each file, so a root imported a moment ago counts for the next one.
            folder = self.jobs.trust_folder
            roots = signatures.load_roots(folder) if folder is not None else ()
            header = ocr.read_header(self.path, known_issuers=self.knowledge.issuers,
                                     trust_roots=roots,
                                     doc_types=self.knowledge.doc_types or ocr.DEFAULT_TYPES,
                                     lexicon=self.knowledge.lexicon,
                                     progress=lambda d, t: emit(self.job_id, "progress", (d, t)),
                                     cancelled=self.cancel.is_set)
            emit(self.job_id, "header", header)
            full = ocr.read_full(self.path, header=header, progress=lambda d, t: emit(self.job_id, "progress", (d, t)),
                                 cancelled=self.cancel.is_set)
            emit(self.job_id, "full", full)
        except ocr.OcrCancelled:
            emit(self.job_id, "cancelled", None)
        except ocr.OcrError as exc:
            emit(self.job_id, "failed", exc.message)
        except OSError as exc:
            emit(self.job_id, "failed", f"Không đọc được tệp: {exc.strerror or exc}")
        except Exception as exc:  # noqa: BLE001 - one bad file must never stop the queue
            emit(self.job_id, "failed", f"Lỗi không mong đợi khi đọc tệp: {exc}")


class OcrJobs(QObject):
    """submit(path) -> job id; events arrive on the GUI thread as (job_id, kind, payload)
    with kind in hash, progress, header, full, failed, cancelled."""

    event = Signal(int, str, object)
    _event = Signal(int, str, object)

    def __init__(self, parent: QObject | None = None, workers: int = 2):
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(workers)
        self._ids = itertools.count(1)
        self._cancels: dict[int, threading.Event] = {}
        self.knowledge = Knowledge()
        self.trust_folder: Path | None = None  # the root certificates signatures are verified against
        self._event.connect(self.event, Qt.ConnectionType.QueuedConnection)

    def submit(self, path: Path) -> int:
        job_id = next(self._ids)
        self._cancels[job_id] = threading.Event()
        self._pool.start(_Job(self, job_id, Path(path), self.knowledge, self._cancels[job_id]))
        return job_id

    def cancel(self, job_id: int) -> None:
        if job_id in self._cancels:
            self._cancels[job_id].set()

    def cancel_all(self) -> None:
        for event in self._cancels.values():
            event.set()

    def wait(self, msecs: int = 30000) -> bool:
        return self._pool.waitForDone(msecs)
