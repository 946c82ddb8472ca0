"""One entry: all its fields, its history, its scans, and what one may do to it: sửa, hủy số,
and for a number taken in advance, hoàn thành (fill in the signed document).
Nothing is deleted: edits are recorded by the core and shown below the fields."""
from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (QDialog, QHBoxLayout, QLabel, QPushButton, QTreeWidget,
                               QTreeWidgetItem, QVBoxLayout)

from app.errors import DomainError, ValidationError
from app.registers import service
from app.registers.draft import Draft
from app.registers.views import Changes
from ui.dialogs.history_labels import field_label, value_label
from ui.models.columns import notes
from ui.widgets.entry_fields import EntryFields
from ui.widgets.signature_lines import SignatureLines

FIXED = {"received_at"}  # decides the number: not editable (void and register again)
KEPT_BY_RESERVATION = {"doc_type", "drafting_unit"}  # the number taken already carries them


class EntryDetail(QDialog):
    def __init__(self, runner, book_key: str, entry_id: int, parent=None):
        super().__init__(parent)
        self.runner, self.book_key, self.entry_id = runner, book_key, entry_id
        self.entry = None
        self.scans = []
        self._mode = ""  # "" reading | "edit" | "complete"
        self._shown: dict[str, str] = {}
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.status = QLabel(wordWrap=True)
        self.signatures = SignatureLines(self)  # of the kept scan, as read when it was kept
        self.secret_info = QLabel(wordWrap=True)  # a secret document's envelope, term, copies, holders
        self.secret_info.setStyleSheet("color: #8b0000;")
        self.secret_info.setVisible(book_key.startswith("secret"))
        self.fields = EntryFields(book_key, self)
        self.fields.set_read_only(True)
        self.history = QTreeWidget()
        self.history.setHeaderLabels([self.tr("Lúc"), self.tr("Người sửa"), self.tr("Trường"),
                                      self.tr("Giá trị cũ"), self.tr("Giá trị mới")])
        self.history.setRootIsDecorated(False)
        self.message = QLabel(wordWrap=True)
        self.message.setStyleSheet("color: #c62828;")
        self.scan_button = QPushButton(self.tr("Mở bản quét"))
        self.pdf_button = QPushButton(self.tr("Mở PDF tìm được chữ"))
        self.recheck_button = QPushButton(self.tr("Kiểm tra lại chữ ký số"))
        self.recheck_button.setToolTip(self.tr("Theo chứng thư gốc đã nhập đến nay (Cài đặt → Chứng thư gốc)"))
        self.complete_button = QPushButton(self.tr("Hoàn thành số đã lấy trước…"))
        self.complete_button.setToolTip(self.tr("Văn bản đã ký: ghi trích yếu, người ký, nơi nhận"))
        self.edit_button = QPushButton(self.tr("Sửa"))
        self.void_button = QPushButton(self.tr("Hủy số…"))
        self.close_button = QPushButton(self.tr("Đóng"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        for b in (self.recheck_button, self.scan_button, self.pdf_button, self.void_button,
                  self.complete_button, self.edit_button, self.close_button):
            b.setAutoDefault(False)
            buttons.addWidget(b)
        for b in (self.recheck_button, self.scan_button, self.pdf_button, self.complete_button):
            b.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.status)
        layout.addWidget(self.signatures)
        layout.addWidget(self.secret_info)
        layout.addWidget(self.fields)
        layout.addWidget(QLabel(self.tr("Lịch sử thay đổi")))
        layout.addWidget(self.history, 1)
        layout.addLayout(buttons)
        self.edit_button.clicked.connect(lambda: self._edit_or_save("edit"))
        self.complete_button.clicked.connect(lambda: self._edit_or_save("complete"))
        self.void_button.clicked.connect(self._void)
        self.close_button.clicked.connect(self.reject)
        self.scan_button.clicked.connect(lambda: self._open(self.scans[-1].stored_path))
        self.pdf_button.clicked.connect(lambda: self._open(self.scans[-1].pdf_path))
        self.recheck_button.clicked.connect(self.recheck_signatures)
        self.fields.save_requested.connect(lambda: self._edit_or_save(self._mode or "edit"))
        self.fields.cancel_requested.connect(self.reject)
        QShortcut(QKeySequence("Ctrl+Delete"), self, self._void)
        self.resize(1020, 680)
        self.reload()

    @property
    def editing(self) -> bool:
        return bool(self._mode)

    def reload(self) -> None:
        files_dir = self.runner.store.files_dir

        secret = self.book_key.startswith("secret")

        def read(s):
            from app.intake import scans
            if secret:
                from app.secrets import card
            return (service.get(s, self.entry_id), service.history(s, self.entry_id),
                    scans.scans_of(s, files_dir, self.entry_id), card.lines(s, self.entry_id) if secret else ())
        self.runner.query(read, self._show, self._failed)

    def _show(self, result) -> None:
        entry, changes, self.scans, secret_lines = result
        self.secret_info.setText("\n".join(secret_lines))
        self.entry = entry
        number = entry.number_symbol if entry.book_key.endswith("outgoing") else str(entry.number)
        self.setWindowTitle(self.tr("Văn bản số %s") % number)
        self.title.setText(self.tr("Số %s — sổ năm %s") % (number, entry.year))
        reserved = entry.status == "reserved"
        text = notes(entry) if entry.status != "registered" else ""
        if reserved:
            text = text.rstrip(" .") + ". " + self.tr("Khi văn bản đã ký, bấm “Hoàn thành số đã lấy trước” để ghi đủ.")
        self.status.setText(text.strip())
        self.status.setStyleSheet("color: #8a8a8a;" if entry.status == "voided" else "color: #1f4e9a;")
        self.fields.set_values({name: getattr(entry, name) for name in self.fields.widgets})
        self._shown = self.fields.values()
        self.history.clear()
        for c in changes:
            self.history.addTopLevelItem(QTreeWidgetItem(
                [c.at.strftime("%d/%m/%Y %H:%M"), c.user, field_label(c.field, self.book_key),
                 value_label(c.field, c.old), value_label(c.field, c.new)]))
        for i in range(5):
            self.history.resizeColumnToContents(i)
        voided = entry.status == "voided"
        self.edit_button.setEnabled(not voided)
        self.void_button.setEnabled(not voided)
        # A reservation is completed, not edited: one obvious action, not two that look alike.
        self.complete_button.setVisible(reserved)
        self.edit_button.setVisible(not reserved)
        stored = self.scans[-1] if self.scans else None
        self.scan_button.setVisible(stored is not None)
        self.signatures.set_signatures(stored.signatures if stored else ())
        self.recheck_button.setVisible(stored is not None and stored.stored_path.suffix.lower() == ".pdf")
        self.pdf_button.setVisible(stored is not None and stored.pdf_path is not None)

    def _edit_or_save(self, mode: str) -> None:
        if self.entry is None or self.entry.status == "voided":
            return
        if not self._mode:
            self._start(mode)
            return
        if self._mode == "complete":
            draft = Draft(**self.fields.values())
            self.runner.write(lambda s: service.use_reservation(s, self.entry_id, draft), self._updated,
                              self._failed, changes=Changes(self.book_key, (self.entry_id,)))
            return
        now = self.fields.values()
        changes = {k: v for k, v in now.items() if v != self._shown.get(k) and k not in FIXED}
        if not changes:
            self._stop_editing()
            return
        self.runner.write(lambda s: service.update(s, self.entry_id, changes), self._updated,
                          self._failed, changes=Changes(self.book_key, (self.entry_id,)))

    def _start(self, mode: str) -> None:
        self._mode = mode
        self.fields.set_read_only(False)
        fixed = FIXED | (KEPT_BY_RESERVATION if mode == "complete" else set())
        for name in fixed & set(self.fields.widgets):
            w = self.fields.widgets[name]
            w.setReadOnly(True) if hasattr(w, "setReadOnly") else w.setEnabled(False)
        button = self.complete_button if mode == "complete" else self.edit_button
        button.setText(self.tr("Lưu và hoàn thành (Ctrl+Enter)") if mode == "complete"
                       else self.tr("Lưu thay đổi (Ctrl+Enter)"))
        self.fields.widgets["summary"].setFocus()

    def _stop_editing(self) -> None:
        self._mode = ""
        self.fields.set_read_only(True)
        self.fields.clear_errors()
        self.edit_button.setText(self.tr("Sửa"))
        self.complete_button.setText(self.tr("Hoàn thành số đã lấy trước…"))

    def _updated(self, _entry) -> None:
        self._stop_editing()
        self.message.clear()
        self.reload()

    def _void(self) -> None:
        if self.entry is None or self.entry.status == "voided":
            return
        from ui.dialogs.void_dialog import VoidDialog
        dialog = VoidDialog(self.runner, self.book_key, self.entry, self)
        dialog.voided.connect(lambda _: self.reload())
        dialog.open()

    def recheck_signatures(self) -> None:
        from app.intake import scans, trust

        store, scan_id = self.runner.store, self.scans[-1].id
        self.runner.write(lambda s: scans.recheck_signatures(s, store.files_dir, scan_id,
                                                             trust.trust_roots(store.data_dir)),
                          lambda _scan: self.reload(), self._failed)

    def _open(self, path) -> None:
        """The stored scan or its searchable PDF, in the program the system has for it."""
        if path is None or not path.exists():
            self.message.setText(self.tr("Không thấy tệp trong thư mục dữ liệu: %s") % path)
            return
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            self.message.setText(self.tr("Máy chưa có chương trình mở được tệp %s") % path.name)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationError):
            rest = self.fields.show_errors(exc.errors)
            self.message.setText(" ".join(rest.values()))
        elif isinstance(exc, DomainError):
            self.message.setText(exc.message)
        else:
            raise exc
