"""Filing as a clerk does it: rows chosen in the register with the keyboard, Ctrl+H, the file
picked by typing, Enter; the register's Hồ sơ column then names the file. The Hồ sơ tab lists
the year's files with state and counts, and a file's documents in order with their scans."""
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.archive import filing, plan
from tests.archive.conftest import YEAR, closed_quarter, office  # noqa: F401  (fixtures)
from tests.ui.conftest import type_text
from ui.main_window import MainWindow

pytestmark = pytest.mark.usefixtures("office_today")


def window(qtbot, office, runner, settings):
    win = MainWindow(office["store"], runner, settings)
    qtbot.addWidget(win)
    win.show()
    return win


def test_filing_several_rows_from_the_register_with_the_keyboard(qtbot, office, runner, settings):
    win = window(qtbot, office, runner, settings)
    tab = win.register_tab("incoming")
    model = tab.model()
    qtbot.waitUntil(lambda: model.rowCount() == 12 and model.entry(0) is not None, timeout=5000)
    tab.view.setFocus()
    tab.view.setCurrentIndex(model.index(0, 0))
    qtbot.keyClick(tab.view, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(tab.view, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert len(tab.view.selectionModel().selectedRows()) == 3
    wanted = sorted(model.id_at(r) for r in range(3))
    qtbot.keyClick(tab.view, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    dialog = win.archive.dialog
    qtbot.waitUntil(lambda: dialog.isVisible() and dialog.list.count() == 3, timeout=5000)
    type_text(qtbot, dialog.filter, "bao cao")
    visible = [dialog.list.item(i).text() for i in range(3) if not dialog.list.item(i).isHidden()]
    assert len(visible) == 1 and visible[0].startswith(("02.TCCB", "★ 02.TCCB"))
    with qtbot.waitSignal(dialog.filed, timeout=5000):
        qtbot.keyClick(dialog.filter, Qt.Key.Key_Return)
    with office["store"].ReadSession() as s:
        h = plan.find(s, YEAR, "02.TCCB")
        assert sorted(d.entry_id for d in filing.documents(s, h.id)) == wanted
    col = [c.key for c in model.columns].index("hoso")
    qtbot.waitUntil(lambda: model.data(model.index(0, col)) == "02.TCCB", timeout=5000)
    assert model.headerData(col, Qt.Orientation.Horizontal) == "Hồ sơ"


def test_hoso_tab_lists_files_and_documents(qtbot, closed_quarter, runner, settings):
    win = window(qtbot, closed_quarter, runner, settings)
    tab = win.archive.tab
    with qtbot.waitSignal(tab.loaded, timeout=5000):
        win.tabs.setCurrentWidget(tab)
    files = tab.files
    rows = {files.item(r).code: [files.data(files.index(r, c)) for c in range(files.columnCount())]
            for r in range(files.rowCount())}
    assert rows["01.TCCB"][3] == "Đã đóng" and rows["01.TCCB"][4] == "4"
    assert rows["03.VP"][3] == "Đang lập" and rows["03.VP"][4] == "2"
    assert "văn bản" in win.count_label.text()
    with qtbot.waitSignal(tab.documents_loaded, timeout=5000):
        tab.select_code("02.TCCB")
    docs = tab.docs
    assert docs.rowCount() == 6
    assert [docs.data(docs.index(r, 0)) for r in range(6)] == ["1", "2", "3", "4", "5", "6"]
    assert docs.data(docs.index(0, 7)).startswith("scan-")  # its scan, by the name it came with
    assert not tab.add_button.isEnabled() and tab.reopen_button.isEnabled()  # a closed file is locked
    assert any("đóng hồ sơ" in tab.events.item(i).text() for i in range(tab.events.count()))


def test_closing_a_file_from_its_dialog(qtbot, office, runner, settings):
    from ui.archive.close_dialog import CloseDialog

    store = office["store"]
    with store.Session.begin() as s:
        filing.add(s, office["files"][2], office["in"][:2])
        h = plan.view(s, plan.get(s, office["files"][2]))
    dialog = CloseDialog(runner, h)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: "2 văn bản" in dialog.facts.text(), timeout=5000)
    assert dialog.pages.value() == 4 and not dialog.ok.isEnabled()  # retention must be checked first
    dialog.checked.setChecked(True)
    dialog.sheets.setValue(3)
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        dialog.ok.click()
    with store.ReadSession() as s:
        v = plan.view(s, plan.get(s, office["files"][2]))
    assert (v.state, v.sheets, v.pages) == ("closed", 3, 4)
    QApplication.processEvents()


def test_a_new_entry_gets_a_suggested_file_confirmed_in_one_click(qtbot, office, runner, settings):
    from app.registers import service
    from app.registers.views import Changes
    from tests.archive.conftest import incoming

    store = office["store"]
    with store.Session.begin() as s:
        filing.add(s, office["files"][1], office["in"][2:6])  # earlier reports went to 02.TCCB
    win = window(qtbot, office, runner, settings)
    with store.Session.begin() as s:
        new = service.register(s, "incoming", incoming(20, summary="Báo cáo tình hình cán bộ quý 3"), year=YEAR).id
    button = win.archive.suggest_button
    runner.changed.emit(Changes("incoming", (new,)))  # what a save from the form announces
    qtbot.waitUntil(button.isVisible, timeout=5000)
    assert "02.TCCB" in button.text()
    with qtbot.waitSignal(runner.changed, timeout=5000):
        button.click()
    with store.ReadSession() as s:
        assert filing.files_of(s, [new]) == {new: ["02.TCCB"]}
    assert not button.isVisible()
