from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel

from ui.main_window import MainWindow
from ui.widgets.register_tab import RegisterTab


def test_main_window_tabs_menus_and_extension_points(qtbot, runner, filled, settings):
    win = MainWindow(filled, runner, settings)
    qtbot.addWidget(win)
    win.show()
    assert [win.tabs.tabText(i) for i in range(win.tabs.count())] == [
        "Văn bản đến", "Văn bản đi", "Văn bản mật đến", "Văn bản mật đi", "Hồ sơ"]
    tab = win.register_tab("incoming")
    assert isinstance(tab, RegisterTab) and tab.book_key == "incoming"
    qtbot.waitUntil(lambda: "văn bản" in win.count_label.text() and tab.model().rowCount() > 0, timeout=5000)
    assert tab.filter_bar.year.itemText(tab.filter_bar.year.count() - 1) == "Tất cả"
    assert tab.filter_bar.year.findData(2026) >= 0
    # Other features add their actions to existing menus and panels beside a book.
    file_menu = win.menu("Tệp")
    action = QAction("Nhập từ bản quét…", win)
    file_menu.addAction(action)
    assert action in win.menu("Tệp").actions()
    titles = [a.text() for a in win.menuBar().actions()]
    assert titles == ["&Tệp", "&Sổ", "&Cài đặt", "&Hồ sơ"]  # Alt+T, Alt+S, Alt+C (issue 9), Alt+H (issue 10)
    assert "Đăng &ký mới…" in [a.text() for a in win.menu("Sổ").actions()]
    assert win.menu("Hồ sơ").title() == "&Hồ sơ"  # a new menu gets a free Alt letter
    tab.set_side_panel(QLabel("ảnh trang"))
    assert tab.side_panel().text() == "ảnh trang"


def test_side_lists_and_ocr_knowledge_are_read_after_the_first_rows(qtbot, runner, filled, settings):
    win = MainWindow(filled, runner, settings)
    qtbot.addWidget(win)
    model = win.register_tab("incoming").model()
    assert win.intake.jobs.knowledge.issuers == ()  # nothing read beside the first rows
    with qtbot.waitSignal(model.rows_shown, timeout=5000):
        win.show()
    qtbot.waitUntil(lambda: len(win.intake.jobs.knowledge.issuers) == 26, timeout=10000)
    assert "A Sở Nội vụ" in win.intake.jobs.knowledge.issuers
    assert win.intake.jobs.knowledge.lexicon is not None


def test_window_title_names_the_office_once(qtbot, runner, filled, settings):
    win = MainWindow(filled, runner, settings)
    qtbot.addWidget(win)
    qtbot.waitUntil(lambda: "SỞ NỘI VỤ" in win.windowTitle(), timeout=5000)
    assert win.windowTitle() == "SỞ NỘI VỤ — Sổ đăng ký văn bản"
    assert "Văn thư" not in win.windowTitle()  # Qt adds the program's display name itself


def test_ctrl_tab_switches_books_and_every_menu_has_alt_letters(qtbot, runner, filled, settings):
    win = MainWindow(filled, runner, settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    tab = win.register_tab("incoming")
    win.tabs.setCurrentWidget(tab)
    tab.view.setFocus()
    qtbot.keyClick(tab.view, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert win.current_tab().book_key == "outgoing"
    qtbot.keyClick(win.current_tab().view, Qt.Key.Key_Backtab,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert win.current_tab().book_key == "incoming"
    for menu in (win.menu("Tệp"), win.menu("Sổ"), win.menu("Cài đặt")):
        for action in menu.actions():
            assert action.isSeparator() or "&" in action.text(), action.text()
    void = [a for a in win.menu("Sổ").actions() if a.text() == "&Hủy số…"][0]
    assert void.shortcut().toString() == "Ctrl+Del"


def test_no_two_window_actions_share_a_shortcut(qtbot, runner, filled, settings):
    # Qt fires neither action of an ambiguous shortcut: the clerk's key would silently do nothing.
    win = MainWindow(filled, runner, settings)
    qtbot.addWidget(win)
    win.show()
    seen: dict[str, str] = {}
    clashes = []

    def walk(actions):
        for a in actions:
            if a.menu():
                walk(a.menu().actions())
            for key in a.shortcuts():
                text = key.toString()
                if text in seen and seen[text] != a.text():
                    clashes.append((text, seen[text], a.text()))
                seen.setdefault(text, a.text())

    walk(win.menuBar().actions())
    assert seen, "the menus carry shortcuts"
    assert clashes == []
