"""Settings that decide numbers (the State numbering scheme, the Party term) and how a change
of them meets the numbers already issued.

A scheme change in a year that already has outgoing numbers takes effect on 1 January of the
next year, unless the administrator asks to continue each sequence after the highest number it
already holds; a term start may not move over numbers already issued in the term."""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.errors import ValidationError
from app.org import Organisation
from app.registers import numbering
from db.models import Book, Entry


def _outgoing_in(session: Session, year: int):
    return (select(Entry).join(Book, Book.id == Entry.book_id)
            .where(Book.direction == "out", Entry.year == year))


def has_outgoing(session: Session, year: int) -> bool:
    return session.scalar(_outgoing_in(session, year).limit(1)) is not None


def settle(session: Session, old: Organisation, new: Organisation, *, continue_numbers: bool,
           today: dt.date) -> Organisation:
    """`new` as it may be stored, with its scheme history; refuses a term change that would
    issue numbers again."""
    if new.regime == "party":
        _check_term(session, old, new)
    since = json.loads(old.scheme_since) if old.scheme_since else {}
    year = today.year
    in_force = old.scheme_for(year) if old.configured else new.state_scheme
    since.setdefault(str(year), in_force)
    if new.state_scheme == in_force:
        since.pop(str(year + 1), None)  # a change planned for next year, taken back
    elif has_outgoing(session, year) and not continue_numbers:
        since[str(year + 1)] = new.state_scheme
    else:
        since[str(year)] = new.state_scheme
        since.pop(str(year + 1), None)
        _continue(session, replace(new, scheme_since=json.dumps(since)), year)
    return replace(new, scheme_since=json.dumps(dict(sorted(since.items()))))


def effective_year(session: Session, org: Organisation, today: dt.date) -> int:
    """The year from which org.state_scheme numbers the outgoing books."""
    return today.year if org.scheme_for(today.year) == org.state_scheme else today.year + 1


def _continue(session: Session, org: Organisation, year: int) -> None:
    """Each new sequence of `year` starts after the highest number its documents already took."""
    rows = session.execute(
        select(Book.key, Entry.doc_type, Entry.type_abbr, func.max(Entry.number))
        .join(Book, Book.id == Entry.book_id)
        .where(Book.direction == "out", Entry.year == year)
        .group_by(Book.key, Entry.doc_type, Entry.type_abbr)).all()
    highest_per_book: dict[str, int] = {}
    for book_key, type_name, abbr, top in rows:
        highest_per_book[book_key] = max(highest_per_book.get(book_key, 0), top)
        numbering.raise_to(session, numbering.outgoing_scope(org, book_key, year, type_name, abbr), top)
    if org.scheme_for(year) == "all":
        for book_key, top in highest_per_book.items():
            numbering.raise_to(session, f"{book_key}/{year}/all", top)


def _check_term(session: Session, old: Organisation, new: Organisation) -> None:
    if not old.configured or old.regime != "party" or old.term_start == new.term_start:
        return
    scope_prefix = f"party/{old.term_start}/"
    issued = session.execute(select(func.count(), func.max(Entry.doc_date))
                             .where(Entry.scope.startswith(scope_prefix))).one()
    if not issued[0]:
        return
    start = new.term_start_date
    if start is None or start <= issued[1]:
        raise ValidationError({"term_start": (
            f"Nhiệm kỳ hiện tại đã cấp {issued[0]} số văn bản đi, đến ngày "
            f"{issued[1]:%d/%m/%Y}. Nhiệm kỳ mới phải bắt đầu sau ngày đó; không thể sửa ngày "
            "bắt đầu nhiệm kỳ khi đã có số, vì các số sẽ bị cấp lại.")})
