"""The registration form of one book: keyboard-first, the number shown before saving.

An embeddable QWidget (RegisterDialog puts it in a window; the OCR intake may put it
next to the page image). It saves through the task runner in one transaction, so a
refused entry leaves nothing behind.
"""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QCheckBox, QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout,
                               QWidget)

from app import catalogue, org as org_mod
from app.dates import BadDate, parse_datetime
from app import errors
from app.errors import DomainError, PossibleDuplicate, ValidationError
from app.registers import query, service
from app.registers.draft import Draft
from app.registers.views import Changes
from ui.widgets.entry_fields import NUMBER_INPUTS, EntryFields

PREVIEW_DEBOUNCE_MS = 120
COMPLETED = ("issuer", "recipient_unit", "signer_name", "signer_position", "recipients")


class EntryForm(QWidget):
    saved = Signal(object)  # EntryView of the new entry
    closed = Signal()  # Esc / Đóng, confirmed if something was typed: the host decides what closing means
    field_focused = Signal(str)  # for the OCR intake: highlight where the field was read

    def __init__(self, runner, book_key: str, parent=None, one_column: bool = False):
        super().__init__(parent)
        self.runner, self.book_key = runner, book_key
        self.incoming = book_key.endswith("incoming")
        self._saving = False
        # A question its host asks before saving (the intake: a handwritten number left
        # empty), given the draft; "" when there is nothing to ask. Asked once per document.
        self.ask_before_save = None
        self._asked = False
        self._preview_gen = 0
        self._pristine: dict[str, str] = {}
        self.fields = EntryFields(book_key, self, one_column)
        self.extras = None  # a secret book's envelope, copy number, consent, return date
        if book_key.startswith("secret"):
            from ui.secrets.envelope_fields import EnvelopeFields
            self.extras = EnvelopeFields(book_key, self)
        self.preview = QLabel()
        self.preview.setStyleSheet("font-size: 15px; font-weight: bold; color: #1f4e9a;")
        self.previous_year = QCheckBox(self.tr("Đăng ký vào năm trước"))
        self.previous_year.setToolTip(self.tr("Văn bản của năm trước đến muộn: lấy số đến của sổ năm trước"))
        self.previous_year.hide()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.save_button = QPushButton(self.tr("Lưu (Ctrl+Enter)"))
        self.save_button.setDefault(False)
        self.save_button.setAutoDefault(False)
        self.new_button = QPushButton(self.tr("Mới (Ctrl+N)"))
        self.close_button = QPushButton(self.tr("Đóng (Esc)"))
        for b in (self.new_button, self.close_button):
            b.setAutoDefault(False)

        top = QHBoxLayout()
        top.addWidget(self.preview, 1)
        top.addWidget(self.previous_year)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.fields)
        if self.extras is not None:
            layout.addWidget(self.extras)
            for keys in ("Ctrl+Return", "Ctrl+Enter"):  # saves from these boxes as from the others
                QShortcut(QKeySequence(keys), self.extras, lambda: self.save(),
                          context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        layout.addStretch(1)
        layout.addLayout(buttons)

        self._preview_timer = QTimer(self, singleShot=True, interval=PREVIEW_DEBOUNCE_MS)
        self._preview_timer.timeout.connect(self.update_preview)
        self.fields.changed.connect(self._field_changed)
        self.fields.field_focused.connect(self.field_focused)
        self.fields.save_requested.connect(self.save)
        self.fields.new_requested.connect(self.new)
        self.fields.cancel_requested.connect(self.request_close)
        self.previous_year.toggled.connect(lambda _: self._preview_timer.start())
        self.save_button.clicked.connect(lambda: self.save())
        self.new_button.clicked.connect(self.new)
        self.close_button.clicked.connect(self.request_close)
        self.new()
        self.load()

    # --- public --------------------------------------------------------------------------------
    def load(self) -> None:
        """Catalogue and completions, read on the worker."""
        secret = self.book_key.startswith("secret")

        def read(s):
            regime = org_mod.load(s).regime
            return ([t.name for t in catalogue.doc_types(s, regime)],
                    {f: query.completions(s, f, secret=secret) for f in COMPLETED})
        self.runner.query(read, self._loaded)

    def _loaded(self, result) -> None:
        types, completions = result
        self.fields.set_doc_types(types)
        for name, values in completions.items():
            self.fields.set_completions(name, values)

    def new(self) -> None:
        """An empty form for the next document; ngày đến defaults to now."""
        self._asked = False
        self.fields.clear()
        if self.extras is not None:
            self.extras.clear()
        self.previous_year.setChecked(False)
        if self.incoming:
            self.fields.set_value("received_at", dt.datetime.now().replace(second=0, microsecond=0))
        else:
            self.fields.set_value("doc_date", dt.date.today())
        self.fields.focus_first()
        self.update_preview()
        self._pristine = self.fields.values()

    def is_dirty(self) -> bool:
        """Something typed since the form was emptied or pre-filled."""
        return self.fields.values() != self._pristine

    def request_close(self) -> None:
        """Esc / Đóng: a half-filled form is never thrown away without asking."""
        if not self.is_dirty():
            self.closed.emit()
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Đóng phiếu đăng ký"),
                          self.tr("Phiếu đang nhập dở chưa được lưu. Bỏ nội dung đã nhập?"),
                          QMessageBox.StandardButton.NoButton, self)
        self.discard_button = box.addButton(self.tr("Bỏ nội dung đã nhập"), QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(self.tr("Tiếp tục nhập"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        box.buttonClicked.connect(lambda b: b is self.discard_button and self._discard())
        box.open()

    def _discard(self) -> None:
        self._pristine = self.fields.values()
        self.closed.emit()

    def prefill(self, values: dict, low_confidence: set[str] = frozenset()) -> None:
        """Fills fields (e.g. read by OCR); low-confidence ones are marked yellow for checking."""
        self._asked = False
        self.fields.set_values(values)
        self.fields.mark_low_confidence(set(low_confidence))
        self.update_preview()
        self._pristine = self.fields.values()

    def draft(self) -> Draft:
        return Draft(**self.fields.values())

    def chosen_year(self) -> int | None:
        if not (self.incoming and self.previous_year.isChecked()):
            return None
        received = self._received()
        return received.year - 1 if received else None

    # --- preview ---------------------------------------------------------------------------------
    def _field_changed(self, name: str) -> None:
        if self.fields.error_text(name):
            self.fields.errors[name].hide()
        if name == "secrecy":
            self._secrecy_changed()
        if name in NUMBER_INPUTS:
            self._preview_timer.start()
        if name == "received_at":
            received = self._received()
            january = bool(received and received.month == 1)
            self.previous_year.setVisible(january)
            if not january:
                self.previous_year.setChecked(False)

    def _secrecy_changed(self) -> None:
        summary = self.fields.widgets["summary"]
        top_secret = self.fields.value("secrecy") == "Tuyệt mật"
        if top_secret:
            summary.clear()
        summary.setEnabled(not top_secret)
        summary.setPlaceholderText(self.tr("Tuyệt mật: không ghi trích yếu") if top_secret else "")

    def _received(self) -> dt.datetime | None:
        try:
            return parse_datetime(self.fields.value("received_at"))
        except BadDate:
            return None

    def update_preview(self) -> None:
        self._preview_gen += 1
        gen, draft, year = self._preview_gen, self.draft(), self.chosen_year()
        self.runner.query(lambda s: service.preview_number(s, self.book_key, draft, year),
                          lambda number: self._show_preview(gen, number), lambda exc: None,
                          owner=self)

    def _show_preview(self, gen: int, number: str) -> None:
        if gen != self._preview_gen:
            return
        self.preview.setText(self.tr("Số sẽ cấp: %s") % number if number else
                             self.tr("Số sẽ cấp: (nhập đủ ngày và tên loại)"))
        self.preview.setProperty("number", number)

    # --- saving -------------------------------------------------------------------------------------
    def save(self, allow_duplicate: bool = False, allow_out_of_order: bool = False) -> None:
        if self._saving:
            return
        question = self.ask_before_save(self.draft()) if self.ask_before_save and not self._asked else ""
        if question:
            box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Kiểm tra trước khi lưu"), question,
                              QMessageBox.StandardButton.NoButton, self)
            self.save_anyway_button = box.addButton(self.tr("Vẫn đăng ký"), QMessageBox.ButtonRole.AcceptRole)
            box.setDefaultButton(box.addButton(self.tr("Quay lại nhập"), QMessageBox.ButtonRole.RejectRole))

            def answered(button) -> None:
                if button is self.save_anyway_button:
                    self._asked = True
                    self.save(allow_duplicate, allow_out_of_order)

            box.buttonClicked.connect(answered)
            box.open()
            return
        self._saving = True
        self._allowed = (allow_duplicate, allow_out_of_order)  # kept when a second question follows
        self.save_button.setEnabled(False)
        self.fields.clear_errors()
        self.message.clear()
        book, draft, year = self.book_key, self.draft(), self.chosen_year()
        try:
            extra = self.extras.options() if self.extras is not None else {}
        except ValidationError as exc:
            self._failed(exc)
            return
        # The secret books' runner registers through app.secrets (envelope, term, numbers shared
        # with the plain store for a Party office); the ordinary books through the registers.
        register = getattr(self.runner, "register_fn", None) or service.register
        self.runner.write(
            lambda s: register(s, book, draft, year=year, allow_duplicate=allow_duplicate,
                               allow_out_of_order=allow_out_of_order, **extra),
            self._saved, self._failed, changes=lambda v: Changes(v.book_key, (v.id,)), owner=self)

    def _done_saving(self) -> None:
        self._saving = False
        self.save_button.setEnabled(True)

    def _saved(self, entry) -> None:
        self._done_saving()
        number = entry.number_symbol if not self.incoming else str(entry.number)
        for name in COMPLETED:
            # Offered at once in this form, before the next read of the book.
            values = getattr(entry, name).splitlines() if name == "recipients" else [getattr(entry, name)]
            for value in values:
                self.fields.add_completion(name, value)
        self.new()
        self._say(self.tr("Đã đăng ký: số %s — %s") % (number, entry.summary[:60] or entry.doc_type), ok=True)
        self.saved.emit(entry)

    def _failed(self, exc: BaseException) -> None:
        self._done_saving()
        if isinstance(exc, ValidationError):
            rest = self.fields.show_errors(exc.errors)
            self._say(" ".join(rest.values()) or self.tr("Chưa lưu: sửa các ô được đánh dấu đỏ."))
        elif isinstance(exc, PossibleDuplicate):
            from ui.dialogs.duplicate_dialog import DuplicateDialog
            dialog = DuplicateDialog(exc.existing, self)
            dialog.confirmed.connect(lambda: self.save(True, self._allowed[1]))
            dialog.open()
        elif isinstance(exc, getattr(errors, "OutOfOrder", ())):  # the core asks since issue 9
            box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Ngày đến sớm hơn văn bản trước"),
                              exc.message, QMessageBox.StandardButton.NoButton, self)
            self.out_of_order_button = box.addButton(self.tr("Vẫn đăng ký"), QMessageBox.ButtonRole.AcceptRole)
            box.setDefaultButton(box.addButton(self.tr("Sửa ngày đến"), QMessageBox.ButtonRole.RejectRole))
            box.buttonClicked.connect(lambda b: b is self.out_of_order_button and self.save(
                self._allowed[0], True))
            box.open()
        elif isinstance(exc, DomainError):
            self._say(exc.message)
        else:
            self._say(self.tr("Lỗi không lường trước, chưa lưu: %s") % exc)
            raise exc

    def _say(self, text: str, ok: bool = False) -> None:
        self.message.setStyleSheet("color: #2e7d32;" if ok else "color: #c62828;")
        self.message.setText(text)
