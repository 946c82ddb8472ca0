"""Tracking in the main window: the notice at start, export of the register as shown (its
search and column order), saved searches."""
import openpyxl

from app.tracking import deadlines


def test_notice_export_as_shown_and_saved_searches(qtbot, runner, filled, settings, tmp_path):
    from ui.main_window import MainWindow

    with filled.Session.begin() as s:
        deadlines.set_deadline(s, 1, working_days=1)  # long past: overdue at start
    win = MainWindow(filled, runner, settings)
    qtbot.addWidget(win)
    win.show()
    tab = win.register_tab("incoming")
    qtbot.waitUntil(lambda: getattr(win.tracking, "last_notice", None) is not None, timeout=10000)
    assert win.tracking.last_notice == (1, 0)
    assert "1 quá hạn" in win.statusBar().currentMessage()
    assert "&Sắp đến hạn / Quá hạn" in [a.text() for a in win.menu("Sổ").actions()]

    tab.filter_bar.search.setText("Quyết định")
    tab.apply_filter()
    qtbot.waitUntil(lambda: tab.model().rowCount() == 25 and not tab.model().loading, timeout=10000)
    header = tab.view.horizontalHeader()
    header.moveSection(header.visualIndex(2), 0)  # Tác giả dragged to the front
    header.hideSection(10)  # Độ khẩn hidden
    out = tmp_path / "so.xlsx"
    win.tracking.export_view(out)
    qtbot.waitUntil(lambda: "Đã xuất 25 dòng" in win.statusBar().currentMessage(), timeout=10000)
    rows = list(openpyxl.load_workbook(out).active.iter_rows(values_only=True))
    assert rows[0][:3] == ("Tác giả", "Số đến", "Ngày đến") and "Độ khẩn" not in rows[0]
    numbers = [r[1] for r in rows[1:]]
    assert len(numbers) == 25 and numbers == sorted(numbers, reverse=True)  # the view's order

    win.tracking.save_search("Quyết định năm 2026")
    qtbot.waitUntil(lambda: _saved(win) == ["Quyết định năm 2026"], timeout=10000)
    tab.filter_bar.search.setText("")
    tab.apply_filter()
    qtbot.waitUntil(lambda: tab.model().rowCount() == 250, timeout=10000)
    assert tab.filter_bar.saved.menu() is win.tracking.saved_menu  # beside the filter bar
    win.tracking._fill_saved()
    win.tracking.saved_menu.actions()[-1].trigger()
    qtbot.waitUntil(lambda: tab.model().rowCount() == 25, timeout=10000)
    assert tab.filter_bar.search.text() == "Quyết định"
    assert tab.filter_bar.year.currentData() == tab.model().filter.year


def _saved(win):
    from app.tracking import saved
    with win.store.ReadSession() as s:
        return [v.name for v in saved.listing(s, "incoming")]
