"""Frozen values of the secret capability, for the window and the command line."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from app.registers.views import EntryView


@dataclass(frozen=True)
class SecretItem:
    entry: EntryView
    envelope: str
    named_only: bool
    named_person: str
    copy_no: str
    summary_agreed_by: str
    level_set_on: dt.date
    protected_until: dt.date
    recall_by: dt.date | None
    state: str  # held | recalled | declassified | destroyed
    state_note: str
    handed_over: bool

    @property
    def id(self) -> int:
        return self.entry.id

    @property
    def label(self) -> str:
        e = self.entry
        what = e.number_symbol or f"số đến {e.number}"
        return f"{what} ({e.secrecy})"

    @property
    def urgent_pending(self) -> bool:
        """Urgent and not yet handed over: shown first and flagged."""
        return bool(self.entry.urgency) and not self.handed_over and self.state == "held"


@dataclass(frozen=True)
class TransferView:
    id: int
    entry_id: int
    label: str
    secrecy: str
    on: dt.date
    copies: int
    receiver: str
    unit: str
    handed_by: str
    note: str
    returned_on: dt.date | None
    return_note: str
    recall_id: int | None


@dataclass(frozen=True)
class CopyView:
    id: int
    entry_id: int
    label: str
    secrecy: str
    on: dt.date
    form: str
    copies: int
    first_no: int
    last_no: int
    authorised_by: str
    done_by: str
    receiver: str
    note: str

    @property
    def numbers(self) -> str:
        return str(self.first_no) if self.first_no == self.last_no else f"{self.first_no}–{self.last_no}"


@dataclass(frozen=True)
class RecallView:
    id: int
    person: str
    reason: str
    opened_on: dt.date
    closed_on: dt.date | None
    items: tuple[TransferView, ...]

    @property
    def outstanding(self) -> int:
        return sum(1 for t in self.items if t.returned_on is None)


@dataclass(frozen=True)
class DueItem:
    entry_id: int
    label: str
    secrecy: str
    kind: str  # "thu-hoi" | "het-han"
    due: dt.date
    overdue: bool


@dataclass(frozen=True)
class DestructionView:
    id: int
    state: str
    proposed_on: dt.date
    proposed_by: str
    reason: str
    decision_no: str
    decision_date: dt.date | None
    decided_by: str
    council: str
    destroyed_on: dt.date | None
    method: str
    items: tuple[SecretItem, ...]
