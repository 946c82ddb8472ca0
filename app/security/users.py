"""Users: add, list, disable, change password, log in. Passwords are kept only as argon2id
hashes (argon2-cffi). Five wrong passwords in a row make the next try wait 30 seconds; the wait
is kept in the file, so a second program or the command line waits too."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import DomainError, ValidationError
from app.security import access, audit
from app.security.actor import CLEARANCES, ROLES, Actor
from app.text import nfc
from db.models_security import User

MAX_FAILURES = 5
WAIT = dt.timedelta(seconds=30)
MIN_PASSWORD = 8
_hasher = PasswordHasher()  # argon2id, the library's recommended cost (~50 ms here)


class LoginFailed(DomainError):
    def __init__(self, message: str, wait_seconds: int = 0):
        super().__init__(message)
        self.wait_seconds = wait_seconds


@dataclass(frozen=True)
class UserView:
    name: str
    full_name: str
    role: str
    clearance: str
    active: bool
    created_at: dt.datetime

    def actor(self) -> Actor:
        return Actor(self.name, self.role, self.clearance)


def _view(u: User) -> UserView:
    return UserView(u.name, u.full_name, u.role, u.clearance, u.active, u.created_at)


def _find(session: Session, name: str) -> User | None:
    return session.scalar(select(User).where(User.name == nfc(name).strip()))


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise ValidationError({"password": f"Mật khẩu cần ít nhất {MIN_PASSWORD} ký tự."})


def add(session: Session, name: str, password: str, role: str, clearance: str = "none",
        full_name: str = "") -> UserView:
    """The very first user must be quản trị and needs no login; after that only quản trị adds."""
    first = not access.has_users(session)
    if first and role != "quan-tri":
        raise ValidationError({"role": "Người dùng đầu tiên phải là quản trị (--role quan-tri)."})
    if not first:
        access.require(session, "admin")
    name = nfc(name).strip()
    if not name or len(name) > 64 or any(ch.isspace() for ch in name):
        raise ValidationError({"name": "Tên đăng nhập không được trống hay có dấu cách."})
    if role not in ROLES:
        raise ValidationError({"role": f"Vai trò phải là một trong: {', '.join(ROLES)}."})
    if clearance not in CLEARANCES:
        raise ValidationError({"clearance": f"Mức mật phải là một trong: {', '.join(CLEARANCES[1:])}."})
    if _find(session, name) is not None:
        raise ValidationError({"name": f"Đã có người dùng “{name}”."})
    _check_password(password)
    u = User(name=name, full_name=nfc(full_name), role=role, clearance=clearance,
             password_hash=_hasher.hash(password), active=True, created_at=dt.datetime.now(), failures=0)
    session.add(u)
    session.flush()
    audit.record(session, "user_add", details={"user": name, "role": role, "clearance": clearance},
                 user=access.actor(session).name if access.actor(session) else name)
    return _view(u)


def list_users(session: Session) -> list[UserView]:
    return [_view(u) for u in session.scalars(select(User).order_by(User.name))]


def _existing(session: Session, name: str) -> User:
    u = _find(session, name)
    if u is None:
        raise ValidationError({"name": f"Không có người dùng “{name}”."})
    return u


def disable(session: Session, name: str) -> UserView:
    who = access.require(session, "admin")
    u = _existing(session, name)
    if who is not None and u.name == who.name:
        raise ValidationError({"name": "Không thể tự khóa tài khoản đang dùng."})
    u.active = False
    audit.record(session, "user_disable", details={"user": u.name})
    return _view(u)


def change(session: Session, name: str, *, role: str | None = None, clearance: str | None = None,
           active: bool | None = None) -> UserView:
    access.require(session, "admin")
    u = _existing(session, name)
    if role is not None and role not in ROLES or clearance is not None and clearance not in CLEARANCES:
        raise ValidationError({"role": "Vai trò hoặc mức mật không hợp lệ."})
    before = {"role": u.role, "clearance": u.clearance, "active": u.active}
    u.role, u.clearance = role or u.role, clearance or u.clearance
    u.active = u.active if active is None else active
    audit.record(session, "user_change", details={"user": u.name, "before": before,
                                                   "after": {"role": u.role, "clearance": u.clearance,
                                                             "active": u.active}})
    return _view(u)


def set_password(session: Session, name: str, password: str) -> None:
    """Quản trị sets anyone's password; everyone else only their own."""
    who = access.actor(session)
    if who is None or who.name != nfc(name).strip():
        access.require(session, "admin")
    u = _existing(session, name)
    _check_password(password)
    u.password_hash, u.failures, u.wait_until = _hasher.hash(password), 0, None
    audit.record(session, "user_passwd", details={"user": u.name})


def authenticate(session: Session, name: str, password: str, now: dt.datetime | None = None):
    """Actor on success; otherwise a LoginFailed to raise *after* the caller has committed, so
    the failure count and the logged event are kept."""
    now = now or dt.datetime.now()
    u = _find(session, name)
    if u is None or not u.active:
        audit.record(session, "login_failed", details={"user": name, "why": "unknown" if u is None
                                                        else "disabled"}, user=nfc(name).strip())
        if u is None:
            return LoginFailed(f"Không có người dùng “{name}”.")
        return LoginFailed(f"Tài khoản “{u.name}” đã bị khóa; hãy hỏi người quản trị.")
    if u.wait_until and now < u.wait_until:
        left = int((u.wait_until - now).total_seconds()) + 1
        return LoginFailed(f"Đã nhập sai mật khẩu {MAX_FAILURES} lần; thử lại sau {left} giây.", left)
    try:
        _hasher.verify(u.password_hash, password)
    except (VerificationError, InvalidHashError):
        u.failures += 1
        wait = u.failures % MAX_FAILURES == 0
        u.wait_until = now + WAIT if wait else None
        audit.record(session, "login_failed", details={"user": u.name, "failures": u.failures},
                     user=u.name)
        if wait:
            return LoginFailed(f"Sai mật khẩu {u.failures} lần liền; hãy đợi 30 giây rồi thử lại.", 30)
        return LoginFailed(f"Sai mật khẩu (lần {u.failures}).")
    if _hasher.check_needs_rehash(u.password_hash):
        u.password_hash = _hasher.hash(password)
    u.failures, u.wait_until = 0, None
    audit.record(session, "login", user=u.name)
    return Actor(u.name, u.role, u.clearance)


def login(store, name: str, password: str, now: dt.datetime | None = None) -> Actor:
    """Checks the password in a transaction of its own and makes the store act as that user."""
    access.set_actor(store, None)
    with store.Session.begin() as s:
        outcome = authenticate(s, name, password, now)
    if isinstance(outcome, LoginFailed):
        raise outcome
    access.set_actor(store, outcome)
    return outcome


def logout(store) -> None:
    with store.Session.begin() as s:
        if access.actor(s) is not None:
            audit.record(s, "logout")
    access.set_actor(store, None)


def needs_login(store) -> bool:
    with store.ReadSession() as s:
        return access.has_users(s)
