"""The lock: after the idle time and on Ctrl+L the window hides behind the password."""
import pytest
from PySide6.QtCore import Qt

from app.security import access, audit, users
from ui.main_window import MainWindow
from ui.security.lock import IdleLock


@pytest.fixture
def clerk(state_store):
    with state_store.Session.begin() as s:
        users.add(s, "admin", "quantri-123", "quan-tri")
    users.login(state_store, "admin", "quantri-123")
    with state_store.Session.begin() as s:
        users.add(s, "lan", "vanthu-123", "van-thu")
    users.login(state_store, "lan", "vanthu-123")
    return state_store


def _kinds(store):
    with store.ReadSession() as s:
        return [k for (k,) in s.execute(audit.text("SELECT kind FROM audit_event ORDER BY id"))]


def test_ctrl_l_locks_and_the_password_unlocks(qtbot, runner, clerk, settings):
    win = MainWindow(clerk, runner, settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitActive(win)
    win.current_tab().view.setFocus()
    qtbot.keyClick(win.current_tab().view, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    lock = win.security.lock
    assert lock.locked and not win.centralWidget().isVisible()
    assert lock.dialog.name.currentText() == "lan" and not lock.dialog.name.isEnabled()
    lock.dialog.password.setText("sai")
    lock.dialog.ok.click()
    assert lock.locked and "Sai mật khẩu" in lock.dialog.message.text()
    lock.dialog.password.setText("vanthu-123")
    lock.dialog.ok.click()
    assert not lock.locked and win.centralWidget().isVisible()
    assert _kinds(clerk)[-4:] == ["lock", "login_failed", "login", "unlock"]
    with clerk.ReadSession() as s:
        assert access.actor(s).name == "lan"


def test_idle_time_locks(qtbot, runner, clerk, settings):
    win = MainWindow(clerk, runner, settings)
    qtbot.addWidget(win)
    win.show()
    win.security.lock.deleteLater()
    idle = IdleLock(win, idle_minutes=0.3 / 60)  # 0.3 s for the test
    qtbot.waitUntil(lambda: idle.locked, timeout=3000)
    assert not win.centralWidget().isVisible()
    idle.dialog.password.setText("vanthu-123")
    idle.dialog.ok.click()
    assert not idle.locked and win.centralWidget().isVisible()
    idle.timer.stop()


def test_without_users_nothing_locks(qtbot, runner, state_store, settings):
    win = MainWindow(state_store, runner, settings)
    qtbot.addWidget(win)
    win.security.lock.lock()
    assert not win.security.lock.locked
