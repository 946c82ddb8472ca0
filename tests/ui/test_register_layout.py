"""Issue 9, finding 18: the register laid out for reading all day. At the default size dates,
numbers, symbols and urgencies show whole and nothing needs a horizontal scroll; widening the
window widens the text columns instead of leaving empty space; whatever is cut is read in
full on hover; a secret book's notice is a line, not a side panel; the scan queue shows only
when it holds files."""
from PySide6.QtCore import QPoint, Qt

from app import demo
from ui import settings as S

from .test_register_tab import wait_row


def shown_tab(qtbot, runner, state_store, settings, book="incoming", width=1280):
    from ui.widgets.register_tab import RegisterTab

    with state_store.Session.begin() as s:
        demo.fill(s, incoming=120, outgoing=40, year=2026)
    tab = RegisterTab(runner, book, "Văn bản đến", settings)
    qtbot.addWidget(tab)
    tab.filter_bar.year.setCurrentIndex(tab.filter_bar.year.findData(2026))
    tab.resize(width, 700)
    tab.show()
    model = tab.model()
    qtbot.waitUntil(lambda: not model.loading and model.rowCount() > 0, timeout=5000)
    wait_row(qtbot, model, 0)
    qtbot.waitUntil(lambda: tab._measured, timeout=5000)
    return tab, model


def widths(tab):
    return [tab.view.columnWidth(i) for i in range(tab.model().columnCount())]


def test_default_size_shows_short_values_whole_without_scrolling(qtbot, runner, state_store, settings):
    tab, model = shown_tab(qtbot, runner, state_store, settings)
    fm = tab.view.fontMetrics()
    keys = [c.key for c in model.columns]
    for key in ("number", "received_at", "number_symbol", "doc_date", "urgency"):
        col = keys.index(key)
        longest = max(fm.horizontalAdvance(model.data(model.index(r, col)) or "") for r in range(60))
        assert tab.view.columnWidth(col) >= longest + 8, key
    assert sum(widths(tab)) <= tab.view.viewport().width()
    qtbot.waitUntil(lambda: not tab.view.horizontalScrollBar().isVisible(), timeout=2000)


def test_wider_window_gives_the_room_to_the_text_columns(qtbot, runner, state_store, settings):
    tab, model = shown_tab(qtbot, runner, state_store, settings)
    keys = [c.key for c in model.columns]
    before = widths(tab)
    tab.resize(1700, 700)
    after = widths(tab)
    issuer, summary = keys.index("issuer"), keys.index("summary")
    assert after[issuer] > before[issuer] and after[summary] > before[summary]
    assert after[keys.index("doc_date")] == before[keys.index("doc_date")]  # dates need no more
    assert tab.view.viewport().width() - sum(after) < 30  # no empty band beside the columns
    fm = tab.view.fontMetrics()
    names = [model.data(model.index(r, issuer)) for r in range(60)]
    assert after[issuer] >= max(fm.horizontalAdvance(n) for n in names)  # every name whole now


def test_cut_text_is_read_whole_on_hover(qtbot, runner, state_store, settings):
    tab, model = shown_tab(qtbot, runner, state_store, settings, width=900)
    keys = [c.key for c in model.columns]
    for key in ("issuer", "summary", "recipient_unit", "number_symbol"):
        index = model.index(0, keys.index(key))
        tip = model.data(index, Qt.ItemDataRole.ToolTipRole)
        assert model.data(index) in tip.replace("&amp;", "&"), key


def test_hand_sized_columns_kept_for_this_data_folder(qtbot, runner, state_store, settings):
    tab, model = shown_tab(qtbot, runner, state_store, settings)
    assert not tab._user_sized
    drag_column_edge(qtbot, tab, 2, 40)
    assert tab._user_sized
    tab.save_state()
    assert settings.get(S.HEADER_STATE.at("incoming")).size()


def drag_column_edge(qtbot, tab, column: int, dx: int) -> None:
    """The clerk drags the right edge of a column header by dx pixels."""
    from PySide6.QtWidgets import QApplication

    header = tab.view.horizontalHeader()
    edge = header.sectionViewportPosition(column) + header.sectionSize(column) - 1
    y = header.height() // 2
    qtbot.mousePress(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(edge, y))
    qtbot.mouseMove(header.viewport(), QPoint(edge + dx, y))
    qtbot.mouseRelease(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(edge + dx, y))
    QApplication.processEvents()


def test_secret_tab_notice_is_a_line_and_the_empty_queue_hidden(qtbot, runner, state_store, settings):
    from ui.main_window import MainWindow

    win = MainWindow(state_store, runner, settings)
    qtbot.addWidget(win)
    win.show()
    secret = win.register_tab("secret_incoming")
    qtbot.waitUntil(lambda: bool(secret.notice.text()), timeout=5000)
    assert secret.side_panel() is None and "bản quét" in secret.notice.text()
    incoming = win.register_tab("incoming")
    assert incoming.side_panel() is win.intake and not win.intake.isVisible()
    win.intake.list.addItem("x")  # what add() does to the list, without starting an OCR job
    win.intake.show_when_busy()
    assert win.intake.isVisible()
