"""Users and login: argon2id hashes, the five-failure wait, disabled users, who may manage whom."""
import datetime as dt
import sqlite3

import pytest

from app.errors import ValidationError
from app.security import access, audit, users
from app.security.access import LoginRequired, NotAllowed
from app.security.users import LoginFailed


@pytest.fixture
def office(store):
    with store.Session.begin() as s:
        users.add(s, "admin", "quantri-123", "quan-tri")
    users.login(store, "admin", "quantri-123")
    with store.Session.begin() as s:
        users.add(s, "lan", "vanthu-123", "van-thu", clearance="mat")
        users.add(s, "hung", "lanhdao-123", "lanh-dao")
    access.set_actor(store, None)
    return store


def test_password_is_kept_only_as_an_argon2id_hash(office):
    con = sqlite3.connect(office.data_dir / "vanthu.sqlite3")
    stored = con.execute("SELECT password_hash FROM app_user WHERE name='lan'").fetchone()[0]
    con.close()
    assert stored.startswith("$argon2id$") and "vanthu-123" not in stored


def test_login_acts_as_the_user_and_logs_it(office):
    who = users.login(office, "lan", "vanthu-123")
    assert (who.name, who.role, who.clearance) == ("lan", "van-thu", "mat")
    with office.ReadSession() as s:
        assert access.actor(s) == who
        assert access.user_name(s) == "lan"
        last = s.execute(audit.text("SELECT kind, user FROM audit_event ORDER BY id DESC LIMIT 1")).one()
    assert tuple(last) == ("login", "lan")


def test_five_wrong_passwords_make_the_next_try_wait_30_seconds(office):
    t0 = dt.datetime(2026, 12, 1, 9, 0, 0)
    for i in range(1, 5):
        with pytest.raises(LoginFailed, match=f"lần {i}"):
            users.login(office, "lan", "sai", now=t0)
    with pytest.raises(LoginFailed) as fifth:
        users.login(office, "lan", "sai", now=t0)
    assert fifth.value.wait_seconds == 30
    with pytest.raises(LoginFailed, match="thử lại sau"):  # even the right password waits
        users.login(office, "lan", "vanthu-123", now=t0 + dt.timedelta(seconds=20))
    assert users.login(office, "lan", "vanthu-123", now=t0 + dt.timedelta(seconds=31)).name == "lan"
    with office.ReadSession() as s:
        failed = s.execute(audit.text("SELECT count(*) FROM audit_event WHERE kind='login_failed' "
                                      "AND user='lan'")).scalar()
    assert failed == 5


def test_disabled_and_unknown_users_cannot_log_in(office):
    users.login(office, "admin", "quantri-123")
    with office.Session.begin() as s:
        users.disable(s, "hung")
    with pytest.raises(LoginFailed, match="đã bị khóa"):
        users.login(office, "hung", "lanhdao-123")
    with pytest.raises(LoginFailed, match="Không có người dùng"):
        users.login(office, "ai", "x")


def test_only_the_administrator_manages_users(office):
    users.login(office, "lan", "vanthu-123")
    with pytest.raises(NotAllowed):
        with office.Session.begin() as s:
            users.add(s, "x", "password-1", "van-thu")
    with office.Session.begin() as s:  # but everyone changes their own password
        users.set_password(s, "lan", "moi-mat-khau")
    with pytest.raises(NotAllowed):
        with office.Session.begin() as s:
            users.set_password(s, "hung", "moi-mat-khau")
    assert users.login(office, "lan", "moi-mat-khau").name == "lan"
    access.set_actor(office, None)
    with pytest.raises(LoginRequired):
        with office.Session.begin() as s:
            users.disable(s, "lan")


def test_bad_input(office):
    users.login(office, "admin", "quantri-123")
    for kw, field in ((dict(name="lan"), "name"), (dict(name="có dấu cách"), "name"),
                      (dict(password="ngắn"), "password"), (dict(role="vua"), "role")):
        args = {"name": "moi", "password": "password-1", "role": "van-thu", **kw}
        with pytest.raises(ValidationError) as e:
            with office.Session.begin() as s:
                users.add(s, **args)
        assert field in e.value.errors
