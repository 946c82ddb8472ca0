"""Tiêu hủy: the proposal lists (made in the protection dialog), the council's decision on one,
the destruction carried out, and the list or the minutes (biên bản tiêu hủy) printed — the same
service calls as `vanthu secret destroy-decide|destroy-done --out`."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (QDateEdit, QDialog, QFileDialog, QFormLayout, QLabel,
                               QLineEdit, QListWidget, QPlainTextEdit, QPushButton, QVBoxLayout)

from app.errors import DomainError
from ui.secrets.dialog_foot import add_foot

STATES = {"proposed": "đề nghị, chờ quyết định", "decided": "đã có quyết định, chờ tiêu hủy",
          "done": "đã tiêu hủy"}


def _date_edit() -> QDateEdit:
    w = QDateEdit(QDate.currentDate())
    w.setCalendarPopup(True)
    w.setDisplayFormat("dd/MM/yyyy")
    return w


class DestructionDialog(QDialog):
    def __init__(self, sstore, parent=None):
        super().__init__(parent)
        self.sstore, self.lists = sstore, []
        self.setWindowTitle(self.tr("Tiêu hủy tài liệu mật: quyết định và biên bản"))
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(self.tr("Danh sách đề nghị tiêu hủy:")))
        self.list = QListWidget()
        self.list.currentRowChanged.connect(self._show_items)
        lay.addWidget(self.list)
        self.items = QLabel()
        self.items.setWordWrap(True)
        lay.addWidget(self.items)
        form = QFormLayout()
        self.decision = QLineEdit()
        self.decision_on = _date_edit()
        self.decided_by = QLineEdit()
        self.council = QPlainTextEdit()
        self.council.setPlaceholderText(self.tr("Mỗi dòng một thành viên hội đồng"))
        self.council.setMaximumHeight(70)
        self.destroyed_on = _date_edit()
        self.method = QLineEdit()
        self.method.setPlaceholderText(self.tr("Đốt, nghiền, cắt hủy…"))
        form.addRow(self.tr("Số quyết định tiêu hủy:"), self.decision)
        form.addRow(self.tr("Ngày quyết định:"), self.decision_on)
        form.addRow(self.tr("Người quyết định:"), self.decided_by)
        form.addRow(self.tr("Hội đồng tiêu hủy:"), self.council)
        form.addRow(self.tr("Ngày tiêu hủy:"), self.destroyed_on)
        form.addRow(self.tr("Cách tiêu hủy:"), self.method)
        lay.addLayout(form)
        self.decide_button = QPushButton(self.tr("Ghi &quyết định"))
        self.decide_button.clicked.connect(self.decide)
        self.done_button = QPushButton(self.tr("Ghi đã &tiêu hủy"))
        self.done_button.clicked.connect(self.carry_out)
        self.print_button = QPushButton(self.tr("&In danh sách / biên bản…"))
        self.print_button.clicked.connect(lambda: self.print_chosen())
        add_foot(self, lay, self.decide_button, self.done_button, self.print_button)
        self.refresh()

    def refresh(self) -> None:
        from app.secrets import destruction

        row = self.list.currentRow()
        try:
            with self.sstore.ReadSession() as s:
                self.lists = destruction.lists(s)
        except DomainError as exc:
            self.lists = []
            self.error.setText(exc.message)
        self.list.clear()
        for d in self.lists:
            self.list.addItem(self.tr("Số %s · lập %s · %s văn bản · %s") % (
                d.id, f"{d.proposed_on:%d/%m/%Y}", len(d.items), self.tr(STATES[d.state])))
        if self.lists:
            self.list.setCurrentRow(min(max(row, 0), len(self.lists) - 1))
        else:
            self._show_items(-1)

    def chosen(self):
        row = self.list.currentRow()
        if 0 <= row < len(self.lists):
            return self.lists[row]
        self.error.setText(self.tr("Chưa có danh sách đề nghị tiêu hủy (lập ở “Thời hạn bảo vệ…”)."))
        return None

    def _show_items(self, row: int) -> None:
        d = self.lists[row] if 0 <= row < len(self.lists) else None
        self.items.setText("; ".join(it.label for it in d.items) if d else "")
        self.decide_button.setEnabled(d is not None and d.state == "proposed")
        self.done_button.setEnabled(d is not None and d.state == "decided")
        self.print_button.setEnabled(d is not None)

    def _run(self, action, done: str) -> bool:
        """One transaction; a refusal is shown here and the clerk's input stays in the fields."""
        d = self.chosen()
        if d is None:
            return False
        try:
            with self.sstore.Session.begin() as s:
                action(s, d.id)
        except DomainError as exc:
            self.error.setText(exc.message)
            return False
        self.error.clear()
        self.status.setText(done % d.id)
        self.refresh()
        return True

    def decide(self) -> bool:
        from app.secrets import destruction

        return self._run(lambda s, i: destruction.decide(
            s, i, decision_no=self.decision.text(), decision_date=self.decision_on.date().toPython(),
            decided_by=self.decided_by.text(), council=self.council.toPlainText()),
            self.tr("Đã ghi quyết định tiêu hủy cho danh sách số %s."))

    def carry_out(self) -> bool:
        from app.secrets import destruction

        return self._run(lambda s, i: destruction.carry_out(
            s, i, on=self.destroyed_on.date().toPython(), method=self.method.text()),
            self.tr("Đã ghi tiêu hủy danh sách số %s; các văn bản được đánh dấu trong sổ."))

    def print_chosen(self, path: str | None = None) -> dict | None:
        """The proposal list, or once destroyed, the minutes, to a PDF the clerk names."""
        from app.secrets import printing

        d = self.chosen()
        if d is None:
            return None
        if path is None:
            name = "bien-ban-tieu-huy" if d.state == "done" else "de-nghi-tieu-huy"
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Lưu PDF"), f"{name}-{d.id}.pdf", "PDF (*.pdf)")
            if not path:
                return None
        try:
            with self.sstore.Session.begin() as s:
                result = printing.print_destruction(s, d.id, Path(path))
        except DomainError as exc:
            self.error.setText(exc.message)
            return None
        self.error.clear()
        self.status.setText(self.tr("Đã in %s trang: %s") % (result["pages"], path))
        return result
