"""What the sổ theo dõi giải quyết văn bản đến prints from the tracking data: column (5) Tiến
độ giải quyết carries the state with its date before the clerk's note; (4), (6) are the entry's
own due_date and reply_symbol, which the deadline and answer services keep."""
from __future__ import annotations

from dataclasses import replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.dates import fmt
from app.tracking.store import STATES
from db.models_tracking import Tracking


def progress_text(state: str, done_on, note: str) -> str:
    head = ""
    if state == "done":
        head = f"Đã giải quyết{' ngày ' + fmt(done_on) if done_on else ''}"
    elif state == "doing":
        head = STATES["doing"]
    return ". ".join(x for x in (head, note) if x)


def with_progress(session: Session, entries: list) -> list:
    """The EntryViews of one print chunk, their progress_note as the book prints it."""
    ids = [e.id for e in entries]
    found = {t.entry_id: t for t in session.scalars(select(Tracking).where(Tracking.entry_id.in_(ids)))}
    out = []
    for e in entries:
        t = found.get(e.id)
        out.append(replace(e, progress_note=progress_text(t.state, t.done_on, e.progress_note))
                   if t else e)
    return out
