"""Lịch làm việc (Cài đặt): the year's days off and worked Saturdays as the deadlines count
them — public holidays from the `holidays` library, and the days the office adds or takes back."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (QComboBox, QDateEdit, QDialog, QHBoxLayout, QLabel, QLineEdit,
                               QListWidget, QListWidgetItem, QPushButton, QSpinBox, QVBoxLayout)

from app.errors import DomainError
from app.tracking import calendar as cal_mod

WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật")


class CalendarDialog(QDialog):
    def __init__(self, runner, parent=None):
        super().__init__(parent)
        self.runner = runner
        self.setWindowTitle(self.tr("Lịch làm việc của cơ quan"))
        self.resize(620, 560)
        self.year = QSpinBox(minimum=2000, maximum=2100, value=dt.date.today().year)
        self.year.valueChanged.connect(self.refresh)
        self.days = QListWidget()
        self.day = QDateEdit(QDate.currentDate(), calendarPopup=True, displayFormat="dd/MM/yyyy")
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Nghỉ (nghỉ bù, nghỉ riêng của cơ quan)"), "off")
        self.kind.addItem(self.tr("Làm việc (làm bù)"), "work")
        self.note = QLineEdit(placeholderText=self.tr("Ghi chú, ví dụ: theo Thông báo số …"))
        add = QPushButton(self.tr("&Thêm"))
        remove = QPushButton(self.tr("&Bỏ ngày của cơ quan"))
        add.clicked.connect(self.add)
        remove.clicked.connect(self.remove)
        self.error = QLabel(wordWrap=True)
        self.error.setStyleSheet("color: #b00020;")
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Năm:")))
        top.addWidget(self.year)
        top.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.day)
        row.addWidget(self.kind)
        row.addWidget(self.note, 1)
        row.addWidget(add)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(QLabel(self.tr("Ngày nghỉ trong tuần và ngày làm việc cuối tuần (lễ, Tết theo âm "
                                        "lịch, nghỉ bù do Chính phủ thông báo, và ngày cơ quan thêm):"),
                                wordWrap=True))
        layout.addWidget(self.days)
        layout.addLayout(row)
        layout.addWidget(remove)
        layout.addWidget(self.error)
        self.refresh()

    def refresh(self) -> None:
        year = self.year.value()

        def read(s):
            cal = cal_mod.WorkCalendar.load(s)
            return [(d, reason, cal.is_working(d), d in cal.office) for d, reason in cal.days_off(year)]

        self.runner.query(read, self._got, owner=self)

    def _got(self, days) -> None:
        self.days.clear()
        for d, reason, working, office in days:
            text = (f"{WEEKDAYS[d.weekday()]} {d:%d/%m/%Y} — "
                    f"{self.tr('làm việc') if working else self.tr('nghỉ')}: {reason}")
            item = QListWidgetItem(text)
            item.setData(256, d)
            if office:
                f = item.font()
                f.setBold(True)
                item.setFont(f)
            self.days.addItem(item)

    def add(self) -> None:
        day, kind, note = self.day.date().toPython(), self.kind.currentData(), self.note.text()
        self.runner.write(lambda s: cal_mod.set_office_day(s, day, kind, note), lambda _v: self._changed(day),
                          self._failed)

    def remove(self) -> None:
        item = self.days.currentItem()
        if item is None:
            self.error.setText(self.tr("Chọn một ngày của cơ quan (chữ đậm) trong danh sách."))
            return
        day = item.data(256)
        self.runner.write(lambda s: cal_mod.clear_office_day(s, day), lambda _v: self._changed(day),
                          self._failed)

    def _changed(self, day: dt.date) -> None:
        self.error.clear()
        if day.year != self.year.value():
            self.year.setValue(day.year)
        else:
            self.refresh()

    def _failed(self, exc) -> None:
        if not isinstance(exc, DomainError):
            raise exc
        self.error.setText(exc.message)
