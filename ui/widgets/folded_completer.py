"""A QCompleter that matches ignoring case, diacritics and đ/d, anywhere in the text.

Qt's own matching is only case-insensitive, so 'so noi vu' would not find 'Sở Nội vụ'.
Each item carries its folded form (app.text.fold) in FOLDED_ROLE; the completer matches
the folded typed text against that role, and inserts the item's display text.
With `separator` set (nơi nhận: several values), only the part after the last
separator is completed and the earlier ones are kept.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QLineEdit

from app.text import fold

FOLDED_ROLE = Qt.ItemDataRole.UserRole + 1


class FoldedCompleter(QCompleter):
    def __init__(self, parent=None, separator: str = ""):
        super().__init__(parent)
        self.separator = separator
        self.setModel(QStandardItemModel(self))
        self.setCompletionRole(FOLDED_ROLE)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setMaxVisibleItems(12)

    def set_values(self, values: list[str]) -> None:
        model = QStandardItemModel(self)
        for value in values:
            item = QStandardItem(value)
            item.setData(fold(value), FOLDED_ROLE)
            model.appendRow(item)
        self.setModel(model)

    def add_value(self, value: str) -> None:
        """A value just saved, offered first from now on (once)."""
        model = self.model()
        if model.findItems(value):
            return
        item = QStandardItem(value)
        item.setData(fold(value), FOLDED_ROLE)
        model.insertRow(0, item)

    def splitPath(self, path: str) -> list[str]:
        if self.separator:
            path = path.rsplit(self.separator, 1)[-1]
        return [fold(path).strip()]

    def pathFromIndex(self, index) -> str:
        value = index.data(Qt.ItemDataRole.DisplayRole) or ""
        line = self.widget()
        if self.separator and isinstance(line, QLineEdit) and self.separator in line.text():
            kept = line.text().rsplit(self.separator, 1)[0]
            return f"{kept}{self.separator} {value}"
        return value
