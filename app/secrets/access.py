"""Clearance, checked in every secret service: the actor rides on the session (session.info).

Levels are the Vietnamese words stored in entry.secrecy; clearances are Actor codes."""
from __future__ import annotations

from sqlalchemy.orm import Session

from app.secrets.errors import NotCleared
from app.security.actor import CLEARANCE_NAMES, Actor

LEVELS = ("Mật", "Tối mật", "Tuyệt mật")  # rising
CODE = {"Mật": "mat", "Tối mật": "toi-mat", "Tuyệt mật": "tuyet-mat"}
TERM_YEARS = {"Mật": 10, "Tối mật": 20, "Tuyệt mật": 30}  # Luật BVBMNN Điều 19
ENVELOPE = {"Mật": "C", "Tối mật": "B", "Tuyệt mật": "A"}  # NĐ 26/2020 Điều 4.1b


def actor(session: Session) -> Actor:
    who = session.info.get("actor")
    if who is None:
        raise NotCleared("Chưa đăng nhập: không mở được sổ văn bản mật.")
    return who


def visible_levels(session: Session) -> tuple[str, ...]:
    who = actor(session)
    return tuple(level for level in LEVELS if who.cleared_for(CODE[level]))


def require(session: Session, level: str | None = None) -> Actor:
    """The actor, if cleared for the secret books at all and for `level` when given."""
    who = actor(session)
    if who.clearance == "none" or (level and level in CODE and not who.cleared_for(CODE[level])):
        name = CLEARANCE_NAMES.get(who.clearance, who.clearance)
        what = f"văn bản {level}" if level else "sổ văn bản mật"
        raise NotCleared(f"“{who.name}” (độ mật được tiếp cận: {name}) không được xem {what}.")
    return who


def require_admin(session: Session) -> Actor:
    who = require(session)
    if who.role != "quan-tri":
        raise NotCleared("Chỉ người quản trị được giao hoặc thu hồi khóa kho văn bản mật.")
    return who


def log_refusal(Session_, exc: NotCleared, what: str) -> None:
    """A refused attempt is recorded in a transaction of its own (the refused one rolled back)."""
    from app.secrets import events

    with Session_.begin() as s:
        who = s.info.get("actor")
        events.record(s, "secret_refused", None, {"lệnh": what, "lý do": exc.message},
                      user=who.name if who else "?")
