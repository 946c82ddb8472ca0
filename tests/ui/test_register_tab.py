from PySide6.QtCore import Qt

from app.registers import service
from app.registers.views import Changes
from ui.widgets.register_tab import RegisterTab


def make_tab(qtbot, runner, settings):
    tab = RegisterTab(runner, "incoming", "Văn bản đến", settings)
    qtbot.addWidget(tab)
    tab.filter_bar.year.setCurrentIndex(tab.filter_bar.year.findData(2026))
    tab.resize(1200, 600)
    tab.show()
    tab.load()
    model = tab.model()
    qtbot.waitUntil(lambda: not model.loading and model.rowCount() > 0, timeout=5000)
    return tab, model


def shown(model, row, col=0):
    model.data(model.index(row, col))  # asks for the row's block
    return model.data(model.index(row, col))


def wait_row(qtbot, model, row, col=0):
    qtbot.waitUntil(lambda: bool(shown(model, row, col)), timeout=5000)
    return model.data(model.index(row, col))


def test_tab_shows_rows_in_register_order(qtbot, runner, filled, settings):
    tab, model = make_tab(qtbot, runner, settings)
    assert model.rowCount() == 250
    assert wait_row(qtbot, model, 0) == "250"  # newest number first
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Số đến"
    titles = [model.headerData(i, Qt.Orientation.Horizontal) for i in range(model.columnCount())]
    assert titles[:3] == ["Số đến", "Ngày đến", "Tác giả"] and "Độ khẩn" in titles
    date_col = titles.index("Ngày VB")
    assert wait_row(qtbot, model, 0, date_col).count("/") == 2


def test_lazy_fetch_does_not_load_all_rows(qtbot, runner, filled, settings):
    tab, model = make_tab(qtbot, runner, settings)
    wait_row(qtbot, model, 0)
    assert 0 < model.cached_count < 250
    wait_row(qtbot, model, 249)  # the last block arrives on demand
    assert model.data(model.index(249, 0)) == "1"
    assert model.cached_count < 250


def test_search_folds_diacritics(qtbot, runner, filled, settings):
    tab, model = make_tab(qtbot, runner, settings)
    qtbot.keyClicks(tab.filter_bar.search, "quyet dinh")
    qtbot.waitUntil(lambda: not model.loading and model.rowCount() == 25, timeout=5000)
    summary = [c.key for c in model.columns].index("summary")
    assert wait_row(qtbot, model, 0, summary).startswith("Quyết định")
    tab.filter_bar.search.clear()
    qtbot.waitUntil(lambda: not model.loading and model.rowCount() == 250, timeout=5000)


def test_stale_search_results_are_dropped(qtbot, runner, filled, settings):
    tab, model = make_tab(qtbot, runner, settings)
    tab.filter_bar.search.setText("zzzz")
    tab.apply_filter()  # a query for a text the clerk is about to change
    tab.filter_bar.search.setText("quyet")
    tab.apply_filter()
    qtbot.waitUntil(lambda: not model.loading, timeout=5000)
    qtbot.wait(100)
    assert model.rowCount() == 25


def test_sort_by_column_requeries(qtbot, runner, filled, settings):
    tab, model = make_tab(qtbot, runner, settings)
    issuer = [c.key for c in model.columns].index("issuer")
    tab.view.sortByColumn(issuer, Qt.SortOrder.AscendingOrder)
    assert model.filter.sort == "issuer" and not model.filter.descending
    qtbot.waitUntil(lambda: not model.loading, timeout=5000)
    first = wait_row(qtbot, model, 0, issuer)
    last = wait_row(qtbot, model, 249, issuer)
    assert first.startswith("A ") and last.startswith("Z ")
    assert model.rowCount() == 250


def test_filters_by_type_and_urgency(qtbot, runner, filled, settings):
    tab, model = make_tab(qtbot, runner, settings)
    tab.filter_bar.set_doc_types(["Quyết định", "Thông báo"])
    tab.filter_bar.doc_type.setCurrentIndex(tab.filter_bar.doc_type.findData("Quyết định"))
    qtbot.waitUntil(lambda: not model.loading and model.rowCount() == 25, timeout=5000)
    tab.filter_bar.urgency.setCurrentIndex(tab.filter_bar.urgency.findData("Hỏa tốc"))
    qtbot.waitUntil(lambda: not model.loading and model.rowCount() == 0, timeout=5000)


def test_void_shows_struck_row_after_change(qtbot, runner, filled, settings):
    tab, model = make_tab(qtbot, runner, settings)
    entry_id = model.id_at(0)
    wait_row(qtbot, model, 0)
    with qtbot.waitSignal(model.ids_loaded, timeout=5000):
        runner.write(lambda s: service.void(s, entry_id, "Trùng"), changes=Changes("incoming", (entry_id,)))
    notes = [c.key for c in model.columns].index("notes")
    qtbot.waitUntil(lambda: shown(model, 0, notes) == "ĐÃ HỦY SỐ: Trùng", timeout=5000)
    assert model.data(model.index(0, 0), Qt.ItemDataRole.FontRole).strikeOut()


def test_enter_opens_entry(qtbot, runner, filled, settings):
    tab, model = make_tab(qtbot, runner, settings)
    wait_row(qtbot, model, 0)
    tab.view.setFocus()
    tab.view.setCurrentIndex(model.index(2, 0))
    with qtbot.waitSignal(tab.open_entry, timeout=2000) as got:
        qtbot.keyClick(tab.view, Qt.Key.Key_Return)
    assert got.args == [model.id_at(2)]


def test_side_panel_extension_point(qtbot, runner, filled, settings):
    from PySide6.QtWidgets import QLabel

    tab, _model = make_tab(qtbot, runner, settings)
    panel = QLabel("OCR")
    tab.set_side_panel(panel)
    assert tab.side_panel() is panel and tab.splitter.indexOf(panel) == 1
    tab.set_side_panel(None)
    assert tab.side_panel() is None and tab.splitter.count() == 1
