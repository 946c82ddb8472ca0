"""Open a file: in the year's plan under a heading, or outside it as the law allows."""
from __future__ import annotations

from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLineEdit,
                               QMessageBox)

from app.archive import plan
from app.archive.rules import RETENTIONS
from app.registers.views import Changes


class NewHosoDialog(QDialog):
    def __init__(self, runner, year: int, parent=None):
        super().__init__(parent)
        self.runner, self.year = runner, year
        self.setWindowTitle(self.tr("Mở hồ sơ mới — năm %d") % year)
        self.title = QLineEdit(self)
        self.code = QLineEdit(self)
        self.code.setPlaceholderText(self.tr("để trống: số tiếp theo của danh mục"))
        self.heading = QComboBox(self)
        self.heading.addItem(self.tr("(không thuộc đề mục)"), None)
        self.retention = QComboBox(self)
        self.retention.addItems(RETENTIONS)
        self.retention.setCurrentText("10 năm")
        self.creator = QLineEdit(self)
        self.outside = QCheckBox(self.tr("Hồ sơ lập ngoài danh mục"), self)
        form = QFormLayout(self)
        form.addRow(self.tr("&Tiêu đề hồ sơ:"), self.title)
        form.addRow(self.tr("Đề &mục:"), self.heading)
        form.addRow(self.tr("&Số và ký hiệu:"), self.code)
        form.addRow(self.tr("Thời hạn &bảo quản:"), self.retention)
        form.addRow(self.tr("&Người lập hồ sơ:"), self.creator)
        form.addRow("", self.outside)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        form.addRow(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.resize(560, 260)
        runner.query(lambda s: plan.headings(s, year), self._got_headings)

    def _got_headings(self, heads) -> None:
        for h in heads:
            indent = "" if h.parent_id is None else "    "
            self.heading.addItem(f"{indent}{h.label}. {h.title}" + (f" ({h.abbr})" if h.abbr else ""), h.id)

    def accept(self) -> None:
        year, title, retention = self.year, self.title.text(), self.retention.currentText()
        code, heading, creator = self.code.text(), self.heading.currentData(), self.creator.text()
        outside = self.outside.isChecked()
        self.runner.write(lambda s: plan.create_hoso(s, year, title, retention, code=code, heading_id=heading,
                                                     creator=creator, in_plan=not outside),
                          lambda _v: super(NewHosoDialog, self).accept(), self._failed, changes=Changes("archive"))

    def _failed(self, exc: BaseException) -> None:
        QMessageBox.warning(self, self.tr("Không mở được hồ sơ"), getattr(exc, "message", str(exc)))
