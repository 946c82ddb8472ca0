"""The two secret books on the secret store: registering with the envelope's markings and
the level's policy, finding only what the actor is cleared for, opening (an audited event)."""
from __future__ import annotations

import datetime as dt
from dataclasses import replace
from types import SimpleNamespace

from sqlalchemy import exists, insert, select
from sqlalchemy.orm import Session

from app.errors import NotFound, ValidationError
from app.registers import query, service
from app.registers.draft import Draft
from app.registers.views import EntryView
from app.secrets import access, airgap, cache, events, guard
from app.secrets.access import ENVELOPE, LEVELS, TERM_YEARS
from app.secrets.views import SecretItem
from app.text import nfc
from db.models import Book, Entry
from db.models_secret import SecretMeta, SecretPolicy, SecretTransfer

SECRET_BOOKS = ("secret_incoming", "secret_outgoing")
UNOPENED = "Bì dán kín “Chỉ người có tên mới được bóc bì”: đăng ký theo bì ngoài, chưa bóc"


def add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def policy(session: Session, level: str, live: bool = False):
    """The level's policy (a cached plain row; live=True: the ORM row, to change it)."""
    if live:
        found = session.get(SecretPolicy, level)
    else:
        rows = cache.get(session, "policy", lambda: {
            r.level: r for r in session.connection().execute(select(SecretPolicy.__table__))})
        found = rows.get(level)
    if found is None:
        raise ValidationError({"secrecy": f"Độ mật “{level}” không hợp lệ."})
    return found


def set_policy(session: Session, level: str, *, no_summary: bool | None = None,
               scans_allowed: bool | None = None) -> None:
    access.require_admin(session)
    p = policy(session, level, live=True)
    cache.clear(session)
    if scans_allowed and level != "Mật":
        raise ValidationError({"scans_allowed": "Không được quét hoặc đính kèm tệp văn bản Tối mật, Tuyệt mật."})
    if no_summary is not None:
        p.no_summary = no_summary
    if scans_allowed is not None:
        p.scans_allowed = scans_allowed
    events.record(session, "settings", None, {"chính sách": level, "không trích yếu": p.no_summary,
                                               "cho quét": p.scans_allowed})


def register(session: Session, book_key: str, draft: Draft, *, envelope: str = "",
             named_only: bool = False, named_person: str = "", copy_no: str = "",
             summary_agreed_by: str = "", level_set_on: dt.date | None = None,
             recall_by: dt.date | None = None, allow_duplicate: bool = False,
             now: dt.datetime | None = None, plain: Session | None = None,
             **register_options) -> SecretItem:
    """register_options go to app.registers.service.register as they are (e.g. allow_out_of_order).
    plain: a write Session of the ordinary store, for Party numbering shared across the two
    (app/secrets/shared_numbers.py); nest it inside this session's transaction."""
    if book_key not in SECRET_BOOKS:
        raise ValidationError({"book": "Chỉ đăng ký vào sổ văn bản mật đến hoặc đi."})
    level = nfc(draft.secrecy)
    if level not in LEVELS:
        raise ValidationError({"secrecy": "Sổ mật: cần chọn độ mật (Mật, Tối mật, Tuyệt mật)."})
    access.require(session, level)
    airgap.require_offline(session)
    envelope, named_person, agreed = nfc(envelope).upper(), nfc(named_person), nfc(summary_agreed_by)
    if envelope and envelope != ENVELOPE[level]:
        raise ValidationError({"envelope": f"Bì có dấu chữ {envelope} không khớp độ {level} "
                                           f"(phải là chữ {ENVELOPE[level]})."})
    if named_only and not named_person:
        raise ValidationError({"named_person": "Bì “Chỉ người có tên mới được bóc bì”: cần ghi người có tên."})
    summary = nfc(draft.summary)
    if named_only and book_key == "secret_incoming" and not summary:
        summary = UNOPENED
    hold_back = ""
    if summary and policy(session, level).no_summary:
        if not agreed:
            raise ValidationError({"summary": f"Văn bản {level} không ghi trích yếu, trừ khi người "
                                              "xác định độ mật đồng ý (ghi rõ người đồng ý)."})
        hold_back, summary = summary, ""  # written after the checks, with the agreement recorded
    shared = None
    if plain is not None:
        from app.secrets import shared_numbers

        shared = shared_numbers.shared_scope(session, book_key, replace(draft, secrecy=level))
        if shared:
            shared_numbers.before(session, plain, shared)
    session.info[guard.OWN_ROW] = True  # this function writes the entry's protection row itself
    try:
        view = service.register(session, book_key, replace(draft, summary=summary, secrecy=level),
                                allow_duplicate=allow_duplicate, now=now, **register_options)
    finally:
        session.info.pop(guard.OWN_ROW, None)
    if shared:
        shared_numbers.after(plain, shared, view.number)
    e = session.get(Entry, view.id)
    if hold_back:
        e.summary = hold_back
        service.refold(session, e)
    set_on = level_set_on or e.doc_date or e.reg_date
    values = dict(envelope=envelope or ENVELOPE[level], named_only=named_only,
                  named_person=named_person, copy_no=nfc(copy_no), summary_agreed_by=agreed,
                  level_set_on=set_on, protected_until=add_years(set_on, TERM_YEARS[level]),
                  recall_by=recall_by, state="held", state_note="")
    # A plain INSERT, not an ORM object: the row is read back by the services when they need it,
    # and the unit of work for one more mapper was a tenth of a registration's extra cost.
    session.execute(insert(SecretMeta.__table__).values(entry_id=e.id, **values))
    m = SimpleNamespace(**values)
    # No event of its own: service.register's "register" event names the book, and its entry
    # hash (sealed at commit) covers the level and envelope row's entry; a second one only
    # doubled the audit work of every secret registration.
    if named_only and book_key == "secret_incoming":
        # Registered unopened and passed at once to the named person (NĐ 26/2020 Điều 4.1b).
        from app.secrets import transfer

        transfer.hand_over(session, e.id, named_person, 1, note="Chuyển ngay, chưa bóc bì",
                           on=(now or dt.datetime.now()).date())
        return item(session, e.id, audit=False)
    return _item(EntryView.of(e, book_key) if hold_back else view, m, False)


