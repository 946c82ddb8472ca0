"""install_security(window): menus, the lock, the chain check at start and the weekly integrity
check (both on the task runner, a red warning in the status bar when they fail), the daily and
at-exit backups, and secret tabs hidden from users without clearance."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QLabel, QMessageBox

from app.catalogue import BOOKS
from app.security import access, verify
from ui.security import settings as SS
from ui.security.lock import IdleLock

WARNING_STYLE = "QLabel { color: white; background: #c62828; padding: 1px 6px; font-weight: bold; }"
CHECK_EVERY = dt.timedelta(days=7)
START_DELAY_MS = 5000
# Menu items (their text without the Alt mark) that write into the books, or print / export.
WRITE_ITEMS = ("Đăng ký", "Lấy số", "Hủy số", "Dùng số", "Nhập từ bản quét", "Lập hồ sơ", "Đóng hồ sơ",
               "Giao nộp", "Nhập từ Excel", "Cơ quan", "Danh mục")
PRINT_ITEMS = ("In ", "Xuất")


def back_up(window, folder: Path, keep: int):
    """The plain store, and the secret store when it is open in this window: one backup for the
    clerk, two files on the medium (the secret one stays encrypted, app/secrets/backup.py)."""
    import dataclasses

    from app.errors import DomainError
    from app.security.backup import backup

    result = backup(window.store, Path(folder), keep)
    sstore = getattr(getattr(window, "secret_panel", None), "sstore", None)
    if sstore is None:
        return result
    from app.secrets import backup as secret_backup
    try:
        secret_backup.backup(sstore, Path(folder), keep=keep)
    except DomainError as exc:  # the ordinary backup stands; the clerk is told about the other
        return dataclasses.replace(result, warnings=(*result.warnings, "Kho mật: " + exc.message))
    return dataclasses.replace(result, secret=True)


class SecurityActions(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window, self.store, self.runner = window, window.store, window.runner
        self.dialogs: dict[str, object] = {}
        with self.store.ReadSession() as s:
            self.actor = access.actor(s)
        self.warning = QLabel()
        self.warning.setStyleSheet(WARNING_STYLE)
        self.warning.hide()
        window.statusBar().addWidget(self.warning)
        self.lock = IdleLock(window)
        self._menus()
        self._hide_secret_tabs()
        window.installEventFilter(self)
        QTimer.singleShot(0, self, self.limit_menus)  # once every capability has added its items

    def _menus(self) -> None:
        w = self.window
        file_menu = w.menu(w.tr("Tệp"))
        last = file_menu.actions()[-1] if file_menu.actions() else None  # keep "Thoát" last
        mine = [("&Sao lưu…", None, self.open_backup), ("&Khôi phục từ bản sao lưu…", None, self.open_restore),
                ("&Khóa màn hình", QKeySequence("Ctrl+L"), self.lock.lock)]
        for text, key, slot in mine:
            action = file_menu.addAction(self.tr(text), slot)
            if key is not None:
                action.setShortcut(key)
            if last is not None:
                file_menu.removeAction(action)
                file_menu.insertAction(last, action)
        self.lock_action = [a for a in file_menu.actions() if a.shortcut() == QKeySequence("Ctrl+L")][0]
        w.addAction(self.lock_action)  # Ctrl+L wherever the focus is in the window
        settings_menu = w.menu(w.tr("Cài đặt"))
        settings_menu.addSeparator()
        self.users_action = settings_menu.addAction(self.tr("&Người dùng…"), self.open_users)
        self.users_action.setEnabled(access.allowed(self.actor, "admin"))
        settings_menu.addAction(self.tr("Nhật ký &sự kiện…"), self.open_events)
        settings_menu.addAction(self.tr("Kiểm tra &toàn vẹn dữ liệu"), lambda: self.run_check(manual=True))

    def _hide_secret_tabs(self) -> None:
        if self.actor is None or self.actor.clearance != "none":
            return
        for key, _name, _direction, secret in BOOKS:
            if secret:
                tab = self.window.register_tab(key)
                self.window.tabs.setTabVisible(self.window.tabs.indexOf(tab), False)

    def limit_menus(self) -> None:
        """Greys what the user's role may not do; the services refuse it anyway."""
        if self.actor is None:
            return
        can_write, can_print = access.allowed(self.actor, "write"), access.allowed(self.actor, "print")
        for top in self.window.menuBar().actions():
            menu = top.menu()
            for action in menu.actions() if menu is not None else []:
                text = action.text().replace("&", "")
                if (not can_write and text.startswith(WRITE_ITEMS)) or (not can_print and text.startswith(PRINT_ITEMS)):
                    action.setEnabled(False)

    # --- background checks ---------------------------------------------------------------------
    def start(self) -> None:
        self.runner.query(verify.verify, self._verified, self._check_failed)
        if settings_failed := self.window.settings.get(SS.BACKUP_FAILED):
            self._warn(self.tr("Lần sao lưu khi thoát trước không thành: %s") % settings_failed)
        settings, today = self.window.settings, dt.date.today()
        last = settings.get(SS.LAST_CHECK)
        # The longer jobs wait until the first rows are on screen.
        if not last or today - dt.date.fromisoformat(last) >= CHECK_EVERY:
            QTimer.singleShot(START_DELAY_MS, self, self.run_check)
        if settings.get(SS.BACKUP_FOLDER) and settings.get(SS.LAST_AUTO_BACKUP) != today.isoformat():
            QTimer.singleShot(START_DELAY_MS, self, self.auto_backup)

    def _warn(self, text: str) -> None:
        self.warning.setText("⚠ " + text)
        self.warning.setToolTip(text)
        self.warning.show()

    def _verified(self, verdict) -> None:
        if not verdict.ok:
            self._warn(self.tr("Nhật ký không nguyên vẹn: %s") % verdict.problems[0])

    def _check_failed(self, exc: BaseException) -> None:
        self._warn(self.tr("Không kiểm tra được dữ liệu: %s") % getattr(exc, "message", exc))

    def run_check(self, manual: bool = False) -> None:
        from app.security.check import run_check

        store = self.store
        self.runner.query(lambda _s: run_check(store), lambda p: self._checked(p, manual),
                          self._check_failed)

    def _checked(self, problems: list[str], manual: bool) -> None:
        self.window.settings.set(SS.LAST_CHECK, dt.date.today().isoformat())
        self.last_problems = problems
        if problems:
            self._warn(self.tr("Kiểm tra dữ liệu: %d vấn đề — %s") % (len(problems), problems[0]))
        if manual:
            text = "\n".join(problems) if problems else self.tr("Không phát hiện vấn đề nào.")
            QMessageBox.information(self.window, self.tr("Kiểm tra toàn vẹn dữ liệu"), text)

    # --- backups -------------------------------------------------------------------------------
    def auto_backup(self, wait: bool = False) -> None:
        settings, window = self.window.settings, self.window
        folder, keep = settings.get(SS.BACKUP_FOLDER), settings.get(SS.BACKUP_KEEP)
        if not folder:
            return
        if wait:  # at exit: the window is going, so no thread to come back to
            try:
                back_up(window, Path(folder), keep)
                settings.set(SS.BACKUP_FAILED, "")
            except Exception as exc:  # noqa: BLE001  (a failed backup must not stop the exit)
                # No dialog while the window goes: the next start shows it in red.
                settings.set(SS.BACKUP_FAILED, str(getattr(exc, "message", exc)))
            return
        self.runner.query(lambda _s: back_up(window, Path(folder), keep), self._backed_up,
                          lambda exc: self._warn(self.tr("Sao lưu tự động thất bại: %s")
                                                 % getattr(exc, "message", exc)))

    def _backed_up(self, result) -> None:
        self.window.settings.set(SS.BACKUP_FAILED, "")
        self.window.settings.set(SS.LAST_AUTO_BACKUP, dt.date.today().isoformat())
        self.window.statusBar().showMessage(self.tr("Đã sao lưu vào %s") % result.path, 8000)
        if result.warnings:
            self._warn(self.tr("Sao lưu: %s") % result.warnings[0])

    def eventFilter(self, obj, event) -> bool:
        if obj is self.window and event.type() == QEvent.Type.Close and not getattr(self, "_closing", False):
            self._closing = True
            self.auto_backup(wait=True)
        return False

    # --- dialogs -------------------------------------------------------------------------------
    def _open(self, key: str, make) -> None:
        dialog = make()
        self.dialogs[key] = dialog
        dialog.open()

    def open_backup(self) -> None:
        from ui.security.backup_dialog import BackupDialog
        self._open("backup", lambda: BackupDialog(self.window))

    def open_restore(self) -> None:
        if not access.allowed(self.actor, "admin"):
            QMessageBox.information(self.window, self.tr("Khôi phục"),
                                    self.tr("Chỉ người quản trị được khôi phục dữ liệu."))
            return
        from ui.security.backup_dialog import RestoreDialog
        self._open("restore", lambda: RestoreDialog(self.window))

    def open_users(self) -> None:
        from ui.security.users_dialog import UsersDialog
        self._open("users", lambda: UsersDialog(self.store, self.window))

    def open_events(self) -> None:
        from ui.security.events_dialog import EventsDialog
        self._open("events", lambda: EventsDialog(self.runner, self.window))


def install_security(window) -> SecurityActions:
    actions = SecurityActions(window)
    actions.start()
    return actions
