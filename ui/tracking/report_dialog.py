"""Báo cáo tình hình giải quyết văn bản đến / đi: period, unit, then a PDF where the clerk says."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFileDialog,
                               QFormLayout, QLabel, QLineEdit, QVBoxLayout)

from app.errors import DomainError
from app.printing import PrintError
from app.tracking import report_print


class ReportDialog(QDialog):
    def __init__(self, runner, parent=None):
        super().__init__(parent)
        self.runner = runner
        self.setWindowTitle(self.tr("Báo cáo tình hình giải quyết văn bản"))
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Văn bản đến"), "incoming")
        self.kind.addItem(self.tr("Văn bản đi"), "outgoing")
        today = QDate.currentDate()
        quarter_start = QDate(today.year(), (today.month() - 1) // 3 * 3 + 1, 1)
        self.date_from = QDateEdit(quarter_start, calendarPopup=True, displayFormat="dd/MM/yyyy")
        self.date_to = QDateEdit(today, calendarPopup=True, displayFormat="dd/MM/yyyy")
        self.unit = QLineEdit(placeholderText=self.tr("để trống: cả cơ quan"))
        self.error = QLabel(wordWrap=True)
        self.error.setStyleSheet("color: #b00020;")
        form = QFormLayout()
        form.addRow(self.tr("Báo cáo về:"), self.kind)
        form.addRow(self.tr("Từ ngày:"), self.date_from)
        form.addRow(self.tr("Đến ngày:"), self.date_to)
        form.addRow(self.tr("Đơn vị:"), self.unit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Tạo PDF…"))
        buttons.accepted.connect(self.build)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.out: Path | None = None

    def build(self, out: Path | None = None) -> None:
        kind = self.kind.currentData()
        f, t = self.date_from.date().toPython(), self.date_to.date().toPython()
        if out is None:
            name, _ = QFileDialog.getSaveFileName(self, self.tr("Lưu báo cáo"),
                                                  f"bao-cao-{'den' if kind == 'incoming' else 'di'}-{f:%Y%m%d}-{t:%Y%m%d}.pdf",
                                                  self.tr("PDF (*.pdf)"))
            if not name:
                return
            out = Path(name)
        unit = self.unit.text()
        self.runner.query(lambda s: report_print.print_report(s, kind, f, t, out, unit), self._done,
                          self._failed, owner=self)

    def _done(self, result) -> None:
        self.out = result.path
        if self.isVisible():
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(result.path)))
        self.accept()

    def _failed(self, exc) -> None:
        if isinstance(exc, DomainError):
            self.error.setText(exc.message)
        elif isinstance(exc, PrintError):
            self.error.setText(str(exc))
        else:
            raise exc
