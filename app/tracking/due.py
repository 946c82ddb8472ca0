"""The "Sắp đến hạn / Quá hạn" list: open incoming entries whose deadline has passed or comes
within a few working days, most urgent first. It starts from the open tracking rows (an index),
never from the whole register, so it stays fast on 200,000 entries."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.orm import Session

from app.text import fold
from app.tracking.calendar import WorkCalendar
from app.tracking.deadlines import urgent_default
from app.tracking.store import STATES

URGENCY_RANK = {"Hỏa tốc hẹn giờ": 4, "Hỏa tốc": 3, "Thượng khẩn": 2, "Khẩn": 1}
SOON_DAYS = 2  # working days ahead counted as "sắp đến hạn"

_SQL = text("""
SELECT e.id, b.key, e.year, e.number, e.received_at, e.reg_date, e.transfer_date, e.issuer,
       e.number_symbol, e.doc_type, e.summary, e.recipient_unit, e.urgency, e.due_date,
       t.state, t.rule, e.progress_note
FROM tracking t JOIN entry e ON e.id = t.entry_id JOIN book b ON b.id = e.book_id
WHERE t.state IN ('open', 'doing') AND e.status = 'registered' AND (e.due_date IS NULL OR e.due_date <= :h)
""")


@dataclass(frozen=True)
class DueItem:
    entry_id: int
    book_key: str
    year: int
    number: int
    received_on: dt.date
    issuer: str
    number_symbol: str
    doc_type: str
    summary: str
    recipient_unit: str
    urgency: str
    due_date: dt.date
    state: str
    progress_note: str
    days_left: int  # calendar days to the deadline; negative when overdue

    @property
    def overdue(self) -> bool:
        return self.days_left < 0

    @property
    def state_label(self) -> str:
        return STATES.get(self.state, self.state)

    @property
    def status_text(self) -> str:
        if self.days_left < 0:
            return f"Quá hạn {-self.days_left} ngày"
        return "Đến hạn hôm nay" if self.days_left == 0 else f"Còn {self.days_left} ngày"

    def as_json(self) -> dict:
        out = {k: getattr(self, k) for k in self.__dataclass_fields__}
        for k, v in out.items():
            if isinstance(v, dt.date):
                out[k] = v.isoformat()
        out["overdue"] = self.overdue
        return out


def _date(v) -> dt.date | None:
    if v is None or isinstance(v, dt.date):
        return v
    return dt.date.fromisoformat(str(v)[:10])


def due_list(session: Session, today: dt.date | None = None, *, unit: str = "",
             book_key: str = "incoming", soon_days: int = SOON_DAYS, overdue_only: bool = False,
             cal: WorkCalendar | None = None) -> list[DueItem]:
    today = today or dt.date.today()
    cal = cal or WorkCalendar.load(session)
    horizon = today if overdue_only else cal.add_working_days(today, soon_days)
    unit_f = fold(unit).strip()
    items = []
    for r in session.execute(_SQL, {"h": horizon.isoformat()}):
        (eid, key, year, number, received, reg, transfer, issuer, symbol, doc_type, summary,
         rcpt, urgency, due, state, rule, note) = r
        if book_key and key != book_key:
            continue
        if unit_f and unit_f not in fold(rcpt):
            continue
        arrival = _date(received) or _date(reg)
        due = _date(due)
        if due is None and rule == "import":  # brought in from an old register: no default made up
            continue
        if due is None:  # an urgent document no one has set a deadline for yet
            due = urgent_default(cal, urgency, _date(transfer) or arrival)
            if due is None or due > horizon:
                continue
        left = (due - today).days
        if overdue_only and left >= 0:
            continue
        items.append(DueItem(eid, key, year, number, arrival, issuer, symbol, doc_type, summary,
                             rcpt, urgency, due, state, note, left))
    items.sort(key=lambda i: (not i.overdue, -URGENCY_RANK.get(i.urgency, 0), i.days_left,
                              i.year, i.number))
    return items


def counts(items: list[DueItem]) -> tuple[int, int]:
    """(overdue, due soon) for the notice at start."""
    late = sum(i.overdue for i in items)
    return late, len(items) - late
