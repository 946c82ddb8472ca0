"""The "Sắp đến hạn / Quá hạn" view: open incoming entries past or near their deadline, most
urgent first, filterable by unit; a double-click opens the entry."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QCheckBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton,
                               QTableView, QVBoxLayout, QWidget)

from app.dates import fmt
from app.tracking import due

LATE = QColor(255, 226, 226)
SOON = QColor(255, 246, 214)


class DueModel(QAbstractTableModel):
    HEADERS = ("Tình trạng", "Hạn giải quyết", "Số đến", "Ngày đến", "Độ khẩn", "Tác giả",
               "Số, ký hiệu", "Trích yếu", "Đơn vị/người nhận", "Tiến độ")

    def __init__(self, parent=None):
        super().__init__(parent)
        self.items: list[due.DueItem] = []

    def set_items(self, items) -> None:
        self.beginResetModel()
        self.items = list(items)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent=QModelIndex()) -> int:
        return len(self.HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.tr(self.HEADERS[section])
        return None

    def text(self, i: due.DueItem, col: int) -> str:
        return (i.status_text, fmt(i.due_date), str(i.number), fmt(i.received_on), i.urgency, i.issuer,
                i.number_symbol, f"{i.doc_type}: {i.summary}" if i.summary else i.doc_type,
                i.recipient_unit, " — ".join(x for x in (i.state_label, i.progress_note) if x))[col]

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        item = self.items[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.text(item, index.column())
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(LATE if item.overdue else SOON)
        return None


class DueView(QWidget):
    """A tab of the main window; reads again when shown and after every write. Like the
    register tabs it answers book_key, title, model() and current_id() for the window."""
    open_entry = Signal(int)
    edit_entry = Signal(int)  # "Hạn và tình trạng…" on the chosen row
    counted = Signal(int, int)  # overdue, due soon
    book_key = "incoming"

    def __init__(self, runner, parent=None, today: dt.date | None = None):
        super().__init__(parent)
        self.runner, self.today = runner, today
        self.title = self.tr("Sắp đến hạn / Quá hạn")
        self.table_model = DueModel(self)
        self.unit = QLineEdit(placeholderText=self.tr("Lọc theo đơn vị, người nhận…"))
        self.only_late = QCheckBox(self.tr("Chỉ văn bản quá hạn"))
        self.summary = QLabel()
        refresh = QPushButton(self.tr("&Làm mới"))
        edit = QPushButton(self.tr("&Hạn, tình trạng…"))
        edit.clicked.connect(lambda: self.current_id() and self.edit_entry.emit(self.current_id()))
        self.view = QTableView(self)
        self.view.setModel(self.table_model)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.setAlternatingRowColors(False)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(7, QHeaderView.ResizeMode.Stretch)
        self.view.doubleClicked.connect(self._activated)
        top = QHBoxLayout()
        top.addWidget(self.unit, 2)
        top.addWidget(self.only_late)
        top.addWidget(refresh)
        top.addWidget(edit)
        top.addWidget(self.summary, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view)
        self._debounce = QTimer(self, singleShot=True, interval=250)
        self._debounce.timeout.connect(self.refresh)
        self.unit.textChanged.connect(self._debounce.start)
        self.only_late.toggled.connect(self.refresh)
        refresh.clicked.connect(self.refresh)
        runner.changed.connect(lambda _c: self.refresh() if self.isVisible() else None)
        self._task = None

    def model(self) -> DueModel:
        return self.table_model

    def current_id(self) -> int | None:
        index = self.view.currentIndex()
        return self.table_model.items[index.row()].entry_id if index.isValid() else None

    def current_entry(self):
        return None  # the rows are DueItems; the window's entry actions ask the register tab

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.refresh()

    def refresh(self) -> None:
        if self._task is not None:
            self._task.cancel()
        unit, late, today = self.unit.text(), self.only_late.isChecked(), self.today
        self._task = self.runner.query(lambda s: due.due_list(s, today, unit=unit, overdue_only=late, book_key="incoming"),
                                       self._got, owner=self)

    def _got(self, items) -> None:
        self.table_model.set_items(items)
        self.view.resizeColumnsToContents()
        self.view.horizontalHeader().setSectionResizeMode(7, QHeaderView.ResizeMode.Stretch)
        late, soon = due.counts(items)
        self.summary.setText(self.tr("%d quá hạn, %d sắp đến hạn") % (late, soon))
        self.counted.emit(late, soon)

    def _activated(self, index) -> None:
        self.open_entry.emit(self.table_model.items[index.row()].entry_id)
