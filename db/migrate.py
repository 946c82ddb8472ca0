"""Applies Alembic migrations at start-up, with no action from the user.

Alembic costs about 0.13 s to import; when the file is already at HEAD (every start but the
first after an update) a plain query says so and Alembic is never loaded."""
from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, text

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
HEAD = "0007"  # the newest revision in migrations/versions; a test keeps the two in step


def alembic_config():
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def current_revision(engine: Engine) -> str | None:
    with engine.execution_options(read_only=True).connect() as conn:  # no write lock to look
        has_table = conn.execute(text(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'")).first()
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar() if has_table else None


class SchemaError(Exception):
    """The file's schema is one this program can't upgrade; the message is for the user."""


def _known(revision: str) -> bool:
    from alembic.script import ScriptDirectory

    return any(s.revision == revision for s in ScriptDirectory.from_config(alembic_config()).walk_revisions())


def _has_tables(engine: Engine) -> bool:
    with engine.execution_options(read_only=True).connect() as conn:
        return conn.execute(text("SELECT 1 FROM sqlite_master WHERE type='table' AND name='entry'")).first() is not None


def upgrade(engine: Engine) -> None:
    current = current_revision(engine)
    if current == HEAD:
        return
    if current is None and _has_tables(engine):
        raise SchemaError("Cơ sở dữ liệu thiếu thông tin phiên bản (bảng alembic_version): không thể "
                          "nâng cấp an toàn. Tệp được giữ nguyên; hãy khôi phục từ bản sao lưu.")
    if current is not None and not _known(current):
        raise SchemaError(f"Dữ liệu do một phiên bản mới hơn của chương trình tạo (phiên bản dữ liệu "
                          f"“{current}”). Hãy cài phiên bản chương trình mới hơn; tệp được giữ nguyên.")
    from alembic import command

    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
