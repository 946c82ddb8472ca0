"""Hồ sơ giải mật: the documents declassified (by decision or at the end of their term), of one
year or all, listed with their decisions and printed as the Danh mục tài liệu giải mật — the same
as `vanthu secret print secret-declassified`."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtWidgets import (QDialog, QFileDialog, QHBoxLayout, QLabel, QListWidget, QPushButton,
                               QSpinBox, QVBoxLayout)

from app.errors import DomainError


class DeclassifiedDialog(QDialog):
    def __init__(self, sstore, parent=None):
        super().__init__(parent)
        self.sstore, self.rows = sstore, []
        self.setWindowTitle(self.tr("Hồ sơ giải mật"))
        lay = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Giải mật trong năm:")))
        self.year = QSpinBox()
        self.year.setRange(1999, 2200)
        self.year.setSpecialValueText(self.tr("Tất cả các năm"))  # the minimum stands for "all"
        self.year.setValue(dt.date.today().year)
        self.year.valueChanged.connect(self.refresh)
        top.addWidget(self.year)
        lay.addLayout(top)
        self.list = QListWidget()
        lay.addWidget(self.list)
        buttons = QHBoxLayout()
        self.print_button = QPushButton(self.tr("&In danh mục tài liệu giải mật…"))
        self.print_button.clicked.connect(lambda: self.print_list())
        close = QPushButton(self.tr("Đó&ng"))
        close.clicked.connect(self.accept)
        buttons.addWidget(self.print_button)
        buttons.addWidget(close)
        lay.addLayout(buttons)
        self.status = QLabel()
        self.status.setWordWrap(True)
        lay.addWidget(self.status)
        self.refresh()

    def chosen_year(self) -> int | None:
        return None if self.year.value() == self.year.minimum() else self.year.value()

    def refresh(self) -> None:
        from app.secrets import protection

        try:
            with self.sstore.ReadSession() as s:
                self.rows = protection.declassified(s, self.chosen_year())
        except DomainError as exc:
            self.rows = []
            self.status.setText(exc.message)
        self.list.clear()
        for it, d in self.rows:
            self.list.addItem(f"{it.entry.number_symbol or it.label} · trước: {d.old_level} · "
                              f"{d.decision_no} ngày {d.decision_date:%d/%m/%Y}"
                              + (f" · {d.decided_by}" if d.decided_by else ""))
        self.print_button.setEnabled(bool(self.rows))
        self.status.setText(self.tr("%s tài liệu đã giải mật.") % len(self.rows))

    def print_list(self, path: str | None = None) -> dict | None:
        from app.secrets import printing

        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Lưu PDF"), "ho-so-giai-mat.pdf", "PDF (*.pdf)")
            if not path:
                return None
        try:
            with self.sstore.Session.begin() as s:
                result = printing.print_declassified(s, self.chosen_year(), Path(path))
        except DomainError as exc:
            self.status.setText(exc.message)
            return None
        self.status.setText(self.tr("Đã in %s trang: %s") % (result["pages"], path))
        return result
