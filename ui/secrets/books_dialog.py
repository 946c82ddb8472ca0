"""The secret books on screen (issue 13 item 1): Sổ chuyển giao (mẫu 16), Sổ quản lý sao, chụp
(mẫu 12), what each official holds now, and the year's Thống kê (mẫu 18), each printable.
Only the levels the user is cleared for are listed: the services filter, not this view."""
from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (QDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSpinBox, QTableWidget,
                               QTableWidgetItem, QTabWidget, QVBoxLayout, QWidget)

from app.dates import fmt
from app.errors import DomainError
from app.secrets.access import LEVELS
from ui.secrets.dialog_foot import add_foot

TRANSFER = ("Ngày chuyển", "Văn bản", "Độ mật", "Số bản", "Người nhận", "Đơn vị", "Người giao", "Ngày trả")
COPIES = ("Ngày sao", "Văn bản gốc", "Độ mật", "Hình thức", "Số bản", "Bản số", "Người cho phép", "Người sao",
          "Người nhận")
HELD = ("Người đang giữ", "Văn bản", "Độ mật", "Số bản", "Ngày nhận", "Đơn vị")
STATS = ("Độ mật", "Văn bản đến", "Văn bản đi")


def _table(titles) -> QTableWidget:
    t = QTableWidget(0, len(titles))
    t.setHorizontalHeaderLabels(titles)
    t.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    t.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    t.verticalHeader().setVisible(False)
    return t


def _fill(table: QTableWidget, rows) -> None:
    table.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, v in enumerate(values):
            table.setItem(r, c, QTableWidgetItem("" if v is None else str(v)))
    table.resizeColumnsToContents()


class SecretBooksDialog(QDialog):
    def __init__(self, sstore, panel=None, parent=None):
        super().__init__(parent)
        self.sstore, self.panel = sstore, panel
        self.setWindowTitle(self.tr("Sổ văn bản mật: chuyển giao, sao chụp, đang giữ, thống kê"))
        self.resize(980, 560)
        lay = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("&Năm:")))
        self.year = QSpinBox(minimum=1945, maximum=dt.date.today().year + 1, value=dt.date.today().year)
        top.itemAt(0).widget().setBuddy(self.year)
        top.addWidget(self.year)
        top.addSpacing(20)
        top.addWidget(QLabel(self.tr("Người &giữ:")))
        self.person = QLineEdit(placeholderText=self.tr("để trống: mọi người"))
        top.itemAt(top.count() - 1).widget().setBuddy(self.person)
        top.addWidget(self.person, 1)
        lay.addLayout(top)
        self.tabs = QTabWidget()
        self.transfer, self.copies, self.held, self.stats = (_table(TRANSFER), _table(COPIES), _table(HELD),
                                                             _table(STATS))
        for table, title in ((self.transfer, "Sổ &chuyển giao"), (self.copies, "Sổ &sao, chụp"),
                             (self.held, "Đang &giữ"), (self.stats, "&Thống kê năm")):
            page = QWidget()
            QVBoxLayout(page).addWidget(table)
            self.tabs.addTab(page, self.tr(title))
        lay.addWidget(self.tabs, 1)
        self.print_button = QPushButton(self.tr("&In sổ đang xem…"))
        self.print_button.clicked.connect(lambda: self.print_current())
        add_foot(self, lay, self.print_button)
        self.year.valueChanged.connect(self.refresh)
        self.person.textChanged.connect(self.refresh)
        self.tabs.currentChanged.connect(self._printable)
        self.refresh()

    def refresh(self) -> None:
        from app.secrets import copies, stats, transfer

        year, person = self.year.value(), self.person.text().strip() or None
        try:
            with self.sstore.ReadSession() as s:
                moved = transfer.book_lines(s, year)
                copied = copies.book_lines(s, year)
                held = transfer.holdings(s, person)
                counts = stats.year_stats(s, year)
        except DomainError as exc:
            self.error.setText(exc.message)
            return
        self.error.clear()
        _fill(self.transfer, [(fmt(t.on), t.label, t.secrecy, t.copies, t.receiver, t.unit, t.handed_by,
                               fmt(t.returned_on) if t.returned_on else "") for t in moved])
        _fill(self.copies, [(fmt(c.on), c.label, c.secrecy, copies.FORMS.get(c.form, c.form), c.copies, c.numbers, c.authorised_by,
                             c.done_by, c.receiver) for c in copied])
        _fill(self.held, [(t.receiver, t.label, t.secrecy, t.copies, fmt(t.on), t.unit) for t in held])
        levels = [lv for lv in LEVELS if lv in counts.received or lv in counts.issued]
        _fill(self.stats, [(lv, counts.received.get(lv, 0), counts.issued.get(lv, 0)) for lv in levels]
              + [("Cộng", counts.total_received, counts.total_issued)])
        self.status.setText(self.tr("Năm %d: %d lần chuyển giao, %d lần sao chụp; %d văn bản đang được giữ.")
                            % (year, len(moved), len(copied), len(held)))

    def _printable(self, index: int) -> None:
        self.print_button.setEnabled(self.panel is not None and index != 2)  # holdings: see the recall minutes

    def print_current(self, path: str | None = None):
        form = ("transfer", "copies", None, "stats")[self.tabs.currentIndex()]
        if form is None or self.panel is None:
            return None
        return self.panel.print_form(form, path, year=self.year.value())
