"""Tables of the secret store only (db/secret_store.py), on their own Base and Alembic history.

The secret store also carries the ordinary schema (book, entry, sequence, entry_change, the FTS
index…, migrated by db/migrate.py) so that app/registers and app/printing work unchanged on a
secret-store Session; these tables add what only secret documents have. Entry ids here are ids
of the secret store's own entry table; nothing points into the ordinary store."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, Date, DateTime, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class SecretBase(DeclarativeBase):
    pass


class SecretMeta(SecretBase):
    """What the register line of a secret entry does not hold: envelope, copy number, terms."""
    __tablename__ = "secret_meta"
    entry_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    envelope: Mapped[str] = mapped_column(String(1), default="")  # A | B | C (outer envelope mark)
    named_only: Mapped[bool] = mapped_column(Boolean, default=False)  # "Chỉ người có tên mới được bóc bì"
    named_person: Mapped[str] = mapped_column(String(200), default="")
    copy_no: Mapped[str] = mapped_column(String(20), default="")  # bản số
    summary_agreed_by: Mapped[str] = mapped_column(String(200), default="")  # Tuyệt mật trích yếu
    level_set_on: Mapped[dt.date] = mapped_column(Date)
    protected_until: Mapped[dt.date] = mapped_column(Date)
    recall_by: Mapped[dt.date | None] = mapped_column(Date, nullable=True)  # "Tài liệu thu hồi"
    state: Mapped[str] = mapped_column(String(12), default="held")  # held|declassified|destroyed
    state_note: Mapped[str] = mapped_column(Text, default="")


class SecretTransfer(SecretBase):
    """One line of the Sổ chuyển giao (mẫu 16); open while returned_on is empty."""
    __tablename__ = "secret_transfer"
    id: Mapped[int] = mapped_column(primary_key=True)
    entry_id: Mapped[int] = mapped_column(Integer, index=True)
    copy_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    on: Mapped[dt.date] = mapped_column(Date)
    copies: Mapped[int] = mapped_column(Integer)
    receiver: Mapped[str] = mapped_column(String(200), index=True)
    unit: Mapped[str] = mapped_column(String(200), default="")
    handed_by: Mapped[str] = mapped_column(String(64))
    note: Mapped[str] = mapped_column(Text, default="")
    returned_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    return_note: Mapped[str] = mapped_column(Text, default="")
    recall_id: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True)


class SecretAuthoriser(SecretBase):
    """A person allowed to permit copying (domain.md §3.5) up to a level."""
    __tablename__ = "secret_authoriser"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    title: Mapped[str] = mapped_column(String(200), default="")
    max_level: Mapped[str] = mapped_column(String(20))  # Mật | Tối mật | Tuyệt mật
    max_copies: Mapped[int] = mapped_column(Integer, default=10)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class SecretCopy(SecretBase):
    """One act of sao, chụp (a line of mẫu 12); its copies are numbered first_no..last_no."""
    __tablename__ = "secret_copy"
    __table_args__ = (UniqueConstraint("entry_id", "first_no"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    entry_id: Mapped[int] = mapped_column(Integer, index=True)
    on: Mapped[dt.date] = mapped_column(Date)
    form: Mapped[str] = mapped_column(String(10))  # sao-y | sao-luc | trich-sao | chup
    copies: Mapped[int] = mapped_column(Integer)
    first_no: Mapped[int] = mapped_column(Integer)
    last_no: Mapped[int] = mapped_column(Integer)
    authorised_by: Mapped[str] = mapped_column(String(200))
    done_by: Mapped[str] = mapped_column(String(64))
    receiver: Mapped[str] = mapped_column(String(200), default="")
    note: Mapped[str] = mapped_column(Text, default="")


class SecretRecall(SecretBase):
    """Recall of what one official holds (retiring, moving): open until every item is back."""
    __tablename__ = "secret_recall"
    id: Mapped[int] = mapped_column(primary_key=True)
    person: Mapped[str] = mapped_column(String(200), index=True)
    reason: Mapped[str] = mapped_column(Text, default="")
    opened_on: Mapped[dt.date] = mapped_column(Date)
    opened_by: Mapped[str] = mapped_column(String(64))
    closed_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)


class SecretDecision(SecretBase):
    """A change of protection: level set, raised, lowered, term extended, declassified."""
    __tablename__ = "secret_decision"
    id: Mapped[int] = mapped_column(primary_key=True)
    entry_id: Mapped[int] = mapped_column(Integer, index=True)
    kind: Mapped[str] = mapped_column(String(12))  # raise|lower|extend|declassify
    old_level: Mapped[str] = mapped_column(String(20), default="")
    new_level: Mapped[str] = mapped_column(String(20), default="")
    decision_no: Mapped[str] = mapped_column(String(60), default="")
    decision_date: Mapped[dt.date] = mapped_column(Date)
    decided_by: Mapped[str] = mapped_column(String(200), default="")
    until: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    recorded_by: Mapped[str] = mapped_column(String(64))
    recorded_at: Mapped[dt.datetime] = mapped_column(DateTime)


class SecretDestruction(SecretBase):
    """Hồ sơ tiêu hủy: proposal → decision → minutes; its items are rows of secret_destroy_item."""
    __tablename__ = "secret_destruction"
    id: Mapped[int] = mapped_column(primary_key=True)
    proposed_on: Mapped[dt.date] = mapped_column(Date)
    proposed_by: Mapped[str] = mapped_column(String(64))
    reason: Mapped[str] = mapped_column(Text, default="")
    decision_no: Mapped[str] = mapped_column(String(60), default="")
    decision_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    decided_by: Mapped[str] = mapped_column(String(200), default="")
    council: Mapped[str] = mapped_column(Text, default="")  # members, one per line
    destroyed_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    method: Mapped[str] = mapped_column(String(200), default="")
    state: Mapped[str] = mapped_column(String(10), default="proposed")  # proposed|decided|done


class SecretDestroyItem(SecretBase):
    __tablename__ = "secret_destroy_item"
    __table_args__ = (UniqueConstraint("destruction_id", "entry_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    destruction_id: Mapped[int] = mapped_column(Integer, index=True)
    entry_id: Mapped[int] = mapped_column(Integer, index=True)


class SecretPolicy(SecretBase):
    """Per level: the legal defaults (no trích yếu for Tuyệt mật, no scans above Mật)."""
    __tablename__ = "secret_policy"
    level: Mapped[str] = mapped_column(String(20), primary_key=True)
    no_summary: Mapped[bool] = mapped_column(Boolean, default=False)
    scans_allowed: Mapped[bool] = mapped_column(Boolean, default=False)
    term_years: Mapped[int] = mapped_column(Integer)


class SecretMember(SecretBase):
    """Who may open this store and how far: kept inside the encryption, so nobody can raise
    a clearance by editing a file beside it."""
    __tablename__ = "secret_member"
    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    role: Mapped[str] = mapped_column(String(10))
    clearance: Mapped[str] = mapped_column(String(10))
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class SecretEvent(SecretBase):
    """The secret store's own audit trail (openings, prints, copies, refusals), hash-chained;
    it stays inside the encryption because its details name secret items."""
    __tablename__ = "secret_event"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[str] = mapped_column(String(26))
    user: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(40), index=True)
    entry_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    details: Mapped[str] = mapped_column(Text, default="")
    prev: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64), unique=True)
