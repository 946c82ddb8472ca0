"""The login dialog at start (and, with `locked_user`, the lock screen), and the dialog that
creates the first administrator. Five wrong passwords: the button waits 30 s, counting down."""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout,
)

from app.errors import DomainError
from app.security import access, users
from app.security.actor import Actor


class LoginDialog(QDialog):
    def __init__(self, store, parent=None, *, locked_user: str | None = None):
        super().__init__(parent)
        self.store, self.actor = store, None
        self.locked_user = locked_user
        self.setWindowTitle(self.tr("Màn hình đã khóa") if locked_user else self.tr("Đăng nhập"))
        self.name = QComboBox()
        self.name.setEditable(True)
        with store.ReadSession() as s:
            known = [u.name for u in users.list_users(s) if u.active]
        self.name.addItems([locked_user] if locked_user else known)
        self.name.setEnabled(not locked_user)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020")
        form = QFormLayout()
        form.addRow(self.tr("&Người dùng:"), self.name)
        form.addRow(self.tr("&Mật khẩu:"), self.password)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Mở khóa") if locked_user else self.tr("Đăng nhập"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            self.tr("Thoát chương trình") if locked_user else self.tr("Thoát"))
        self.buttons.accepted.connect(self.try_login)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if locked_user:
            layout.addWidget(QLabel(self.tr("Phiên làm việc của “%s” đã khóa. Nhập mật khẩu để "
                                            "tiếp tục.") % locked_user))
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self._left = 0
        self._timer = QTimer(self, interval=1000)
        self._timer.timeout.connect(self._tick)
        self.password.setFocus()

    def try_login(self) -> None:
        try:
            self.actor = users.login(self.store, self.name.currentText(), self.password.text())
        except users.LoginFailed as exc:
            self.password.clear()
            self.message.setText(exc.message)
            if exc.wait_seconds:
                self._wait(exc.wait_seconds)
            return
        except DomainError as exc:
            self.message.setText(exc.message)
            return
        self.accept()

    def _wait(self, seconds: int) -> None:
        self._left = seconds
        self.ok.setEnabled(False)
        self._timer.start()
        self._tick(count=False)

    def _tick(self, count: bool = True) -> None:
        if count:
            self._left -= 1
        if self._left <= 0:
            self._timer.stop()
            self.ok.setEnabled(True)
            self.ok.setText(self.tr("Mở khóa") if self.locked_user else self.tr("Đăng nhập"))
            return
        self.ok.setText(self.tr("Đợi %d giây") % self._left)

    def keyPressEvent(self, event) -> None:
        if self.locked_user and event.key() == Qt.Key.Key_Escape:
            return  # Esc must not get past the lock
        super().keyPressEvent(event)


class FirstAdminDialog(QDialog):
    """First start: whoever sets the program up becomes its administrator (quản trị)."""

    def __init__(self, store, parent=None):
        super().__init__(parent)
        self.store, self.actor = store, None
        self.setWindowTitle(self.tr("Tạo tài khoản quản trị"))
        self.name = QLineEdit("quantri")
        self.full_name = QLineEdit()
        self.password, self.again = QLineEdit(), QLineEdit()
        for w in (self.password, self.again):
            w.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020")
        form = QFormLayout()
        form.addRow(self.tr("Tên đăng nhập:"), self.name)
        form.addRow(self.tr("Họ và tên:"), self.full_name)
        form.addRow(self.tr("Mật khẩu:"), self.password)
        form.addRow(self.tr("Nhập lại mật khẩu:"), self.again)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.create)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Lần đầu sử dụng: tạo tài khoản quản trị (quản lý người dùng, "
                                        "cài đặt, khôi phục). Sau đó thêm tài khoản văn thư.")))
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def create(self) -> None:
        if self.password.text() != self.again.text():
            self.message.setText(self.tr("Hai lần nhập mật khẩu không giống nhau."))
            return
        try:
            with self.store.Session.begin() as s:
                users.add(s, self.name.text(), self.password.text(), "quan-tri",
                          full_name=self.full_name.text())
            self.actor = users.login(self.store, self.name.text(), self.password.text())
        except DomainError as exc:
            self.message.setText(exc.message)
            return
        self.accept()


def login_at_start(store, parent=None) -> Actor | None | bool:
    """The Actor logged in (the first run creates the administrator and logs them in);
    False when the user gave up (the program should end)."""
    if not users.needs_login(store):
        dialog = FirstAdminDialog(store, parent)
        return dialog.actor if dialog.exec() else False
    dialog = LoginDialog(store, parent)
    if not dialog.exec():
        return False
    access.set_actor(store, dialog.actor)
    return dialog.actor


def switched_data_dir():
    """A folder restored from a backup and chosen for the next start (Tệp → Khôi phục…), unless
    VANTHU_DATA_DIR says otherwise; None: the usual data folder."""
    import os
    from pathlib import Path

    from ui.security import settings as SS
    from ui.settings import Settings

    if os.environ.get("VANTHU_DATA_DIR"):
        return None
    chosen = Settings().get(SS.SWITCH_TO)
    return Path(chosen) if chosen and Path(chosen).is_dir() else None
