"""What the main window's menus do. Kept apart so MainWindow stays a frame of tabs and menus.
Dialogs are imported on first use: start-up only pays for what it shows."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox


class MainActions(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.runner = window.runner

    def _tab(self):
        return self.window.current_tab()

    def new_entry(self) -> None:
        from ui.dialogs.register_dialog import RegisterDialog
        tab = self._tab()
        dialog = RegisterDialog(tab.runner, tab.book_key, tab.title, self.window.settings, self.window)
        dialog.open()

    def open_current(self) -> None:
        entry_id = self._tab().current_id()
        if entry_id is None:
            self._need_selection()
        else:
            self.open_entry(entry_id)

    def open_entry(self, entry_id: int) -> None:
        from ui.dialogs.entry_detail import EntryDetail
        tab = self._tab()
        EntryDetail(tab.runner, tab.book_key, entry_id, self.window).open()

    def reserve(self) -> None:
        from ui.dialogs.reserve_dialog import ReserveDialog
        tab = self._tab()
        key = tab.book_key if tab.book_key.endswith("outgoing") else "outgoing"
        ReserveDialog(tab.runner if key == tab.book_key else self.runner, key, self.window).open()

    def void_current(self) -> None:
        tab = self._tab()
        entry = tab.current_entry()
        if entry is None:
            self._need_selection()
            return
        if entry.status == "voided":
            QMessageBox.information(self.window, self.tr("Hủy số"), self.tr("Số này đã bị hủy."))
            return
        from ui.dialogs.void_dialog import VoidDialog
        VoidDialog(tab.runner, tab.book_key, entry, self.window).open()

    def edit_organisation(self) -> None:
        from ui.dialogs.first_run import FirstRunDialog
        dialog = FirstRunDialog(self.runner, self.window, first_run=False)
        dialog.accepted.connect(self._reload_choices)
        dialog.open()

    def edit_doc_types(self) -> None:
        from ui.dialogs.doc_types import DocTypesDialog
        dialog = DocTypesDialog(self.runner, self.window)
        dialog.finished.connect(lambda _: self._reload_choices())
        dialog.open()

    def _reload_choices(self) -> None:
        self.window.load_title()  # the office's name may have changed
        for key in ("incoming", "outgoing", "secret_incoming", "secret_outgoing"):
            self.window.register_tab(key).load()

    def open_demo(self) -> None:
        """A separate process on a throw-away database: the real data is never touched."""
        main = Path(__file__).resolve().parents[1] / "main.py"
        subprocess.Popen([sys.executable, str(main), "--demo"], start_new_session=True)
        self.window.statusBar().showMessage(self.tr("Đang mở cửa sổ dữ liệu mẫu…"), 5000)

    def _need_selection(self) -> None:
        self.window.statusBar().showMessage(self.tr("Chọn một dòng trong sổ trước."), 5000)

    def _failed(self, exc: BaseException) -> None:
        QMessageBox.warning(self.window, self.tr("Không thực hiện được"), getattr(exc, "message", str(exc)))
