"""Chuyển giao: one line of the transfer book for the chosen secret item."""
from __future__ import annotations

from PySide6.QtWidgets import (QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
                               QSpinBox)
from PySide6.QtCore import QDate

from app.errors import DomainError


class TransferDialog(QDialog):
    def __init__(self, sstore, item, parent=None):
        super().__init__(parent)
        self.sstore, self.item, self.result_view = sstore, item, None
        self.setWindowTitle(self.tr("Chuyển giao văn bản mật"))
        form = QFormLayout(self)
        form.addRow(self.tr("Văn bản:"), QLabel(item.label))
        self.to = QLineEdit()
        self.unit = QLineEdit()
        self.copies = QSpinBox()
        self.copies.setRange(1, 999)
        self.on = QDateEdit(QDate.currentDate())
        self.on.setCalendarPopup(True)
        self.on.setDisplayFormat("dd/MM/yyyy")
        form.addRow(self.tr("Người nhận:"), self.to)
        form.addRow(self.tr("Đơn vị:"), self.unit)
        form.addRow(self.tr("Số bản:"), self.copies)
        form.addRow(self.tr("Ngày chuyển:"), self.on)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020")
        self.error.setWordWrap(True)
        form.addRow(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Ghi sổ chuyển giao"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Hủy"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def save(self) -> None:
        from app.secrets import transfer

        try:
            with self.sstore.Session.begin() as s:
                self.result_view = transfer.hand_over(s, self.item.id, self.to.text(), self.copies.value(),
                                                      unit=self.unit.text(), on=self.on.date().toPython())
        except DomainError as exc:  # the clerk's input stays in the fields
            self.error.setText(exc.message)
            return
        self.accept()
