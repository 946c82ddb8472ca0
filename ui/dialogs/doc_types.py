"""The document-type catalogue of the organisation's regime: names and abbreviations.
Types are never deleted (entries refer to them by name); one can only stop offering them."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QCheckBox, QDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton,
                               QTreeWidget, QTreeWidgetItem, QVBoxLayout)

from app import catalogue, org as org_mod


class DocTypesDialog(QDialog):
    def __init__(self, runner, parent=None):
        super().__init__(parent)
        self.runner = runner
        self.regime = "state"
        self.setWindowTitle(self.tr("Danh mục tên loại văn bản"))
        self.list = QTreeWidget()
        self.list.setHeaderLabels([self.tr("Tên loại"), self.tr("Viết tắt"), self.tr("Dùng")])
        self.list.setRootIsDecorated(False)
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("Tên loại"))
        self.abbr = QLineEdit()
        self.abbr.setPlaceholderText(self.tr("Viết tắt (QĐ, TB…)"))
        self.abbr.setMaximumWidth(120)
        self.active = QCheckBox(self.tr("Đang dùng"))
        self.active.setChecked(True)
        self.save_button = QPushButton(self.tr("Lưu tên loại"))
        self.message = QLabel()
        edit = QHBoxLayout()
        for w in (self.name, self.abbr, self.active, self.save_button):
            edit.addWidget(w)
        close = QPushButton(self.tr("Đóng"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addLayout(edit)
        layout.addWidget(self.message)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignRight)
        self.list.currentItemChanged.connect(self._pick)
        self.save_button.clicked.connect(self.save)
        close.clicked.connect(self.accept)
        self.resize(520, 560)
        self.reload()

    def reload(self) -> None:
        def read(s):
            regime = org_mod.load(s).regime
            return regime, catalogue.doc_types(s, regime, active_only=False)
        self.runner.query(read, self._show)

    def _show(self, result) -> None:
        self.regime, types = result
        self.list.clear()
        for t in types:
            item = QTreeWidgetItem([t.name, t.abbr, self.tr("có") if t.active else self.tr("không")])
            item.setData(0, Qt.ItemDataRole.UserRole, t.active)
            self.list.addTopLevelItem(item)
        self.list.resizeColumnToContents(0)
        self.message.setText(self.tr("Danh mục của chế độ: %s") %
                             (self.tr("Đảng") if self.regime == "party" else self.tr("Nhà nước")))

    def _pick(self, item, _previous=None) -> None:
        if item is not None:
            self.name.setText(item.text(0))
            self.abbr.setText(item.text(1))
            self.active.setChecked(bool(item.data(0, Qt.ItemDataRole.UserRole)))

    def save(self) -> None:
        name, abbr, active = self.name.text().strip(), self.abbr.text().strip(), self.active.isChecked()
        if not name:
            self.message.setText(self.tr("Cần nhập tên loại."))
            self.name.setFocus()
            return
        self.runner.write(lambda s: catalogue.save_doc_type(s, self.regime, name, abbr, active),
                          lambda _: self.reload(), owner=self)
