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
