"""Following up an incoming entry: its processing state, its progress note, and the replies
(văn bản đi) that answer it, which fill "Số, ký hiệu văn bản trả lời" of the tracking book."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import NumberStateError, ValidationError
from app.registers import service
from app.registers.draft import LIMITS
from app.registers.service import current_user
from app.tracking.store import STATES, entry_in, entry_of, record, touch, tracking_row
from app.text import nfc
from db.models import Entry
from db.models_tracking import Answer


@dataclass(frozen=True)
class FollowView:
    entry_id: int
    state: str
    state_label: str
    done_on: dt.date | None
    progress_note: str
    reply_symbol: str
    answered_by: tuple[int, ...]  # ids of the outgoing entries that answer it


def set_state(session: Session, entry_id: int, state: str, note: str | None = None,
              on: dt.date | None = None) -> FollowView:
    if state not in STATES:
        raise ValidationError({"state": "Trạng thái phải là chưa, đang hoặc đã giải quyết."})
    e = entry_in(session, entry_id)
    if e.status == "voided":
        raise NumberStateError("Văn bản đã hủy số không theo dõi giải quyết.")
    if note is not None and nfc(note) != e.progress_note:
        service.update(session, e.id, {"progress_note": note})
    t = tracking_row(session, e.id)
    if t.state != state:
        record(session, e.id, "tình trạng giải quyết", STATES[t.state], STATES[state])
    t.state = state
    t.done_on = (on or dt.date.today()) if state == "done" else None
    touch(t)
    return view(session, e.id)


def answer(session: Session, out_id: int, in_ids: list[int]) -> list[FollowView]:
    """The reply out_id answers each of in_ids: they are marked answered (done on the reply's
    date) and the reply's number and symbol go into their "văn bản trả lời"."""
    if not in_ids:
        raise ValidationError({"in_ids": "Cần chọn ít nhất một văn bản đến được trả lời."})
    out, out_book = entry_of(session, out_id)
    if out_book.direction != "out":
        raise ValidationError({"out_id": f"Văn bản #{out_id} thuộc {out_book.name}, không phải văn bản đi."})
    if out.status != "registered":
        raise NumberStateError(f"Văn bản đi #{out_id} chưa đăng ký xong hoặc đã hủy số.")
    in_ids = list(dict.fromkeys(in_ids))
    for in_id in in_ids:  # every check before the first write
        e, b = entry_of(session, in_id)
        if b.direction != "in":
            raise ValidationError({"in_ids": f"Văn bản #{in_id} thuộc {b.name}, không phải sổ văn bản đến: "
                                   "văn bản trả lời chỉ ghi cho văn bản đến."})
        if b.secret != out_book.secret:
            raise ValidationError({"in_ids": f"Văn bản #{in_id} ({b.name}) và văn bản trả lời "
                                   f"({out_book.name}) phải cùng là sổ mật hoặc cùng là sổ thường."})
        if e.status == "voided":
            raise NumberStateError(f"Văn bản đến #{in_id} đã hủy số.")
        if out.doc_date and e.received_at and out.doc_date < e.received_at.date():
            raise ValidationError({"in_ids": f"Văn bản đi {out.number_symbol} có ngày trước ngày đến "
                                   f"của văn bản #{in_id}."})
    views = []
    for in_id in in_ids:
        e = session.get(Entry, in_id)
        known = session.scalar(select(Answer.id).where(Answer.out_entry_id == out_id,
                                                        Answer.in_entry_id == in_id))
        if known is None:
            session.add(Answer(out_entry_id=out_id, in_entry_id=in_id, at=dt.datetime.now(),
                               user=current_user()))
            session.flush()
        symbols = reply_symbols(session, in_id)
        if symbols != e.reply_symbol:
            service.update(session, in_id, {"reply_symbol": symbols})
        t = tracking_row(session, in_id)
        if t.state != "done":
            record(session, in_id, "tình trạng giải quyết", STATES[t.state], STATES["done"])
        t.state, t.done_on = "done", out.doc_date or dt.date.today()
        touch(t)
        views.append(view(session, in_id))
    return views


def reply_symbols(session: Session, in_id: int) -> str:
    """The answering documents' symbols, oldest first, within the register's column width."""
    found = list(session.scalars(select(Entry.number_symbol).join(Answer, Answer.out_entry_id == Entry.id)
                                 .where(Answer.in_entry_id == in_id).order_by(Entry.doc_date, Entry.id)))
    text = "; ".join(found)
    limit = LIMITS["reply_symbol"]
    while len(text) > limit and len(found) > 1:
        found.pop(0)  # the latest replies matter most once the column is full
        text = "…; " + "; ".join(found)
    return text[:limit]


def answers_of(session: Session, out_id: int) -> list[int]:
    return list(session.scalars(select(Answer.in_entry_id).where(Answer.out_entry_id == out_id)
                                .order_by(Answer.id)))


def view(session: Session, entry_id: int) -> FollowView:
    e = entry_in(session, entry_id)
    t = tracking_row(session, entry_id, create=False)
    state = t.state if t else "open"
    out_ids = tuple(session.scalars(select(Answer.out_entry_id).where(Answer.in_entry_id == entry_id)
                                    .order_by(Answer.id)))
    return FollowView(e.id, state, STATES[state], t.done_on if t else None, e.progress_note,
                      e.reply_symbol, out_ids)
