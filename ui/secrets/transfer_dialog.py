"""Chuyển giao: one line of the transfer book for the chosen secret item."""
from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QDialog, QFormLayout, QLabel, QLineEdit, QSpinBox

from ui.secrets.dialog_foot import add_ok_rows, write_then_accept


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
        add_ok_rows(self, form, self.tr("Ghi sổ chuyển giao"))

    def save(self) -> None:
        from app.secrets import transfer

        write_then_accept(self, lambda s: transfer.hand_over(  # a refusal leaves the input in the fields
            s, self.item.id, self.to.text(), self.copies.value(), unit=self.unit.text(),
            on=self.on.date().toPython()))
