"""The one door to the audit log for secret events (openings, prints, exports, copies…).

The secret store carries the ordinary schema, audit_event included, so app.security.audit
chains these events inside the encryption: their details name secret items and must never
reach the plain store. Until that module is present, the store's own secret_event table
keeps a chain of the same shape."""
from __future__ import annotations

import datetime as dt
import hashlib
import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models_secret import SecretEvent

try:
    from app.security import audit as _audit
except ImportError:  # the users-and-audit capability is not there yet
    _audit = None


def record(session: Session, kind: str, entry_id: int | None = None, details: dict | None = None,
           user: str | None = None) -> None:
    if user is None:
        who = session.info.get("actor")
        user = who.name if who else "?"
    if _audit is not None and hasattr(_audit, "record"):
        _audit.record(session, kind, entry_id, details or {}, user=user)
        return
    text = json.dumps(details or {}, ensure_ascii=False, sort_keys=True, default=str)
    last = session.scalar(select(SecretEvent).order_by(SecretEvent.id.desc()).limit(1))
    prev = last.hash if last else "0" * 64
    at = dt.datetime.now().isoformat(sep=" ", timespec="seconds")
    body = "\x1f".join((prev, at, user, kind, str(entry_id or ""), text))
    session.add(SecretEvent(at=at, user=user, kind=kind, entry_id=entry_id, details=text, prev=prev,
                            hash=hashlib.sha256(body.encode()).hexdigest()))
    session.flush()


def head(session: Session) -> str:
    """The chain head printed on closing pages."""
    if _audit is not None and hasattr(_audit, "show_head"):
        return _audit.show_head(session)
    last = session.scalar(select(SecretEvent).order_by(SecretEvent.id.desc()).limit(1))
    h = last.hash if last else "0" * 64
    return f"{' '.join(h[i:i + 4] for i in range(0, 16, 4))} · {last.id if last else 0} sự kiện"


def kinds(session: Session, entry_id: int | None = None) -> list[str]:
    """The kinds recorded (for an entry), oldest first: what tests and the history view read."""
    if _audit is not None and hasattr(_audit, "record"):
        from sqlalchemy import text

        q = "SELECT kind FROM audit_event" + (" WHERE entry_id = :e" if entry_id else "") + " ORDER BY id"
        return list(session.scalars(text(q), {"e": entry_id}))
    q = select(SecretEvent.kind).order_by(SecretEvent.id)
    if entry_id:
        q = q.where(SecretEvent.entry_id == entry_id)
    return list(session.scalars(q))
