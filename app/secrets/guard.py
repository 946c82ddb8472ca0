"""The secret store's own guard: whatever path writes or reads entries on a secret-store
Session (app.secrets services, or the ordinary register services and dialogs run on it), the
actor's clearance and the air gap are checked, and each new entry gets its protection row.

Installed on the store's session factories, so no caller can forget it."""
from __future__ import annotations

from sqlalchemy import event
from sqlalchemy.orm import Session, with_loader_criteria

from app.secrets import access, airgap
from app.secrets.access import ENVELOPE, LEVELS, TERM_YEARS
from db.models import Entry
from db.models_secret import SecretMeta


def _before_flush(session: Session, _ctx, _instances) -> None:
    entries = [o for o in (*session.new, *session.dirty) if isinstance(o, Entry)]
    if not entries:
        return
    airgap.require_offline(session)
    for e in entries:
        access.require(session, e.secrecy if e.secrecy in LEVELS else None)


OWN_ROW = "secret_meta_by_caller"  # session.info flag: app.secrets.books writes the row itself


def _after_flush(session: Session, _ctx) -> None:
    from app.secrets.books import add_years

    if session.info.get(OWN_ROW):
        return

    # A new entry's id is new, so only this session can hold its row: no query needed.
    have = {o.entry_id for o in session.new if isinstance(o, SecretMeta)}
    have |= {k[1][0] for k in session.identity_map.keys() if k[0] is SecretMeta}
    for e in [o for o in session.new if isinstance(o, Entry)]:
        if e.id is None or e.secrecy not in LEVELS or e.id in have:
            continue
        day = e.doc_date or e.reg_date
        session.add(SecretMeta(entry_id=e.id, envelope=ENVELOPE[e.secrecy], level_set_on=day,
                               protected_until=add_years(day, TERM_YEARS[e.secrecy]), state="held"))


def _criteria(state) -> None:
    """Entries above the actor's clearance are not there for them, in any ORM query."""
    if not state.is_select or state.execution_options.get("secret_unfiltered"):
        return
    who = state.session.info.get("actor")
    if who is None or who.clearance == "tuyet-mat":
        return
    shown = tuple(level for level in LEVELS if who.cleared_for(access.CODE[level]))
    state.statement = state.statement.options(
        with_loader_criteria(Entry, Entry.secrecy.in_(shown), include_aliases=True))


def install(*factories) -> None:
    for factory in factories:
        event.listen(factory, "before_flush", _before_flush)
        event.listen(factory, "after_flush", _after_flush)
        event.listen(factory, "do_orm_execute", _criteria)
