"""Starting the window: QApplication, the store, first run, the main window."""
from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication


def _application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("vanthu")
    app.setOrganizationName("vanthu")
    app.setApplicationDisplayName("Văn thư")
    if not hasattr(app, "_vanthu_translators"):
        from ui import qt_vi
        qt_vi.install(app)  # Qt's own buttons and file dialog in Vietnamese
    return app


def open_main_window(data_dir, demo: bool = False, settings=None, store=None):
    """(app, window) with the window shown and its first id query started."""
    app = _application()
    from app.store import open_store
    from ui.main_window import MainWindow
    from ui.tasks import TaskRunner

    store = store or open_store(Path(data_dir) if data_dir else None)
    if demo:
        from app import demo as demo_data
        with store.Session.begin() as s:
            demo_data.fill(s)
    runner = TaskRunner(store)
    window = MainWindow(store, runner, settings, demo=demo)
    runner.setParent(window)
    _show_lock_waits(window)
    window.show()
    return app, window


def _show_lock_waits(window) -> None:
    """A writer waiting for another program's lock says so in the status bar (from any thread)."""
    from PySide6.QtCore import QObject, Signal

    from db import engine as db_engine

    class Notice(QObject):
        waiting = Signal()

    notice = Notice(window)
    notice.waiting.connect(lambda: window.statusBar().showMessage(
        window.tr("Đang chờ cơ sở dữ liệu (một chương trình khác đang ghi)…"), 15000))
    db_engine.on_wait[:] = [notice.waiting.emit]


def _unexpected(exc_type, exc, tb) -> None:
    """The last net: a bug is logged and told in Vietnamese, never shown as a traceback."""
    from PySide6.QtWidgets import QMessageBox

    from app.cli.common import log_unexpected
    from app.storage import explain, is_storage_error

    if is_storage_error(exc):
        text = explain(exc)
    else:
        text = (f"Lỗi không mong đợi ({exc_type.__name__}). Chi tiết đã ghi vào {log_unexpected(exc)}; "
                "hãy báo cho người quản trị. Dữ liệu đã lưu không bị ảnh hưởng.")
    box = QMessageBox(QMessageBox.Icon.Critical, "Văn thư", text)
    box.open()
    _unexpected.boxes = [*getattr(_unexpected, "boxes", [])[-4:], box]


def run_gui(data_dir, demo: bool = False) -> int:
    app = _application()
    from app import org
    from app.store import open_store

    from ui.security.login_dialog import login_at_start, switched_data_dir

    sys.excepthook = _unexpected
    try:
        store = open_store(Path(data_dir) if data_dir else switched_data_dir())
    except Exception as exc:  # noqa: BLE001 — a corrupt, locked or newer store: say so, change nothing
        from PySide6.QtWidgets import QMessageBox

        from app.storage import explain
        QMessageBox.critical(None, "Văn thư", explain(exc))
        return 2
    if not demo and login_at_start(store) is False:
        return 0  # nobody logged in: nothing to show
    with store.ReadSession() as s:
        configured = org.load(s).configured
    if not configured and not demo:
        from ui.dialogs.first_run import FirstRunDialog
        from ui.tasks import TaskRunner
        dialog = FirstRunDialog(TaskRunner(store), None, first_run=True)
        if not dialog.exec():
            return 0  # nothing set up yet: nothing to show
    _app, window = open_main_window(store.data_dir, demo=demo, store=store)
    return app.exec()
