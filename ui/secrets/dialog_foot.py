"""The foot the secret-book dialogs share: their action buttons and Đóng in one row, then a red
line for what was refused and a line for what was done."""
from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton


def add_foot(dialog, layout, *buttons: QPushButton) -> None:
    row = QHBoxLayout()
    close = QPushButton(dialog.tr("Đó&ng"))
    close.clicked.connect(dialog.accept)
    for b in (*buttons, close):
        row.addWidget(b)
    layout.addLayout(row)
    dialog.error = QLabel()
    dialog.error.setStyleSheet("color: #b00020")
    dialog.error.setWordWrap(True)
    layout.addWidget(dialog.error)
    dialog.status = QLabel()
    dialog.status.setWordWrap(True)
    layout.addWidget(dialog.status)


def add_ok_rows(dialog, form, ok_text: str) -> None:
    """A one-action dialog's last rows: the red line for what was refused, then OK (named for the
    book it writes) and Hủy; OK runs dialog.save."""
    from PySide6.QtWidgets import QDialogButtonBox

    dialog.error = QLabel()
    dialog.error.setStyleSheet("color: #b00020")
    dialog.error.setWordWrap(True)
    form.addRow(dialog.error)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(dialog.tr("Hủy"))
    buttons.accepted.connect(dialog.save)
    buttons.rejected.connect(dialog.reject)
    form.addRow(buttons)


def write_then_accept(dialog, write) -> None:
    """write(session) in one transaction of the secret store; its result kept as result_view and
    the dialog closed, or the refusal shown with the clerk's input left in the fields."""
    from app.errors import DomainError

    try:
        with dialog.sstore.Session.begin() as s:
            dialog.result_view = write(s)
    except DomainError as exc:
        dialog.error.setText(exc.message)
        return
    dialog.accept()
