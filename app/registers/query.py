"""Finding entries: ordered id lists for the register views, rows fetched by id."""
from __future__ import annotations

import datetime as dt
import json
from bisect import bisect_left
from dataclasses import dataclass

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from app.registers.views import EntryView
from app.text import fold, fts_query
from db.models import Book, Entry

SORTABLE = {
    "number": (Entry.year, Entry.number), "reg_date": (Entry.reg_date, Entry.id),
    "received_at": (Entry.received_at, Entry.id), "issuer": (Entry.issuer,),
    "number_symbol": (Entry.number_symbol,), "doc_date": (Entry.doc_date,),
    "doc_type": (Entry.doc_type,), "summary": (Entry.summary,),
    "recipient_unit": (Entry.recipient_unit,), "transfer_date": (Entry.transfer_date,),
    "due_date": (Entry.due_date,), "urgency": (Entry.urgency,), "secrecy": (Entry.secrecy,),
    "signer_name": (Entry.signer_name,), "recipients": (Entry.recipients,),
    "copies": (Entry.copies,), "notes": (Entry.notes,), "pages": (Entry.pages,),
    "receiver_sign": (Entry.receiver_sign,), "status": (Entry.status,),
}


@dataclass(frozen=True)
class Filter:
    book_key: str
    year: int | None = None
    text: str = ""
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    doc_type: str = ""
    issuer: str = ""  # part of the name, folded: "so noi vu" finds "Sở Nội vụ tỉnh …"
    recipients: str = ""  # part of a nơi nhận, folded (outgoing books)
    urgency: str = ""
    number_from: int | None = None
    number_to: int | None = None
    sort: str = "number"
    descending: bool = True


def ids(session: Session, f: Filter) -> list[int]:
    book_id, direction = session.execute(
        select(Book.id, Book.direction).where(Book.key == f.book_key)).first() or (None, "")
    match = ""
    if f.text.strip():
        words = fts_query(f.text)
        if not words:
            return []
        scope = f"zbook{book_id}y{f.year}" if f.year else f"zbook{book_id}"
        match = f'"{scope}" {words}'
        if direction == "in" and _only_text(f):
            return _fts_in_register_order(session, book_id, f, words)
    q = select(Entry.id).where(Entry.book_id == book_id)
    if f.year:
        q = q.where(Entry.year == f.year)
    if match:
        q = q.where(Entry.id.in_(
            select(text("rowid")).select_from(text("entry_fts")).where(text("entry_fts MATCH :m"))
        )).params(m=match)
    if f.date_from:
        q = q.where(Entry.reg_date >= f.date_from)
    if f.date_to:
        q = q.where(Entry.reg_date <= f.date_to)
    if f.doc_type:
        q = q.where(Entry.doc_type == f.doc_type)
    for column, typed in ((Entry.issuer, f.issuer), (Entry.recipients, f.recipients)):
        if typed.strip():
            q = q.where(column.in_(_values_containing(session, book_id, column, typed)))
    if f.urgency:
        q = q.where(Entry.urgency == f.urgency)
    if f.number_from is not None:
        q = q.where(Entry.number >= f.number_from)
    if f.number_to is not None:
        q = q.where(Entry.number <= f.number_to)
    order = SORTABLE.get(f.sort, SORTABLE["number"])
    q = q.order_by(*[c.desc() if f.descending else c.asc() for c in order], Entry.id.desc()
                   if f.descending else Entry.id.asc())
    return list(session.scalars(q))


def _values_containing(session: Session, book_id: int, column, typed: str) -> list[str]:
    """The book's distinct values of `column` that contain the typed text, both folded as the
    search folds them. Distinct issuers are a few hundred: folding them here is cheaper than
    a folded copy of each column in every row."""
    needle = " ".join(fold(typed).split())
    values = session.scalars(select(column).distinct().where(Entry.book_id == book_id, column != ""))
    return [v for v in values if needle in " ".join(fold(v).split())]


def _fts_in_register_order(session: Session, book_id: int, f: Filter, words: str) -> list[int]:
    """Incoming books only: there a (book, year) is one sequence whose numbers and ids are taken
    in the same write transaction, so within a year id order is number order and FTS's rowids
    need no join. (Outgoing books may number per type or per term: not so.)"""
    # The raw cursor: 100,000 ids through the ORM's row machinery cost more than the query.
    cursor = session.connection().connection.cursor()
    try:
        if f.year:
            found = _matching(cursor, f'"zbook{book_id}y{f.year}" {words}')
        else:
            found = _years_in_order(cursor, book_id, _matching(cursor, f'"zbook{book_id}" {words}'))
    finally:
        cursor.close()
    return found[::-1] if f.descending else found


