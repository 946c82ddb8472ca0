"""Who holds a key to the secret store (quản trị): give a cleared user their own key, or take it
back — which re-keys the whole store, so the password, or a key once copied, opens nothing any
more. The same services as `vanthu secret grant|revoke`."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QComboBox, QDialog, QFormLayout, QLineEdit,
                               QListWidget, QListWidgetItem, QPushButton, QVBoxLayout)

from app.errors import DomainError
from ui.secrets.dialog_foot import add_foot
from app.security.actor import CLEARANCE_NAMES, ROLE_NAMES


class MembersDialog(QDialog):
    def __init__(self, sstore, parent=None):
        super().__init__(parent)
        self.sstore = sstore
        self.setWindowTitle(self.tr("Người được giao khóa kho văn bản mật"))
        lay = QVBoxLayout(self)
        self.list = QListWidget()
        lay.addWidget(self.list)
        form = QFormLayout()
        self.name = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.clearance = QComboBox()
        for code in ("mat", "toi-mat", "tuyet-mat"):
            self.clearance.addItem(self.tr(CLEARANCE_NAMES[code]), code)
        self.role = QComboBox()
        for code, name in ROLE_NAMES.items():
            self.role.addItem(self.tr(name), code)
        form.addRow(self.tr("Tên đăng nhập:"), self.name)
        form.addRow(self.tr("Mật khẩu mở kho mật:"), self.password)
        form.addRow(self.tr("Độ mật được tiếp cận:"), self.clearance)
        form.addRow(self.tr("Vai trò:"), self.role)
        lay.addLayout(form)
        self.grant_button = QPushButton(self.tr("&Giao khóa"))
        self.grant_button.clicked.connect(self.grant)
        self.revoke_button = QPushButton(self.tr("&Thu hồi khóa người đang chọn (đổi khóa kho)"))
        self.revoke_button.clicked.connect(self.revoke)
        add_foot(self, lay, self.grant_button, self.revoke_button)
        self.refresh()

    def refresh(self) -> None:
        from app.secrets import store as secret_store

        self.list.clear()
        with self.sstore.ReadSession() as s:
            rows = secret_store.members(s)
        for name, role, clearance, active in rows:
            state = self.tr("đang giữ khóa") if active else self.tr("đã thu hồi")
            item = QListWidgetItem(f"{name} · {ROLE_NAMES.get(role, role)} · "
                                   f"{CLEARANCE_NAMES.get(clearance, clearance)} · {state}")
            item.setData(Qt.ItemDataRole.UserRole, name if active else None)
            self.list.addItem(item)

    def grant(self) -> bool:
        from app.secrets import store as secret_store

        try:
            secret_store.grant(self.sstore, self.name.text().strip(), self.password.text(),
                               self.clearance.currentData(), self.role.currentData())
        except DomainError as exc:
            self.error.setText(exc.message)
            return False
        self.error.clear()
        self.status.setText(self.tr("Đã giao khóa kho mật cho %s.") % self.name.text().strip())
        self.password.clear()  # not kept in the window longer than needed
        self.refresh()
        return True

    def revoke(self) -> bool:
        from app.secrets import store as secret_store

        item = self.list.currentItem()
        name = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if not name:
            self.error.setText(self.tr("Chọn một người đang giữ khóa trong danh sách."))
            return False
        try:
            again = secret_store.revoke(self.sstore, name)
        except DomainError as exc:
            self.error.setText(exc.message)
            return False
        self.error.clear()
        text = self.tr("Đã thu hồi khóa của %s; kho mật đã được đổi khóa.") % name
        if again:
            text += " " + self.tr("Cần giao khóa lại cho: %s.") % ", ".join(again)
        self.status.setText(text)
        self.refresh()
        return True
