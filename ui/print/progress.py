"""A long job on the TaskRunner with its progress dialog, for printing.

Why not the runner's own dialog (query(long=True, parent=...)): when a job ends, the runner
closes that dialog, and QProgressDialog emits `canceled` when it is closed; that signal is wired
to Task.cancel, so a job that outlived the 0.5 s delay is marked cancelled at the moment it
succeeds and its result is dropped as stale. Here Dừng cancels only while the job still runs.
The runner still drives this dialog (it updates task.dialog and closes it at the end).
"""
from __future__ import annotations

from PySide6.QtCore import QTimer, Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

from ui.tasks import PROGRESS_DELAY_MS, Task


def run_long(runner, fn, on_done, on_error, *, label: str, parent: QWidget) -> Task:
    """fn(session, progress, cancelled) on a read worker; a progress dialog after half a second."""
    task = runner.query(fn, on_done, on_error, long=True, owner=parent)
    QTimer.singleShot(PROGRESS_DELAY_MS, parent, lambda: _show(task, label, parent))
    return task


def _show(task: Task, label: str, parent: QWidget) -> None:
    if not task.running:
        return
    dialog = QProgressDialog(label, parent.tr("Dừng"), 0, 0, parent)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(0)
    dialog.canceled.connect(lambda: task.cancel() if task.running else None)
    task.dialog = dialog
    dialog.show()
