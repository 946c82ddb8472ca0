"""Models of the security capability; they share db.models.Base (one schema, one Alembic history)."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, DateTime, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.models import Base


class User(Base):
    """A person who logs in; never deleted, only disabled, so old events keep their author."""
    __tablename__ = "app_user"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    full_name: Mapped[str] = mapped_column(String(200), default="")
    role: Mapped[str] = mapped_column(String(10))  # app.security.actor.ROLES
    clearance: Mapped[str] = mapped_column(String(10), default="none")
    password_hash: Mapped[str] = mapped_column(String(200))  # argon2id, never the password
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    failures: Mapped[int] = mapped_column(Integer, default=0)  # wrong passwords in a row
    wait_until: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)


class AuditEvent(Base):
    """One link of the hash chain. Every column is text or integer, written exactly as hashed,
    so that verifying reads back the very bytes that were hashed (app/security/chain.py)."""
    __tablename__ = "audit_event"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[str] = mapped_column(String(26))  # ISO local time
    user: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(40), index=True)
    entry_id: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True)
    details: Mapped[str] = mapped_column(Text, default="")  # JSON
    entry_hash: Mapped[str] = mapped_column(String(64), default="")  # the entry's content after
    prev: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64), unique=True)
