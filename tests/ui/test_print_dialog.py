"""In sổ: the dialog's choices reach print_service through the worker; errors stay in the dialog."""
import datetime as dt

import pytest

from app import demo
from app.printing import service as print_service


@pytest.fixture
def demo_store(state_store):
    with state_store.Session.begin() as s:
        demo.fill(s, incoming=60, outgoing=30, year=2026)
    return state_store


@pytest.fixture
def dialog(demo_store, runner, qtbot):
    from ui.print.print_dialog import PrintDialog

    d = PrintDialog(runner, "incoming", today=dt.date(2026, 6, 1))
    qtbot.addWidget(d)
    qtbot.waitUntil(lambda: d.volume.value() == 1)
    yield d
    from shiboken6 import isValid
    if d.preview is not None and isValid(d.preview):
        d.preview.close()


def built(qtbot, dialog):
    with qtbot.waitSignal(dialog.built, timeout=15000) as sig:
        dialog.ok.click()
    return sig.args[0]


def test_year_builds_pdf_and_preview_shows_its_pages(dialog, demo_store, qtbot):
    result = built(qtbot, dialog)
    assert result.entries == 60 and result.pages >= 3  # cover, register pages, closing page
    preview = dialog.preview
    assert preview.document.pageCount() == result.pages
    assert preview.page.maximum() == result.pages
    assert result.path.is_file()
    with demo_store.ReadSession() as s:
        log = print_service.print_log(s)
    assert log == []  # previews raise no Quyển số: only a saved PDF or a print job is a print
    preview.close()
    assert not result.path.exists() and not result.path.parent.exists()  # temp folder gone


def test_number_range_reaches_the_service(dialog, qtbot):
    dialog.by_numbers.setChecked(True)
    dialog.year.setValue(2026)
    dialog.number_from.setValue(5)
    dialog.number_to.setValue(14)
    req = dialog.request()
    assert (req.year, req.number_from, req.number_to, req.paper) == (2026, 5, 14, "A4")
    assert built(qtbot, dialog).entries == 10


def test_date_range_and_a3_reach_the_service(dialog, qtbot):
    dialog.by_dates.setChecked(True)
    dialog.date_from.setText("01/01/2026")
    dialog.date_to.setText("31/12/2026")
    dialog.paper.setCurrentIndex(dialog.paper.findData("A3"))
    req = dialog.request()
    assert (req.date_from, req.date_to, req.paper, req.year) == (dt.date(2026, 1, 1), dt.date(2026, 12, 31), "A3", None)
    assert built(qtbot, dialog).entries == 60


def test_reversed_dates_show_the_service_message_at_the_dates(dialog, demo_store, qtbot):
    dialog.by_dates.setChecked(True)
    dialog.date_from.setText("31/12/2026")
    dialog.date_to.setText("01/01/2026")
    dialog.ok.click()
    qtbot.waitUntil(lambda: dialog.errors["dates"].isVisibleTo(dialog), timeout=10000)
    assert "Ngày bắt đầu sau ngày kết thúc" in dialog.errors["dates"].text()
    assert dialog.preview is None and dialog.ok.isEnabled()
    with demo_store.ReadSession() as s:
        assert print_service.print_log(s) == []


def test_reversed_numbers_are_refused_before_any_build(dialog, demo_store, runner):
    dialog.by_numbers.setChecked(True)
    dialog.number_from.setValue(20)
    dialog.number_to.setValue(10)
    dialog.ok.click()
    assert "lớn hơn số kết thúc" in dialog.errors["numbers"].text()
    assert dialog.task is None
    runner.wait()
    with demo_store.ReadSession() as s:
        assert print_service.print_log(s) == []


def test_year_without_entries_says_so(dialog, qtbot):
    dialog.year.setValue(2019)
    dialog.ok.click()
    qtbot.waitUntil(lambda: dialog.errors["year"].isVisibleTo(dialog), timeout=10000)
    assert "Không có văn bản nào" in dialog.errors["year"].text()


def test_secret_book_warns_and_volume_continues(dialog, demo_store, runner, qtbot):
    assert not dialog.secret_warning.isVisibleTo(dialog)
    dialog.book.setCurrentIndex(dialog.book.findData("secret_incoming"))
    assert dialog.secret_warning.isVisibleTo(dialog)
    assert "nhật ký in" in dialog.secret_warning.text()
    dialog.book.setCurrentIndex(dialog.book.findData("incoming"))
    built(qtbot, dialog)
    dialog.preview.close()
    dialog._load_volume()
    qtbot.wait(200)
    assert dialog.volume.value() == 1  # a preview closed unsaved is not a print
    built(qtbot, dialog)
    assert dialog.preview._record("máy in: thử")  # In… sent: now it is one
    dialog.preview.close()
    dialog._load_volume()
    qtbot.waitUntil(lambda: dialog.volume.value() == 2, timeout=5000)  # Quyển số 2 next time


def test_cancel_leaves_no_file(dialog, demo_store, runner, qtbot, monkeypatch):
    """Dừng while the book is being built: PrintCancelled, no PDF, no temp folder, no record."""
    import time

    from ui.print import jobs

    made = []
    real_temp, real_steady = jobs.temp_pdf, jobs._steady
    monkeypatch.setattr(jobs, "temp_pdf", lambda stem: made.append(real_temp(stem)) or made[-1])

    def steady_then_stop(progress):  # on the worker, just before print_book starts
        deadline = time.monotonic() + 5
        while dialog.task is None and time.monotonic() < deadline:
            time.sleep(0.01)
        dialog.task.cancel()  # what the progress dialog's Dừng does
        return real_steady(progress)

    monkeypatch.setattr(jobs, "_steady", steady_then_stop)
    dialog.ok.click()
    qtbot.waitUntil(lambda: dialog.errors["form"].isVisibleTo(dialog), timeout=10000)
    assert "Đã dừng" in dialog.errors["form"].text()
    assert made and not made[0].exists() and not made[0].parent.exists()
    assert dialog.preview is None and dialog.ok.isEnabled()
    with demo_store.ReadSession() as s:
        assert print_service.print_log(s) == []
