"""Sổ chuyển giao (mẫu 16): every hand-over of a secret item is a line; holdings are the
lines not yet returned."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.errors import NotFound, ValidationError
from app.secrets import access, airgap, books, events
from app.secrets.errors import SecretStateError
from app.secrets.views import TransferView
from app.text import fold, nfc
from db.models import Entry
from db.models_secret import SecretCopy, SecretRecall, SecretTransfer

STATE_NAMES = {"recalled": "đã thu hồi", "declassified": "đã giải mật", "destroyed": "đã tiêu hủy"}


def _view(session: Session, t: SecretTransfer) -> TransferView:
    e = session.get(Entry, t.entry_id)
    label = e.number_symbol or f"số đến {e.number}"
    return TransferView(t.id, t.entry_id, label, e.secrecy, t.on, t.copies, t.receiver, t.unit,
                        t.handed_by, t.note, t.returned_on, t.return_note, t.recall_id)


def available(session: Session, entry_id: int) -> int:
    """Copies in the office's hands: the original's copies and those made, less those out."""
    e = session.get(Entry, entry_id)
    made = session.scalar(select(func.coalesce(func.sum(SecretCopy.copies), 0))
                          .where(SecretCopy.entry_id == entry_id))
    out = session.scalar(select(func.coalesce(func.sum(SecretTransfer.copies), 0)).where(
        SecretTransfer.entry_id == entry_id, SecretTransfer.returned_on.is_(None)))
    return (e.copies or 1) + made - out


def hand_over(session: Session, entry_id: int, to: str, copies: int = 1, *, unit: str = "",
              on: dt.date | None = None, note: str = "") -> TransferView:
    it = books.item(session, entry_id, audit=False)
    who = access.require(session, it.entry.secrecy)
    airgap.require_offline(session)
    to = nfc(to)
    if not to:
        raise ValidationError({"to": "Cần ghi người nhận."})
    if it.state != "held":
        raise SecretStateError(f"Văn bản {it.label} {STATE_NAMES[it.state]}: không chuyển giao được.")
    if it.entry.status != "registered":
        raise SecretStateError(f"Văn bản {it.label} không còn hiệu lực trong sổ (đã hủy số hoặc chỉ giữ số).")
    under_recall = session.scalar(select(SecretTransfer.id).join(
        SecretRecall, SecretRecall.id == SecretTransfer.recall_id).where(
        SecretTransfer.entry_id == entry_id, SecretRecall.closed_on.is_(None),
        SecretTransfer.returned_on.is_(None)))
    if under_recall:
        raise SecretStateError(f"Văn bản {it.label} đang được thu hồi: chưa chuyển giao tiếp được.")
    if copies < 1:
        raise ValidationError({"copies": "Số bản chuyển giao phải từ 1 trở lên."})
    left = available(session, entry_id)
    if copies > left:
        raise ValidationError({"copies": f"Chỉ còn {left} bản trong tay văn thư: không chuyển {copies} bản."})
    t = SecretTransfer(entry_id=entry_id, on=on or dt.date.today(), copies=copies, receiver=to,
                       unit=nfc(unit), handed_by=who.name, note=nfc(note))
    session.add(t)
    session.flush()
    events.record(session, "secret_transfer", entry_id, {"người nhận": to, "số bản": copies})
    return _view(session, t)


def give_back(session: Session, transfer_id: int, *, on: dt.date | None = None,
              note: str = "") -> TransferView:
    t = session.get(SecretTransfer, transfer_id)
    if t is None:
        raise NotFound(f"Không có dòng chuyển giao #{transfer_id}.")
    access.require(session, session.get(Entry, t.entry_id).secrecy)
    airgap.require_offline(session)
    if t.returned_on is not None:
        raise SecretStateError(f"Dòng chuyển giao #{transfer_id} đã trả ngày {t.returned_on:%d/%m/%Y}.")
    t.returned_on, t.return_note = on or dt.date.today(), nfc(note) or "Đã trả"
    session.flush()
    events.record(session, "secret_return", t.entry_id, {"dòng": t.id, "ghi chú": t.return_note})
    return _view(session, t)


def holdings(session: Session, person: str | None = None) -> list[TransferView]:
    """What each official (or one) holds now: hand-overs not yet returned."""
    access.require(session)
    allowed = access.visible_levels(session)
    q = (select(SecretTransfer).join(Entry, Entry.id == SecretTransfer.entry_id)
         .where(SecretTransfer.returned_on.is_(None), Entry.secrecy.in_(allowed))
         .order_by(SecretTransfer.receiver, SecretTransfer.on, SecretTransfer.id))
    rows = session.scalars(q)
    if person:
        key = fold(nfc(person))
        rows = [t for t in rows if fold(t.receiver) == key]
    return [_view(session, t) for t in rows]


def book_lines(session: Session, year: int) -> list[TransferView]:
    """The transfer book of one year, in the order written."""
    access.require(session)
    allowed = access.visible_levels(session)
    q = (select(SecretTransfer).join(Entry, Entry.id == SecretTransfer.entry_id)
         .where(Entry.secrecy.in_(allowed), SecretTransfer.on >= dt.date(year, 1, 1),
                SecretTransfer.on <= dt.date(year, 12, 31)).order_by(SecretTransfer.id))
    return [_view(session, t) for t in session.scalars(q)]


def holdings_of_entry(session: Session, entry_id: int) -> list[TransferView]:
    q = select(SecretTransfer).where(SecretTransfer.entry_id == entry_id,
                                     SecretTransfer.returned_on.is_(None))
    return [_view(session, t) for t in session.scalars(q)]
