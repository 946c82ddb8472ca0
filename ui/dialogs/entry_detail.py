"""One entry: all its fields, its history, and the two things one may do to it (sửa, hủy số).
Nothing is deleted: edits are recorded by the core and shown below the fields."""
from __future__ import annotations

from PySide6.QtWidgets import (QDialog, QHBoxLayout, QInputDialog, QLabel, QPushButton,
                               QTreeWidget, QTreeWidgetItem, QVBoxLayout)

from app.errors import DomainError, ValidationError
from app.registers import service
from app.registers.views import Changes
from ui.models.columns import notes
from ui.widgets.entry_fields import EntryFields

FIXED = {"received_at"}  # decides the number: not editable (void and register again)


class EntryDetail(QDialog):
    def __init__(self, runner, book_key: str, entry_id: int, parent=None):
        super().__init__(parent)
        self.runner, self.book_key, self.entry_id = runner, book_key, entry_id
        self.entry = None
        self._shown: dict[str, str] = {}
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.status = QLabel()
        self.fields = EntryFields(book_key, self)
        self.fields.set_read_only(True)
        self.history = QTreeWidget()
        self.history.setHeaderLabels([self.tr("Lúc"), self.tr("Người sửa"), self.tr("Trường"),
                                      self.tr("Giá trị cũ"), self.tr("Giá trị mới")])
        self.history.setRootIsDecorated(False)
        self.message = QLabel()
        self.message.setStyleSheet("color: #c62828;")
        self.edit_button = QPushButton(self.tr("Sửa"))
        self.void_button = QPushButton(self.tr("Hủy số…"))
        self.close_button = QPushButton(self.tr("Đóng"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        for b in (self.void_button, self.edit_button, self.close_button):
            b.setAutoDefault(False)
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.status)
        layout.addWidget(self.fields)
        layout.addWidget(QLabel(self.tr("Lịch sử thay đổi")))
        layout.addWidget(self.history, 1)
        layout.addLayout(buttons)
        self.edit_button.clicked.connect(self._edit_or_save)
        self.void_button.clicked.connect(self._void)
        self.close_button.clicked.connect(self.reject)
        self.fields.save_requested.connect(self._edit_or_save)
        self.fields.cancel_requested.connect(self.reject)
        self.resize(980, 680)
        self.reload()

    @property
    def editing(self) -> bool:
        return self.edit_button.text() != self.tr("Sửa")

    def reload(self) -> None:
        self.runner.query(lambda s: (service.get(s, self.entry_id), service.history(s, self.entry_id)),
                          self._show, self._failed)

    def _show(self, result) -> None:
        entry, changes = result
        self.entry = entry
        number = entry.number_symbol if entry.book_key.endswith("outgoing") else str(entry.number)
        self.setWindowTitle(self.tr("Văn bản số %s") % number)
        self.title.setText(self.tr("Số %s — sổ năm %s") % (number, entry.year))
        self.status.setText(notes(entry) if entry.status != "registered" else "")
        self.status.setStyleSheet("color: #8a8a8a;" if entry.status == "voided" else "color: #1f4e9a;")
        self.fields.set_values({name: getattr(entry, name) for name in self.fields.widgets})
        self._shown = self.fields.values()
        self.history.clear()
        for c in changes:
            self.history.addTopLevelItem(QTreeWidgetItem(
                [c.at.strftime("%d/%m/%Y %H:%M"), c.user, c.field, c.old, c.new]))
        for i in range(5):
            self.history.resizeColumnToContents(i)
        voided = entry.status == "voided"
        self.edit_button.setEnabled(not voided)
        self.void_button.setEnabled(not voided)

    def _edit_or_save(self) -> None:
        if self.entry is None or self.entry.status == "voided":
            return
        if not self.editing:
            self.fields.set_read_only(False)
            for name in FIXED & set(self.fields.widgets):
                self.fields.widgets[name].setReadOnly(True)
            self.edit_button.setText(self.tr("Lưu thay đổi (Ctrl+Enter)"))
            self.fields.focus_first()
            return
        now = self.fields.values()
        changes = {k: v for k, v in now.items() if v != self._shown.get(k) and k not in FIXED}
        if not changes:
            self._stop_editing()
            return
        self.runner.write(lambda s: service.update(s, self.entry_id, changes), self._updated,
                          self._failed, changes=Changes(self.book_key, (self.entry_id,)))

    def _stop_editing(self) -> None:
        self.fields.set_read_only(True)
        self.fields.clear_errors()
        self.edit_button.setText(self.tr("Sửa"))

    def _updated(self, _entry) -> None:
        self._stop_editing()
        self.message.clear()
        self.reload()

    def _void(self) -> None:
        reason, ok = QInputDialog.getText(self, self.tr("Hủy số"), self.tr(
            "Số đã hủy vẫn hiện trong sổ và không bao giờ cấp lại.\nLý do hủy số:"))
        if ok:
            self.runner.write(lambda s: service.void(s, self.entry_id, reason), lambda _: self.reload(),
                              self._failed, owner=self, changes=Changes(self.book_key, (self.entry_id,)))

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationError):
            rest = self.fields.show_errors(exc.errors)
            self.message.setText(" ".join(rest.values()))
        elif isinstance(exc, DomainError):
            self.message.setText(exc.message)
        else:
            raise exc
