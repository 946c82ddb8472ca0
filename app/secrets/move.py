"""Moving the secret books out of the ordinary store into the encrypted one (issue 13, item 9).

Earlier versions kept secret entries in the plain SQLite file. They are copied, with their
history and their numbering sequences, into the secret store in one transaction there; only
then are they removed from the plain file (the one removal the program makes: a move, not a
deletion from the books), its search index rebuilt, the file vacuumed and its WAL truncated,
so that no page of the plain file still holds their text."""
from __future__ import annotations

from sqlalchemy import inspect, select, text

from app.registers import service
from app.secrets import access, books as secret_books
from app.secrets.access import ENVELOPE, TERM_YEARS
from db.models import Book, Entry, EntryChange, Sequence
from db.models_secret import SecretMeta

COLUMNS = [c.key for c in inspect(Entry).column_attrs if c.key not in ("id", "book_id")]
SECRET_KEYS = ("secret_incoming", "secret_outgoing")


def pending(plain_session) -> int:
    return plain_session.scalar(select(text("count(*)")).select_from(Entry).join(
        Book, Book.id == Entry.book_id).where(Book.secret.is_(True))) or 0


def move_out(plain_store, sstore) -> int:
    """Returns how many entries were moved; running it again moves nothing."""
    with plain_store.ReadSession() as plain:
        if not pending(plain):
            return 0
        plain_books = {b.id: b.key for b in plain.scalars(select(Book).where(Book.secret.is_(True)))}
        entries = list(plain.scalars(select(Entry).where(Entry.book_id.in_(plain_books))
                                     .order_by(Entry.id)))
        changes = {}
        for c in plain.scalars(select(EntryChange).where(EntryChange.entry_id.in_([e.id for e in entries]))
                               .order_by(EntryChange.id)):
            changes.setdefault(c.entry_id, []).append(c)
        seqs = [(q.key, q.last) for q in plain.scalars(select(Sequence).where(
            Sequence.key.like("secret_%")))]
        plain.expunge_all()
    with sstore.Session.begin() as s:
        access.require_admin(s)
        ids = {b.key: b.id for b in s.scalars(select(Book).where(Book.key.in_(SECRET_KEYS)))}
        for key, last in seqs:
            row = s.get(Sequence, key)
            if row is None:
                s.add(Sequence(key=key, last=last))
            else:
                row.last = max(row.last, last)
        for e in entries:
            new = Entry(book_id=ids[plain_books[e.book_id]], **{k: getattr(e, k) for k in COLUMNS})
            s.add(new)
            s.flush()
            service.refold(s, new)  # its search copy names the book by this store's id
            for c in changes.get(e.id, []):
                s.add(EntryChange(entry_id=new.id, at=c.at, user=c.user, field=c.field, old=c.old, new=c.new))
            day = e.doc_date or e.reg_date
            level = e.secrecy if e.secrecy in TERM_YEARS else "Mật"
            s.merge(SecretMeta(entry_id=new.id, envelope=ENVELOPE[level], level_set_on=day,
                             protected_until=secret_books.add_years(day, TERM_YEARS[level]), state="held"))
    moved = [e.id for e in entries]
    with plain_store.Session.begin() as p:
        p.execute(text("PRAGMA secure_delete=ON"))
        for start in range(0, len(moved), 500):
            part = moved[start:start + 500]
            p.execute(EntryChange.__table__.delete().where(EntryChange.entry_id.in_(part)))
            p.execute(Entry.__table__.delete().where(Entry.id.in_(part)))
        p.execute(text("INSERT INTO entry_fts(entry_fts) VALUES('rebuild')"))
    raw = plain_store.engine.raw_connection()  # VACUUM cannot run inside a transaction
    try:
        raw.driver_connection.execute("VACUUM")
        raw.driver_connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        raw.close()
    return len(moved)
