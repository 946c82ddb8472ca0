"""Party numbering across the two stores (HD 36-HD/VPTW): a secret outgoing document continues
its type's sequence, shared with the ordinary documents, but the two books live in two files.

Before the secret store allocates, its copy of the sequence is raised to the plain store's; after,
the plain store's is raised to the number taken. The caller nests the plain transaction inside
the secret one, so the plain file commits first: if the secret commit then fails, the plain
sequence has a gap (a number never used), never a number used twice. The plain store receives
only the scope name and a count, nothing of the document."""
from __future__ import annotations

from dataclasses import replace

from sqlalchemy import select, update
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm import Session

from app import org as org_mod
from app.registers import service
from app.registers.draft import Draft, clean
from db.models import Sequence


def shared_scope(secret: Session, book_key: str, draft: Draft) -> str | None:
    """The sequence a Party secret outgoing draft shares with the plain store, else None."""
    if book_key != "secret_outgoing" or org_mod.load(secret).regime != "party":
        return None
    b = service.book(secret, book_key)
    d = clean(replace(draft, summary=draft.summary or "-"), b.direction, b.secret)
    scope, _year, _abbr = service.scope_and_year(secret, b, d, None)
    return scope


def _raise(session: Session, scope: str, to: int) -> None:
    session.execute(insert(Sequence).values(key=scope, last=0).on_conflict_do_nothing())
    session.execute(update(Sequence).where(Sequence.key == scope, Sequence.last < to).values(last=to))


def before(secret: Session, plain: Session, scope: str) -> None:
    last = plain.scalar(select(Sequence.last).where(Sequence.key == scope)) or 0
    _raise(secret, scope, last)


def after(plain: Session, scope: str, number: int) -> None:
    _raise(plain, scope, number)
