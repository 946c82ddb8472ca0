"""Opening the data folder: the SQLite file, migrations and seed data."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from app import catalogue
from app.storage import StorageError, explain, is_storage_error
from db import engine as db_engine, migrate

ENV_VAR = "VANTHU_DATA_DIR"
DB_NAME = "vanthu.sqlite3"


def default_data_dir() -> Path:
    env = os.environ.get(ENV_VAR)
    return Path(env) if env else Path(platformdirs.user_data_dir("vanthu", appauthor=False))


@dataclass
class Store:
    data_dir: Path
    engine: Engine
    Session: sessionmaker[Session]  # writes: BEGIN IMMEDIATE
    ReadSession: sessionmaker[Session]  # reads: deferred, never blocks a writer

    @property
    def files_dir(self) -> Path:
        return self.data_dir / "files"


def open_store(data_dir: Path | str | None = None, *, secret_books: bool = False) -> Store:
    """Opens (creating or upgrading when needed) the data folder's store. A store already at the
    program's version is opened without taking the write lock, so reading works while another
    program writes. Every fault is a StorageError with a Vietnamese message; the file is never
    changed by a failed open. The secret books live in the encrypted store (app.secrets.store):
    this plain file refuses their entries unless `secret_books` (the demo's throw-away data and
    tests of the numbering rules, never a real office)."""
    data_dir = Path(data_dir) if data_dir else default_data_dir()
    if data_dir.exists() and not data_dir.is_dir():
        raise StorageError(f"“{data_dir}” là một tệp, không phải thư mục dữ liệu. "
                           "Hãy chỉ tới một thư mục (--data-dir).")
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        engine = db_engine.make_engine(data_dir / DB_NAME)
        migrate.upgrade(engine)
        factory = db_engine.session_factory(engine)
        read = db_engine.session_factory(db_engine.read_engine(engine))
        for f in (factory, read):
            f.configure(info={"plain_store": not secret_books})
        with read() as s:
            seeded = catalogue.is_seeded(s)
        if not seeded:
            with factory.begin() as s:
                catalogue.seed(s)
    except migrate.SchemaError as exc:
        raise StorageError(str(exc)) from None
    except Exception as exc:
        if not is_storage_error(exc):
            raise
        raise StorageError(explain(exc)) from None
    return Store(data_dir, engine, factory, read)
