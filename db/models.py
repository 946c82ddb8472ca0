"""Typed models. Nothing is deleted: entries are voided, edits are recorded in entry_change."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean, Date, DateTime, ForeignKey, Index, Integer, String, Text, UniqueConstraint, text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class Setting(Base):
    __tablename__ = "setting"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")


class DocType(Base):
    __tablename__ = "doc_type"
    __table_args__ = (UniqueConstraint("regime", "name"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    regime: Mapped[str] = mapped_column(String(8))  # "state" | "party"
    name: Mapped[str] = mapped_column(String(100))
    abbr: Mapped[str] = mapped_column(String(16), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    sort: Mapped[int] = mapped_column(Integer, default=0)


class Book(Base):
    __tablename__ = "book"
    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    direction: Mapped[str] = mapped_column(String(3))  # "in" | "out"
    secret: Mapped[bool] = mapped_column(Boolean, default=False)


class Sequence(Base):
    """The last number issued in one numbering scope; only ever incremented."""
    __tablename__ = "sequence"
    key: Mapped[str] = mapped_column(String(120), primary_key=True)
    last: Mapped[int] = mapped_column(Integer, default=0)


class Entry(Base):
    __tablename__ = "entry"
    __table_args__ = (
        UniqueConstraint("scope", "number", name="uq_entry_scope_number"),
        Index("ix_entry_book_year_number", "book_id", "year", "number"),
        Index("ix_entry_book_date", "book_id", "reg_date", "id"),
        Index("ix_entry_dup", "book_id", "number_symbol"),
        # The office's own numbers: one số và ký hiệu per book and numbering period, whatever
        # the settings; voided numbers keep theirs, so they are never issued again either.
        Index("uq_entry_issued_symbol", "book_id", "period", "issued_symbol", unique=True,
              sqlite_where=text("issued_symbol IS NOT NULL")),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    book_id: Mapped[int] = mapped_column(ForeignKey("book.id"))
    scope: Mapped[str] = mapped_column(String(120))
    year: Mapped[int] = mapped_column(Integer)
    number: Mapped[int] = mapped_column(Integer)
    period: Mapped[str] = mapped_column(String(40), default="")  # year (State) or term (Party)
    issued_symbol: Mapped[str | None] = mapped_column(String(60), nullable=True)  # outgoing only
    status: Mapped[str] = mapped_column(String(10), default="registered")  # registered|reserved|voided
    void_reason: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    created_by: Mapped[str] = mapped_column(String(64), default="")
    # The date that orders the book: ngày đến for incoming, ngày văn bản for outgoing.
    reg_date: Mapped[dt.date] = mapped_column(Date)
    received_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    issuer: Mapped[str] = mapped_column(String(300), default="")  # tác giả / OrganName
    number_symbol: Mapped[str] = mapped_column(String(60), default="")  # số và ký hiệu
    doc_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    doc_type: Mapped[str] = mapped_column(String(100), default="")
    type_abbr: Mapped[str] = mapped_column(String(16), default="")
    summary: Mapped[str] = mapped_column(Text, default="")  # trích yếu
    recipient_unit: Mapped[str] = mapped_column(String(300), default="")  # đơn vị/người nhận (bản lưu)
    transfer_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    receiver_sign: Mapped[str] = mapped_column(String(200), default="")  # ký nhận
    due_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    urgency: Mapped[str] = mapped_column(String(20), default="")
    secrecy: Mapped[str] = mapped_column(String(20), default="")
    pages: Mapped[int | None] = mapped_column(Integer, nullable=True)  # số tờ
    notes: Mapped[str] = mapped_column(Text, default="")
    signer_position: Mapped[str] = mapped_column(String(100), default="")
    signer_name: Mapped[str] = mapped_column(String(60), default="")
    recipients: Mapped[str] = mapped_column(Text, default="")  # nơi nhận, one per line
    copies: Mapped[int | None] = mapped_column(Integer, nullable=True)
    drafting_unit: Mapped[str] = mapped_column(String(30), default="")
    language: Mapped[str] = mapped_column(String(30), default="Tiếng Việt")
    progress_note: Mapped[str] = mapped_column(Text, default="")  # tiến độ giải quyết
    reply_symbol: Mapped[str] = mapped_column(String(60), default="")  # số, ký hiệu văn bản trả lời
    file_code: Mapped[str] = mapped_column(String(70), default="")  # mã hồ sơ (Phụ lục VI)
    folded: Mapped[str] = mapped_column(Text, default="")  # lower-case, unaccented copy for search


class EntryChange(Base):
    __tablename__ = "entry_change"
    id: Mapped[int] = mapped_column(primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("entry.id"), index=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime)
    user: Mapped[str] = mapped_column(String(64))
    field: Mapped[str] = mapped_column(String(40))
    old: Mapped[str] = mapped_column(Text, default="")
    new: Mapped[str] = mapped_column(Text, default="")


class Attachment(Base):
    """A scanned original kept under its SHA-256, with its OCR text and searchable PDF."""
    __tablename__ = "attachment"
    id: Mapped[int] = mapped_column(primary_key=True)
    entry_id: Mapped[int | None] = mapped_column(ForeignKey("entry.id"), nullable=True, index=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    original_name: Mapped[str] = mapped_column(String(300))
    stored_path: Mapped[str] = mapped_column(String(500))
    pdf_path: Mapped[str] = mapped_column(String(500), default="")
    pdf_sha256: Mapped[str] = mapped_column(String(64), default="", server_default="")  # as written; '' before 0007
    pages: Mapped[int] = mapped_column(Integer, default=0)
    ocr_text: Mapped[str] = mapped_column(Text, default="")
    ocr_folded: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)


class ScanSignature(Base):
    """A digital signature of a kept PDF as read when it was kept (issue 11): who signed, when,
    whether the signed bytes were intact and whether the certificate chained to a root the
    office had imported then."""
    __tablename__ = "scan_signature"
    __table_args__ = (UniqueConstraint("attachment_id", "position"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    attachment_id: Mapped[int] = mapped_column(ForeignKey("attachment.id"))
    position: Mapped[int] = mapped_column(Integer)  # signing order, from 0
    field: Mapped[str] = mapped_column(String(200), default="")
    signer: Mapped[str] = mapped_column(String(300), default="")
    organisation: Mapped[str] = mapped_column(String(300), default="")
    unit: Mapped[str] = mapped_column(String(300), default="")
    signed_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)  # Vietnam's time
    intact: Mapped[bool | None] = mapped_column(Boolean, nullable=True)  # None: could not be checked
    whole_file: Mapped[bool] = mapped_column(Boolean, default=False)
    trusted: Mapped[bool] = mapped_column(Boolean, default=False)


class PrintJob(Base):
    """Each printed book is recorded; printing a secret book is an auditable event."""
    __tablename__ = "print_job"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime)
    user: Mapped[str] = mapped_column(String(64))
    book_key: Mapped[str] = mapped_column(String(32))
    year: Mapped[int | None] = mapped_column(Integer, nullable=True)
    range_text: Mapped[str] = mapped_column(String(200))
    volume: Mapped[int] = mapped_column(Integer)
    pages: Mapped[int] = mapped_column(Integer)
    entries: Mapped[int] = mapped_column(Integer)
    secret: Mapped[bool] = mapped_column(Boolean, default=False)
    target: Mapped[str] = mapped_column(String(500), default="")


# The capabilities' own tables, on the same Base so that Alembic and the schema test see them.
from db import models_archive, models_security, models_tracking  # noqa: E402,F401
