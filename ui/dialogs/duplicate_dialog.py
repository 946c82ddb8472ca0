"""Possible duplicate: show the entry already in the book and let the clerk decide."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMessageBox

from app.dates import fmt


class DuplicateDialog(QMessageBox):
    confirmed = Signal()  # "Vẫn đăng ký"

    def __init__(self, existing, parent=None):
        super().__init__(parent)
        self.existing = existing
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(self.tr("Có thể trùng văn bản"))
        self.setText(self.tr("Văn bản này có thể đã được đăng ký (cùng tác giả, số ký hiệu và ngày)."))
        self.setInformativeText(self.tr(
            "Đã có trong sổ:\nSố đến: %s — ngày đến %s\nTác giả: %s\nSố, ký hiệu: %s ngày %s\nTrích yếu: %s")
            % (existing.number, fmt(existing.received_at, with_time=True), existing.issuer,
               existing.number_symbol, fmt(existing.doc_date), existing.summary))
        self.register_button = self.addButton(self.tr("Vẫn đăng ký"), QMessageBox.ButtonRole.AcceptRole)
        self.cancel_button = self.addButton(self.tr("Hủy"), QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.cancel_button)
        self.buttonClicked.connect(self._clicked)

    def _clicked(self, button) -> None:
        if button is self.register_button:
            self.confirmed.emit()
