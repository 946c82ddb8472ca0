"""Sao, chụp: only with a person allowed for the item's level, within the permitted copies."""
from __future__ import annotations

from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
                               QSpinBox)

from app.errors import DomainError

FORMS = (("sao-y", "Sao y"), ("sao-luc", "Sao lục"), ("trich-sao", "Trích sao"), ("chup", "Chụp"))


class CopyDialog(QDialog):
    def __init__(self, sstore, item, parent=None):
        super().__init__(parent)
        from app.secrets import copies

        self.sstore, self.item, self.result_view = sstore, item, None
        self.setWindowTitle(self.tr("Sao, chụp văn bản mật"))
        form = QFormLayout(self)
        form.addRow(self.tr("Văn bản:"), QLabel(item.label))
        self.authoriser = QComboBox()
        with sstore.ReadSession() as s:
            for name, title, level, most in copies.authorisers(s, item.entry.secrecy):
                self.authoriser.addItem(f"{name} — {title} (đến {level}, tối đa {most} bản)", name)
        self.copies = QSpinBox()
        self.copies.setRange(1, 999)
        self.form = QComboBox()
        for key, name in FORMS:
            self.form.addItem(self.tr(name), key)
        self.receiver = QLineEdit()
        form.addRow(self.tr("Người cho phép:"), self.authoriser)
        form.addRow(self.tr("Số bản:"), self.copies)
        form.addRow(self.tr("Hình thức:"), self.form)
        form.addRow(self.tr("Người nhận:"), self.receiver)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020")
        self.error.setWordWrap(True)
        if self.authoriser.count() == 0:
            self.error.setText(self.tr("Chưa có người có thẩm quyền cho phép sao, chụp ở độ mật này "
                                       "(vanthu secret authoriser …)."))
        form.addRow(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Ghi sổ sao, chụp"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Hủy"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def save(self) -> None:
        from app.secrets import copies

        try:
            with self.sstore.Session.begin() as s:
                self.result_view = copies.make_copies(
                    s, self.item.id, authorised_by=self.authoriser.currentData() or "",
                    copies=self.copies.value(), form=self.form.currentData(), receiver=self.receiver.text())
        except DomainError as exc:
            self.error.setText(exc.message)
            return
        self.accept()
