"""The history of an entry in the clerk's words: the core records field names and states as
they are stored (summary, status, reserved…); the window shows the form's labels."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ui.widgets import field_specs

STATES = {"registered": "Đã đăng ký", "reserved": "Đã lấy số trước", "voided": "Đã hủy số"}
OTHER = {"status": "Trạng thái", "void_reason": "Lý do hủy số", "number": "Số",
         "year": "Năm", "book": "Sổ", "scan": "Bản quét"}


def _labels(book_key: str) -> dict[str, str]:
    """The book's own labels first (recipient_unit is "bản lưu" in an outgoing book)."""
    own = [s for column in field_specs.for_book(book_key) for s in column]
    every = [v for v in vars(field_specs).values() if isinstance(v, field_specs.FieldSpec)]
    labels = {}
    for spec in own + every:
        labels.setdefault(spec.name, QCoreApplication.translate("EntryFields", spec.label))
    labels.update(OTHER)
    return labels


def field_label(name: str, book_key: str = "incoming") -> str:
    """A field's label; an action the core records by name ("lấy số trước") as a heading."""
    label = _labels(book_key).get(name, name)
    return label[:1].upper() + label[1:]


def value_label(field: str, value: str) -> str:
    if field != "status":
        return value
    state, _, reason = value.partition(":")
    shown = STATES.get(state.strip(), state)
    return f"{shown}: {reason.strip()}" if reason.strip() else shown
