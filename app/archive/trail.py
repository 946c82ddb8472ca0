"""What the archive records: an hoso_event per change of a file, and, where the security
capability is present, an event in the audit chain. The chain is optional here so that the
archive works (and is tested) on a store without it."""
from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from db.models_archive import HosoEvent


def who(session: Session) -> str:
    try:
        from app.security.access import user_name
    except ImportError:
        from app.registers.service import current_user
        return current_user()
    return user_name(session)


def audit(session: Session, kind: str, entry_id: int | None = None, **details) -> None:
    try:
        from app.security.audit import record
    except ImportError:
        return
    record(session, kind, entry_id, details)


def note(session: Session, hoso_id: int, action: str, detail: str = "", *, kind: str = "file",
         entry_id: int | None = None, **extra) -> None:
    session.add(HosoEvent(hoso_id=hoso_id, at=dt.datetime.now(), user=who(session), action=action,
                          detail=detail))
    if kind:  # '' when the entries' own events already say it
        audit(session, kind, entry_id, hoso=hoso_id, action=action, detail=detail, **extra)


def chain_head(session: Session) -> str:
    """The audit chain's head as printed on paper, or '' when the store keeps no chain."""
    try:
        from app.security.audit import show_head
        return show_head(session)
    except Exception:  # no security module, or a store without its tables
        return ""
