"""Cài đặt → Nhật ký sự kiện…: the audit events filtered by user, kind, date and entry;
printed (PDF) or exported (CSV) as shown."""
from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDateEdit, QDialog, QFileDialog, QHBoxLayout, QLabel, QLineEdit,
    QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout,
)

from app.errors import DomainError
from app.security import access, audit, events, events_export
from app.security.audit import KINDS


class EventsDialog(QDialog):
    def __init__(self, runner, parent=None):
        super().__init__(parent)
        self.runner = runner
        self.rows: list[events.EventRow] = []
        self.setWindowTitle(self.tr("Nhật ký sự kiện"))
        self.resize(1000, 600)
        self.user = QComboBox()
        self.kind = QComboBox()
        self.kind.addItem(self.tr("(mọi việc)"), None)
        for key, name in sorted(KINDS.items(), key=lambda kv: kv[1]):
            self.kind.addItem(name, key)
        self.use_dates = QCheckBox(self.tr("Từ ngày"))
        self.date_from, self.date_to = QDateEdit(QDate.currentDate().addDays(-30)), QDateEdit(QDate.currentDate())
        for d in (self.date_from, self.date_to):
            d.setCalendarPopup(True)
            d.setDisplayFormat("dd/MM/yyyy")
        self.entry = QLineEdit()
        self.entry.setPlaceholderText(self.tr("số hiệu văn bản (#)"))
        bar = QHBoxLayout()
        for label, w in ((self.tr("Người dùng:"), self.user), (self.tr("Việc:"), self.kind),
                         (None, self.use_dates), (None, self.date_from), (self.tr("đến"), self.date_to),
                         (self.tr("Văn bản #:"), self.entry)):
            if label:
                bar.addWidget(QLabel(label))
            bar.addWidget(w)
        self.show_button = QPushButton(self.tr("&Lọc"), clicked=self.refresh)
        bar.addWidget(self.show_button)
        self.table = QTableWidget(0, len(events.HEADERS))
        self.table.setHorizontalHeaderLabels(events.HEADERS)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.status = QLabel()
        self.print_button = QPushButton(self.tr("&In (PDF)…"), clicked=self.print_pdf)
        self.export_button = QPushButton(self.tr("&Xuất CSV…"), clicked=self.export_csv)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.print_button)
        bottom.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table)
        layout.addLayout(bottom)
        runner.query(lambda s: events.users_seen(s), self._users)
        self.refresh()

    def _users(self, names: list[str]) -> None:
        self.user.addItem(self.tr("(mọi người)"), None)
        for n in names:
            self.user.addItem(n, n)

    def current_filter(self) -> events.EventFilter:
        text = self.entry.text().strip().lstrip("#")
        dates = self.use_dates.isChecked()
        return events.EventFilter(
            user=self.user.currentData(), kind=self.kind.currentData(),
            date_from=self.date_from.date().toPython() if dates else None,
            date_to=self.date_to.date().toPython() if dates else None,
            entry_id=int(text) if text.isdigit() else None)

    def refresh(self) -> None:
        f = self.current_filter()
        self.runner.query(lambda s: (events.find(s, f), audit.show_head(s)), self._show, self._failed)

    def _show(self, result) -> None:
        self.rows, self.head = result
        self.table.setRowCount(len(self.rows))
        for r, row in enumerate(self.rows):
            for c, v in enumerate(row.cells()):
                self.table.setItem(r, c, QTableWidgetItem(v))
        self.table.resizeColumnsToContents()
        self.status.setText(self.tr("%d sự kiện (mới nhất trước). Đầu chuỗi: %s") % (len(self.rows), self.head))

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(exc.message if isinstance(exc, DomainError) else str(exc))

    def _scope(self) -> str:
        f = self.current_filter()
        parts = [f"người dùng {f.user}" if f.user else "", KINDS.get(f.kind, "") if f.kind else "",
                 f"từ {f.date_from:%d/%m/%Y} đến {f.date_to:%d/%m/%Y}" if f.date_from else "",
                 f"văn bản #{f.entry_id}" if f.entry_id else ""]
        return ", ".join(p for p in parts if p) or "tất cả sự kiện"

    def _allowed(self) -> bool:
        with self.runner.store.ReadSession() as s:
            who = access.actor(s)
        if access.allowed(who, "print") or access.allowed(who, "admin"):
            return True
        self.status.setText(self.tr("Người dùng này không được in hoặc xuất."))
        return False

    def print_pdf(self, _checked=False, *, path: str | None = None) -> None:
        if not self._allowed():
            return
        path = path or QFileDialog.getSaveFileName(self, self.tr("In nhật ký ra PDF"), "nhat-ky.pdf",
                                                   "PDF (*.pdf)")[0]
        if path:
            events_export.to_pdf(self.rows, path, scope=self._scope(), head=self.head)
            self._exported("PDF", path)

    def export_csv(self, _checked=False, *, path: str | None = None) -> None:
        if not self._allowed():
            return
        path = path or QFileDialog.getSaveFileName(self, self.tr("Xuất nhật ký"), "nhat-ky.csv",
                                                   "CSV (*.csv)")[0]
        if path:
            events_export.to_csv(self.rows, path)
            self._exported("CSV", path)

    def _exported(self, how: str, path: str) -> None:
        scope = self._scope()
        self.runner.write(lambda s: audit.record(s, "export", details={"what": "nhật ký sự kiện",
                                                                        "how": how, "scope": scope,
                                                                        "to": path}))
        self.status.setText(self.tr("Đã ghi %s") % path)