def _visible(session: Session, q):
    return q.where(Entry.secrecy.in_(access.visible_levels(session)))


def find(session: Session, f: query.Filter) -> list[int]:
    """Ids in register order, only those of levels the actor is cleared for."""
    access.require(session)
    if f.book_key not in SECRET_BOOKS:
        raise ValidationError({"book": "Không phải sổ văn bản mật."})
    found = query.ids(session, f)
    allowed = set(access.visible_levels(session))
    if len(allowed) == len(LEVELS):
        return found
    # The FTS fast path reads rowids without the ORM, so the store's guard cannot narrow it.
    hidden = set(session.scalars(select(Entry.id).where(Entry.secrecy.not_in(allowed))
                                 .execution_options(secret_unfiltered=True)))
    return [i for i in found if i not in hidden]


def items(session: Session, ids: list[int]) -> list[SecretItem]:
    access.require(session)
    allowed = set(access.visible_levels(session))
    views = [v for v in query.rows(session, ids) if v.secrecy in allowed]
    shown = [v.id for v in views]
    # Plain rows through the connection, not ORM objects: a page of results costs less.
    t = SecretMeta.__table__
    handed = exists().where(SecretTransfer.entry_id == t.c.entry_id).label("handed")
    metas = {m.entry_id: m for m in session.connection().execute(
        select(t, handed).where(t.c.entry_id.in_(shown)))}
    return [_item(v, metas.get(v.id), bool(metas[v.id].handed) if v.id in metas else False)
            for v in views]


def _item(v: EntryView, m: SecretMeta | None, handed: bool) -> SecretItem:
    if m is None:  # an entry moved from the ordinary store before this table existed
        day = v.doc_date or v.reg_date
        return SecretItem(v, ENVELOPE.get(v.secrecy, ""), False, "", "", "", day,
                          add_years(day, TERM_YEARS.get(v.secrecy, 10)), None, "held", "", handed)
    return SecretItem(v, m.envelope, m.named_only, m.named_person, m.copy_no, m.summary_agreed_by,
                      m.level_set_on, m.protected_until, m.recall_by, m.state, m.state_note, handed)


def item(session: Session, entry_id: int, audit: bool = True) -> SecretItem:
    """One item; opening it for reading is an audited event (issue 13, item 8)."""
    e = session.get(Entry, entry_id)
    b = session.get(Book, e.book_id) if e else None
    if e is None or b is None or not b.secret:
        raise NotFound(f"Không tìm thấy văn bản mật #{entry_id}.")
    access.require(session, e.secrecy)
    if audit:
        events.record(session, "secret_open", e.id)
    handed = session.scalar(select(exists().where(SecretTransfer.entry_id == e.id)))
    return _item(EntryView.of(e, b.key), session.get(SecretMeta, e.id), bool(handed))


def meta(session: Session, entry_id: int) -> SecretMeta:
    """The live row (created for entries moved in without one), for the services' writes."""
    m = session.get(SecretMeta, entry_id)
    if m is None:
        it = item(session, entry_id, audit=False)
        m = SecretMeta(entry_id=entry_id, envelope=it.envelope, level_set_on=it.level_set_on,
                       protected_until=it.protected_until, state="held")
        session.add(m)
        session.flush()
    return m


def urgent_first(session: Session, book_key: str = "secret_incoming") -> list[SecretItem]:
    """Urgent items not yet handed over, oldest first: the window shows them on top, flagged."""
    access.require(session)
    q = _visible(session, select(Entry.id).join(Book, Book.id == Entry.book_id)
                 .where(Book.key == book_key, Entry.urgency != "", Entry.status == "registered",
                        ~exists().where(SecretTransfer.entry_id == Entry.id))
                 .order_by(Entry.received_at, Entry.id))
    return [i for i in items(session, list(session.scalars(q))) if i.urgent_pending]


def count(session: Session, book_key: str) -> int:
    access.require(session)
    return len(find(session, query.Filter(book_key)))
