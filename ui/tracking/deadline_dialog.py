"""Thời hạn giải quyết and tình trạng of one incoming entry: a date, N working days from the
transfer, or the urgent default; the state with its progress note."""
from __future__ import annotations

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (QButtonGroup, QComboBox, QDateEdit, QDialog, QDialogButtonBox,
                               QFormLayout, QHBoxLayout, QLabel, QPlainTextEdit, QRadioButton,
                               QSpinBox, QVBoxLayout)

from app.errors import DomainError
from app.registers.views import Changes
from app.tracking import deadlines, follow
from app.tracking.store import STATES


class DeadlineDialog(QDialog):
    saved = Signal()

    def __init__(self, runner, entry, parent=None):
        super().__init__(parent)
        self.runner, self.entry = runner, entry
        self.setWindowTitle(self.tr("Hạn và tình trạng giải quyết — số đến %s") % entry.number)
        self.by_date = QRadioButton(self.tr("Đến &ngày"))
        self.by_days = QRadioButton(self.tr("Số ngày &làm việc kể từ ngày chuyển"))
        self.by_urgent = QRadioButton(self.tr("Hạn của văn bản &khẩn (trong ngày / ngày làm việc sau)"))
        self.group = QButtonGroup(self)
        for b in (self.by_date, self.by_days, self.by_urgent):
            self.group.addButton(b)
        self.date = QDateEdit(calendarPopup=True, displayFormat="dd/MM/yyyy")
        self.days = QSpinBox(minimum=0, maximum=365, value=5)
        self.state = QComboBox()
        for key, label in STATES.items():
            self.state.addItem(self.tr(label), key)
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText(self.tr("Tiến độ giải quyết"))
        self.error = QLabel(wordWrap=True)
        self.error.setStyleSheet("color: #b00020;")
        self.preview = QLabel()
        form = QFormLayout()
        row = QHBoxLayout()
        row.addWidget(self.by_date)
        row.addWidget(self.date)
        form.addRow(row)
        row = QHBoxLayout()
        row.addWidget(self.by_days)
        row.addWidget(self.days)
        form.addRow(row)
        form.addRow(self.by_urgent)
        form.addRow(self.tr("Tình trạng:"), self.state)
        form.addRow(self.tr("Tiến độ:"), self.note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"{entry.number_symbol} — {entry.issuer}\n{entry.summary}", wordWrap=True))
        layout.addLayout(form)
        layout.addWidget(self.preview)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.by_urgent.setEnabled(entry.urgency in deadlines.URGENT_DAYS)
        due = entry.due_date
        self.date.setDate(QDate(due.year, due.month, due.day) if due else QDate.currentDate())
        (self.by_date if due or not self.by_urgent.isEnabled() else self.by_urgent).setChecked(True)
        self.note.setPlainText(entry.progress_note)
        runner.query(lambda s: (deadlines.deadline(s, entry.id), follow.view(s, entry.id)), self._loaded)

    def _loaded(self, pair) -> None:
        d, f = pair
        if d.rule == "working_days" and d.days is not None:
            self.by_days.setChecked(True)
            self.days.setValue(d.days)
        elif d.rule == "urgent":
            self.by_urgent.setChecked(True)
        self.preview.setText(self.tr("Hạn hiện tại: %s") % (d.describe() or self.tr("chưa đặt")))
        self.state.setCurrentIndex(max(0, self.state.findData(f.state)))

    def save(self) -> None:
        entry_id, q = self.entry.id, self.date.date()
        on = q.toPython() if self.by_date.isChecked() else None
        days = self.days.value() if self.by_days.isChecked() else None
        urgent = self.by_urgent.isChecked()
        state, note = self.state.currentData(), self.note.toPlainText()

        def write(s):
            deadlines.set_deadline(s, entry_id, on=on, working_days=days, urgent=urgent)
            return follow.set_state(s, entry_id, state, note)

        self.runner.write(write, self._done, self._failed,
                          changes=Changes(self.entry.book_key, (entry_id,)))

    def _done(self, _view) -> None:
        self.saved.emit()
        self.accept()

    def _failed(self, exc) -> None:
        if not isinstance(exc, DomainError):
            raise exc
        self.error.setText(exc.message)
