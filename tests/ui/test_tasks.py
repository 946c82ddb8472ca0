"""The background runner: long jobs report progress, can be stopped, and deliver results."""
import time

from PySide6.QtWidgets import QWidget


def test_long_job_shows_progress_and_still_delivers(runner, qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    results, seen = [], []

    def job(s, progress, cancelled):
        for i in range(8):
            time.sleep(0.1)  # longer than the half second before a progress dialog shows
            progress(i + 1, 8)
        return "done"

    task = runner.query(job, results.append, long=True, label="Đang thử", parent=parent)
    qtbot.waitUntil(lambda: task.dialog is not None, timeout=5000)
    seen.append(task.dialog.labelText())
    qtbot.waitUntil(lambda: results == ["done"], timeout=5000)
    assert seen == ["Đang thử"] and not task.cancelled


def test_stop_button_cancels_a_running_job(runner, qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    results, observed = [], []

    def job(s, progress, cancelled):
        deadline = time.monotonic() + 10
        while not cancelled() and time.monotonic() < deadline:
            time.sleep(0.02)
        observed.append(cancelled())
        return "stopped"

    task = runner.query(job, results.append, long=True, parent=parent)
    qtbot.waitUntil(lambda: task.dialog is not None, timeout=5000)
    from PySide6.QtWidgets import QPushButton

    stop = task.dialog.findChild(QPushButton)
    assert stop.text() == "Dừng"
    stop.click()
    qtbot.waitUntil(lambda: observed == [True], timeout=5000)
    assert task.cancelled
