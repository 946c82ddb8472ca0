"""Menu entries for printing: Tệp → In sổ… (Ctrl+P); Sổ → In phiếu giải quyết văn bản đến."""
from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMessageBox

from app.printing import PrintCancelled, PrintError
from ui.print.jobs import BuiltPdf, phieu_job
from ui.print.progress import run_long

PRINTABLE = {"incoming", "outgoing", "tracking", "secret_incoming", "secret_outgoing"}


class PrintActions(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.runner = window.runner
        self.dialog = None
        self.preview = None

    def install(self) -> None:
        w = self.window
        file_menu = w.menu(w.tr("Tệp"))
        actions = file_menu.actions()
        before = actions[-1] if actions else None  # keep "Thoát" last
        self.print_book_action = file_menu.addAction(self.tr("&In sổ…"))
        self.print_book_action.setShortcut(QKeySequence.StandardKey.Print)
        self.print_book_action.triggered.connect(self.print_book)
        if before is not None:
            file_menu.removeAction(self.print_book_action)
            file_menu.insertAction(before, self.print_book_action)
            file_menu.insertSeparator(before)
        book_menu = w.menu(w.tr("Sổ"))
        book_menu.addSeparator()
        self.phieu_action = book_menu.addAction(self.tr("In &phiếu giải quyết văn bản đến"))
        self.phieu_action.triggered.connect(self.print_phieu)

    def print_book(self) -> None:
        from ui.print.print_dialog import PrintDialog
        key = self.window.current_tab().book_key
        if key.startswith("secret"):
            self._print_secret(key)
            return
        self.dialog = PrintDialog(self.runner, key if key in PRINTABLE else "incoming", self.window)
        self.dialog.built.connect(self._remember_preview)
        self.dialog.open()

    def _print_secret(self, key: str) -> None:
        """A secret book is printed from the encrypted store (the plain store holds none of it)."""
        panel = getattr(self.window, "secret_panel", None)
        if panel is None or getattr(panel, "sstore", None) is None:
            QMessageBox.information(self.window, self.tr("In sổ"),
                                    self.tr("Hãy mở kho văn bản mật (ở khung bên phải sổ Văn bản mật đến) trước khi in sổ mật."))
            return
        panel.print_form(key)

    def print_phieu(self) -> None:
        tab = self.window.current_tab()
        if tab.book_key != "incoming":
            QMessageBox.information(self.window, self.tr("In phiếu giải quyết"),
                                    self.tr("Chọn một văn bản trong sổ Văn bản đến."))
            return
        entry = tab.current_entry()
        if entry is None:
            QMessageBox.information(self.window, self.tr("In phiếu giải quyết"),
                                    self.tr("Chưa chọn văn bản nào."))
            return
        title = self.tr("Phiếu giải quyết văn bản đến số %s") % entry.number
        run_long(self.runner, phieu_job(entry.id, title, f"phieu-giai-quyet-{entry.year}-{entry.number}"),
                 self._show, self._failed, label=self.tr("Đang tạo phiếu giải quyết…"), parent=self.window)

    def _show(self, built: BuiltPdf) -> None:
        from ui.print.preview_dialog import PreviewDialog
        self.preview = PreviewDialog(self.runner, built, self.window)
        self.preview.open()

    def _remember_preview(self, _built) -> None:
        self.preview = self.dialog.preview

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, PrintCancelled):
            return
        if isinstance(exc, PrintError):
            QMessageBox.warning(self.window, self.tr("In phiếu giải quyết"), str(exc))
            return
        raise exc


def install_print_actions(window) -> PrintActions:
    actions = PrintActions(window)
    actions.install()
    window.print_actions = actions
    return actions
