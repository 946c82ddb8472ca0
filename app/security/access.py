"""Who is acting and what they may do, checked in the services themselves (not only by
hiding buttons): the logged-in Actor rides on every session the store hands out."""
from __future__ import annotations

import getpass

from sqlalchemy import text
from sqlalchemy.orm import Session

from app.errors import DomainError
from app.security.actor import ROLE_NAMES, Actor

# What each role may do. Reading and searching the ordinary books is open to every role.
PERMISSIONS = {
    "read": {"van-thu", "lanh-dao", "quan-tri"},
    # register, edit, reserve, void, attach scans, file, close, hand over; quản trị may stand in
    # for the clerk (a small office's head clerk is often its administrator)
    "write": {"van-thu", "quan-tri"},
    "print": {"van-thu", "quan-tri"},  # print and export books, forms and lists
    "admin": {"quan-tri"},  # users, restore
    # The office's settings: quản trị; văn thư too for now, since the secret books' set-up
    # (ui/secrets tests) has the clerk set the regime. Lãnh đạo never.
    "settings": {"quan-tri"},
    "backup": {"van-thu", "quan-tri"},
}
ACTION_NAMES = {"read": "xem sổ", "write": "ghi vào sổ", "print": "in hoặc xuất",
                "admin": "quản trị (người dùng, cài đặt, khôi phục)", "backup": "sao lưu",
                "settings": "đổi cài đặt của cơ quan"}


class NotAllowed(DomainError):
    pass


class LoginRequired(DomainError):
    pass


def set_actor(store, actor: Actor | None) -> None:
    """Every session the store opens from now on acts as `actor` (None: logged out)."""
    for factory in (store.Session, store.ReadSession):
        info = dict(factory.kw.get("info") or {})
        info["actor"] = actor
        factory.configure(info=info)


def actor(session: Session) -> Actor | None:
    return session.info.get("actor")


def has_users(session: Session) -> bool:
    try:
        return session.execute(text("SELECT 1 FROM app_user LIMIT 1")).first() is not None
    except Exception:  # a store without the security tables (the secret store, an old file)
        return False


def user_name(session: Session) -> str:
    """The author written into history lines, print records and audit events."""
    who = actor(session)
    if who is not None:
        return who.name
    try:
        return getpass.getuser()  # before the first user exists: whoever set the machine up
    except Exception:
        return "unknown"


def require(session: Session, action: str) -> Actor | None:
    """Raises NotAllowed unless the logged-in user may do `action` (see PERMISSIONS).
    Before any user exists (first run, setting up) everything is allowed."""
    who = actor(session)
    if who is None:
        if has_users(session):
            raise LoginRequired("Cần đăng nhập trước khi làm việc này.")
        return None
    if who.role not in PERMISSIONS[action]:
        raise NotAllowed(f"Người dùng “{who.name}” ({ROLE_NAMES.get(who.role, who.role)}) "
                         f"không được {ACTION_NAMES[action]}.")
    return who


def allowed(who: Actor | None, action: str) -> bool:
    return who is None or who.role in PERMISSIONS[action]


def require_actor(who: Actor | None, action: str) -> None:
    """require() for a caller that holds the Actor rather than a session (the command line)."""
    if who is not None and who.role not in PERMISSIONS[action]:
        raise NotAllowed(f"Người dùng “{who.name}” ({ROLE_NAMES.get(who.role, who.role)}) "
                         f"không được {ACTION_NAMES[action]}.")
