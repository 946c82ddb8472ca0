"""Models of the tracking capability; they share db.models.Base (one schema, one Alembic history).

The deadline date itself stays in entry.due_date (Phụ lục VI DueDate, shown and printed by the
registers), the progress note in entry.progress_note and the reply's symbol in
entry.reply_symbol; the tables here hold what the entry table has no room for."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, DateTime, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from db.models import Base


class Tracking(Base):
    """Processing state of one incoming entry. A row exists for every entry with a deadline
    (triggers in migration 0005 add it when entry.due_date is set by any path), so the
    overdue list reads only the open rows, never the whole register."""
    __tablename__ = "tracking"
    __table_args__ = (Index("ix_tracking_state", "state"),)
    entry_id: Mapped[int] = mapped_column(ForeignKey("entry.id"), primary_key=True)
    state: Mapped[str] = mapped_column(String(10), default="open")  # open | doing | done
    done_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    rule: Mapped[str] = mapped_column(String(12), default="")  # date | working_days | urgent
    days: Mapped[int | None] = mapped_column(Integer, nullable=True)
    updated_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    updated_by: Mapped[str] = mapped_column(String(64), default="")


class Answer(Base):
    """A reply (văn bản đi) names an incoming entry it answers."""
    __tablename__ = "answer"
    __table_args__ = (UniqueConstraint("out_entry_id", "in_entry_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    out_entry_id: Mapped[int] = mapped_column(ForeignKey("entry.id"), index=True)
    in_entry_id: Mapped[int] = mapped_column(ForeignKey("entry.id"), index=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime)
    user: Mapped[str] = mapped_column(String(64), default="")


class CalendarDay(Base):
    """A day the office adds to the public calendar: a compensatory day off, or a Saturday worked."""
    __tablename__ = "calendar_day"
    day: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    kind: Mapped[str] = mapped_column(String(4))  # off | work
    note: Mapped[str] = mapped_column(String(200), default="")


class ImportHeading(Base):
    """A spreadsheet heading (folded) and the field the clerk mapped it to, for the next file."""
    __tablename__ = "import_heading"
    direction: Mapped[str] = mapped_column(String(3), primary_key=True)
    heading: Mapped[str] = mapped_column(String(200), primary_key=True)
    field: Mapped[str] = mapped_column(String(40))


class ImportBatch(Base):
    """One import of an old register: what came in, from which file, and which numbers."""
    __tablename__ = "import_batch"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime)
    user: Mapped[str] = mapped_column(String(64), default="")
    book_key: Mapped[str] = mapped_column(String(32))
    source: Mapped[str] = mapped_column(String(500))
    sha256: Mapped[str] = mapped_column(String(64))
    rows: Mapped[int] = mapped_column(Integer)
    summary: Mapped[str] = mapped_column(Text, default="")


class SavedSearch(Base):
    """A register filter saved under a name (TT 01/2019: save and reuse searches)."""
    __tablename__ = "saved_search"
    __table_args__ = (UniqueConstraint("book_key", "name"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    book_key: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(100))
    spec: Mapped[str] = mapped_column(Text)  # JSON of the filter
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
