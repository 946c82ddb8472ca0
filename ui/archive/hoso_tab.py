"""The "Hồ sơ" tab: the year's files with their state and counts; beside them the selected
file's documents in filing order with their scans, and what happened to the file."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QUrl, Qt, Signal
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel, QListWidget,
                               QMessageBox, QPushButton, QSplitter, QTableView, QVBoxLayout, QWidget)

from app.archive import closing, filing, plan
from app.registers.views import Changes
from ui.archive.models import DocumentsModel, HosoModel

ARCHIVE = "archive"  # Changes.book_key of writes that touch files only


def table(parent, model, stretch: int | None = None) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(stretch is None)
    if stretch is not None:  # the long text takes the room left; the short columns stay whole
        view.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        view.horizontalHeader().setMinimumSectionSize(40)
    view.setWordWrap(False)
    return view


class _Count:
    """What the window's status line counts on this tab: the documents in the year's files."""

    def __init__(self, files: HosoModel):
        self.files = files

    def rowCount(self) -> int:
        return sum(h.documents for h in self.files.items)


class HosoTab(QWidget):
    failed = Signal(object)
    count_changed = Signal(int)
    loaded = Signal()  # the file list is on screen (tests wait on it)
    documents_loaded = Signal()

    # What the window's register actions read from the current tab.
    book_key = "incoming"

    def __init__(self, runner, store, parent=None):
        super().__init__(parent)
        self.runner, self.store = runner, store
        self.title = self.tr("Hồ sơ")
        self.files = HosoModel(self)
        self.docs = DocumentsModel(self)
        self.year = QComboBox(self)
        self.year.setEditable(False)
        self.new_button = QPushButton(self.tr("&Mở hồ sơ mới…"), self)
        self.close_button = QPushButton(self.tr("Đó&ng hồ sơ…"), self)
        self.reopen_button = QPushButton(self.tr("Mở &lại…"), self)
        self.keep_button = QPushButton(self.tr("&Giữ lại…"), self)
        self.handover_button = QPushButton(self.tr("Nộp &lưu…"), self)
        self.plan_button = QPushButton(self.tr("In &danh mục…"), self)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Năm:"), self))
        bar.addWidget(self.year)
        for b in (self.new_button, self.close_button, self.reopen_button, self.keep_button, self.handover_button,
                  self.plan_button):
            bar.addWidget(b)
        bar.addStretch(1)

        self.file_view = table(self, self.files)
        self.file_view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        self.file_view.setColumnWidth(1, 300)  # the title: room to read it, the rest by its content
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.doc_view = table(self, self.docs, 4)
        # Long issuer names sized to their content left the trích yếu a few letters wide.
        self.doc_view.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Interactive)
        self.doc_view.setColumnWidth(5, 170)
        self.add_button = QPushButton(self.tr("&Thêm văn bản…"), self)
        self.remove_button = QPushButton(self.tr("&Bỏ ra"), self)
        self.up_button = QPushButton(self.tr("Lên"), self)
        self.down_button = QPushButton(self.tr("Xuống"), self)
        self.scan_button = QPushButton(self.tr("Xem bản &quét"), self)
        self.index_button = QPushButton(self.tr("In &mục lục văn bản…"), self)
        doc_bar = QHBoxLayout()
        for b in (self.add_button, self.remove_button, self.up_button, self.down_button, self.scan_button,
                  self.index_button):
            doc_bar.addWidget(b)
        doc_bar.addStretch(1)
        self.events = QListWidget(self)
        self.events.setMaximumHeight(110)
        right = QWidget(self)
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.heading)
        rl.addLayout(doc_bar)
        rl.addWidget(self.doc_view, 1)
        rl.addWidget(QLabel(self.tr("Lịch sử hồ sơ:"), right))
        rl.addWidget(self.events)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.file_view)
        split.addWidget(right)
        split.setSizes([560, 700])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addLayout(bar)
        layout.addWidget(split, 1)

        self.year.currentIndexChanged.connect(lambda _i: self.reload())
        self.file_view.selectionModel().currentRowChanged.connect(lambda *_: self._file_changed())
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button.clicked.connect(lambda: self.move_current(+1))
        self.remove_button.clicked.connect(self.remove_current)
        self.scan_button.clicked.connect(self.open_scan)
        self.doc_view.activated.connect(lambda _i: self.open_scan())
        QShortcut(QKeySequence.StandardKey.Delete, self.doc_view, self.remove_current,
                  context=Qt.ShortcutContext.WidgetShortcut)
        runner.changed.connect(self._on_changes)
        self._years_set = False
        self._selected: int | None = None
        self._update_buttons()

    # --- what the window asks of any tab --------------------------------------------------------
    def model(self) -> _Count:
        return _Count(self.files)

    def current_id(self):
        return None

    def current_entry(self):
        return None

    def save_state(self) -> None:
        pass

    # --- loading --------------------------------------------------------------------------------
    def current_year(self) -> int:
        return self.year.currentData() or dt.date.today().year

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._years_set:
            self.load()

    def load(self) -> None:
        self.runner.query(plan.years, self._got_years, self.failed.emit)

    def _got_years(self, years: list[int]) -> None:
        self._years_set = True
        this = dt.date.today().year
        self.year.blockSignals(True)
        self.year.clear()
        for y in sorted(set(years) | {this, this + 1}, reverse=True):
            self.year.addItem(str(y), y)
        self.year.setCurrentIndex(self.year.findData(max(years) if years and this not in years else this))
        self.year.blockSignals(False)
        self.reload()

    _asked = 0

    def reload(self) -> None:
        # Two readers may answer out of order: only the latest question's answer is shown.
        self._asked += 1
        asked, year = self._asked, self.current_year()
        self.runner.query(lambda s: plan.list_hoso(s, year),
                          lambda files: self._got_files(files) if asked == self._asked else None, self.failed.emit)

    def _got_files(self, files) -> None:
        keep = self._selected
        self.files.set_items(files)
        self.count_changed.emit(len(files))
        row = self.files.row_of(keep) if keep is not None else -1
        if row < 0 and files:
            row = 0
        if row >= 0:
            self.file_view.selectRow(row)
        else:
            self._file_changed()
        self.loaded.emit()

    def current_file(self):
        return self.files.item(self.file_view.currentIndex().row())

    def select_code(self, code: str) -> None:
        for i, h in enumerate(self.files.items):
            if h.code == code:
                self.file_view.selectRow(i)
                return

    def _file_changed(self) -> None:
        h = self.current_file()
        self._selected = h.id if h else None
        self._update_buttons()
        if h is None:
            self.heading.setText(self.tr("Chưa có hồ sơ nào trong năm này."))
            self.docs.set_items([])
            self.events.clear()
            self.documents_loaded.emit()
            return
        self.heading.setText(f"<b>{h.code}</b> — {h.title}<br>{h.state_name}; {h.retention}; "
                             f"{h.documents} văn bản" + (f"; {h.pages} trang" if h.pages is not None else ""))
        files_dir, hoso_id = self.store.files_dir, h.id
        self.runner.query(lambda s: (filing.documents(s, hoso_id, files_dir), closing.events(s, hoso_id)),
                          lambda got: self._got_documents(hoso_id, got), self.failed.emit)

    def _got_documents(self, hoso_id: int, got) -> None:
        if hoso_id != self._selected:
            return
        docs, events = got
        self.docs.set_items(docs)
        self.events.clear()
        for e in events:
            self.events.addItem(f"{e.at:%d/%m/%Y %H:%M} {e.user}: {e.action}" + (f" — {e.detail}" if e.detail else ""))
        self.documents_loaded.emit()

    def _update_buttons(self) -> None:
        h = self.current_file()
        is_open = h is not None and h.state == "open"
        for b in (self.add_button, self.remove_button, self.up_button, self.down_button, self.close_button):
            b.setEnabled(is_open)
        self.reopen_button.setEnabled(h is not None and h.state == "closed")
        self.keep_button.setEnabled(h is not None and h.state in ("closed", "kept_back"))
        self.keep_button.setText(self.tr("Thôi &giữ lại…") if h is not None and h.state == "kept_back"
                                 else self.tr("&Giữ lại…"))
        self.index_button.setEnabled(h is not None and h.documents > 0)

    def _on_changes(self, _changes) -> None:
        if self._years_set:
            self.reload()

    # --- actions on documents ---------------------------------------------------------------------
    def current_document(self):
        return self.docs.item(self.doc_view.currentIndex().row())

    def move_current(self, step: int) -> None:
        h, d = self.current_file(), self.current_document()
        if h is None or d is None:
            return
        target = max(1, d.position + step)
        self.runner.write(lambda s: filing.move(s, h.id, d.entry_id, target), lambda _r: self._reselect(target),
                          self._failed, changes=Changes(ARCHIVE, (d.entry_id,)))

    def _reselect(self, position: int) -> None:
        self.documents_loaded.connect(lambda: self.doc_view.selectRow(position - 1),
                                      Qt.ConnectionType.SingleShotConnection)

    def remove_current(self) -> None:
        h, d = self.current_file(), self.current_document()
        if h is None or d is None or h.state != "open":
            return
        answer = QMessageBox.question(self, self.tr("Bỏ văn bản khỏi hồ sơ"),
                                      self.tr("Bỏ văn bản %s khỏi hồ sơ %s? (Văn bản vẫn ở trong sổ.)")
                                      % (d.number_symbol or d.number, h.code))
        if answer == QMessageBox.StandardButton.Yes:
            self.runner.write(lambda s: filing.remove(s, h.id, d.entry_id, "bỏ từ cửa sổ hồ sơ"), None, self._failed,
                              changes=Changes(d.book_key, (d.entry_id,)))

    def open_scan(self) -> None:
        d = self.current_document()
        if d is None or not d.scans:
            return
        original, pdf, _name = d.scans[0]
        QDesktopServices.openUrl(QUrl.fromLocalFile(pdf or original))

    def _failed(self, exc: BaseException) -> None:
        QMessageBox.warning(self, self.tr("Không thực hiện được"), getattr(exc, "message", str(exc)))
