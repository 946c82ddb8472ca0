"""Tiêu hủy (Luật BVBMNN Điều 23): proposal list → the council's decision → destruction
minutes. Destroyed items stay in their books, marked; nothing is deleted."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import NotFound, ValidationError
from app.secrets import access, airgap, books, copies, events, transfer
from app.secrets.access import LEVELS
from app.secrets.errors import SecretStateError
from app.secrets.views import DestructionView
from app.text import nfc
from db.models import Entry
from db.models_secret import SecretDestroyItem, SecretDestruction


def propose(session: Session, entry_ids: list[int], reason: str = "",
            on: dt.date | None = None) -> DestructionView:
    who = access.require(session)
    airgap.require_offline(session)
    if not entry_ids:
        raise ValidationError({"entries": "Danh sách đề nghị tiêu hủy trống."})
    for i in entry_ids:
        it = books.item(session, i, audit=False)
        if it.state != "held":
            raise SecretStateError(f"Văn bản {it.label} {transfer.STATE_NAMES[it.state]}: không đề nghị tiêu hủy.")
        if transfer.holdings_of_entry(session, i):
            raise SecretStateError(f"Văn bản {it.label} còn đang giao cho người khác giữ: thu về trước.")
        pending = session.scalar(select(SecretDestroyItem.id).join(
            SecretDestruction, SecretDestruction.id == SecretDestroyItem.destruction_id).where(
            SecretDestroyItem.entry_id == i, SecretDestruction.state != "done"))
        if pending:
            raise SecretStateError(f"Văn bản {it.label} đã có trong một danh sách đề nghị tiêu hủy khác.")
    d = SecretDestruction(proposed_on=on or dt.date.today(), proposed_by=who.name, reason=nfc(reason))
    session.add(d)
    session.flush()
    for i in dict.fromkeys(entry_ids):
        session.add(SecretDestroyItem(destruction_id=d.id, entry_id=i))
    events.record(session, "secret_destroy_propose", None, {"danh sách": d.id, "số văn bản": len(entry_ids)})
    return view(session, d.id)


def decide(session: Session, destruction_id: int, *, decision_no: str, decision_date: dt.date,
           decided_by: str, council: str) -> DestructionView:
    """For Tối mật and Tuyệt mật the decision belongs to a person with copy authority."""
    access.require(session)
    airgap.require_offline(session)
    d = _get(session, destruction_id)
    if d.state != "proposed":
        raise SecretStateError("Danh sách này đã có quyết định tiêu hủy.")
    if not nfc(decision_no) or not nfc(decided_by) or not nfc(council):
        raise ValidationError({"decision": "Cần số quyết định, người quyết định và thành phần hội đồng."})
    v = view(session, destruction_id)
    top = max((LEVELS.index(it.entry.secrecy) for it in v.items), default=0)
    if top >= 1:
        allowed = {a[0] for a in copies.authorisers(session, LEVELS[top])}
        if nfc(decided_by) not in allowed:
            raise ValidationError({"decided_by": f"Tiêu hủy văn bản {LEVELS[top]} phải do người có thẩm "
                                                 "quyền cho phép sao, chụp độ đó quyết định."})
    d.decision_no, d.decision_date, d.decided_by = nfc(decision_no), decision_date, nfc(decided_by)
    d.council, d.state = "\n".join(l.strip() for l in nfc(council).splitlines() if l.strip()), "decided"
    events.record(session, "secret_destroy_decide", None, {"danh sách": d.id, "quyết định": d.decision_no})
    return view(session, destruction_id)


def carry_out(session: Session, destruction_id: int, *, on: dt.date, method: str) -> DestructionView:
    access.require(session)
    airgap.require_offline(session)
    d = _get(session, destruction_id)
    if d.state != "decided":
        raise SecretStateError("Chỉ tiêu hủy sau khi có quyết định tiêu hủy." if d.state == "proposed"
                               else "Danh sách này đã được tiêu hủy.")
    if not nfc(method):
        raise ValidationError({"method": "Cần ghi cách tiêu hủy (đốt, nghiền, cắt hủy…)."})
    for it in view(session, destruction_id).items:
        m = books.meta(session, it.id)
        m.state = "destroyed"
        m.state_note = f"Đã tiêu hủy ngày {on:%d/%m/%Y} theo {d.decision_no}"
        events.record(session, "secret_destroyed", it.id, {"danh sách": d.id})
    d.destroyed_on, d.method, d.state = on, nfc(method), "done"
    return view(session, destruction_id)


def _get(session: Session, destruction_id: int) -> SecretDestruction:
    d = session.get(SecretDestruction, destruction_id)
    if d is None:
        raise NotFound(f"Không có danh sách đề nghị tiêu hủy #{destruction_id}.")
    return d


def lists(session: Session) -> list[DestructionView]:
    """The proposal lists, newest first; a list holding an item above the actor's clearance is
    not shown to them at all (not even its number)."""
    access.require(session)
    allowed = set(access.visible_levels(session))
    out = []
    for d_id in session.scalars(select(SecretDestruction.id).order_by(SecretDestruction.id.desc())):
        levels = set(session.scalars(select(Entry.secrecy).join(
            SecretDestroyItem, SecretDestroyItem.entry_id == Entry.id).where(
            SecretDestroyItem.destruction_id == d_id).execution_options(secret_unfiltered=True)))
        if levels <= allowed:
            out.append(view(session, d_id))
    return out


def view(session: Session, destruction_id: int) -> DestructionView:
    d = _get(session, destruction_id)
    ids = list(session.scalars(select(SecretDestroyItem.entry_id).where(
        SecretDestroyItem.destruction_id == d.id).order_by(SecretDestroyItem.id)))
    return DestructionView(d.id, d.state, d.proposed_on, d.proposed_by, d.reason, d.decision_no,
                           d.decision_date, d.decided_by, d.council, d.destroyed_on, d.method,
                           tuple(books.item(session, i, audit=False) for i in ids))
