"""Models of the archive capability; they share db.models.Base (one schema, one Alembic history).

A year's file plan (Danh mục hồ sơ) has headings (đề mục lớn / nhỏ) and work files (hồ sơ);
a register entry joins a file through hoso_entry, so one document may be in several files
without being copied. Nothing is deleted: a document taken out of a file keeps its row with
removed_at, and every change of a file's state is an hoso_event."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from db.models import Base


class FilePlan(Base):
    __tablename__ = "file_plan"
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    numbering: Mapped[str] = mapped_column(String(12), default="continuous")  # | "per_heading"
    decision_number: Mapped[str] = mapped_column(String(60), default="")
    decision_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    organ_id: Mapped[str] = mapped_column(String(13), default="")  # mã định danh cơ quan
    period: Mapped[str] = mapped_column(String(8), default="quarter")  # handover: quarter|half|year
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)


class FileHeading(Base):
    """Đề mục: parent_id None is a đề mục lớn (Roman numeral, with its abbreviation)."""
    __tablename__ = "file_heading"
    __table_args__ = (Index("ix_file_heading_year", "year", "parent_id", "ordinal"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(Integer)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("file_heading.id"), nullable=True)
    ordinal: Mapped[int] = mapped_column(Integer)
    abbr: Mapped[str] = mapped_column(String(20), default="")
    title: Mapped[str] = mapped_column(String(300))


class Hoso(Base):
    __tablename__ = "hoso"
    __table_args__ = (UniqueConstraint("year", "code", name="uq_hoso_year_code"),
                      Index("ix_hoso_state", "year", "state"))
    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(Integer)
    heading_id: Mapped[int | None] = mapped_column(ForeignKey("file_heading.id"), nullable=True)
    ordinal: Mapped[int] = mapped_column(Integer)
    code: Mapped[str] = mapped_column(String(20))  # số và ký hiệu hồ sơ, e.g. 01.TCCB
    title: Mapped[str] = mapped_column(String(500))
    retention: Mapped[str] = mapped_column(String(40))  # Vĩnh viễn | 70 năm | … | Đến khi …
    creator: Mapped[str] = mapped_column(String(60), default="")  # người lập hồ sơ
    rights: Mapped[str] = mapped_column(String(30), default="Công khai")  # chế độ sử dụng
    language: Mapped[str] = mapped_column(String(30), default="Tiếng Việt")
    description: Mapped[str] = mapped_column(Text, default="")  # ghi chú
    in_plan: Mapped[bool] = mapped_column(Boolean, default=True)
    state: Mapped[str] = mapped_column(String(12), default="open")  # open|closed|in_handover|handed_over
    opened_on: Mapped[dt.date] = mapped_column(Date)
    closed_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    start_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    end_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    sheets: Mapped[int | None] = mapped_column(Integer, nullable=True)  # số tờ (paper)
    pages: Mapped[int | None] = mapped_column(Integer, nullable=True)  # số trang
    closing_note: Mapped[str] = mapped_column(Text, default="")  # chứng từ kết thúc
    handover_id: Mapped[int | None] = mapped_column(ForeignKey("handover.id"), nullable=True)
    handed_over_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)


class HosoEntry(Base):
    __tablename__ = "hoso_entry"
    __table_args__ = (Index("ix_hoso_entry_entry", "entry_id"),)
    hoso_id: Mapped[int] = mapped_column(ForeignKey("hoso.id"), primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("entry.id"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer)
    added_at: Mapped[dt.datetime] = mapped_column(DateTime)
    added_by: Mapped[str] = mapped_column(String(64), default="")
    removed_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)


class HosoEvent(Base):
    __tablename__ = "hoso_event"
    id: Mapped[int] = mapped_column(primary_key=True)
    hoso_id: Mapped[int] = mapped_column(ForeignKey("hoso.id"), index=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime)
    user: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(30))
    detail: Mapped[str] = mapped_column(Text, default="")


class Handover(Base):
    """A deposit batch. A failed export keeps its row (state 'failed'): minutes numbers are
    never reused, and its files go back to 'closed'."""
    __tablename__ = "handover"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)  # External-Identifier
    year: Mapped[int] = mapped_column(Integer)
    period: Mapped[str] = mapped_column(String(8))  # Q1..Q4 | H1 H2 | Y
    date_from: Mapped[dt.date] = mapped_column(Date)
    date_to: Mapped[dt.date] = mapped_column(Date)
    minutes_number: Mapped[str] = mapped_column(String(40))
    state: Mapped[str] = mapped_column(String(12), default="preparing")  # preparing|handed_over|failed
    giver_name: Mapped[str] = mapped_column(String(60), default="")
    giver_position: Mapped[str] = mapped_column(String(100), default="")
    receiver_name: Mapped[str] = mapped_column(String(60), default="")
    receiver_position: Mapped[str] = mapped_column(String(100), default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    created_by: Mapped[str] = mapped_column(String(64), default="")
    handed_over_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    package_path: Mapped[str] = mapped_column(String(500), default="")
    failure: Mapped[str] = mapped_column(Text, default="")
