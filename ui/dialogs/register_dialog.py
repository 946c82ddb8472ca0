"""A window around the registration form; it stays open for the next document after a save."""
from __future__ import annotations

from PySide6.QtWidgets import QDialog, QVBoxLayout

from ui.dialogs.entry_form import EntryForm
from ui.settings import SavesGeometry


class RegisterDialog(SavesGeometry, QDialog):
    def __init__(self, runner, book_key: str, title: str, settings=None, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Đăng ký văn bản — %s") % title)
        self.form = EntryForm(runner, book_key, self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        self.form.closed.connect(self._close)
        self.resize(940, 450)
        if settings is not None:
            self.restore_geometry(settings, "register")

    def reject(self) -> None:
        """Esc, Đóng or the window's close button: the form asks first if it is half-filled."""
        self.form.request_close()

    def _close(self) -> None:
        super().reject()

    def done(self, result: int) -> None:
        self.save_geometry()
        super().done(result)
