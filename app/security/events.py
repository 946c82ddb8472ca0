"""The events view: audit events filtered by user, kind, date and entry, for screen and export."""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.dates import parse_date
from app.security.audit import KINDS
from db.models_security import AuditEvent

HEADERS = ("Số TT", "Thời gian", "Người dùng", "Việc", "Văn bản", "Chi tiết")
LIMIT = 5000


@dataclass(frozen=True)
class EventFilter:
    user: str | None = None
    kind: str | None = None  # a key of KINDS, or its Vietnamese name
    date_from: str | dt.date | None = None
    date_to: str | dt.date | None = None
    entry_id: int | None = None


@dataclass(frozen=True)
class EventRow:
    id: int
    at: str
    user: str
    kind: str
    kind_name: str
    entry_id: int | None
    details: str  # readable: "khóa: giá trị; …"

    def as_dict(self) -> dict:
        return asdict(self)

    def cells(self) -> tuple[str, ...]:
        return (str(self.id), self.at, self.user, self.kind_name,
                "" if self.entry_id is None else f"#{self.entry_id}", self.details)


def readable(details: str) -> str:
    try:
        data = json.loads(details or "{}")
    except ValueError:
        return details
    if not isinstance(data, dict):
        return str(data)
    return "; ".join(f"{k}: {v}" for k, v in data.items())


def _kind_key(kind: str) -> str:
    by_name = {v.lower(): k for k, v in KINDS.items()}
    return by_name.get(kind.strip().lower(), kind.strip())


def find(session: Session, f: EventFilter, limit: int = LIMIT) -> list[EventRow]:
    """Newest first, at most `limit` rows."""
    q = select(AuditEvent).order_by(AuditEvent.id.desc()).limit(limit)
    if f.user:
        q = q.where(AuditEvent.user == f.user.strip())
    if f.kind:
        q = q.where(AuditEvent.kind == _kind_key(f.kind))
    if f.entry_id is not None:
        q = q.where(AuditEvent.entry_id == f.entry_id)
    start, end = parse_date(f.date_from), parse_date(f.date_to)
    if start:
        q = q.where(AuditEvent.at >= start.isoformat())
    if end:
        q = q.where(AuditEvent.at < (end + dt.timedelta(days=1)).isoformat())
    return [EventRow(e.id, e.at, e.user, e.kind, KINDS.get(e.kind, e.kind), e.entry_id,
                     readable(e.details)) for e in session.scalars(q)]


def users_seen(session: Session) -> list[str]:
    return sorted(session.scalars(select(AuditEvent.user).distinct()))
