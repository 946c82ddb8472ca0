"""Engine and session factory for the one SQLite file.

Every write transaction starts with BEGIN IMMEDIATE so that two processes on the same
file queue up for the write lock instead of failing half-way through an allocation.
Readers (the register views) use a deferred engine so they never hold up a writer.
"""
from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

BUSY_TIMEOUT_MS = 15000
FIRST_WAIT_MS = 1000  # after this, whoever waits for the write lock is told ("đang chờ…")

# Called with no argument when a writer starts waiting for another program's lock; the CLI
# prints a line, the window shows it in the status bar.
on_wait: list = []


def make_engine(path: Path | str) -> Engine:
    url = "sqlite://" if str(path) == ":memory:" else f"sqlite:///{Path(path)}"
    engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):
        # Let SQLAlchemy's begin event, not the driver, decide how transactions open.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=FULL")
        cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):
        if conn.get_execution_options().get("read_only"):
            conn.exec_driver_sql("BEGIN DEFERRED")
            return
        raw = conn.connection.dbapi_connection
        raw.execute(f"PRAGMA busy_timeout={FIRST_WAIT_MS}")
        try:
            raw.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) and "busy" not in str(exc):
                raise
            for notify in list(on_wait):
                notify()
            raw.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS - FIRST_WAIT_MS}")
            raw.execute("BEGIN IMMEDIATE")
        finally:
            raw.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")

    return engine


def read_engine(engine: Engine) -> Engine:
    return engine.execution_options(read_only=True)


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)
