"""Cài đặt → Người dùng… (quản trị): the users, adding one, role and clearance, disabling,
setting a password. The services refuse anyone else, whatever this dialog shows."""
from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox, QDialog, QFormLayout, QHBoxLayout, QInputDialog, QLabel, QLineEdit, QPushButton,
    QTableWidget, QTableWidgetItem, QVBoxLayout,
)

from app.errors import DomainError
from app.security import users
from app.security.actor import CLEARANCE_NAMES, CLEARANCES, ROLE_NAMES, ROLES

COLUMNS = ("Tên đăng nhập", "Họ và tên", "Vai trò", "Mức mật", "Trạng thái")


def _combo(keys, names) -> QComboBox:
    box = QComboBox()
    for k in keys:
        box.addItem(names[k], k)
    return box


class UsersDialog(QDialog):
    def __init__(self, store, parent=None):
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(self.tr("Người dùng"))
        self.resize(720, 420)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.itemSelectionChanged.connect(self._selected)
        self.role, self.clearance = _combo(ROLES, ROLE_NAMES), _combo(CLEARANCES, CLEARANCE_NAMES)
        self.save = QPushButton(self.tr("&Lưu vai trò và mức mật"), clicked=self.save_selected)
        self.disable = QPushButton(self.tr("&Khóa tài khoản"), clicked=self.disable_selected)
        self.passwd = QPushButton(self.tr("Đặt &mật khẩu…"), clicked=self.password_selected)
        edit = QHBoxLayout()
        for w in (self.role, self.clearance, self.save, self.disable, self.passwd):
            edit.addWidget(w)
        self.new_name, self.new_full, self.new_password = QLineEdit(), QLineEdit(), QLineEdit()
        self.new_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.new_role, self.new_clearance = _combo(ROLES, ROLE_NAMES), _combo(CLEARANCES, CLEARANCE_NAMES)
        form = QFormLayout()
        form.addRow(self.tr("Tên đăng nhập:"), self.new_name)
        form.addRow(self.tr("Họ và tên:"), self.new_full)
        form.addRow(self.tr("Vai trò:"), self.new_role)
        form.addRow(self.tr("Mức mật:"), self.new_clearance)
        form.addRow(self.tr("Mật khẩu:"), self.new_password)
        self.add_button = QPushButton(self.tr("&Thêm người dùng"), clicked=self.add_user)
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(edit)
        layout.addWidget(QLabel(self.tr("<b>Thêm người dùng</b>")))
        layout.addLayout(form)
        layout.addWidget(self.add_button)
        layout.addWidget(self.message)
        self.reload()

    def reload(self) -> None:
        with self.store.ReadSession() as s:
            self.users = users.list_users(s)
        self.table.setRowCount(len(self.users))
        for r, u in enumerate(self.users):
            values = (u.name, u.full_name, ROLE_NAMES[u.role], CLEARANCE_NAMES[u.clearance],
                      self.tr("Đang dùng") if u.active else self.tr("Đã khóa"))
            for c, v in enumerate(values):
                self.table.setItem(r, c, QTableWidgetItem(v))
        self.table.resizeColumnsToContents()
        self._selected()

    def _current(self):
        rows = self.table.selectionModel().selectedRows()
        return self.users[rows[0].row()] if rows else None

    def _selected(self) -> None:
        u = self._current()
        for w in (self.role, self.clearance, self.save, self.disable, self.passwd):
            w.setEnabled(u is not None)
        if u is not None:
            self.role.setCurrentIndex(ROLES.index(u.role))
            self.clearance.setCurrentIndex(CLEARANCES.index(u.clearance))

    def _do(self, fn, done: str) -> bool:
        try:
            with self.store.Session.begin() as s:
                fn(s)
        except DomainError as exc:
            self.message.setText(f"<span style='color:#b00020'>{exc.message}</span>")
            return False
        self.message.setText(done)
        self.reload()
        return True

    def add_user(self) -> None:
        name = self.new_name.text()
        if self._do(lambda s: users.add(s, name, self.new_password.text(), self.new_role.currentData(),
                                        self.new_clearance.currentData(), self.new_full.text()),
                    self.tr("Đã thêm người dùng “%s”.") % name):
            for w in (self.new_name, self.new_full, self.new_password):
                w.clear()

    def save_selected(self) -> None:
        u = self._current()
        clearance = self.clearance.currentData()
        if self._do(lambda s: users.change(s, u.name, role=self.role.currentData(), clearance=clearance),
                    self.tr("Đã lưu thay đổi của “%s”.") % u.name) and clearance == "none":
            self._take_secret_key(u.name)

    def disable_selected(self) -> None:
        u = self._current()
        if self._do(lambda s: users.disable(s, u.name), self.tr("Đã khóa tài khoản “%s”.") % u.name):
            self._take_secret_key(u.name)

    def _take_secret_key(self, name: str) -> None:
        """A user locked out or cleared for nothing loses their key to the open secret store at
        once (the store is re-keyed): the services refuse them already, and a key they kept
        would open the file itself."""
        from app.secrets import store as secret_store

        sstore = getattr(getattr(self.parent(), "secret_panel", None), "sstore", None)
        if sstore is None:
            return
        with sstore.ReadSession() as s:
            holders = {m[0] for m in secret_store.members(s) if m[3]}
        if name not in holders:
            return
        try:
            secret_store.revoke(sstore, name)
        except DomainError as exc:
            self.message.setText(self.message.text() + f"<br><span style='color:#b00020'>{exc.message}</span>")
            return
        self.message.setText(self.message.text() + self.tr(
            "<br>Đã thu hồi khóa kho văn bản mật của “%s” (kho đã được đổi khóa).") % name)

    def password_selected(self, _checked=False, *, password: str | None = None) -> None:
        u = self._current()
        if password is None:
            password, ok = QInputDialog.getText(self, self.tr("Đặt mật khẩu"),
                                                self.tr("Mật khẩu mới cho “%s”:") % u.name,
                                                QLineEdit.EchoMode.Password)
            if not ok:
                return
        self._do(lambda s: users.set_password(s, u.name, password),
                 self.tr("Đã đặt mật khẩu mới cho “%s”.") % u.name)
