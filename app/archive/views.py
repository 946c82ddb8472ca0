"""Frozen values handed to the window and the command line; never live ORM objects."""
from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass

from app.archive.rules import STATES


@dataclass(frozen=True)
class PlanView:
    year: int
    numbering: str
    decision_number: str
    decision_date: dt.date | None
    organ_id: str
    period: str


@dataclass(frozen=True)
class HeadingView:
    id: int
    year: int
    parent_id: int | None
    ordinal: int
    abbr: str
    title: str
    label: str  # "I" for a đề mục lớn, "1" for a đề mục nhỏ


@dataclass(frozen=True)
class HosoView:
    id: int
    year: int
    heading_id: int | None
    code: str
    title: str
    retention: str
    creator: str
    rights: str
    language: str
    description: str
    in_plan: bool
    state: str
    opened_on: dt.date
    closed_on: dt.date | None
    start_date: dt.date | None
    end_date: dt.date | None
    sheets: int | None
    pages: int | None
    closing_note: str
    handover_code: str
    minutes_number: str
    handed_over_on: dt.date | None
    documents: int
    secret: bool

    @property
    def state_name(self) -> str:
        return STATES.get(self.state, self.state)

    def as_json(self) -> dict:
        out = asdict(self)
        for k, v in out.items():
            if isinstance(v, dt.date):
                out[k] = v.isoformat()
        out["state_name"] = self.state_name
        return out


@dataclass(frozen=True)
class FiledDoc:
    """One document of a file, in filing order, with what its scans hold."""
    position: int
    entry_id: int
    book_key: str
    number: int
    number_symbol: str
    doc_date: dt.date | None
    reg_date: dt.date
    doc_type: str
    summary: str
    issuer: str
    secrecy: str
    pages: int  # from the scans, else the entry's số tờ, else 0
    scans: tuple[tuple[str, str, str], ...]  # (original path, searchable pdf path or '', name)
    digests: tuple[tuple[str, str], ...] = ()  # each scan's (original's, PDF's) SHA-256 as recorded, '' unknown


@dataclass(frozen=True)
class EventView:
    at: dt.datetime
    user: str
    action: str
    detail: str


@dataclass(frozen=True)
class HandoverView:
    id: int
    code: str
    year: int
    period: str
    date_from: dt.date
    date_to: dt.date
    minutes_number: str
    state: str
    files: int
    package_path: str
    handed_over_on: dt.date | None


@dataclass(frozen=True)
class DueView:
    code: str
    year: int
    title: str
    retention: str
    state: str
    due_on: dt.date
    days_left: int


@dataclass(frozen=True)
class Suggestion:
    hoso_id: int
    code: str
    title: str
    score: float
    reason: str
