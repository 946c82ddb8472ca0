"""Numbers of an old register taken into the book's counter.

A tiny addition beside app/registers/numbering.py (kept here while that module is being changed
for another issue): the same `sequence` table, the same rule that a counter only grows."""
from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm import Session

from app.errors import NumberStateError
from db.models import Sequence


def last_issued(session: Session, scope: str) -> int:
    return session.scalar(select(Sequence.last).where(Sequence.key == scope)) or 0


def take_block(session: Session, scope: str, first: int, last: int) -> None:
    """Takes first..last at once, only when they continue the counter exactly (inside the
    caller's BEGIN IMMEDIATE transaction, so no registration can slip in between)."""
    session.execute(insert(Sequence).values(key=scope, last=0).on_conflict_do_nothing())
    done = session.execute(update(Sequence).where(Sequence.key == scope, Sequence.last == first - 1)
                           .values(last=last)).rowcount
    if done != 1:
        now = last_issued(session, scope)
        raise NumberStateError(f"Sổ đã cấp đến số {now}; không thể nhận các số {first}–{last} "
                               f"(cần bắt đầu từ {now + 1}).")
