"""The office's working-day calendar: Vietnamese public holidays from the `holidays` library
(country VN: Tết by the lunar calendar, the substituted days off and the Saturdays worked that the
Government announces), plus the days the office itself adds, kept in the data folder's database."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

import holidays
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import ValidationError
from app.text import nfc
from db.models_tracking import CalendarDay

KINDS = {"off": "nghỉ", "work": "làm việc"}


@lru_cache(maxsize=64)
def _public(year: int) -> holidays.HolidayBase:
    return holidays.country_holidays("VN", years=year, language="vi")


@dataclass(frozen=True)
class DayView:
    day: dt.date
    kind: str  # off | work
    note: str


class WorkCalendar:
    """Answers whether a day is worked; built once per use from the office's added days."""

    def __init__(self, office: dict[dt.date, str] | None = None):
        self.office = dict(office or {})

    @classmethod
    def load(cls, session: Session) -> "WorkCalendar":
        return cls({d.day: d.kind for d in session.scalars(select(CalendarDay))})

    def holiday_name(self, day: dt.date) -> str:
        return _public(day.year).get(day) or ""

    def is_working(self, day: dt.date) -> bool:
        kind = self.office.get(day)
        if kind:
            return kind == "work"
        return _public(day.year).is_working_day(day)

    def next_working(self, day: dt.date) -> dt.date:
        """The day itself when worked, otherwise the first worked day after it."""
        while not self.is_working(day):
            day += dt.timedelta(days=1)
        return day

    def add_working_days(self, start: dt.date, n: int) -> dt.date:
        """The n-th working day after start (start itself not counted); n = 0 gives start, or
        the next working day when start is a day off."""
        if n < 0:
            raise ValidationError({"days": "Số ngày làm việc không thể âm."})
        day = start
        if n == 0:
            return self.next_working(day)
        while n:
            day += dt.timedelta(days=1)
            n -= self.is_working(day)
        return day

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """Working days after start up to and including end (0 when end <= start)."""
        count, day = 0, start
        while day < end:
            day += dt.timedelta(days=1)
            count += self.is_working(day)
        return count

    def days_off(self, year: int) -> list[tuple[dt.date, str]]:
        """Every non-working weekday and every worked weekend day of the year, with its reason."""
        out = []
        day = dt.date(year, 1, 1)
        while day.year == year:
            worked, weekend = self.is_working(day), day.weekday() >= 5
            if worked == weekend:
                out.append((day, self._reason(day, worked)))
            day += dt.timedelta(days=1)
        return out

    def _reason(self, day: dt.date, worked: bool) -> str:
        if day in self.office:
            return "Cơ quan: " + ("làm việc" if worked else "nghỉ")
        if worked:
            return "Làm bù theo thông báo của Chính phủ"
        return self.holiday_name(day)


def office_days(session: Session, year: int | None = None) -> list[DayView]:
    q = select(CalendarDay).order_by(CalendarDay.day)
    if year:
        q = q.where(CalendarDay.day >= dt.date(year, 1, 1), CalendarDay.day <= dt.date(year, 12, 31))
    return [DayView(d.day, d.kind, d.note) for d in session.scalars(q)]


def set_office_day(session: Session, day: dt.date, kind: str, note: str = "") -> DayView:
    """Adds or changes one office day: 'off' (nghỉ bù, nghỉ riêng) or 'work' (làm bù)."""
    if kind not in KINDS:
        raise ValidationError({"kind": "Loại ngày phải là nghỉ hoặc làm việc."})
    found = session.get(CalendarDay, day)
    if found is None:
        found = CalendarDay(day=day, kind=kind, note=nfc(note))
        session.add(found)
    else:
        found.kind, found.note = kind, nfc(note)
    return DayView(day, kind, found.note)


def clear_office_day(session: Session, day: dt.date) -> None:
    """Takes an office day back: the public calendar decides that day again. (A setting, not a
    record: removing it deletes nothing the registers hold.)"""
    found = session.get(CalendarDay, day)
    if found is None:
        raise ValidationError({"day": f"Ngày {day:%d/%m/%Y} không có trong lịch của cơ quan."})
    session.delete(found)
