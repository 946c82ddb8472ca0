"""Hooks the archive into the window: the "Hồ sơ" tab, the "&Hồ sơ" menu, several rows at once
in the registers, the deposit-due warning in the status bar, and after a new registration a
suggested file the clerk confirms with one click."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QFileDialog, QLabel, QMessageBox, QPushButton

from app.archive import filing, handover, suggest, verify
from app.registers.views import Changes
from ui.archive.hoso_tab import HosoTab

FILED_BOOKS = ("incoming", "outgoing")
FRESH_SECONDS = 180  # an entry this young, not yet filed, gets a suggestion
SUGGEST_FROM = 55.0  # below this score a guess is more noise than help


class ArchiveActions(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window, self.runner, self.store = window, window.runner, window.store
        self.tab = HosoTab(self.runner, self.store, window)
        self.tab.failed.connect(window.show_error)
        update = getattr(window, "_update_status", None)  # the window's count line, as for a book
        if update is not None:
            self.tab.count_changed.connect(lambda _n: update())
        self.dialog = None
        self.preview = None
        self.due_label = QLabel(window)
        self.due_label.setStyleSheet("color: #b71c1c;")
        self.suggest_button = QPushButton(window)
        self.suggest_button.setFlat(True)
        self.suggest_button.hide()
        self.suggest_button.clicked.connect(self._accept_suggestion)
        self._suggested = None

    def install(self) -> None:
        w = self.window
        w.tabs.addTab(self.tab, self.tr("Hồ sơ"))
        for key in FILED_BOOKS:
            w.register_tab(key).view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        m = w.menu(self.tr("&Hồ sơ"))
        self.file_action = m.addAction(self.tr("Đưa văn bản đang chọn vào &hồ sơ…"), QKeySequence("Ctrl+Shift+H"),
                                       self.file_selected)
        m.addAction(self.tr("&Mở hồ sơ mới…"), self.new_hoso)
        m.addAction(self.tr("Đó&ng hồ sơ…"), self.close_hoso)
        m.addAction(self.tr("Mở &lại hồ sơ…"), self.reopen_hoso)
        m.addAction(self.tr("&Giữ lại / thôi giữ lại hồ sơ…"), self.keep_hoso)
        m.addSeparator()
        from ui.archive import plan_actions as pa
        year = self.tab.current_year
        m.addAction(self.tr("Lập danh mục theo năm &trước…"), lambda: pa.copy_from_last_year(w, self.runner, year()))
        m.addAction(self.tr("Thêm đề &mục…"), lambda: pa.add_heading(w, self.runner, year()))
        m.addAction(self.tr("&Quyết định ban hành, kỳ nộp lưu…"), lambda: pa.edit_decision(w, self.runner, year()))
        m.addSeparator()
        m.addAction(self.tr("&Nộp lưu (xuất gói)…"), self.hand_over)
        m.addAction(self.tr("&Kiểm tra gói nộp lưu…"), self.verify_package)
        m.addSeparator()
        m.addAction(self.tr("In &danh mục hồ sơ…"), self.print_plan)
        m.addAction(self.tr("In mục lục &văn bản của hồ sơ…"), self.print_index)
        m.addAction(self.tr("In danh mục hồ sơ &giữ lại…"), self.print_kept)
        t = self.tab
        t.new_button.clicked.connect(self.new_hoso)
        t.close_button.clicked.connect(self.close_hoso)
        t.reopen_button.clicked.connect(self.reopen_hoso)
        t.keep_button.clicked.connect(self.keep_hoso)
        t.handover_button.clicked.connect(self.hand_over)
        t.plan_button.clicked.connect(self.print_plan)
        t.index_button.clicked.connect(self.print_index)
        t.add_button.clicked.connect(self.add_to_current)
        w.statusBar().addPermanentWidget(self.suggest_button)
        w.statusBar().addPermanentWidget(self.due_label)
        self.runner.changed.connect(self._on_changes)
        self.refresh_due()

    # --- filing ---------------------------------------------------------------------------------
    def selected_entries(self, tab) -> tuple[list[int], int]:
        rows = sorted({i.row() for i in tab.view.selectionModel().selectedRows()})
        if not rows and tab.view.currentIndex().isValid():
            rows = [tab.view.currentIndex().row()]
        model = tab.model()
        ids = [model.id_at(r) for r in rows if model.id_at(r) is not None]
        first = model.entry(rows[0]) if rows else None
        return ids, first.year if first is not None else dt.date.today().year

    def file_selected(self) -> None:
        from ui.archive.filing_dialog import FilingDialog

        tab = self.window.current_tab()
        if tab is self.tab:
            self.add_to_current()
            return
        if tab.book_key not in FILED_BOOKS:
            QMessageBox.information(self.window, self.tr("Đưa vào hồ sơ"),
                                    self.tr("Văn bản mật được lập hồ sơ và giao nộp theo quy định riêng."))
            return
        ids, year = self.selected_entries(tab)
        if not ids:
            self.window.statusBar().showMessage(self.tr("Chọn một hoặc nhiều dòng trong sổ trước."), 5000)
            return
        self.dialog = FilingDialog(self.runner, tab.book_key, ids, year, self.window)
        self.dialog.filed.connect(lambda v: self.window.statusBar().showMessage(
            self.tr("Đã đưa %d văn bản vào hồ sơ %s.") % (len(ids), v.code), 6000))
        self.dialog.open()

    def add_to_current(self) -> None:
        from ui.archive.pick_entries import PickEntries

        h = self._current_file()
        if h is not None:
            self.dialog = PickEntries(self.runner, h, self.window)
            self.dialog.open()

    # --- file actions ---------------------------------------------------------------------------
    def _current_file(self):
        if self.window.current_tab() is not self.tab:
            self.window.tabs.setCurrentWidget(self.tab)
        h = self.tab.current_file()
        if h is None:
            self.window.statusBar().showMessage(self.tr("Chọn một hồ sơ trong thẻ Hồ sơ trước."), 5000)
        return h

    def new_hoso(self) -> None:
        from ui.archive.new_hoso_dialog import NewHosoDialog

        self.dialog = NewHosoDialog(self.runner, self.tab.current_year(), self.window)
        self.dialog.open()

    def close_hoso(self) -> None:
        from ui.archive.close_dialog import CloseDialog

        h = self._current_file()
        if h is not None:
            self.dialog = CloseDialog(self.runner, h, self.window)
            self.dialog.open()

    def reopen_hoso(self) -> None:
        from ui.archive.close_dialog import reopen

        h = self._current_file()
        if h is not None:
            reopen(self.window, self.runner, h)

    def keep_hoso(self) -> None:
        from ui.archive.keep_dialog import KeepDialog, release

        h = self._current_file()
        if h is None:
            return
        if h.state == "kept_back":
            release(self.window, self.runner, h)
        elif h.state == "closed":
            self.dialog = KeepDialog(self.runner, h, self.window)
            self.dialog.open()
        else:
            self.window.statusBar().showMessage(self.tr("Chỉ giữ lại được hồ sơ đã đóng, chưa nộp lưu."), 5000)

    def hand_over(self) -> None:
        from ui.archive.handover_dialog import HandoverDialog

        self.dialog = HandoverDialog(self.runner, self.store, self.tab.current_year(), self.window)
        self.dialog.open()

    def verify_package(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.window, self.tr("Gói nộp lưu (.zip), hoặc Hủy để chọn thư mục"),
                                              str(Path.home()), self.tr("Gói nộp lưu (*.zip)"))
        if not path:
            path = QFileDialog.getExistingDirectory(self.window, self.tr("Thư mục gói nộp lưu"), str(Path.home()))
        if not path:
            return
        self.runner.query(lambda _s: verify.verify(path).lines(), lambda lines: QMessageBox.information(
            self.window, self.tr("Kiểm tra gói nộp lưu"), "\n".join(lines)), self._failed)

    # --- printing -------------------------------------------------------------------------------
    def print_plan(self) -> None:
        from ui.archive.jobs import file_plan_job

        self._build(file_plan_job(self.tab.current_year()), self.tr("Đang in danh mục hồ sơ…"))

    def print_index(self) -> None:
        from ui.archive.jobs import file_index_job

        h = self._current_file()
        if h is not None:
            self._build(file_index_job(h.id, h.code, h.year), self.tr("Đang in mục lục văn bản…"))

    def print_kept(self) -> None:
        from ui.archive.jobs import kept_list_job

        self._build(kept_list_job(self.tab.current_year()), self.tr("Đang in danh mục hồ sơ giữ lại…"))

    def _build(self, job, label: str) -> None:
        from ui.print.progress import run_long

        run_long(self.runner, job, self._show, self._failed, label=label, parent=self.window)

    def _show(self, built) -> None:
        from ui.print.preview_dialog import PreviewDialog

        self.preview = PreviewDialog(self.runner, built, self.window)
        self.preview.open()

    def _failed(self, exc: BaseException) -> None:
        QMessageBox.warning(self.window, self.tr("Không thực hiện được"), getattr(exc, "message", str(exc)))

    # --- warnings and suggestions ------------------------------------------------------------------
    def refresh_due(self) -> None:
        self.runner.query(lambda s: handover.due(s), self._got_due, self.window.show_error, owner=self)

    def _got_due(self, items) -> None:
        late = [d for d in items if d.days_left < 0]
        if not items:
            self.due_label.setText("")
            self.due_label.setToolTip("")
            return
        text = self.tr("%d hồ sơ sắp đến hạn nộp lưu") % len(items)
        if late:
            text += self.tr(" (%d quá hạn)") % len(late)
        self.due_label.setText("⚠ " + text)
        self.due_label.setToolTip("\n".join(f"{d.code} ({d.year}): hạn {d.due_on:%d/%m/%Y}" for d in items[:20]))

    def _on_changes(self, changes) -> None:
        if changes.book_key == "archive":
            self.refresh_due()
        elif changes.book_key in FILED_BOOKS and len(changes.entry_ids) == 1:
            entry_id = changes.entry_ids[0]
            self.runner.query(lambda s: _suggestion_for_new(s, entry_id), self._got_suggestion, owner=self)

    def _got_suggestion(self, found) -> None:
        if found is None:
            return
        entry_id, book_key, number, g = found
        self._suggested = (entry_id, book_key, g)
        self.suggest_button.setText(self.tr("Gợi ý: đưa văn bản %s vào hồ sơ %s — %s") % (number, g.code, g.title[:40]))
        self.suggest_button.setToolTip(g.reason)
        self.suggest_button.show()

    def _accept_suggestion(self) -> None:
        if self._suggested is None:
            return
        entry_id, book_key, g = self._suggested
        self._suggested = None
        self.suggest_button.hide()
        self.runner.write(lambda s: filing.add(s, g.hoso_id, [entry_id]), lambda v: self.window.statusBar().showMessage(
            self.tr("Đã đưa vào hồ sơ %s.") % v.code, 5000), self._failed, changes=Changes(book_key, (entry_id,)))


def _suggestion_for_new(session, entry_id: int):
    """(entry id, book, number shown, suggestion) for a just-registered entry not yet filed."""
    from app.registers import service

    e = service.get(session, entry_id)
    young = (dt.datetime.now() - e.created_at).total_seconds() < FRESH_SECONDS
    if not young or e.status != "registered" or filing.files_of(session, [entry_id]):
        return None
    found = suggest.suggest(session, entry_id, limit=1)
    if not found or found[0].score < SUGGEST_FROM:
        return None
    return entry_id, e.book_key, e.number_symbol or str(e.number), found[0]


def install_archive(window) -> ArchiveActions:
    actions = ArchiveActions(window)
    actions.install()
    window.archive = actions
    return actions
