"""Lấy số trước: take the next outgoing number for a document still awaiting signature."""
from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel,
                               QLineEdit, QVBoxLayout)

from app import catalogue, org as org_mod
from app.errors import DomainError, ValidationError
from app.registers import service
from app.registers.views import Changes


class ReserveDialog(QDialog):
    def __init__(self, runner, book_key: str, parent=None):
        super().__init__(parent)
        self.runner, self.book_key = runner, book_key
        self.setWindowTitle(self.tr("Lấy số trước"))
        self.doc_type = QComboBox()
        self.doc_date = QLineEdit(dt.date.today().strftime("%d/%m/%Y"))
        self.doc_date.setInputMask("99/99/9999;_")
        self.drafting_unit = QLineEdit()
        self.drafting_unit.setPlaceholderText(self.tr("cho công văn, ví dụ VP"))
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("ví dụ: chờ Giám đốc ký"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c62828;")
        form = QFormLayout()
        form.addRow(self.tr("Tên loại"), self.doc_type)
        form.addRow(self.tr("Ngày văn bản"), self.doc_date)
        form.addRow(self.tr("Đơn vị soạn thảo"), self.drafting_unit)
        form.addRow(self.tr("Ghi chú"), self.note)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Lấy số"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Hủy"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Số được giữ cho văn bản chờ ký; khi ký xong, mở dòng này để ghi đủ.")))
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.take)
        self.buttons.rejected.connect(self.reject)
        runner.query(lambda s: [t.name for t in catalogue.doc_types(s, org_mod.load(s).regime)],
                     self.doc_type.addItems, owner=self)

    def take(self) -> None:
        args = (self.book_key, self.doc_type.currentText(), self.doc_date.text(), self.note.text(),
                self.drafting_unit.text())
        self.runner.write(lambda s: service.reserve(s, *args), self._taken, self._failed,
                          changes=lambda v: Changes(v.book_key, (v.id,)))

    def _taken(self, entry) -> None:
        self.message.setStyleSheet("color: #2e7d32;")
        self.message.setText(self.tr("Đã lấy số %s") % entry.number_symbol)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Đóng"))

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationError):
            self.message.setText(" ".join(exc.errors.values()))
        elif isinstance(exc, DomainError):
            self.message.setText(exc.message)
        else:
            raise exc
