"""Applies Alembic migrations at start-up, with no action from the user.

Alembic costs about 0.13 s to import; when the file is already at HEAD (every start but the
first after an update) a plain query says so and Alembic is never loaded."""
from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, text

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
HEAD = "0005"  # the newest revision in migrations/versions; a test keeps the two in step


def alembic_config():
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        has_table = conn.execute(text(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'")).first()
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar() if has_table else None


def upgrade(engine: Engine) -> None:
    if current_revision(engine) == HEAD:
        return
    from alembic import command

    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
