"""Puts tracking into the main window: its commands in the Sổ menu, the "Sắp đến hạn / Quá hạn" window,
the notice at start, export of the register shown, saved searches, the calendar in Settings."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QMenu, QMessageBox, QVBoxLayout

from app.errors import DomainError
from app.tracking import due, export, follow, saved
from ui.tracking.due_view import DueView


class TrackingActions(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window, self.runner = window, window.runner
        # A window of its own beside the books (the tab row stays the books and their files).
        self.due_window = QDialog(window)
        self.due_window.setWindowTitle(window.tr("Văn bản sắp đến hạn / quá hạn giải quyết"))
        self.due_window.resize(1100, 560)
        self.due_view = DueView(self.runner, self.due_window)
        QVBoxLayout(self.due_window).addWidget(self.due_view)
        self.due_view.open_entry.connect(window.actions.open_entry)
        self.due_view.edit_entry.connect(self.edit_deadline_of)
        self.dialog = None

    def install(self) -> None:
        w = self.window
        # In the Sổ menu, after the register's own commands (the menu bar's titles and Alt
        # letters are shared by every capability).
        m = w.menu(w.tr("Sổ"))
        m.addSeparator()
        m.addAction(w.tr("&Sắp đến hạn / Quá hạn"), QKeySequence("Ctrl+D"), self.show_due)
        m.addAction(w.tr("&Hạn và tình trạng giải quyết…"), QKeySequence("Ctrl+H"), self.edit_deadline)
        m.addAction(w.tr("Văn bản đi này &trả lời văn bản đến…"), self.answer)
        m.addSeparator()
        m.addAction(w.tr("&Báo cáo tình hình giải quyết…"), self.report)
        m.addAction(w.tr("Thống &kê, biểu đồ…"), self.stats)
        m.addSeparator()
        m.addAction(w.tr("&Nhập sổ cũ từ Excel…"), self.import_sheet)
        m.addAction(w.tr("&Xuất sổ đang xem ra Excel/CSV…"), QKeySequence("Ctrl+Shift+E"), self.export_view)
        self.saved_menu = QMenu(w.tr("Tìm kiếm đã &lưu"), m)
        self.saved_menu.aboutToShow.connect(self._fill_saved)
        m.addMenu(self.saved_menu)
        for key in getattr(w, "_tabs", {}):  # the same list beside each book's filter bar
            bar = w.register_tab(key).filter_bar
            if hasattr(bar, "saved"):
                bar.saved.setMenu(self.saved_menu)
        w.menu(w.tr("Cài đặt")).addAction(w.tr("&Lịch làm việc (ngày nghỉ, làm bù)…"), self.edit_calendar)
        # The notice comes once the first rows are on screen: start-up is not made slower.
        w.register_tab("incoming").model().rows_shown.connect(
            self.notice_at_start, Qt.ConnectionType.SingleShotConnection)

    # -- the due list and its notice -------------------------------------------------------------
    def show_due(self) -> None:
        self.due_window.show()
        self.due_window.raise_()

    def notice_at_start(self) -> None:
        self.runner.query(lambda s: due.counts(due.due_list(s, book_key="incoming")), self._notice, owner=self.window)

    def _notice(self, counts) -> None:
        late, soon = counts
        if late or soon:
            self.window.statusBar().showMessage(
                self.window.tr("Văn bản đến: %d quá hạn, %d sắp đến hạn giải quyết (Sổ → Sắp đến hạn / Quá hạn)")
                % (late, soon), 30000)
        self.last_notice = counts

    # -- one entry ------------------------------------------------------------------------------
    def _entry(self, direction: str):
        tab = self.window.current_tab()
        entry = tab.current_entry() if hasattr(tab, "current_entry") else None
        wanted = "incoming" if direction == "in" else "outgoing"
        if entry is None or not tab.book_key.endswith(wanted):
            QMessageBox.information(self.window, self.window.tr("Theo dõi"), self.window.tr(
                "Chọn một văn bản trong sổ Văn bản đến." if direction == "in"
                else "Chọn văn bản trả lời trong sổ Văn bản đi."))
            return None
        return entry

    def edit_deadline(self) -> None:
        entry = self._entry("in")
        if entry is not None:  # a secret book's entry lives in the encrypted store: its tab's runner
            self._open_deadline(entry, self.window.current_tab().runner)

    def edit_deadline_of(self, entry_id: int) -> None:
        from app.registers import service
        self.runner.query(lambda s: service.get(s, entry_id), self._open_deadline, self._failed, owner=self.window)

    def _open_deadline(self, entry, runner=None) -> None:
        from ui.tracking.deadline_dialog import DeadlineDialog
        self.dialog = DeadlineDialog(runner or self.runner, entry, self.window)
        self.dialog.open()

    def answer(self) -> None:
        entry = self._entry("out")
        if entry is None:
            return
        text, ok = QInputDialog.getText(self.window, self.window.tr("Văn bản trả lời"), self.window.tr(
            "Văn bản %s trả lời các văn bản đến có số đến (năm %d), cách nhau bởi dấu phẩy:")
            % (entry.number_symbol, entry.year))
        if not ok or not text.strip():
            return
        numbers = [n.strip() for n in text.replace(";", ",").split(",") if n.strip()]
        year, book = entry.year, "secret_incoming" if entry.book_key.startswith("secret") else "incoming"

        def write(s):
            from sqlalchemy import select

            from db.models import Book, Entry
            ids = []
            for n in numbers:
                found = s.scalar(select(Entry.id).join(Book, Book.id == Entry.book_id).where(
                    Book.key == book, Entry.year == year, Entry.number == int(n) if n.isdigit() else -1))
                if found is None:
                    raise DomainError(f"Không có văn bản đến số {n} năm {year}.")
                ids.append(found)
            return follow.answer(s, entry.id, ids)

        from app.registers.views import Changes
        self.window.current_tab().runner.write(write, lambda views: self.window.statusBar().showMessage(
            self.window.tr("Đã ghi văn bản trả lời cho %d văn bản đến.") % len(views), 8000), self._failed,
            changes=Changes(book))

    # -- dialogs --------------------------------------------------------------------------------
    def report(self) -> None:
        from ui.tracking.report_dialog import ReportDialog
        self.dialog = ReportDialog(self.runner, self.window)
        self.dialog.open()

    def stats(self) -> None:
        from ui.tracking.stats_view import StatsDialog
        self.dialog = StatsDialog(self.runner, self.window)
        self.dialog.open()

    def import_sheet(self) -> None:
        from ui.tracking.import_dialog import ImportDialog
        self.dialog = ImportDialog(self.runner, self.window)
        self.dialog.open()
        self.dialog.choose()

    def edit_calendar(self) -> None:
        from ui.tracking.calendar_dialog import CalendarDialog
        self.dialog = CalendarDialog(self.runner, self.window)
        self.dialog.open()

    # -- export and saved searches --------------------------------------------------------------
    def view_columns(self, tab) -> tuple[list[str], dict[str, str]]:
        """The register's columns in the order shown, hidden ones left out, with their titles."""
        header, model = tab.view.horizontalHeader(), tab.model()
        keys, titles = [], {}
        for visual in range(header.count()):
            logical = header.logicalIndex(visual)
            if header.isSectionHidden(logical):
                continue
            key = model.columns[logical].key
            if key in export.COLUMNS and key not in keys:
                keys.append(key)
                titles[key] = str(model.headerData(logical, header.orientation()))
        return keys, titles

    def export_view(self, out: Path | None = None) -> None:
        tab = self.window.current_tab()
        if not hasattr(tab, "book_key"):
            return
        if out is None:
            name, _ = QFileDialog.getSaveFileName(self.window, self.window.tr("Xuất sổ"), f"{tab.book_key}.xlsx",
                                                  self.window.tr("Excel (*.xlsx);;CSV (*.csv)"))
            if not name:
                return
            out = Path(name)
        keys, titles = self.view_columns(tab)
        f, ids = tab.model().filter, list(tab.model()._ids)

        runner = tab.runner  # a secret book's tab reads the encrypted store, through its own runner
        store = runner.store

        def job(s, progress, cancelled):
            n = export.export(s, f, out, columns=keys, headings=titles, ids=ids, progress=progress,
                              cancelled=cancelled)
            with store.Session.begin() as w:
                export.record(w, f.book_key, out, n)
            return n

        runner.query(job, lambda n: self.window.statusBar().showMessage(
            self.window.tr("Đã xuất %d dòng ra %s") % (n, out), 10000), self._failed, long=True,
            parent=self.window, label=self.window.tr("Đang xuất sổ…"))

    def _fill_saved(self) -> None:
        tab = self.window.current_tab()
        self.saved_menu.clear()
        if not hasattr(tab, "book_key"):
            return
        self.saved_menu.addAction(self.window.tr("Lưu tìm kiếm hiện tại…"), self.save_search)
        self.saved_menu.addSeparator()
        with tab.runner.store.ReadSession() as s:  # a few rows of one small table; a secret book's in its store
            found = saved.listing(s, tab.book_key)
        for v in found:
            self.saved_menu.addAction(v.name, lambda f=v.filter: self.apply_saved(f))

    def save_search(self, name: str | None = None) -> None:
        tab = self.window.current_tab()
        if name is None:
            name, ok = QInputDialog.getText(self.window, self.window.tr("Lưu tìm kiếm"),
                                            self.window.tr("Tên của tìm kiếm:"))
            if not ok:
                return
        f = tab.model().filter  # a secret book's search words stay in the encrypted store
        tab.runner.write(lambda s: saved.save(s, name, f), None, self._failed)

    def apply_saved(self, f) -> None:
        tab = self.window.current_tab()
        tab.filter_bar.show_filter(f)  # every box shows what the saved search chose
        tab.model().set_filter(f)

    def _failed(self, exc) -> None:
        if not isinstance(exc, DomainError):
            raise exc
        QMessageBox.warning(self.window, self.window.tr("Theo dõi"), exc.message)


def install_tracking(window) -> TrackingActions:
    actions = TrackingActions(window)
    actions.install()
    window.tracking = actions
    return actions
