"""Number allocation: scopes, symbols, atomic increments.

A scope is a string naming one sequence. Its `last` value only ever grows, inside the
caller's write transaction (which the engine opens with BEGIN IMMEDIATE), so two
registrations, even from two processes, can never take the same number. The unique
constraint (scope, number) on entry is the second line of defence.
"""
from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select, update
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm import Session

from app.org import Organisation
from app.text import fold
from db.models import Sequence


def incoming_scope(book_key: str, year: int) -> str:
    return f"{book_key}/{year}"


def type_part(type_name: str, type_abbr: str) -> str:
    return type_abbr or fold(type_name).replace(" ", "-")


def outgoing_scope(org: Organisation, book_key: str, year: int, type_name: str, type_abbr: str) -> str:
    part = type_part(type_name, type_abbr)
    if org.regime == "party":
        # HD 36: per term and per type; secret documents continue their type's sequence,
        # so the book is not part of the key. Types sharing an abbreviation (QĐ) share it too.
        return f"party/{org.term_start}/{part}"
    scheme = part if org.scheme_for(year) == "per_type" else "all"
    # NĐ 30 Điều 15.2: secret documents have their own sequence: the book is in the key.
    return f"{book_key}/{year}/{scheme}"


def period_of(org: Organisation, year: int) -> str:
    """The numbering period an outgoing number belongs to: the year (State) or the term (Party).
    Within one period a book never holds the same số và ký hiệu twice (a unique index)."""
    return f"term:{org.term_start}" if org.regime == "party" else str(year)


def raise_to(session: Session, scope: str, last: int) -> None:
    """Makes the next number of `scope` at least last + 1 (a counter never goes down)."""
    session.execute(insert(Sequence).values(key=scope, last=last)
                    .on_conflict_do_update(index_elements=[Sequence.key],
                                           set_={"last": func.max(Sequence.last, last)}))


def allocate(session: Session, scope: str) -> int:
    session.execute(insert(Sequence).values(key=scope, last=0).on_conflict_do_nothing())
    return session.execute(
        update(Sequence).where(Sequence.key == scope).values(last=Sequence.last + 1)
        .returning(Sequence.last)
    ).scalar_one()


def peek(session: Session, scope: str) -> int:
    """The number the next allocation in this scope will take (for the form's preview)."""
    last = session.scalar(select(Sequence.last).where(Sequence.key == scope))
    return (last or 0) + 1


def compose_symbol(org: Organisation, number: int, type_abbr: str, drafting_unit: str = "") -> str:
    n = f"{number:02d}"
    if org.regime == "party":
        return f"{n}-{type_abbr or 'CV'}/{org.org_abbr}"
    if type_abbr:
        return f"{n}/{type_abbr}-{org.org_abbr}"
    # Công văn carries no type abbreviation: issuer then the drafting unit (NĐ 30 PL I).
    return f"{n}/{org.org_abbr}-{drafting_unit}" if drafting_unit else f"{n}/{org.org_abbr}"


def term_of(org: Organisation, day: dt.date) -> str:
    return org.term_start if org.regime == "party" else str(day.year)
