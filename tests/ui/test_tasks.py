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


def test_a_job_ending_after_its_window_is_gone_raises_nothing(runner, qtbot):
    """The window that showed a job's progress dialog closed (and so the dialog with it) before
    the job ended, or while it still reported progress: nothing to close, no error."""
    import shiboken6

    parent = QWidget()
    observed = []

    def job(s, progress, cancelled):
        while not cancelled():
            time.sleep(0.02)
        progress(1, 2)  # reported after the dialog is gone
        observed.append("ended")
        return "stopped"

    task = runner.query(job, None, long=True, parent=parent)
    qtbot.waitUntil(lambda: task.dialog is not None, timeout=5000)
    shiboken6.delete(parent)  # the window closed: its dialog goes with it
    task.cancel()
    qtbot.waitUntil(lambda: observed == ["ended"], timeout=5000)
    qtbot.waitUntil(lambda: not task.running, timeout=5000)
