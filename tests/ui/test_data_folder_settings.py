"""Issue 9, finding 13: settings that belong to one data folder (watched scan folder, the
books' columns, last tab) are kept with that folder; the demo never watches a folder."""
from PySide6.QtCore import QSettings

from app.store import open_store
from ui import settings as S
from ui.main_window import MainWindow

from .test_register_layout import drag_column_edge


def window(qtbot, runner_store, settings, demo=False):
    from ui.tasks import TaskRunner

    runner = TaskRunner(runner_store)
    win = MainWindow(runner_store, runner, settings, demo=demo)
    qtbot.addWidget(win, before_close_func=lambda w: runner.wait(10000))
    return win


def test_scan_folder_belongs_to_the_data_folder_and_the_demo_watches_none(qtbot, state_store, tmp_path):
    user = S.Settings.in_file(tmp_path / "user.ini")  # the OS user's settings, shared by both
    scans = tmp_path / "scanner"
    scans.mkdir()
    real = window(qtbot, state_store, user)
    real.settings.set(S.SCAN_FOLDER, str(scans))
    real.settings.sync()
    stored = QSettings(str(state_store.data_dir / S.DATA_FILE), QSettings.Format.IniFormat)
    assert stored.value(S.SCAN_FOLDER.key) == str(scans)
    assert not QSettings(str(tmp_path / "user.ini"), QSettings.Format.IniFormat).contains(S.SCAN_FOLDER.key)
    again = window(qtbot, state_store, user)
    assert again.intake.watch is not None and again.intake.watch.folder == scans

    demo_store = open_store(tmp_path / "demo")
    demo = window(qtbot, demo_store, user, demo=True)
    assert demo.intake.watch is None and demo.settings.get(S.SCAN_FOLDER) == ""
    demo_store.engine.dispose()


def test_an_older_per_user_scan_folder_is_taken_by_the_real_folder_not_the_demo(qtbot, state_store, tmp_path):
    q = QSettings(str(tmp_path / "user.ini"), QSettings.Format.IniFormat)
    scans = tmp_path / "scanner"
    scans.mkdir()
    q.setValue(S.SCAN_FOLDER.key, str(scans))  # as the previous version saved it
    user = S.Settings(q)
    demo_store = open_store(tmp_path / "demo")
    demo = window(qtbot, demo_store, user, demo=True)
    assert demo.intake.watch is None and q.contains(S.SCAN_FOLDER.key)
    real = window(qtbot, state_store, user)
    assert real.intake.watch is not None and not q.contains(S.SCAN_FOLDER.key)
    demo_store.engine.dispose()


def test_book_columns_are_kept_per_data_folder(qtbot, state_store, tmp_path):
    user = S.Settings.in_file(tmp_path / "user.ini")
    win = window(qtbot, state_store, user)
    win.show()
    tab = win.register_tab("incoming")
    qtbot.waitUntil(lambda: tab.model().rowCount() > 0 or not tab.model().loading, timeout=5000)
    drag_column_edge(qtbot, tab, 2, 40)  # sized by hand: kept
    win.close()
    other = open_store(tmp_path / "other")
    assert not S.Settings(QSettings(str(tmp_path / "user.ini"), QSettings.Format.IniFormat), other.data_dir
                          ).get(S.HEADER_STATE.at("incoming")).size()
    assert user.for_data_dir(state_store.data_dir).get(S.HEADER_STATE.at("incoming")).size()
    other.engine.dispose()