def _matching(cursor, match: str) -> list[int]:
    """Matching rowids, ascending. One JSON array rather than one row per id: stepping
    150,000 rows through the driver costs more than the search itself."""
    found = json.loads(cursor.execute(
        "SELECT json_group_array(rowid) FROM entry_fts WHERE entry_fts MATCH ?", (match,)).fetchone()[0])
    found.sort()  # already in rowid order, so one cheap pass; the order is then not assumed
    return found


def _years_in_order(cursor, book_id: int, found: list[int]) -> list[int]:
    """Ascending ids of one incoming book in ascending register order: one search for all years
    rather than one per year, each re-reading the long doclists of common words. A year's ids
    end where a later year's first id begins, except for documents registered late into an
    earlier year: those few are the top of that year's numbers, taken out and put back at the
    end of their year."""
    years: list[tuple[int, int]] = []  # (year, its first and lowest id), each one index seek
    while row := cursor.execute(
            "SELECT year, id FROM entry WHERE book_id = ? AND year > ? ORDER BY year, number LIMIT 1",
            (book_id, years[-1][0] if years else -1)).fetchone():
        years.append(row)
    ends, end = [], float("inf")
    for _, first in reversed(years):
        ends.append(end)
        end = min(end, first)
    ends.reverse()
    late: list[list[int]] = []
    for (year, _), end in zip(years, ends):
        tail = []
        for (i,) in cursor.execute("SELECT id FROM entry WHERE book_id = ? AND year = ?"
                                   " ORDER BY number DESC", (book_id, year)):
            if i < end:
                break
            tail.append(i)
        late.append([i for i in reversed(tail) if _has(found, i)])
    if any(late):
        keep, start = [], 0
        for i in sorted(i for tail in late for i in tail):
            at = bisect_left(found, i)
            keep += found[start:at]
            start = at + 1
        found = keep + found[start:]
    out: list[int] = []
    for (_, first), end, tail in zip(years, ends, late):
        out += found[bisect_left(found, first):bisect_left(found, end)]
        out += tail
    return out


def _has(ordered: list[int], i: int) -> bool:
    at = bisect_left(ordered, i)
    return at < len(ordered) and ordered[at] == i


def _only_text(f: Filter) -> bool:
    return (f.sort == "number" and not any(
        (f.date_from, f.date_to, f.doc_type, f.issuer, f.recipients, f.urgency))
        and f.number_from is None and f.number_to is None)


def rows(session: Session, entry_ids: list[int]) -> list[EntryView]:
    """Rows for the given ids, in the same order."""
    if not entry_ids:
        return []
    keys = dict(session.execute(select(Book.id, Book.key)).all())
    # Columns, not entities: a handover's metadata asks for thousands of rows at once.
    found = {}
    for start in range(0, len(entry_ids), 900):
        for row in session.execute(select(Entry.book_id, *_VIEW_COLUMNS).where(Entry.id.in_(entry_ids[start:start + 900]))):
            values = row._asdict()
            found[row.id] = EntryView(book_key=keys[values.pop("book_id")], **values)
    return [found[i] for i in entry_ids if i in found]


_VIEW_COLUMNS = tuple(getattr(Entry, name) for name in EntryView.__dataclass_fields__ if name != "book_key")


def years(session: Session, book_key: str) -> list[int]:
    q = (select(Entry.year).distinct().join(Book, Book.id == Entry.book_id)
         .where(Book.key == book_key).order_by(Entry.year.desc()))
    return list(session.scalars(q))


def completions(session: Session, field: str, limit: int = 500, *, secret: bool = False) -> list[str]:
    """Earlier values of tác giả / nơi nhận / đơn vị nhận, most used first. Only the ordinary
    books' values unless `secret`: the name of a body writing to the secret books is itself
    something a clerk of the ordinary book should not be shown."""
    column = {"issuer": Entry.issuer, "recipient_unit": Entry.recipient_unit,
              "signer_name": Entry.signer_name, "signer_position": Entry.signer_position,
              "recipients": Entry.recipients}[field]
    q = select(column, func.count()).where(column != "")
    if not secret:
        q = q.join(Book, Book.id == Entry.book_id).where(Book.secret.is_(False))
    q = q.group_by(column).order_by(func.count().desc()).limit(limit)
    values = [v for v, _ in session.execute(q)]
    if field == "recipients":
        seen: dict[str, None] = {}
        for v in values:
            for line in v.splitlines():
                seen.setdefault(line.strip().lstrip("- ").rstrip(";."), None)
        values = [v for v in seen if v]
    return values



def recent_summaries(session: Session, limit: int = 5000) -> list[str]:
    """The latest trích yếu of every book: the office's own wording, for OCR's spelling."""
    q = select(Entry.summary).where(Entry.summary != "").order_by(Entry.id.desc()).limit(limit)
    return list(session.scalars(q))
