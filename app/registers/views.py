"""Frozen values handed to the UI and the command line; never live ORM objects."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from db.models import Entry


@dataclass(frozen=True)
class EntryView:
    id: int
    book_key: str
    year: int
    number: int
    status: str
    void_reason: str
    reg_date: dt.date
    received_at: dt.datetime | None
    issuer: str
    number_symbol: str
    doc_date: dt.date | None
    doc_type: str
    summary: str
    recipient_unit: str
    transfer_date: dt.date | None
    receiver_sign: str
    due_date: dt.date | None
    urgency: str
    secrecy: str
    pages: int | None
    notes: str
    signer_position: str
    signer_name: str
    recipients: str
    copies: int | None
    drafting_unit: str
    progress_note: str
    reply_symbol: str
    created_at: dt.datetime
    created_by: str

    @classmethod
    def of(cls, e: Entry, book_key: str) -> "EntryView":
        return cls(**{name: getattr(e, name) for name in cls.__dataclass_fields__ if name != "book_key"},
                   book_key=book_key)

    def as_json(self) -> dict:
        out = {}
        for name in self.__dataclass_fields__:
            value = getattr(self, name)
            out[name] = value.isoformat() if isinstance(value, (dt.date, dt.datetime)) else value
        return out


@dataclass(frozen=True)
class ChangeView:
    at: dt.datetime
    user: str
    field: str
    old: str
    new: str


@dataclass(frozen=True)
class Changes:
    """What a write touched, so each view refreshes only when it cares."""
    book_key: str
    entry_ids: tuple[int, ...] = ()
