"""Add documents to a file from its own view: search a register, select several, add."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDialog, QDialogButtonBox, QHBoxLayout, QLineEdit,
                               QMessageBox, QVBoxLayout)

from app.archive import filing
from app.dates import fmt
from app.registers import query
from app.registers.views import Changes
from ui.archive.hoso_tab import table
from ui.archive.models import _Table

LIMIT = 300


class _Entries(_Table):
    columns = (("Số", lambda e: str(e.number) if e.book_key.endswith("incoming") else e.number_symbol, True),
               ("Ngày", lambda e: fmt(e.doc_date or e.reg_date), True),
               ("Tác giả", lambda e: e.issuer, False),
               ("Số, ký hiệu", lambda e: e.number_symbol, True),
               ("Tên loại và trích yếu", lambda e: f"{e.doc_type}: {e.summary}", False))


class PickEntries(QDialog):
    found = Signal()

    def __init__(self, runner, hoso, parent=None):
        super().__init__(parent)
        self.runner, self.hoso = runner, hoso
        self.setWindowTitle(self.tr("Thêm văn bản vào hồ sơ %s") % hoso.code)
        self.book = QComboBox(self)
        self.book.addItem(self.tr("Văn bản đến"), "incoming")
        self.book.addItem(self.tr("Văn bản đi"), "outgoing")
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Tìm theo trích yếu, tác giả, số ký hiệu…"))
        self.rows = _Entries(self)
        self.view = table(self, self.rows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Thêm vào hồ sơ"))
        top = QHBoxLayout()
        top.addWidget(self.book)
        top.addWidget(self.search, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.buttons)
        self.resize(900, 520)
        self.search.textChanged.connect(self.find)
        self.book.currentIndexChanged.connect(lambda _i: self.find())
        self.search.returnPressed.connect(lambda: self.view.setFocus())
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.find()

    def find(self) -> None:
        f = query.Filter(self.book.currentData(), year=self.hoso.year, text=self.search.text())
        self.runner.query(lambda s: query.rows(s, query.ids(s, f)[:LIMIT]), self._got, owner=self)

    def _got(self, rows) -> None:
        self.rows.set_items([e for e in rows if e.status == "registered"])
        self.found.emit()

    def selected_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()})
        return [self.rows.items[r].id for r in rows]

    def accept(self) -> None:
        ids, hid = self.selected_ids(), self.hoso.id
        if not ids:
            return
        self.runner.write(lambda s: filing.add(s, hid, ids), lambda _v: super(PickEntries, self).accept(),
                          lambda exc: QMessageBox.warning(self, self.tr("Không thêm được"), getattr(exc, "message", str(exc))),
                          changes=Changes(self.book.currentData(), tuple(ids)))
