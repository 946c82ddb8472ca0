"""One book: filter bar, the register table, and an optional side panel (OCR, preview…)."""
from __future__ import annotations

from PySide6.QtCore import QByteArray, QCoreApplication, QTimer, Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QHeaderView, QLabel, QSplitter, QTableView, QVBoxLayout,
                               QWidget)

from app import catalogue, org as org_mod
from app.registers import query
from ui import settings as S
from ui.models.register_model import RegisterModel
from ui.widgets import column_fit
from ui.widgets.filter_bar import FilterBar

SEARCH_DEBOUNCE_MS = 150  # long enough to skip keystrokes typed in a burst, short enough to feel live
# Values that must show whole from the first paint, before any row has been read.
SAMPLES = {"number": "00000", "received_at": "00/00/0000", "doc_date": "00/00/0000",
           "transfer_date": "00/00/0000", "copies": "000", "urgency": "Thượng khẩn",
           "secrecy": "Tuyệt mật", "number_symbol": "0000/QĐ-UBND"}


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
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)  # full text in the tooltip
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
        self.notice = QLabel(wordWrap=True)
        self.notice.setStyleSheet("color: #8a1c1c;")
        self.notice.hide()
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.notice)
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

    def set_notice(self, text: str) -> None:
        """One line above the table (e.g. why a secret book takes no scans): a side panel
        would take a quarter of the width for one sentence."""
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

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

    # --- column widths (ui.widgets.column_fit) ----------------------------------------------
    def _initial_widths(self) -> None:
        self._fitting = False
        self._user_sized = False
        self._measured = False
        self.view.horizontalHeader().sectionResized.connect(self._section_resized)
        self._model.rows_shown.connect(self._first_rows)
        self._apply(self._wants(rows=[]))

    def _wants(self, rows) -> list:
        fm = self.view.fontMetrics()
        bold = self.view.horizontalHeader().fontMetrics()
        letter = fm.averageCharWidth()
        wants = []
        for col in self._model.columns:
            title = QCoreApplication.translate("RegisterColumns", col.title)
            sample = SAMPLES.get(col.key)
            least = fm.horizontalAdvance(sample) if sample else col.width * letter if not rows else 0
            values = [fm.horizontalAdvance(col.text(e)) for e in rows]
            wants.append(column_fit.want(col.key, column_fit.title_width(bold.horizontalAdvance, title),
                                         values, letter, least))
        return wants

    def _room(self) -> int:
        bar = self.view.verticalScrollBar()
        # The vertical scroll bar appears once the rows outgrow the view: room for it then.
        rows_high = self._model.rowCount() * self.view.verticalHeader().defaultSectionSize()
        needed = bar.isVisible() or rows_high > self.view.viewport().height()
        return self.view.viewport().width() - (bar.sizeHint().width() if needed and not bar.isVisible() else 0) - 2

    def _apply(self, wants) -> None:
        self._last_wants = wants
        room = self._room()
        if self._user_sized:
            # The clerk's own widths stay; trích yếu alone follows the window.
            stretch = [i for i, c in enumerate(self._model.columns) if c.stretch]
            if stretch:
                i = stretch[0]
                others = sum(self.view.columnWidth(j) for j in range(len(wants)) if j != i)
                self._set_width(i, max(wants[i].least, room - others))
            return
        for i, width in enumerate(column_fit.fit(wants, room if room > 50 else sum(w.want for w in wants))):
            self._set_width(i, width)

    def _set_width(self, i: int, width: int) -> None:
        self._fitting = True
        self.view.setColumnWidth(i, width)
        self._fitting = False

    def _section_resized(self, *_args) -> None:
        # Only a drag on the header counts (a model reset also resizes sections).
        if not self._fitting and QApplication.mouseButtons() & Qt.MouseButton.LeftButton:
            self._user_sized = True  # remembered for this data folder

    def _first_rows(self) -> None:
        """The first rows of a book say how wide its columns are; later blocks (scrolling)
        do not move them again."""
        if self._measured:
            return
        rows = self._model.cached_rows(0, 200)
        if rows:
            self._measured = True
            self._apply(self._wants(rows))

    def _fit_summary(self) -> None:
        if getattr(self, "_last_wants", None) and self.view.viewport().width():
            self._apply(self._last_wants)

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
            self._fitting = True
            self._restored = self.view.horizontalHeader().restoreState(state)
            self._fitting = False
            self._user_sized = self._restored

    def save_state(self) -> None:
        if self.settings is not None:
            state = self.view.horizontalHeader().saveState() if self._user_sized else QByteArray()
            self.settings.set(S.HEADER_STATE.at(self.book_key), state)
