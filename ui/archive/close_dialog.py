"""Closing a file: what closing will record (dates, documents, pages from the scans), the
sheets of a paper file, the retention checked again; reopening asks for its reason."""
from __future__ import annotations

from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QInputDialog,
                               QLabel, QLineEdit, QMessageBox, QSpinBox)

from app.archive import closing
from app.archive.rules import RETENTIONS
from app.dates import fmt
from app.registers.views import Changes


class CloseDialog(QDialog):
    def __init__(self, runner, hoso, parent=None):
        super().__init__(parent)
        self.runner, self.hoso = runner, hoso
        self.setWindowTitle(self.tr("Đóng hồ sơ %s") % hoso.code)
        self.facts = QLabel(self.tr("Đang đọc các văn bản của hồ sơ…"), self)
        self.title = QLineEdit(hoso.title, self)
        self.retention = QComboBox(self)
        self.retention.addItems(RETENTIONS)
        self.retention.setCurrentText(hoso.retention)
        self.checked = QCheckBox(self.tr("Đã kiểm tra lại thời hạn bảo quản"), self)
        self.sheets = QSpinBox(self, maximum=99999)
        self.sheets.setSpecialValueText(self.tr("(hồ sơ điện tử)"))
        self.pages = QSpinBox(self, maximum=99999)
        self.note = QLineEdit(self)
        self.note.setPlaceholderText(self.tr("đặc điểm tài liệu (để trống: tự ghi số văn bản, số trang)"))
        form = QFormLayout(self)
        form.addRow(self.facts)
        form.addRow(self.tr("&Tiêu đề:"), self.title)
        form.addRow(self.tr("Thời hạn &bảo quản:"), self.retention)
        form.addRow("", self.checked)
        form.addRow(self.tr("Số &tờ (giấy):"), self.sheets)
        form.addRow(self.tr("Số t&rang:"), self.pages)
        form.addRow(self.tr("&Chứng từ kết thúc:"), self.note)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Đóng hồ sơ"))
        form.addRow(self.buttons)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setEnabled(False)
        self.checked.toggled.connect(self.ok.setEnabled)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.resize(560, 300)
        runner.query(lambda s: closing.summary(s, hoso.id), self._got_summary)

    def _got_summary(self, s: dict) -> None:
        self.pages.setValue(s["pages"])
        if not s["documents"]:
            self.facts.setText(self.tr("Hồ sơ chưa có văn bản nào: không đóng được hồ sơ rỗng."))
            return
        self.facts.setText(self.tr("%d văn bản, từ ngày %s đến ngày %s; %d trang theo bản quét.")
                           % (s["documents"], fmt(s["start_date"]), fmt(s["end_date"]), s["pages"]))

    def accept(self) -> None:
        hid = self.hoso.id
        args = dict(retention=self.retention.currentText(), sheets=self.sheets.value() or None,
                    pages=self.pages.value(), title=self.title.text(), note=self.note.text())
        self.runner.write(lambda s: closing.close(s, hid, **args), lambda _v: super(CloseDialog, self).accept(),
                          self._failed, changes=Changes("archive"))

    def _failed(self, exc: BaseException) -> None:
        QMessageBox.warning(self, self.tr("Không đóng được hồ sơ"), getattr(exc, "message", str(exc)))


def reopen(parent, runner, hoso) -> None:
    reason, ok = QInputDialog.getText(parent, parent.tr("Mở lại hồ sơ"),
                                      parent.tr("Mở lại hồ sơ %s đã đóng. Lý do (được ghi lại):") % hoso.code)
    if ok:
        runner.write(lambda s: closing.reopen(s, hoso.id, reason), None,
                     lambda exc: QMessageBox.warning(parent, parent.tr("Không mở lại được"),
                                                     getattr(exc, "message", str(exc))),
                     changes=Changes("archive"))
