"""Models and migrations agree; a fresh file gets every PRAGMA the store promises."""
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text

from db import migrate
from db.models import Base


def test_models_match_migrations(store):
    with store.engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={
            "include_name": lambda name, type_, _p: not (type_ == "table" and name.startswith("entry_fts")),
        })
        diff = compare_metadata(ctx, Base.metadata)
    assert diff == []


def test_pragmas(store):
    with store.engine.connect() as conn:
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL


def test_reopening_is_idempotent(tmp_path):
    from app.store import open_store

    first = open_store(tmp_path)
    with first.Session.begin() as s:
        books = s.execute(text("SELECT count(*) FROM book")).scalar()
    second = open_store(tmp_path)
    with second.Session.begin() as s:
        assert s.execute(text("SELECT count(*) FROM book")).scalar() == books == 4
        assert s.execute(text("SELECT version_num FROM alembic_version")).scalar() == migrate.HEAD


def test_head_constant_matches_the_migration_scripts():
    from alembic.script import ScriptDirectory

    from db import migrate

    assert ScriptDirectory.from_config(migrate.alembic_config()).get_current_head() == migrate.HEAD


def test_symbols_issued_twice_before_0002_are_kept_and_marked(tmp_path):
    """A book from before the fix may hold the same symbol twice (a scheme change mid-year): the
    upgrade keeps both lines, indexes the first and marks the second for the clerk."""
    from alembic import command

    from app.store import open_store
    from db import engine as db_engine

    engine = db_engine.make_engine(tmp_path / "vanthu.sqlite3")
    cfg = migrate.alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
        conn.execute(text("INSERT INTO book (id, key, name, direction, secret) "
                          "VALUES (2, 'outgoing', 'Sổ đi', 'out', 0)"))
        for i, scope in ((1, "outgoing/2026/all"), (2, "outgoing/2026/all"), (3, "outgoing/2026/QĐ")):
            number = 1 if i == 3 else i
            conn.execute(text(
                "INSERT INTO entry (id, book_id, scope, year, number, status, void_reason, created_at, "
                "created_by, reg_date, issuer, number_symbol, doc_type, type_abbr, summary, "
                "recipient_unit, receiver_sign, urgency, secrecy, notes, signer_position, signer_name, "
                "recipients, drafting_unit, language, progress_note, reply_symbol, file_code, folded) "
                "VALUES (:i, 2, :scope, 2026, :n, 'registered', '', '2026-03-01', '', '2026-03-01', '', "
                ":sym, 'Quyết định', 'QĐ', 'x', '', '', '', '', '', '', 'A', '', '', '', '', '', '', '')"),
                {"i": i, "scope": scope, "n": number, "sym": f"{number:02d}/QĐ-SNV"})
    engine.dispose()
    store = open_store(tmp_path)
    with store.ReadSession() as s:
        rows = s.execute(text("SELECT id, period, issued_symbol, notes FROM entry ORDER BY id")).all()
        marked = s.execute(text("SELECT entry_id FROM entry_change")).scalars().all()
    assert [(r[0], r[1], r[2]) for r in rows] == [(1, "2026", "01/QĐ-SNV"), (2, "2026", "02/QĐ-SNV"),
                                                  (3, "2026", None)]
    assert "#1" in rows[2][3] and marked == [3]
