"""Put the register's selected entries into a file: the year's open files, suggestions first;
type to narrow the list, arrows to choose, Enter to file."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QLabel, QLineEdit, QListWidget, QListWidgetItem,
                               QMessageBox, QVBoxLayout)

from app.archive import filing, plan, suggest
from app.registers.views import Changes
from app.text import fold


class FilingDialog(QDialog):
    filed = Signal(object)  # the HosoView after filing
    ready = Signal()  # the list is filled (tests wait on it)

    def __init__(self, runner, book_key: str, entry_ids: list[int], year: int, parent=None):
        super().__init__(parent)
        self.runner, self.book_key, self.entry_ids, self.year = runner, book_key, list(entry_ids), year
        self.setWindowTitle(self.tr("Đưa vào hồ sơ"))
        self.label = QLabel(self.tr("Đưa %d văn bản vào hồ sơ năm %d:") % (len(entry_ids), year), self)
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(self.tr("Gõ số ký hiệu hoặc tiêu đề hồ sơ để lọc"))
        self.list = QListWidget(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Đưa vào hồ sơ"))
        layout = QVBoxLayout(self)
        for w in (self.label, self.filter, self.list, self.buttons):
            layout.addWidget(w)
        self.resize(620, 420)
        self.filter.textChanged.connect(self._narrow)
        self.filter.returnPressed.connect(self.accept)
        self.list.itemActivated.connect(lambda _i: self.accept())
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.filter.installEventFilter(self)
        first = self.entry_ids[0] if self.entry_ids else None
        runner.query(lambda s: (plan.list_hoso(s, year), suggest.suggest(s, first, year=year) if first else []),
                     self._got, self._failed)

    def eventFilter(self, obj, event) -> bool:
        # Up/Down in the filter move through the list, as in a completer.
        if obj is self.filter and event.type() == event.Type.KeyPress and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            step = 1 if event.key() == Qt.Key.Key_Down else -1
            i = self.list.currentRow() + step
            while 0 <= i < self.list.count() and self.list.item(i).isHidden():
                i += step
            if 0 <= i < self.list.count():
                self.list.setCurrentRow(i)
            return True
        return super().eventFilter(obj, event)

    def _got(self, got) -> None:
        files, suggestions = got
        open_files = [h for h in files if h.state == "open"]
        suggested = {g.hoso_id: g for g in suggestions}
        ordered = [h for h in open_files if h.id in suggested]
        ordered.sort(key=lambda h: -suggested[h.id].score)
        ordered += [h for h in open_files if h.id not in suggested]
        for h in ordered:
            text = f"{h.code} — {h.title}  ({h.documents} văn bản)"
            if h.id in suggested:
                text = "★ " + text + self.tr("  — gợi ý: %s") % suggested[h.id].reason
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, h.id)
            item.setData(Qt.ItemDataRole.UserRole + 1, fold(f"{h.code} {h.title}"))
            self.list.addItem(item)
        if not ordered:
            self.label.setText(self.tr("Năm %d chưa có hồ sơ đang lập. Hãy mở hồ sơ trước (Hồ sơ → Mở hồ sơ mới).")
                               % self.year)
        self.list.setCurrentRow(0)
        self.ready.emit()

    def _narrow(self, text: str) -> None:
        words = fold(text).split()
        first = None
        for i in range(self.list.count()):
            item = self.list.item(i)
            hidden = not all(w in item.data(Qt.ItemDataRole.UserRole + 1) for w in words)
            item.setHidden(hidden)
            if not hidden and first is None:
                first = i
        if first is not None:
            self.list.setCurrentRow(first)

    def chosen(self) -> int | None:
        item = self.list.currentItem()
        return None if item is None or item.isHidden() else item.data(Qt.ItemDataRole.UserRole)

    def accept(self) -> None:
        hoso_id = self.chosen()
        if hoso_id is None:
            return
        ids = self.entry_ids
        self.buttons.setEnabled(False)
        self.runner.write(lambda s: filing.add(s, hoso_id, ids), self._done, self._failed,
                          changes=Changes(self.book_key, tuple(ids)))

    def _done(self, view) -> None:
        self.filed.emit(view)
        super().accept()

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        QMessageBox.warning(self, self.tr("Không đưa vào hồ sơ được"), getattr(exc, "message", str(exc)))
