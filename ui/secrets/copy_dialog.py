"""Sao, chụp: only with a person allowed for the item's level, within the permitted copies."""
from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QLabel, QLineEdit, QSpinBox

from app.secrets.copies import FORMS
from ui.secrets.dialog_foot import add_ok_rows, write_then_accept


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
        for key, name in FORMS.items():
            self.form.addItem(self.tr(name), key)
        self.receiver = QLineEdit()
        form.addRow(self.tr("Người cho phép:"), self.authoriser)
        form.addRow(self.tr("Số bản:"), self.copies)
        form.addRow(self.tr("Hình thức:"), self.form)
        form.addRow(self.tr("Người nhận:"), self.receiver)
        add_ok_rows(self, form, self.tr("Ghi sổ sao, chụp"))
        if self.authoriser.count() == 0:
            self.error.setText(self.tr("Chưa có người có thẩm quyền cho phép sao, chụp ở độ mật này "
                                       "(vanthu secret authoriser …)."))

    def save(self) -> None:
        from app.secrets import copies

        write_then_accept(self, lambda s: copies.make_copies(
            s, self.item.id, authorised_by=self.authoriser.currentData() or "",
            copies=self.copies.value(), form=self.form.currentData(), receiver=self.receiver.text()))
