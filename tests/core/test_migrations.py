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
