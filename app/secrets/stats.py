"""Thống kê văn bản mật (mẫu 18): received and issued in a year, per level (Luật Điều 12)."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.secrets import access
from app.secrets.access import LEVELS
from db.models import Book, Entry


@dataclass(frozen=True)
class YearStats:
    year: int
    received: dict[str, int]  # level -> count
    issued: dict[str, int]

    @property
    def total_received(self) -> int:
        return sum(self.received.values())

    @property
    def total_issued(self) -> int:
        return sum(self.issued.values())


def year_stats(session: Session, year: int) -> YearStats:
    """Counts of live entries (voided numbers and kept-ahead numbers are not documents);
    levels above the actor's clearance are not counted for them."""
    access.require(session)
    shown = access.visible_levels(session)
    rows = session.execute(select(Book.key, Entry.secrecy, func.count()).join(Book, Book.id == Entry.book_id)
                           .where(Entry.year == year, Entry.status == "registered", Book.secret.is_(True))
                           .group_by(Book.key, Entry.secrecy))
    got = {"secret_incoming": dict.fromkeys(shown, 0), "secret_outgoing": dict.fromkeys(shown, 0)}
    for key, level, n in rows:
        if level in shown and key in got:
            got[key][level] = n
    return YearStats(year, got["secret_incoming"], got["secret_outgoing"])


__all__ = ["YearStats", "year_stats", "LEVELS"]
