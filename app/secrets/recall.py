"""Thu hồi: documents marked "Tài liệu thu hồi" with a return date, and the recall of all an
official holds when they retire or move (a list printed as minutes, each item ticked)."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import NotFound, ValidationError
from app.secrets import access, airgap, books, events, transfer
from app.secrets.errors import SecretStateError
from app.secrets.views import RecallView
from app.text import nfc
from db.models_secret import SecretRecall, SecretTransfer


def mark_for_return(session: Session, entry_id: int, by: dt.date) -> None:
    """The document carries the "Tài liệu thu hồi" stamp with its return date."""
    it = books.item(session, entry_id, audit=False)
    access.require(session, it.entry.secrecy)
    airgap.require_offline(session)
    books.meta(session, entry_id).recall_by = by
    events.record(session, "secret_recall_mark", entry_id, {"hạn trả": by.isoformat()})


def return_to_sender(session: Session, entry_id: int, on: dt.date | None = None, note: str = "") -> None:
    """A document marked for return goes back to its sender: it stays in the book, marked."""
    it = books.item(session, entry_id, audit=False)
    access.require(session, it.entry.secrecy)
    airgap.require_offline(session)
    if it.state != "held":
        raise SecretStateError(f"Văn bản {it.label} {transfer.STATE_NAMES[it.state]}.")
    if transfer.holdings_of_entry(session, entry_id):
        raise SecretStateError(f"Văn bản {it.label} còn đang giao cho người khác giữ: thu về trước.")
    m = books.meta(session, entry_id)
    m.state = "recalled"
    m.state_note = f"Đã trả lại nơi gửi ngày {(on or dt.date.today()):%d/%m/%Y}. {nfc(note)}".strip()
    events.record(session, "secret_recalled", entry_id, {"ghi chú": m.state_note})


def open_recall(session: Session, person: str, reason: str = "", on: dt.date | None = None) -> RecallView:
    """Lists everything `person` holds and opens its recall; each line is then ticked."""
    who = access.require(session)
    airgap.require_offline(session)
    held = transfer.holdings(session, person)
    if not held:
        raise ValidationError({"person": f"“{nfc(person)}” không giữ văn bản mật nào."})
    hidden = _hidden_count(session, person)
    if hidden:
        raise access.NotCleared(f"“{nfc(person)}” giữ cả văn bản có độ mật cao hơn mức của "
                                f"{who.name}: người được tiếp cận độ cao hơn phải lập biên bản thu hồi.")
    r = SecretRecall(person=held[0].receiver, reason=nfc(reason), opened_on=on or dt.date.today(),
                     opened_by=who.name)
    session.add(r)
    session.flush()
    for t in held:
        row = session.get(SecretTransfer, t.id)
        if row.recall_id is None:
            row.recall_id = r.id
    events.record(session, "secret_recall_open", None, {"người giữ": r.person, "số dòng": len(held)})
    return recall(session, r.id)


def _hidden_count(session: Session, person: str) -> int:
    from app.text import fold
    from db.models import Entry

    allowed = access.visible_levels(session)
    rows = session.execute(select(SecretTransfer.receiver, Entry.secrecy).join(
        Entry, Entry.id == SecretTransfer.entry_id).where(SecretTransfer.returned_on.is_(None)))
    key = fold(nfc(person))
    return sum(1 for receiver, level in rows if fold(receiver) == key and level not in allowed)


def tick(session: Session, transfer_id: int, *, on: dt.date | None = None, note: str = "") -> RecallView:
    """One line back (or accounted for, with a note such as "đã tiêu hủy theo biên bản số …");
    the recall closes when no line is outstanding."""
    t = session.get(SecretTransfer, transfer_id)
    if t is None or t.recall_id is None:
        raise NotFound(f"Dòng #{transfer_id} không thuộc biên bản thu hồi nào.")
    transfer.give_back(session, transfer_id, on=on, note=note or "Đã thu hồi")
    r = session.get(SecretRecall, t.recall_id)
    left = session.scalar(select(SecretTransfer.id).where(SecretTransfer.recall_id == r.id,
                                                          SecretTransfer.returned_on.is_(None)).limit(1))
    if left is None and r.closed_on is None:
        r.closed_on = on or dt.date.today()
        events.record(session, "secret_recall_close", None, {"người giữ": r.person})
    return recall(session, r.id)


def recall(session: Session, recall_id: int) -> RecallView:
    access.require(session)
    r = session.get(SecretRecall, recall_id)
    if r is None:
        raise NotFound(f"Không có biên bản thu hồi #{recall_id}.")
    lines = session.scalars(select(SecretTransfer).where(SecretTransfer.recall_id == r.id)
                            .order_by(SecretTransfer.id))
    return RecallView(r.id, r.person, r.reason, r.opened_on, r.closed_on,
                      tuple(transfer._view(session, t) for t in lines))


def open_recalls(session: Session) -> list[RecallView]:
    access.require(session)
    q = select(SecretRecall.id).where(SecretRecall.closed_on.is_(None)).order_by(SecretRecall.id)
    return [recall(session, i) for i in session.scalars(q)]
