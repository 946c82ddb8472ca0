"""Shared lookups of the tracking services: the incoming entry, its tracking row."""
from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from app.errors import NotFound, ValidationError
from app.registers.service import current_user
from db.models import Book, Entry, EntryChange
from db.models_tracking import Tracking

STATES = {"open": "Chưa giải quyết", "doing": "Đang giải quyết", "done": "Đã giải quyết"}


def entry_of(session: Session, entry_id: int) -> tuple[Entry, Book]:
    e = session.get(Entry, entry_id)
    if e is None:
        raise NotFound(f"Không tìm thấy văn bản #{entry_id}.")
    return e, session.get(Book, e.book_id)


def entry_in(session: Session, entry_id: int) -> Entry:
    e, b = entry_of(session, entry_id)
    if b.direction != "in":
        raise ValidationError({"entry": f"Văn bản #{entry_id} thuộc {b.name}, không phải sổ văn bản đến."})
    return e


def tracking_row(session: Session, entry_id: int, create: bool = True) -> Tracking | None:
    t = session.get(Tracking, entry_id)
    if t is None and create:
        t = Tracking(entry_id=entry_id, state="open", rule="", updated_by="")
        session.add(t)
    return t


def touch(t: Tracking) -> None:
    t.updated_at, t.updated_by = dt.datetime.now(), current_user()


def record(session: Session, entry_id: int, field: str, old: str, new: str) -> None:
    """A line of the entry's history, as the registers keep it."""
    session.add(EntryChange(entry_id=entry_id, at=dt.datetime.now(), user=current_user(),
                            field=field, old=old, new=new))
