"""Protection terms (30/20/10 years from the date the level was set, Luật BVBMNN Điều 19-20),
extensions, level changes (Điều 21) and declassification (Điều 22): each by a recorded decision;
a term's end is listed for confirmation, never applied silently."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import ValidationError
from app.secrets import access, airgap, books, events
from app.secrets.access import LEVELS, TERM_YEARS
from app.secrets.errors import SecretStateError
from app.secrets.views import DueItem, SecretItem
from app.text import nfc
from db.models import Entry
from db.models_secret import SecretDecision, SecretMeta

EXPIRED_DECISION = "Hết thời hạn bảo vệ"


def _decision(session: Session, it: SecretItem, kind: str, decision_no: str, decision_date,
              decided_by: str, new_level: str = "", until: dt.date | None = None) -> None:
    if not nfc(decision_no):
        raise ValidationError({"decision": "Cần ghi số quyết định."})
    if decision_date is None:
        raise ValidationError({"date": "Cần ghi ngày quyết định."})
    who = access.require(session, it.entry.secrecy)
    session.add(SecretDecision(entry_id=it.id, kind=kind, old_level=it.entry.secrecy,
                               new_level=new_level, decision_no=nfc(decision_no),
                               decision_date=decision_date, decided_by=nfc(decided_by), until=until,
                               recorded_by=who.name, recorded_at=dt.datetime.now()))
    events.record(session, f"secret_{kind}", it.id, {"quyết định": nfc(decision_no),
                                                      "ngày": decision_date.isoformat()})


def _held(session: Session, entry_id: int) -> SecretItem:
    it = books.item(session, entry_id, audit=False)
    access.require(session, it.entry.secrecy)
    airgap.require_offline(session)
    if it.state == "declassified":
        raise SecretStateError(f"Văn bản {it.label} đã được giải mật; không giải mật hoặc đổi độ mật lần nữa.")
    if it.state == "destroyed":
        raise SecretStateError(f"Văn bản {it.label} đã tiêu hủy.")
    return it


def extend(session: Session, entry_id: int, *, years: int, decision_no: str, decision_date: dt.date,
           decided_by: str = "") -> SecretItem:
    it = _held(session, entry_id)
    base = TERM_YEARS[it.entry.secrecy]
    if not 1 <= years <= base:
        raise ValidationError({"years": f"Mỗi lần gia hạn không quá thời hạn bảo vệ của độ "
                                        f"{it.entry.secrecy} ({base} năm)."})
    m = books.meta(session, entry_id)
    until = books.add_years(m.protected_until, years)
    _decision(session, it, "extend", decision_no, decision_date, decided_by, until=until)
    m.protected_until = until
    return books.item(session, entry_id, audit=False)


def change_level(session: Session, entry_id: int, new_level: str, *, decision_no: str,
                 decision_date: dt.date, decided_by: str = "") -> SecretItem:
    """Raised or lowered: the entry shows the new level, its term runs from the decision."""
    it = _held(session, entry_id)
    if new_level not in LEVELS or new_level == it.entry.secrecy:
        raise ValidationError({"level": "Chọn độ mật mới khác độ mật hiện tại."})
    access.require(session, new_level)
    kind = "raise" if LEVELS.index(new_level) > LEVELS.index(it.entry.secrecy) else "lower"
    until = books.add_years(decision_date, TERM_YEARS[new_level])
    _decision(session, it, kind, decision_no, decision_date, decided_by, new_level, until)
    e, m = session.get(Entry, entry_id), books.meta(session, entry_id)
    e.secrecy = new_level
    m.level_set_on, m.protected_until = decision_date, until
    m.envelope = access.ENVELOPE[new_level]
    return books.item(session, entry_id, audit=False)


def declassify(session: Session, entry_id: int, *, decision_no: str, decision_date: dt.date,
               decided_by: str = "") -> SecretItem:
    it = _held(session, entry_id)
    _decision(session, it, "declassify", decision_no, decision_date, decided_by)
    m = books.meta(session, entry_id)
    m.state = "declassified"
    m.state_note = f"Giải mật theo {nfc(decision_no)} ngày {decision_date:%d/%m/%Y}"
    return books.item(session, entry_id, audit=False)


def confirm_expiry(session: Session, entry_id: int, on: dt.date | None = None) -> SecretItem:
    """The clerk confirms that an item's term has ended: declassified, recorded as such."""
    on = on or dt.date.today()
    it = _held(session, entry_id)
    if it.protected_until > on:
        raise ValidationError({"entry": f"Thời hạn bảo vệ của {it.label} đến {it.protected_until:%d/%m/%Y}, chưa hết."})
    return declassify(session, entry_id, decision_no=EXPIRED_DECISION, decision_date=on)


def due(session: Session, days: int = 30, on: dt.date | None = None) -> list[DueItem]:
    """Recall dates and protection terms ending within `days` (and those already past)."""
    access.require(session)
    on = on or dt.date.today()
    limit = on + dt.timedelta(days=days)
    rows = session.execute(select(Entry, SecretMeta).join(SecretMeta, SecretMeta.entry_id == Entry.id)
                           .where(SecretMeta.state == "held", Entry.status == "registered",
                                  Entry.secrecy.in_(access.visible_levels(session))))
    out = []
    for e, m in rows:
        label = e.number_symbol or f"số đến {e.number}"
        if m.recall_by and m.recall_by <= limit:
            out.append(DueItem(e.id, label, e.secrecy, "thu-hoi", m.recall_by, m.recall_by < on))
        if m.protected_until <= limit:
            out.append(DueItem(e.id, label, e.secrecy, "het-han", m.protected_until, m.protected_until <= on))
    return sorted(out, key=lambda d: (d.due, d.entry_id))


def overdue_recalls(session: Session, on: dt.date | None = None) -> list[DueItem]:
    return [d for d in due(session, 0, on) if d.kind == "thu-hoi" and d.overdue]


def declassified(session: Session, year: int | None = None) -> list[tuple[SecretItem, SecretDecision]]:
    """The documents of the hồ sơ giải mật, with their decisions."""
    access.require(session)
    q = select(SecretDecision).where(SecretDecision.kind == "declassify").order_by(SecretDecision.id)
    out = []
    for d in session.scalars(q):
        if year and d.decision_date.year != year:
            continue
        if d.old_level in access.visible_levels(session):
            out.append((books.item(session, d.entry_id, audit=False), d))
    return out
