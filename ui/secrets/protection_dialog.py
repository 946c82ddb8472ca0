"""Thời hạn bảo vệ: the items whose protection term ends within N days, and for the chosen one
gia hạn, thay đổi độ mật, giải mật (each by a recorded decision), xác nhận hết hạn (a term that
has ended, declassified only on this confirmation) or đề nghị tiêu hủy — the same service calls,
with the same fields, as `vanthu secret extend|level|declassify|expire|destroy-propose`."""
from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (QComboBox, QDateEdit, QDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
                               QListWidget, QPushButton, QSpinBox, QVBoxLayout)

from app.errors import DomainError
from ui.secrets.dialog_foot import add_foot
from app.secrets.access import LEVELS


class ProtectionDialog(QDialog):
    def __init__(self, sstore, parent=None):
        super().__init__(parent)
        self.sstore, self.items = sstore, []
        self.setWindowTitle(self.tr("Thời hạn bảo vệ, giải mật, tiêu hủy"))
        lay = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Hết thời hạn bảo vệ trong vòng (ngày):")))
        self.days = QSpinBox()
        self.days.setRange(0, 36500)
        self.days.setValue(90)
        self.days.valueChanged.connect(self.refresh)
        top.addWidget(self.days)
        lay.addLayout(top)
        self.list = QListWidget()
        lay.addWidget(self.list)
        form = QFormLayout()
        self.decision = QLineEdit()
        self.on = QDateEdit(QDate.currentDate())
        self.on.setCalendarPopup(True)
        self.on.setDisplayFormat("dd/MM/yyyy")
        self.by = QLineEdit()
        self.years = QSpinBox()
        self.years.setRange(1, 30)
        self.level = QComboBox()
        for name in LEVELS:
            self.level.addItem(self.tr(name), name)
        self.reason = QLineEdit()
        form.addRow(self.tr("Số quyết định:"), self.decision)
        form.addRow(self.tr("Ngày quyết định:"), self.on)
        form.addRow(self.tr("Người quyết định (giải mật):"), self.by)
        form.addRow(self.tr("Số năm gia hạn:"), self.years)
        form.addRow(self.tr("Độ mật mới:"), self.level)
        form.addRow(self.tr("Lý do đề nghị tiêu hủy:"), self.reason)
        lay.addLayout(form)
        self.extend_button = QPushButton(self.tr("&Gia hạn bảo vệ…"))
        self.extend_button.clicked.connect(self.extend)
        self.level_button = QPushButton(self.tr("Thay đổi độ &mật…"))
        self.level_button.clicked.connect(self.change_level)
        self.declassify_button = QPushButton(self.tr("Giải m&ật…"))
        self.declassify_button.clicked.connect(self.declassify)
        self.destroy_button = QPushButton(self.tr("Đề nghị &tiêu hủy"))
        self.destroy_button.clicked.connect(self.propose_destruction)
        self.expire_button = QPushButton(self.tr("&Xác nhận hết hạn (giải mật)"))
        self.expire_button.clicked.connect(self.confirm_expiry)
        add_foot(self, lay, self.extend_button, self.level_button, self.declassify_button, self.expire_button,
                  self.destroy_button)
        self.refresh()

    def refresh(self) -> None:
        from app.secrets import protection

        row = self.list.currentRow()
        try:
            with self.sstore.ReadSession() as s:
                self.items = [d for d in protection.due(s, self.days.value()) if d.kind == "het-han"]
        except DomainError as exc:
            self.items = []
            self.error.setText(exc.message)
        self.list.clear()
        for d in self.items:
            late = self.tr(" — đã hết hạn, cần xác nhận") if d.overdue else ""
            self.list.addItem(f"{d.label} · {d.secrecy} · hết hạn bảo vệ {d.due:%d/%m/%Y}{late}")
        if self.items:
            self.list.setCurrentRow(min(max(row, 0), len(self.items) - 1))

    def chosen_id(self) -> int | None:
        row = self.list.currentRow()
        if 0 <= row < len(self.items):
            return self.items[row].entry_id
        self.error.setText(self.tr("Chọn một văn bản trong danh sách."))
        return None

    def _run(self, action, done: str) -> bool:
        """One transaction; a refusal is shown here and the clerk's input stays in the fields."""
        entry_id = self.chosen_id()
        if entry_id is None:
            return False
        try:
            with self.sstore.Session.begin() as s:
                result = action(s, entry_id)
        except DomainError as exc:
            self.error.setText(exc.message)
            return False
        self.error.clear()
        self.status.setText(done(result) if callable(done) else done)
        self.refresh()
        return True

    def extend(self) -> bool:
        from app.secrets import protection

        return self._run(lambda s, i: protection.extend(
            s, i, years=self.years.value(), decision_no=self.decision.text(),
            decision_date=self.on.date().toPython()),
            lambda it: self.tr("Đã gia hạn %s đến %s.") % (it.label, f"{it.protected_until:%d/%m/%Y}"))

    def change_level(self) -> bool:
        from app.secrets import protection

        return self._run(lambda s, i: protection.change_level(
            s, i, self.level.currentData(), decision_no=self.decision.text(),
            decision_date=self.on.date().toPython()),
            lambda it: self.tr("Đã đổi %s sang độ %s, bảo vệ đến %s.") % (
                it.label, it.entry.secrecy, f"{it.protected_until:%d/%m/%Y}"))

    def declassify(self) -> bool:
        from app.secrets import protection

        return self._run(lambda s, i: protection.declassify(
            s, i, decision_no=self.decision.text(), decision_date=self.on.date().toPython(),
            decided_by=self.by.text()),
            lambda it: self.tr("Đã giải mật %s.") % it.label)

    def confirm_expiry(self) -> bool:
        """A term that has ended is declassified only when the clerk confirms it, here."""
        from app.secrets import protection

        return self._run(lambda s, i: protection.confirm_expiry(s, i),
                         lambda it: self.tr("Đã xác nhận hết thời hạn bảo vệ: %s được giải mật.") % it.label)

    def propose_destruction(self) -> bool:
        from app.secrets import destruction

        return self._run(lambda s, i: destruction.propose(s, [i], self.reason.text()),
                         lambda d: self.tr("Đã lập danh sách đề nghị tiêu hủy số %s.") % d.id)
