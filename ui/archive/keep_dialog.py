"""Keeping a closed file back in the unit past its deposit time (NĐ 30 Điều 30 khoản 3): the
reason, the term (at most two years after it falls due) and whose consent; or giving it back."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
                               QMessageBox)

from app.archive import keepback
from app.archive.rules import deposit_due
from app.dates import fmt
from app.registers.views import Changes


class KeepDialog(QDialog):
    def __init__(self, runner, hoso, parent=None):
        super().__init__(parent)
        self.runner, self.hoso = runner, hoso
        self.setWindowTitle(self.tr("Giữ lại hồ sơ %s") % hoso.code)
        due = deposit_due(hoso.closed_on or dt.date.today())
        last = keepback.latest_until(due)
        facts = QLabel(self.tr("Hạn nộp lưu: %s. Đơn vị được giữ lại hồ sơ khi thủ trưởng cơ quan đồng ý, "
                               "không quá 02 năm kể từ ngày đến hạn nộp lưu (muộn nhất đến %s); hồ sơ có tên "
                               "trong Danh mục hồ sơ, tài liệu giữ lại gửi Lưu trữ cơ quan.") % (fmt(due), fmt(last)),
                       self)
        facts.setWordWrap(True)
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText(self.tr("ví dụ: còn dùng để giải quyết khiếu nại"))
        self.until = QDateEdit(QDate(last.year, last.month, last.day), self)
        self.until.setDisplayFormat("dd/MM/yyyy")
        self.until.setCalendarPopup(True)
        self.approval = QLineEdit(self)
        self.approval.setPlaceholderText(self.tr("ví dụ: Giám đốc đồng ý tại Tờ trình số 15/TTr-VP ngày 02/12/2026"))
        form = QFormLayout(self)
        form.addRow(facts)
        form.addRow(self.tr("&Lý do giữ lại:"), self.reason)
        form.addRow(self.tr("Giữ lại &đến ngày:"), self.until)
        form.addRow(self.tr("Ý kiến đồng ý:"), self.approval)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Giữ lại"))
        form.addRow(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.resize(560, 260)

    def accept(self) -> None:
        hid, reason, approval = self.hoso.id, self.reason.text(), self.approval.text()
        until = self.until.date().toPython()
        self.runner.write(lambda s: keepback.keep(s, hid, reason, until, approval),
                          lambda _k: super(KeepDialog, self).accept(), self._failed, changes=Changes("archive"))

    def _failed(self, exc: BaseException) -> None:
        QMessageBox.warning(self, self.tr("Không giữ lại được hồ sơ"), getattr(exc, "message", str(exc)))


def release(parent, runner, hoso) -> None:
    answer = QMessageBox.question(parent, parent.tr("Thôi giữ lại hồ sơ"),
                                  parent.tr("Thôi giữ lại hồ sơ %s? Hồ sơ trở lại trạng thái đã đóng và được "
                                            "đưa vào đợt nộp lưu của kỳ đóng hồ sơ.") % hoso.code)
    if answer == QMessageBox.StandardButton.Yes:
        runner.write(lambda s: keepback.release(s, hoso.id, "thôi giữ lại từ cửa sổ hồ sơ"), None,
                     lambda exc: QMessageBox.warning(parent, parent.tr("Không thực hiện được"),
                                                     getattr(exc, "message", str(exc))),
                     changes=Changes("archive"))
