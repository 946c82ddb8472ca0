"""The one background-task runner (after Anki's CollectionOp/QueryOp).

A task is a function of a Session run on a worker thread with its own session; its result
or exception comes back on the GUI thread. Writes go through one worker at a time (SQLite
has one writer anyway, and queueing here keeps the GUI from waiting on the file lock);
reads run on a small pool of their own so a slow search never holds up a save.
Workers never touch widgets: they only emit signals of the runner, which lives in the
GUI thread and receives them through queued connections.
"""
from __future__ import annotations

import itertools
import threading
import time
from dataclasses import dataclass, field
from typing import Any, Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Qt, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget
from shiboken6 import isValid

PROGRESS_DELAY_MS = 500  # show progress only for jobs that are really long
PROGRESS_EVERY_S = 0.1  # batch progress reports: no flood of signals into the GUI thread


@dataclass(eq=False)
class Task:
    """A handle on a submitted job: cancel it, or ask whether it is still running."""
    id: int
    on_done: Callable[[Any], None] | None
    on_error: Callable[[BaseException], None] | None
    changes: Any = None  # Changes, or a function result -> Changes (writes only)
    dialog: QProgressDialog | None = None
    owner: QObject | None = None  # a widget whose deletion makes the answer pointless
    running: bool = True
    _cancel: threading.Event = field(default_factory=threading.Event)

    def cancel(self) -> None:
        """Stale or unwanted: the worker skips it if not started and the result is dropped."""
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()


class _Job(QRunnable):
    def __init__(self, runner: "TaskRunner", task: Task, fn: Callable, session_factory, long: bool):
        super().__init__()
        self.runner, self.task, self.fn = runner, task, fn
        self.session_factory, self.long = session_factory, long

    def run(self) -> None:  # on the worker thread
        try:
            self._run()
        except RuntimeError:
            pass  # the runner was deleted (the program is closing): nobody to tell

    def _run(self) -> None:
        task = self.task
        if task.cancelled:
            self.runner._finished.emit(task.id, None, None)
            return
        try:
            with self.session_factory() as s:
                with s.begin():
                    if self.long:
                        result = self.fn(s, self._progress, lambda: task.cancelled)
                    else:
                        result = self.fn(s)
            self.runner._finished.emit(task.id, result, None)
        except BaseException as exc:  # delivered to the caller, which decides what to say
            self.runner._finished.emit(task.id, None, exc)

    _last = 0.0

    def _progress(self, done: int, total: int) -> None:
        now = time.monotonic()
        if now - self._last >= PROGRESS_EVERY_S or done >= total:
            self._last = now
            self.runner._progress.emit(self.task.id, done, total)


class TaskRunner(QObject):
    """Runs functions of a Session off the GUI thread; emits `changed` after writes."""

    changed = Signal(object)  # app.registers.views.Changes
    busy_changed = Signal(bool)
    _finished = Signal(int, object, object)
    _progress = Signal(int, int, int)

    def __init__(self, store, parent: QObject | None = None):
        super().__init__(parent)
        self.store = store
        self._ids = itertools.count(1)
        self._tasks: dict[int, Task] = {}
        self._writer = QThreadPool(self)
        self._writer.setMaxThreadCount(1)
        self._readers = QThreadPool(self)
        self._readers.setMaxThreadCount(2)
        self._finished.connect(self._on_finished, Qt.ConnectionType.QueuedConnection)
        self._progress.connect(self._on_progress, Qt.ConnectionType.QueuedConnection)

    def query(self, fn: Callable, on_done=None, on_error=None, **kw) -> Task:
        """Read: fn(session) on a read session; nothing is written.
        Keywords: owner (a QObject: callbacks are dropped once it is deleted; defaults to
        on_done's object), priority (higher first; rows on screen before lists for combos),
        long=True with label and parent (fn(session, progress, cancelled),
        a progress dialog after half a second with a Dừng button)."""
        return self._submit(self._readers, self.store.ReadSession, fn, on_done, on_error, None, **kw)

    def write(self, fn: Callable, on_done=None, on_error=None, changes=None, **kw) -> Task:
        """Write: fn(session) in one transaction (BEGIN IMMEDIATE), one writer at a time.
        `changes` is a Changes value or a function of the result giving one; it is emitted
        through `changed` before on_done runs, so the views refresh what they show."""
        return self._submit(self._writer, self.store.Session, fn, on_done, on_error, changes, **kw)

    def _submit(self, pool, factory, fn, on_done, on_error, changes, *, long: bool = False,
                label: str = "", parent: QWidget | None = None, owner: QObject | None = None,
                priority: int = 0) -> Task:
        if owner is None and isinstance(getattr(on_done, "__self__", None), QObject):
            owner = on_done.__self__
        task = Task(next(self._ids), on_done, on_error, changes, owner=owner)
        self._tasks[task.id] = task
        if long and parent is not None:
            QTimer.singleShot(PROGRESS_DELAY_MS, lambda: self._show_progress(task, label, parent))
        if len(self._tasks) == 1:
            self.busy_changed.emit(True)
        pool.start(_Job(self, task, fn, factory, long), priority)  # higher runs first
        return task

    def _show_progress(self, task: Task, label: str, parent: QWidget) -> None:
        if not task.running:
            return
        dialog = QProgressDialog(label or self.tr("Đang xử lý…"), self.tr("Dừng"), 0, 0, parent)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        # Closing the dialog at the end also emits canceled: only a running job is stopped.
        dialog.canceled.connect(lambda: task.cancel() if task.running else None)
        task.dialog = dialog
        dialog.show()

    @Slot(int, int, int)
    def _on_progress(self, task_id: int, done: int, total: int) -> None:
        task = self._tasks.get(task_id)
        if task and task.dialog is not None and isValid(task.dialog):  # its window may have closed
            task.dialog.setMaximum(total)
            task.dialog.setValue(done)

    @Slot(int, object, object)
    def _on_finished(self, task_id: int, result, error) -> None:
        task = self._tasks.pop(task_id, None)
        if not self._tasks:
            self.busy_changed.emit(False)
        if task is None:
            return
        task.running = False
        if task.dialog is not None and isValid(task.dialog):  # gone with its window, if that closed first
            task.dialog.close()
            task.dialog.deleteLater()
        if task.cancelled and error is None and task.changes is None:
            return  # a stale read: nobody wants it any more
        if task.owner is not None and not isValid(task.owner):
            task.on_done = task.on_error = None  # its window is gone; changes still announced
        if error is not None:
            if task.on_error is not None:
                task.on_error(error)
            elif task.owner is None or isValid(task.owner):
                raise error  # reaches sys.excepthook: never swallowed
            return
        if task.changes is not None:
            changes = task.changes(result) if callable(task.changes) else task.changes
            if changes is not None:
                self.changed.emit(changes)
        if task.on_done is not None:
            task.on_done(result)

    def wait(self, msecs: int = 30000) -> bool:
        """For shutdown and tests: let queued work finish."""
        return self._writer.waitForDone(msecs) and self._readers.waitForDone(msecs)
