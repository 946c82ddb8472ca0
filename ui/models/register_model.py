"""A register as a table model over an ordered list of entry ids (Anki's browser model).

The id list comes from one query (search, filters and sort done by SQLite); rows are
fetched on the read worker in blocks of BLOCK ids when the view first asks for them and
kept in a cache keyed by id, so re-sorting or refreshing after a save shows known rows at
once. Stale answers (an older search, an older sort) are recognised by a generation
number and dropped.
"""
from __future__ import annotations

import html
from dataclasses import replace

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from app.registers import query
from ui.models import columns as cols


def _files_of(session, ids: list[int]) -> dict[int, str]:
    from app.archive.filing import files_of
    found = files_of(session, ids)
    return {i: ", ".join(found.get(i, [])) for i in ids}


BLOCK = 100
CACHE_LIMIT = 20_000  # rows kept; beyond that the cache starts again (cheap to refetch)
VOID_COLOR = QColor("#8a8a8a")
RESERVED_COLOR = QColor("#1f4e9a")
URGENT_COLOR = QColor("#b71c1c")
CENTERED = {"number", "received_at", "doc_date", "transfer_date", "copies", "urgency", "secrecy"}


class RegisterModel(QAbstractTableModel):
    count_changed = Signal(int)
    ids_loaded = Signal()  # a new id list is in place (after search, sort or refresh)
    rows_shown = Signal()  # rows of the current id list arrived (or there are none)
    failed = Signal(object)  # exception from a query

    def __init__(self, runner, book_key: str, parent=None):
        super().__init__(parent)
        self.runner = runner
        self.book_key = book_key
        self.columns = cols.for_book(book_key)
        self._filter = query.Filter(book_key)
        self._ids: list[int] = []
        self._cache: dict = {}
        self._pending: set[int] = set()  # blocks asked for in this generation
        self._gen = 0
        self._filed: dict[int, str] = {}  # entry id -> codes of its files (the Hồ sơ column)
        self._ids_task = None
        self.loading = False
        runner.changed.connect(self._on_changes)

    # --- the id list -------------------------------------------------------------------
    @property
    def filter(self) -> query.Filter:
        return self._filter

    def set_filter(self, f: query.Filter) -> None:
        self._filter = replace(f, book_key=self.book_key)
        self.refresh()

    def refresh(self) -> None:
        """Re-run the id query; a query still running for an older filter is abandoned."""
        if self._ids_task is not None:
            self._ids_task.cancel()
        self._gen += 1
        gen, f = self._gen, self._filter
        self.loading = True
        self._ids_task = self.runner.query(lambda s: self.find_ids(s, f),
                                           lambda ids: self._got_ids(gen, ids), self.failed.emit,
                                           owner=self, priority=1)

    @staticmethod
    def find_ids(session, f: query.Filter) -> list[int]:
        """The ids of the filter, in order (on the worker); another book kind may find them otherwise."""
        return query.ids(session, f)

    def _got_ids(self, gen: int, ids: list[int]) -> None:
        if gen != self._gen:
            return
        self.loading = False
        self._ids_task = None
        self.beginResetModel()
        self._ids = ids
        self._pending.clear()
        if len(self._cache) > CACHE_LIMIT:
            self._cache.clear()
        self.endResetModel()
        self.count_changed.emit(len(ids))
        self.ids_loaded.emit()
        if not ids:
            self.rows_shown.emit()

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        """Sorting re-queries: the database orders all rows, not just those fetched."""
        if not 0 <= column < len(self.columns):
            return
        f = replace(self._filter, sort=self.columns[column].sort,
                    descending=order == Qt.SortOrder.DescendingOrder)
        if f != self._filter:
            self.set_filter(f)

    def _on_changes(self, changes) -> None:
        if changes.book_key != self.book_key:
            return
        for entry_id in changes.entry_ids:
            self._cache.pop(entry_id, None)
        self.refresh()

    # --- rows, fetched lazily ------------------------------------------------------------
    def id_at(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, entry_id: int) -> int:
        try:
            return self._ids.index(entry_id)
        except ValueError:
            return -1

    def entry(self, row: int):
        entry_id = self.id_at(row)
        if entry_id is None:
            return None
        e = self._cache.get(entry_id)
        if e is None:
            self._fetch_block(row // BLOCK)
        return e

    def cached_rows(self, first: int, count: int) -> list:
        """Rows already fetched among `count` from `first` (none is fetched for this)."""
        found = (self._cache.get(i) for i in self._ids[first:first + count])
        return [e for e in found if e is not None]

    @property
    def cached_count(self) -> int:
        return len(self._cache)

    def _fetch_block(self, block: int) -> None:
        if block in self._pending:
            return
        self._pending.add(block)
        wanted = [i for i in self._ids[block * BLOCK:(block + 1) * BLOCK] if i not in self._cache]
        if not wanted:
            return
        gen = self._gen
        self.runner.query(lambda s: query.rows(s, wanted), lambda rows: self._got_rows(gen, block, rows),
                          self.failed.emit, owner=self, priority=2)

    def _got_rows(self, gen: int, block: int, rows) -> None:
        for e in rows:
            self._cache[e.id] = e
        if any(c.key == "hoso" for c in self.columns) and rows:
            ids = [e.id for e in rows]
            self.runner.query(lambda s: _files_of(s, ids), self._got_files, owner=self, priority=1)
        if gen != self._gen:
            return  # rows are still good for the cache, but the positions are not
        first = block * BLOCK
        last = min(first + BLOCK, len(self._ids)) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(self.columns) - 1))
        self.rows_shown.emit()

    def _got_files(self, found: dict) -> None:
        self._filed.update(found)
        col = next(i for i, c in enumerate(self.columns) if c.key == "hoso")
        rows = [self.row_of(i) for i in found]
        rows = [r for r in rows if r >= 0]
        if rows:
            self.dataChanged.emit(self.index(min(rows), col), self.index(max(rows), col))

    # --- Qt model interface ----------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                return QCoreApplication.translate("RegisterColumns", self.columns[section].title)
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        e = self.entry(index.row())
        col = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if col.key == "hoso" and e is not None:
                return self._filed.get(e.id, "")
            return "" if e is None else col.text(e)
        if e is None:
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            # Whatever a narrow column cuts is read in full on hover, wrapped like a paragraph.
            text = col.text(e) if col.key != "recipients" else e.recipients
            return f"<p style='white-space:pre-wrap'>{html.escape(text)}</p>" if text else None
        if role == Qt.ItemDataRole.ForegroundRole:
            if e.status == "voided":
                return QBrush(VOID_COLOR)
            if e.status == "reserved":
                return QBrush(RESERVED_COLOR)
            if col.key == "urgency" and e.urgency:
                return QBrush(URGENT_COLOR)
        if role == Qt.ItemDataRole.FontRole and e.status != "registered":
            font = QFont()
            font.setStrikeOut(e.status == "voided" and col.key != "notes")
            font.setItalic(e.status == "reserved")
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and col.key in CENTERED:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None
