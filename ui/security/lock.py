"""Locks the session after the idle time (setting, minutes) and on Ctrl+L: the window is
hidden behind the lock dialog until the same user's password is given again."""
from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from app.security import access, audit
from ui.security import settings as SS

INPUT_EVENTS = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
                QEvent.Type.Wheel, QEvent.Type.TouchBegin}


class IdleLock(QObject):
    def __init__(self, window, idle_minutes: float | None = None):
        super().__init__(window)
        self.window = window
        self.store = window.store
        minutes = window.settings.get(SS.IDLE_MINUTES) if idle_minutes is None else idle_minutes
        self.idle_seconds = minutes * 60
        self.last_input = time.monotonic()
        self.locked = False
        self.dialog = None
        QApplication.instance().installEventFilter(self)
        self.timer = QTimer(self, interval=5000 if self.idle_seconds >= 60 else 200)
        self.timer.timeout.connect(self._check)
        if self.idle_seconds > 0:
            self.timer.start()

    def eventFilter(self, obj, event) -> bool:
        if event.type() in INPUT_EVENTS and not self.locked:
            self.last_input = time.monotonic()
            # Ctrl+L also where the menu's shortcut does not reach (a dialog of the window open).
            if (event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_L
                    and event.modifiers() == Qt.KeyboardModifier.ControlModifier
                    and self.window.isAncestorOf(obj) if isinstance(obj, QWidget) else False):
                self.lock()
                return True
        return False

    def _check(self) -> None:
        if not self.locked and time.monotonic() - self.last_input >= self.idle_seconds:
            self.lock()

    def _actor(self):
        with self.store.ReadSession() as s:
            return access.actor(s)

    def lock(self) -> None:
        who = self._actor()
        if self.locked or who is None:
            return  # nobody logged in (no users yet): nothing to lock
        from ui.security.login_dialog import LoginDialog

        self.locked = True
        with self.store.Session.begin() as s:
            audit.record(s, "lock")
        self.window.centralWidget().setVisible(False)  # nothing readable behind the dialog
        self.dialog = LoginDialog(self.store, self.window, locked_user=who.name)
        self.dialog.finished.connect(self._finished)
        self.dialog.open()

    def _finished(self, result: int) -> None:
        self.dialog = None
        if not result:  # "Thoát chương trình" from the lock screen
            access.set_actor(self.store, None)
            self.window.close()
            return
        self.locked = False
        self.last_input = time.monotonic()
        self.window.centralWidget().setVisible(True)
        with self.store.Session.begin() as s:
            audit.record(s, "unlock")
