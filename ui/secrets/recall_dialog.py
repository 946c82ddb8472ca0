"""Thu hồi: everything one official holds, listed as minutes, each line ticked as returned;
the holding clears only when every line is back or accounted for."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QDialog, QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem,
                               QPushButton, QVBoxLayout)

from app.errors import DomainError


class RecallDialog(QDialog):
    def __init__(self, sstore, parent=None):
        super().__init__(parent)
        self.sstore, self.recall = sstore, None
        self.setWindowTitle(self.tr("Thu hồi tài liệu mật của người nghỉ hưu, chuyển công tác"))
        lay = QVBoxLayout(self)
        row = QHBoxLayout()
        self.person = QLineEdit()
        self.person.setPlaceholderText(self.tr("Họ tên người giữ tài liệu"))
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Lý do (nghỉ hưu, chuyển công tác…)"))
        self.open_button = QPushButton(self.tr("&Lập danh sách thu hồi"))
        self.open_button.clicked.connect(self.open_recall)
        for w in (self.person, self.reason, self.open_button):
            row.addWidget(w)
        lay.addLayout(row)
        self.lines = QListWidget()
        lay.addWidget(self.lines)
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("Ghi chú khi không trả được (vd. đã tiêu hủy theo biên bản số …)"))
        lay.addWidget(self.note)
        self.tick_button = QPushButton(self.tr("Đánh dấu &đã trả"))
        self.tick_button.clicked.connect(self.tick_selected)
        self.tick_button.setEnabled(False)
        lay.addWidget(self.tick_button)
        self.status = QLabel()
        self.status.setWordWrap(True)
        lay.addWidget(self.status)

    def open_recall(self) -> None:
        from app.secrets import recall

        try:
            with self.sstore.Session.begin() as s:
                self.recall = recall.open_recall(s, self.person.text(), self.reason.text())
        except DomainError as exc:
            self.status.setText(exc.message)
            return
        self._show()

    def tick_selected(self) -> None:
        from app.secrets import recall

        current = self.lines.currentItem()
        if current is None or current.data(Qt.ItemDataRole.UserRole) is None:
            return
        try:
            with self.sstore.Session.begin() as s:
                self.recall = recall.tick(s, current.data(Qt.ItemDataRole.UserRole), note=self.note.text())
        except DomainError as exc:
            self.status.setText(exc.message)
            return
        self._show()

    def _show(self) -> None:
        r = self.recall
        self.lines.clear()
        for t in r.items:
            done = f" — đã trả {t.returned_on:%d/%m/%Y} ({t.return_note})" if t.returned_on else ""
            item = QListWidgetItem(f"{t.label} · {t.secrecy} · {t.copies} bản · giao {t.on:%d/%m/%Y}{done}")
            item.setData(Qt.ItemDataRole.UserRole, None if t.returned_on else t.id)
            self.lines.addItem(item)
        self.tick_button.setEnabled(r.outstanding > 0)
        self.status.setText(self.tr("Đã thu hồi đủ; biên bản khép lại.") if r.closed_on else
                            self.tr("Còn %s tài liệu chưa trả.") % r.outstanding)
