"""The search and filter row above a register: year, text, dates, type, issuer (nơi nhận in
an outgoing book, which has no issuer of its own), urgency.

It only collects what the clerk chose and says when it changed; the tab turns that into
an app.registers.query.Filter and decides when to query (typing is debounced there).
"""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QToolButton, QWidget

from app.dates import BadDate, parse_date
from app.registers.draft import URGENCIES
from ui.widgets.folded_completer import FoldedCompleter

ERROR_STYLE = "border: 1px solid #c62828;"


class FilterBar(QWidget):
    text_changed = Signal()  # typing in the search box: the tab debounces
    changed = Signal()  # any other filter: query at once

    def __init__(self, parent=None, book_key: str = "incoming"):
        super().__init__(parent)
        self.outgoing = book_key.endswith("outgoing")
        self.year = QComboBox()
        self.year.setToolTip(self.tr("Năm của sổ"))
        this_year = dt.date.today().year
        self.set_years([this_year])
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Tìm: số, ký hiệu, tác giả, trích yếu… (gõ không dấu cũng được)"))
        self.search.setClearButtonEnabled(True)
        self.date_from = self._date_box(self.tr("Từ ngày"))
        self.date_to = self._date_box(self.tr("Đến ngày"))
        self.doc_type = QComboBox()
        self.doc_type.addItem(self.tr("Mọi tên loại"), "")
        self.issuer = QLineEdit()
        self.issuer.setPlaceholderText(self.tr("Nơi nhận (một phần tên)") if self.outgoing
                                       else self.tr("Tác giả (một phần tên)"))
        self.issuer.setToolTip(self.tr("Gõ một phần tên, không dấu cũng được"))
        self.issuer.setClearButtonEnabled(True)
        self.issuer_completer = FoldedCompleter(self.issuer)
        self.issuer.setCompleter(self.issuer_completer)
        self.urgency = QComboBox()
        self.urgency.addItem(self.tr("Mọi độ khẩn"), "")
        for u in URGENCIES[1:]:
            self.urgency.addItem(u, u)
        self.clear = QToolButton()
        self.clear.setText(self.tr("Bỏ lọc"))
        # Saved searches (TT 01/2019): the menu is filled by the tracking capability.
        self.saved = QToolButton()
        self.saved.setText(self.tr("Đã lưu"))
        self.saved.setToolTip(self.tr("Lưu tìm kiếm đang dùng, hoặc dùng lại một tìm kiếm đã lưu"))
        self.saved.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)

        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for w, stretch in ((self.year, 0), (self.search, 3), (self.date_from, 0), (self.date_to, 0),
                           (self.doc_type, 0), (self.issuer, 2), (self.urgency, 0), (self.clear, 0),
                           (self.saved, 0)):
            row.addWidget(w, stretch)

        self.search.textChanged.connect(self.text_changed)
        for combo in (self.year, self.doc_type, self.urgency):
            combo.currentIndexChanged.connect(self.changed)
        for box in (self.date_from, self.date_to, self.issuer):
            box.editingFinished.connect(self._edited)
            box.textChanged.connect(lambda text: text or self._edited())  # the clear button
        self.issuer_completer.activated.connect(lambda _: self.changed.emit())
        self.clear.clicked.connect(self.reset)
        self._last = self.values()

    def _edited(self) -> None:
        # Compared with what the tab last queried, then remembered: typing a date or an issuer
        # and leaving the box (Enter, Tab) filters at once.
        now = self.values()
        if now != self._last:
            self._last = now
            self.changed.emit()

    def _date_box(self, placeholder: str) -> QLineEdit:
        box = QLineEdit()
        box.setPlaceholderText(placeholder)
        box.setToolTip(self.tr("dd/mm/yyyy"))
        box.setMaximumWidth(self.fontMetrics().horizontalAdvance("00/00/00000") + 16)
        return box

    def set_years(self, years: list[int]) -> None:
        chosen = self.year.currentData() if self.year.count() else dt.date.today().year
        this_year = dt.date.today().year
        self.year.blockSignals(True)
        self.year.clear()
        for y in sorted(set(years) | {this_year}, reverse=True):
            self.year.addItem(str(y), y)
        self.year.addItem(self.tr("Tất cả"), None)
        self.year.setCurrentIndex(max(0, self.year.findData(chosen)) if chosen is not None
                                  else self.year.count() - 1)
        self.year.blockSignals(False)

    def set_doc_types(self, names: list[str]) -> None:
        current = self.doc_type.currentData()
        self.doc_type.blockSignals(True)
        while self.doc_type.count() > 1:
            self.doc_type.removeItem(1)
        for name in names:
            self.doc_type.addItem(name, name)
        self.doc_type.setCurrentIndex(max(0, self.doc_type.findData(current)))
        self.doc_type.blockSignals(False)

    def _date(self, box: QLineEdit) -> dt.date | None:
        try:
            value = parse_date(box.text())
            box.setStyleSheet("")
            box.setToolTip(self.tr("dd/mm/yyyy"))
            return value
        except BadDate as exc:
            box.setStyleSheet(ERROR_STYLE)
            box.setToolTip(str(exc))
            return None

    def values(self) -> dict:
        """The chosen filters, as keyword arguments of app.registers.query.Filter."""
        typed = self.issuer.text().strip()
        return {
            "year": self.year.currentData(), "text": self.search.text(),
            "date_from": self._date(self.date_from), "date_to": self._date(self.date_to),
            "doc_type": self.doc_type.currentData() or "",
            "issuer": "" if self.outgoing else typed, "recipients": typed if self.outgoing else "",
            "urgency": self.urgency.currentData() or "",
        }

    def show_filter(self, f) -> None:
        """Puts a Filter's values (a saved search) back into the boxes, without querying."""
        for w in (self.year, self.search, self.date_from, self.date_to, self.doc_type, self.issuer,
                  self.urgency):
            w.blockSignals(True)
        self.year.setCurrentIndex(max(0, self.year.findData(f.year)))
        self.search.setText(f.text or "")
        self.date_from.setText(f.date_from.strftime("%d/%m/%Y") if f.date_from else "")
        self.date_to.setText(f.date_to.strftime("%d/%m/%Y") if f.date_to else "")
        self.doc_type.setCurrentIndex(max(0, self.doc_type.findData(f.doc_type or "")))
        self.issuer.setText((f.recipients if self.outgoing else f.issuer) or "")
        self.urgency.setCurrentIndex(max(0, self.urgency.findData(f.urgency or "")))
        for w in (self.year, self.search, self.date_from, self.date_to, self.doc_type, self.issuer,
                  self.urgency):
            w.blockSignals(False)
        self._last = self.values()

    def reset(self) -> None:
        for box in (self.search, self.date_from, self.date_to, self.issuer):
            box.clear()
        self.doc_type.setCurrentIndex(0)
        self.urgency.setCurrentIndex(0)
        self.changed.emit()
