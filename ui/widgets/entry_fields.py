"""The fields of one entry, for a book: layout, keyboard flow, values, errors at the field.

Used by the registration form and the entry detail. Keyboard: Enter and Tab move to the
next field (Shift+Enter makes a new line in trích yếu); Ctrl+Enter, Ctrl+N and Esc are
announced as signals so the owner decides what they mean.
"""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
                               QPlainTextEdit, QSizePolicy, QVBoxLayout, QWidget)

from app.dates import fmt
from app.registers.draft import SECRECIES, URGENCIES
from ui.widgets import field_specs
from ui.widgets.folded_completer import FoldedCompleter

ERROR_CSS = "border: 1px solid #c62828;"
LOW_CSS = "background: #fff3b0;"  # OCR read this with low confidence: check it
MASKS = {"date": "99/99/9999;_", "datetime": "99/99/9999 99:99;_"}
NUMBER_INPUTS = {"received_at", "doc_date", "doc_type", "drafting_unit"}  # decide the number


def _tr(text: str) -> str:
    return QCoreApplication.translate("EntryFields", text)


class EntryFields(QWidget):
    changed = Signal(str)  # field name, on every edit
    field_focused = Signal(str)
    save_requested = Signal()
    new_requested = Signal()
    cancel_requested = Signal()

    def __init__(self, book_key: str, parent=None, one_column: bool = False):
        super().__init__(parent)
        self.book_key = book_key
        self.widgets: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self.completers: dict[str, FoldedCompleter] = {}
        self._error_on: set[str] = set()
        self._low: set[str] = set()
        columns = QHBoxLayout(self)
        columns.setContentsMargins(0, 0, 0, 0)
        columns.setSpacing(18)
        groups = field_specs.for_book(book_key)
        if one_column:  # beside a page image: one column of wide fields, not two narrow ones
            groups = ([s for g in groups for s in g],)
        for specs in groups:
            form = QFormLayout()
            form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            form.setVerticalSpacing(8)
            for spec in specs:
                form.addRow(_tr(spec.label), self._make(spec))
            columns.addLayout(form, 1)
        self.changed.connect(self._corrected)

    # --- building --------------------------------------------------------------------------
    def _make(self, spec) -> QWidget:
        if spec.kind in ("type", "urgency", "secrecy"):
            w = QComboBox()
            if spec.kind == "type":
                w.setEditable(True)
                w.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
                completer = FoldedCompleter(w)
                w.setCompleter(completer)
                self.completers["doc_type"] = completer
                w.currentTextChanged.connect(lambda _=None, n=spec.name: self.changed.emit(n))
            else:
                values = URGENCIES if spec.kind == "urgency" else SECRECIES[1:]
                for v in values:
                    w.addItem(v or self.tr("Thường"), v)
                w.currentIndexChanged.connect(lambda _=None, n=spec.name: self.changed.emit(n))
        elif spec.kind == "long":
            w = QPlainTextEdit()
            w.setTabChangesFocus(True)
            w.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 14)
            w.textChanged.connect(lambda n=spec.name: self.changed.emit(n))
        else:
            w = QLineEdit()
            if spec.kind in MASKS:
                w.setInputMask(MASKS[spec.kind])
            if spec.kind == "int":
                w.setValidator(QIntValidator(0, 99999, w))
            if spec.hint:
                w.setPlaceholderText(_tr(spec.hint))
                w.setToolTip(_tr(spec.hint))
            if spec.complete:
                completer = FoldedCompleter(w, separator=";" if spec.kind == "list" else "")
                w.setCompleter(completer)
                self.completers[spec.complete] = completer
                # Keys typed while the suggestion list is open go to the list, not to the field:
                # Ctrl+Enter must save from there too.
                completer.popup().installEventFilter(self)
            w.textChanged.connect(lambda _=None, n=spec.name: self.changed.emit(n))
        w.setObjectName(spec.name)
        w.installEventFilter(self)
        if isinstance(w, QComboBox) and w.lineEdit() is not None:
            w.lineEdit().installEventFilter(self)
            w.lineEdit().setObjectName(spec.name)
        self.widgets[spec.name] = w
        error = QLabel()
        error.setStyleSheet("color: #c62828;")
        error.setWordWrap(True)
        error.hide()
        self.errors[spec.name] = error
        box = QWidget()
        # Rows keep their natural height; spare room goes below the form, not between rows.
        box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(1)
        layout.addWidget(w)
        layout.addWidget(error)
        return box

    # --- keyboard ----------------------------------------------------------------------------
    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.FocusIn:
            if not isinstance(obj, QAbstractItemView):
                self.field_focused.emit(obj.objectName())
        elif kind in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride):
            key, mods = event.key(), event.modifiers()
            ctrl = bool(mods & Qt.KeyboardModifier.ControlModifier)
            enter = key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            ours = (enter or (ctrl and key == Qt.Key.Key_N) or key == Qt.Key.Key_Escape)
            if kind == QEvent.Type.ShortcutOverride:
                # Claim these keys before window-wide shortcuts (the main window's Ctrl+N).
                if ours and not (enter and not ctrl):
                    event.accept()
                return False
            if enter and ctrl:
                if isinstance(obj, QAbstractItemView):  # the suggestion list
                    obj.hide()
                self.save_requested.emit()
                return True
            if isinstance(obj, QAbstractItemView):
                return False  # the completer handles the list's other keys
            if ctrl and key == Qt.Key.Key_N:
                self.new_requested.emit()
                return True
            if key == Qt.Key.Key_Escape:
                self.cancel_requested.emit()
                return True
            if enter and not (mods & Qt.KeyboardModifier.ShiftModifier and isinstance(obj, QPlainTextEdit)):
                self.focusNextChild()
                return True
        return False

    def focus_first(self) -> None:
        for w in self.widgets.values():
            if w.isEnabled():
                w.setFocus()
                if isinstance(w, QLineEdit):
                    w.selectAll()
                return

    # --- values --------------------------------------------------------------------------------
    def set_doc_types(self, names: list[str]) -> None:
        combo = self.widgets["doc_type"]
        current = combo.currentText()
        combo.blockSignals(True)
        combo.clear()
        combo.addItems(names)
        combo.setCurrentText(current)
        combo.blockSignals(False)
        self.completers["doc_type"].set_values(names)

    def set_completions(self, field: str, values: list[str]) -> None:
        if field in self.completers:
            self.completers[field].set_values(values)

    def add_completion(self, field: str, value: str) -> None:
        if field in self.completers and value.strip():
            self.completers[field].add_value(value.strip())

    def value(self, name: str) -> str:
        w = self.widgets[name]
        if isinstance(w, QComboBox):
            return w.currentText() if w.isEditable() else (w.currentData() or "")
        if isinstance(w, QPlainTextEdit):
            return w.toPlainText()
        text = w.text()
        if w.inputMask():
            # A mask leaves its separators in an empty field: '//' means nothing was typed.
            text = text.rstrip(" :") if any(c.isdigit() for c in text) else ""
        if name == "recipients":
            return "\n".join(p.strip() for p in text.split(";") if p.strip())
        return text

    def values(self) -> dict[str, str]:
        return {name: self.value(name) for name in self.widgets}

    def set_value(self, name: str, value) -> None:
        w = self.widgets.get(name)
        if w is None:
            return
        if isinstance(value, dt.datetime):
            value = fmt(value, with_time=name == "received_at")
        elif isinstance(value, dt.date):
            value = fmt(value)
        value = "" if value is None else str(value)
        if isinstance(w, QComboBox):
            if w.isEditable():
                w.setCurrentText(value)
            else:
                w.setCurrentIndex(max(0, w.findData(value)))
        elif isinstance(w, QPlainTextEdit):
            w.setPlainText(value)
        else:
            w.setText("; ".join(value.splitlines()) if name == "recipients" else value)
            w.setCursorPosition(0)  # a long name filled in shows its beginning, not its end

    def set_values(self, values: dict) -> None:
        for name, value in values.items():
            self.set_value(name, value)

    def clear(self) -> None:
        for name in self.widgets:
            self.set_value(name, "")
        self.clear_errors()
        self.mark_low_confidence(set())

    def set_read_only(self, read_only: bool) -> None:
        for w in self.widgets.values():
            if isinstance(w, QComboBox):
                w.setEnabled(not read_only)
            else:
                w.setReadOnly(read_only)

    # --- marks: errors and low confidence ------------------------------------------------------
    def show_errors(self, errors: dict[str, str]) -> dict[str, str]:
        """Marks each faulty field, focuses the first; returns errors that have no field here."""
        self.clear_errors()
        unplaced = {}
        first = None
        for name, widget in self.widgets.items():  # in keyboard order
            if name in errors:
                self.errors[name].setText(errors[name])
                self.errors[name].show()
                self._error_on.add(name)
                first = first or widget
        for name, message in errors.items():
            if name not in self.widgets:
                unplaced[name] = message
        self._restyle()
        if first is not None:
            first.setFocus()
        return unplaced

    def clear_errors(self) -> None:
        for label in self.errors.values():
            label.hide()
        self._error_on.clear()
        self._restyle()

    def mark_low_confidence(self, names: set[str]) -> None:
        self._low = set(names) & set(self.widgets)
        self._restyle()

    def _corrected(self, name: str) -> None:
        """The clerk has looked at and changed a field read with low confidence: no longer
        to check."""
        if name in self._low:
            self._low.discard(name)
            self._restyle()

    def _restyle(self) -> None:
        for name, w in self.widgets.items():
            css = (ERROR_CSS if name in self._error_on else "") + (LOW_CSS if name in self._low else "")
            w.setStyleSheet(css)
            w.setProperty("lowConfidence", name in self._low)

    def error_text(self, name: str) -> str:
        label = self.errors[name]
        return label.text() if not label.isHidden() else ""
