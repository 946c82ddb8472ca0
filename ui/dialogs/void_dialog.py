"""Hủy số: the reason is required; an empty one keeps the dialog open with a message."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout

from app.errors import DomainError, ValidationError
from app.registers import service
from app.registers.views import Changes


class VoidDialog(QDialog):
    voided = Signal(object)  # EntryView

    def __init__(self, runner, book_key: str, entry, parent=None):
        super().__init__(parent)
        self.runner, self.book_key, self.entry = runner, book_key, entry
        number = entry.number_symbol if book_key.endswith("outgoing") else str(entry.number)
        self.setWindowTitle(self.tr("Hủy số %s") % number)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("ví dụ: văn bản không được ký; đăng ký nhầm"))
        self.message = QLabel(wordWrap=True)
        self.message.setStyleSheet("color: #c62828;")
        self.buttons = QDialogButtonBox()
        self.void_button = self.buttons.addButton(self.tr("Hủy số"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.tr("Không hủy"), QDialogButtonBox.ButtonRole.RejectRole)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Hủy số %s. Số đã hủy vẫn hiện trong sổ và không bao giờ cấp lại.")
                                % number, wordWrap=True))
        layout.addWidget(QLabel(self.tr("Lý do hủy số:")))
        layout.addWidget(self.reason)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.void)
        self.buttons.rejected.connect(self.reject)
        self.resize(460, self.sizeHint().height())

    def void(self) -> None:
        reason = self.reason.text().strip()
        if not reason:
            self.message.setText(self.tr("Cần ghi lý do hủy số."))
            self.reason.setFocus()
            return
        self.void_button.setEnabled(False)
        entry_id = self.entry.id
        self.runner.write(lambda s: service.void(s, entry_id, reason), self._done, self._failed,
                          owner=self, changes=Changes(self.book_key, (entry_id,)))

    def _done(self, entry) -> None:
        self.voided.emit(entry)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.void_button.setEnabled(True)
        if isinstance(exc, ValidationError):
            self.message.setText(" ".join(exc.errors.values()))
        elif isinstance(exc, DomainError):
            self.message.setText(exc.message)
        else:
            raise exc
