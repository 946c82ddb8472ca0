"""The secret store: a second SQLite file encrypted with SQLCipher under a raw 256-bit key.

It carries the ordinary schema (db/migrations, so the register services work on it unchanged)
and its own tables (db/models_secret.py, history in db/secret_migrations). Temporary tables and
indices are kept in memory, and the WAL is encrypted like the file, so no page of it reaches
the disk in clear."""
from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.pool import QueuePool

from db import migrate

MIGRATIONS = Path(__file__).resolve().parent / "secret_migrations"
HEAD = "s001"
BUSY_TIMEOUT_MS = 15000


class WrongKey(Exception):
    """The key does not open this file (or the file is not a secret store)."""


class InUse(Exception):
    """Another connection (another program) has the file open: it cannot be re-keyed now."""


def _connect(path: Path, key: bytes):
    import sqlcipher3.dbapi2 as sqlcipher

    conn = sqlcipher.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher.DatabaseError as exc:
        conn.close()
        raise WrongKey(str(exc)) from None
    return conn


def check_key(path: Path, key: bytes) -> None:
    _connect(Path(path), key).close()


def rekey(path: Path | str, old: bytes, new: bytes) -> None:
    """Re-encrypts every page under `new` (PRAGMA rekey), on a connection of its own.

    SQLCipher 4 re-keys safely only outside WAL mode, so the file goes to a rollback journal for
    the while (which also proves no other connection is open: leaving WAL needs the file alone),
    and the whole re-encryption is one transaction: a crash leaves the old key's file intact."""
    import sqlcipher3.dbapi2 as sqlcipher

    path = Path(path)
    conn = _connect(path, old)
    try:
        conn.execute("PRAGMA busy_timeout=2000")
        try:
            mode = conn.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
        except sqlcipher.OperationalError as exc:
            raise InUse(str(exc)) from None
        if str(mode).lower() != "delete":
            raise InUse(f"journal_mode={mode}")
        conn.execute(f"PRAGMA rekey = \"x'{new.hex()}'\"")
        conn.execute("PRAGMA journal_mode=WAL")
    finally:
        conn.close()
    check_key(path, new)


def make_engine(path: Path | str, key: bytes) -> Engine:
    import sqlcipher3.dbapi2 as sqlcipher

    path = Path(path)
    # LIFO: the connection just used is used again, its page cache still warm. Each page read
    # into a cold cache is decrypted and checked, which plain SQLite never pays.
    # The URL names the file (the creator does the connecting): tools that key on the URL,
    # such as the audit log's table check, then see one file, not an in-memory database.
    engine = create_engine(f"sqlite:///{path}", module=sqlcipher, creator=lambda: _connect(path, key),
                           poolclass=QueuePool, pool_size=2, pool_use_lifo=True)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):
        dbapi_conn.isolation_level = None
        for pragma in ("foreign_keys=ON", "journal_mode=WAL", "synchronous=FULL",
                       f"busy_timeout={BUSY_TIMEOUT_MS}", "temp_store=MEMORY",
                       "cache_size=-32000"):
            dbapi_conn.execute(f"PRAGMA {pragma}")

    @event.listens_for(engine, "begin")
    def _on_begin(conn):
        mode = "DEFERRED" if conn.get_execution_options().get("read_only") else "IMMEDIATE"
        conn.connection.dbapi_connection.execute(f"BEGIN {mode}")  # straight to the driver

    return engine


def alembic_config():
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        has = conn.execute(text("SELECT 1 FROM sqlite_master WHERE type='table' "
                                "AND name='secret_alembic_version'")).first()
        return conn.execute(text("SELECT version_num FROM secret_alembic_version")).scalar() if has else None


def upgrade(engine: Engine) -> None:
    """The ordinary history first (the shared tables), then the secret tables' own."""
    migrate.upgrade(engine)
    if current_revision(engine) == HEAD:
        return
    from alembic import command

    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
