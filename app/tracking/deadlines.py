"""Deadlines (thời hạn giải quyết) of incoming entries: a date, or N working days from the date
of transfer (ngày chuyển; the arrival date while the document is not yet handed over). Urgent
documents are due the same working day (Hỏa tốc) or the next one (Thượng khẩn) unless the leader
sets another deadline (NĐ 30 Điều 24: urgent documents are dealt with immediately)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.orm import Session

from app.dates import fmt
from app.errors import NumberStateError, ValidationError
from app.registers import service
from app.tracking.calendar import WorkCalendar
from app.tracking.store import entry_in, tracking_row, touch

URGENT_DAYS = {"Hỏa tốc": 0, "Hỏa tốc hẹn giờ": 0, "Thượng khẩn": 1}


@dataclass(frozen=True)
class DeadlineView:
    entry_id: int
    due_date: dt.date | None
    rule: str  # date | working_days | urgent | ""
    days: int | None
    base_date: dt.date | None

    def describe(self) -> str:
        if self.due_date is None:
            return ""
        if self.rule == "working_days":
            return f"{self.days} ngày làm việc từ {fmt(self.base_date)}: {fmt(self.due_date)}"
        if self.rule == "urgent":
            return f"Văn bản khẩn: {fmt(self.due_date)}"
        return fmt(self.due_date)


def base_date(e) -> dt.date:
    """Counting starts from the transfer; an entry not yet handed over counts from its arrival."""
    return e.transfer_date or (e.received_at.date() if e.received_at else e.reg_date)


def urgent_default(cal: WorkCalendar, urgency: str, base: dt.date) -> dt.date | None:
    days = URGENT_DAYS.get(urgency)
    return None if days is None else cal.add_working_days(base, days)


def set_deadline(session: Session, entry_id: int, *, on: dt.date | None = None,
                 working_days: int | None = None, urgent: bool = False,
                 cal: WorkCalendar | None = None) -> DeadlineView:
    """Sets one incoming entry's deadline: exactly one of on, working_days or urgent."""
    if sum(x is not None and x is not False for x in (on, working_days, urgent or None)) != 1:
        raise ValidationError({"due_date": "Chọn một cách đặt hạn: ngày, số ngày làm việc hoặc hạn khẩn."})
    e = entry_in(session, entry_id)
    if e.status != "registered":
        raise NumberStateError("Chỉ đặt hạn cho văn bản đã đăng ký (không phải số đã hủy).")
    cal = cal or WorkCalendar.load(session)
    base = base_date(e)
    if working_days is not None:
        if not 0 <= working_days <= 365:
            raise ValidationError({"days": "Số ngày làm việc phải từ 0 đến 365."})
        due, rule = cal.add_working_days(base, working_days), "working_days"
    elif urgent:
        due, rule = urgent_default(cal, e.urgency, base), "urgent"
        if due is None:
            raise ValidationError({"urgency": "Văn bản không có độ khẩn Hỏa tốc hoặc Thượng khẩn."})
    else:
        due, rule = on, "date"
    arrival = e.received_at.date() if e.received_at else e.reg_date
    if due < arrival:
        raise ValidationError({"due_date": f"Hạn giải quyết {fmt(due)} trước ngày đến {fmt(arrival)}."})
    if due != e.due_date:
        service.update(session, e.id, {"due_date": due})
    t = tracking_row(session, e.id)
    t.rule, t.days = rule, working_days
    touch(t)
    return DeadlineView(e.id, due, rule, working_days, base)


def deadline(session: Session, entry_id: int) -> DeadlineView:
    e = entry_in(session, entry_id)
    t = tracking_row(session, e.id, create=False)
    return DeadlineView(e.id, e.due_date, t.rule if t else "", t.days if t else None, base_date(e))
