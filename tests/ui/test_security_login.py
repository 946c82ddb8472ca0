"""The login dialog: right and wrong passwords, the 30-second wait, the first administrator."""
import datetime as dt

import pytest
from PySide6.QtWidgets import QDialog

from app.security import access, users
from ui.security.login_dialog import FirstAdminDialog, LoginDialog


@pytest.fixture
def office(state_store):
    with state_store.Session.begin() as s:
        users.add(s, "admin", "quantri-123", "quan-tri")
    users.login(state_store, "admin", "quantri-123")
    with state_store.Session.begin() as s:
        users.add(s, "lan", "vanthu-123", "van-thu")
    access.set_actor(state_store, None)
    return state_store


def test_login_with_the_right_password(qtbot, office):
    d = LoginDialog(office)
    qtbot.addWidget(d)
    assert [d.name.itemText(i) for i in range(d.name.count())] == ["admin", "lan"]
    d.name.setCurrentText("lan")
    d.password.setText("vanthu-123")
    d.ok.click()
    assert d.result() == QDialog.DialogCode.Accepted and d.actor.name == "lan"
    with office.ReadSession() as s:
        assert access.actor(s).role == "van-thu"


def test_wrong_passwords_then_the_button_waits(qtbot, office):
    d = LoginDialog(office)
    qtbot.addWidget(d)
    d.name.setCurrentText("lan")
    for i in range(1, 5):
        d.password.setText("sai")
        d.ok.click()
        assert f"lần {i}" in d.message.text() and d.ok.isEnabled()
    d.password.setText("sai")
    d.ok.click()
    assert "30 giây" in d.message.text() and not d.ok.isEnabled()
    assert d.ok.text().startswith("Đợi")
    assert d.result() != QDialog.DialogCode.Accepted and d.actor is None


def test_first_run_creates_the_administrator(qtbot, state_store):
    d = FirstAdminDialog(state_store)
    qtbot.addWidget(d)
    d.name.setText("quantri")
    d.password.setText("mat-khau-1")
    d.again.setText("mat-khau-2")
    d.create()
    assert "không giống" in d.message.text() and not users.needs_login(state_store)
    d.again.setText("mat-khau-1")
    d.create()
    assert d.actor.role == "quan-tri" and users.needs_login(state_store)
