"""One book: filter bar, the register table, and an optional side panel (OCR, preview…)."""
from __future__ import annotations

from PySide6.QtCore import QTimer, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QSplitter, QTableView, QVBoxLayout, QWidget

from app import catalogue, org as org_mod
from app.registers import query
from ui import settings as S
from ui.models.register_model import RegisterModel
from ui.widgets.filter_bar import FilterBar

SEARCH_DEBOUNCE_MS = 150  # long enough to skip keystrokes typed in a burst, short enough to feel live


class RegisterTab(QWidget):
    open_entry = Signal(int)  # entry id: double-click or Enter on a row
    count_changed = Signal(int)
    failed = Signal(object)  # an exception from a query, for the window to show

    def __init__(self, runner, book_key: str, title: str, settings: S.Settings | None = None, parent=None):
        super().__init__(parent)
        self.runner, self.book_key, self.title, self.settings = runner, book_key, title, settings
        self._model = RegisterModel(runner, book_key, self)
        self.filter_bar = FilterBar(self, book_key)
        self.view = QTableView(self)
        self.view.setModel(self._model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setHighlightSections(False)
        # Template titles are long ("Đơn vị, người nhận bản lưu"): wrap them on two lines.
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)
        header.setMinimumHeight(self.fontMetrics().lineSpacing() * 2 + 8)
        header.setStretchLastSection(False)
        self._initial_widths()
        # The model sorts through the database; the indicator starts on the register order.
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(0, Qt.SortOrder.DescendingOrder)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.view)
        self.splitter.setChildrenCollapsible(False)
        self._side: QWidget | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.splitter, 1)

        self._debounce = QTimer(self, singleShot=True, interval=SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self.apply_filter)
        self.filter_bar.text_changed.connect(self._debounce.start)
        self.filter_bar.changed.connect(self.apply_filter)
        self.view.activated.connect(self._activated)
        self._model.count_changed.connect(self.count_changed)
        self._model.failed.connect(self.failed)
        runner.changed.connect(self._on_changes)
        self._restore()

    # --- extension points ----------------------------------------------------------------
    def model(self) -> RegisterModel:
        return self._model

    def set_side_panel(self, widget: QWidget | None) -> None:
        """Puts `widget` to the right of the table (None removes it); the tab owns it then."""
        if self._side is not None:
            self._side.hide()
            self._side.setParent(None)
            self._side.deleteLater()
        self._side = widget
        if widget is not None:
            self.splitter.addWidget(widget)
            # The register is what the clerk reads all day: it takes the room, the panel a strip.
            self.splitter.setStretchFactor(0, 1)
            self.splitter.setStretchFactor(1, 0)
            self.splitter.setSizes([1000, 300])

    def side_panel(self) -> QWidget | None:
        return self._side

    def current_id(self) -> int | None:
        return self._model.id_at(self.view.currentIndex().row())

    def current_entry(self):
        return self._model.entry(self.view.currentIndex().row())

    # --- loading --------------------------------------------------------------------------
    def load(self) -> None:
        """Starts the id query at once; the year/type/issuer lists (slower, grouping all
        entries) are read only after the first rows are on screen: started beside the row
        fetch, they would share its interpreter lock and delay it."""
        self._loaded = True
        self._model.rows_shown.connect(self._load_choices, Qt.ConnectionType.SingleShotConnection)
        self.apply_filter()

    def _load_choices(self) -> None:
        self.runner.query(self._choices, self._got_choices, self.failed.emit, priority=-1)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not getattr(self, "_loaded", False):
            self.load()  # a book is read when it is first looked at, not at start-up
        QTimer.singleShot(0, self._fit_summary)  # after the layout has given the view its size

    def _choices(self, s):
        regime = org_mod.load(s).regime
        field = "recipients" if self.book_key.endswith("outgoing") else "issuer"
        return (query.years(s, self.book_key), [t.name for t in catalogue.doc_types(s, regime)],
                query.completions(s, field, secret=self.book_key.startswith("secret")))

    def _got_choices(self, choices) -> None:
        years, types, issuers = choices
        self.filter_bar.set_years(years)
        self.filter_bar.set_doc_types(types)
        self.filter_bar.issuer_completer.set_values(issuers)

    def apply_filter(self) -> None:
        self._debounce.stop()
        self._model.set_filter(query.Filter(self.book_key, sort=self._model.filter.sort,
                                            descending=self._model.filter.descending,
                                            **self.filter_bar.values()))

    def _on_changes(self, changes) -> None:
        if changes.book_key == self.book_key and getattr(self, "_loaded", False):
            self._load_choices()  # a new issuer or year is offered at once
        if changes.book_key == self.book_key and changes.entry_ids:
            # Keep the row the clerk just saved in view once the new id list arrives.
            target = changes.entry_ids[-1]
            self._model.ids_loaded.connect(lambda: self.select_id(target), Qt.ConnectionType.SingleShotConnection)

    def select_id(self, entry_id: int) -> None:
        row = self._model.row_of(entry_id)
        if row >= 0:
            index = self._model.index(row, 0)
            self.view.setCurrentIndex(index)
            self.view.scrollTo(index)

    def _activated(self, index) -> None:
        entry_id = self._model.id_at(index.row())
        if entry_id is not None:
            self.open_entry.emit(entry_id)

    # --- column state -----------------------------------------------------------------------
    def _initial_widths(self) -> None:
        # Digits are the widest common characters: dates and numbers must never be cut.
        fm = self.fontMetrics()
        digit, letter = fm.horizontalAdvance("0"), fm.averageCharWidth()
        for i, col in enumerate(self._model.columns):
            self.view.setColumnWidth(i, col.width * (digit if col.numeric else letter) + 14)
        self._widths_fitted = False

    def _fit_summary(self) -> None:
        """Once, when first shown: trích yếu gets the room the other columns leave."""
        if self._widths_fitted or self._restored or not self.view.viewport().width():
            return
        self._widths_fitted = True
        stretch = [i for i, c in enumerate(self._model.columns) if c.stretch]
        if not stretch:
            return
        cols = self._model.columns
        # The vertical scroll bar appears once rows arrive: keep room for it from the start.
        bar = 0 if self.view.verticalScrollBar().isVisible() else self.view.verticalScrollBar().sizeHint().width()
        width = self.view.viewport().width() - bar
        others = [i for i in range(len(cols)) if i not in stretch]
        room = width - sum(self.view.columnWidth(i) for i in others) - 2
        least = self.view.columnWidth(stretch[0])
        text = [i for i in others if not cols[i].numeric]
        short = least - room
        if short > 0 and text:
            # A narrow screen: text columns give up room (ellipsis, full text in the tooltip)
            # so that no horizontal scrolling is needed; dates and numbers stay whole.
            total = sum(self.view.columnWidth(i) for i in text)
            for i in text:
                w = self.view.columnWidth(i)
                self.view.setColumnWidth(i, max(40, w - short * w // total))
            room = width - sum(self.view.columnWidth(i) for i in others) - 2
        self.view.setColumnWidth(stretch[0], max(least, room))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.isVisible():
            self._fit_summary()

    def _restore(self) -> None:
        self._restored = False
        if self.settings is None:
            return
        state = self.settings.get(S.HEADER_STATE.at(self.book_key))
        if state.size():
            self._restored = self.view.horizontalHeader().restoreState(state)

    def save_state(self) -> None:
        if self.settings is not None:
            self.settings.set(S.HEADER_STATE.at(self.book_key), self.view.horizontalHeader().saveState())
