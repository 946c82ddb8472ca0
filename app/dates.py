"""Dates as the clerk types them (dd/mm/yyyy), with Vietnamese messages for impossible ones."""
from __future__ import annotations

import datetime as dt
import re

_DMY = re.compile(r"^\s*(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})\s*$")
_ISO = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})\s*$")
_TIME = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*$")


class BadDate(ValueError):
    pass


def parse_date(text: str | dt.date | None) -> dt.date | None:
    if text is None or isinstance(text, dt.date):
        return text
    if not isinstance(text, str):
        raise BadDate(f"Ngày {text!r} phải viết dạng dd/mm/yyyy (trong dấu ngoặc kép).")
    if not text.strip():
        return None
    m = _DMY.match(text)
    if m:
        day, month, year = (int(g) for g in m.groups())
    else:
        m = _ISO.match(text)
        if not m:
            raise BadDate(f"Ngày “{text.strip()}” không đúng dạng dd/mm/yyyy.")
        year, month, day = (int(g) for g in m.groups())
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise BadDate(f"Ngày {day:02d}/{month:02d}/{year} không có thật.") from None


def parse_datetime(text: str | dt.datetime | None) -> dt.datetime | None:
    """'dd/mm/yyyy hh:mm', 'dd/mm/yyyy' or ISO; ngày đến keeps its hour for urgent documents."""
    if text is None or isinstance(text, dt.datetime):
        return text
    if isinstance(text, dt.date):
        return dt.datetime.combine(text, dt.time())
    if not isinstance(text, str):
        raise BadDate(f"Thời điểm {text!r} phải viết dạng dd/mm/yyyy hh:mm (trong dấu ngoặc kép).")
    text = text.strip()
    if not text:
        return None
    if "T" in text:
        try:
            return dt.datetime.fromisoformat(text)
        except ValueError:
            raise BadDate(f"Thời điểm “{text}” không hợp lệ.") from None
    date_part, _, time_part = text.partition(" ")
    day = parse_date(date_part)
    if not time_part.strip():
        return dt.datetime.combine(day, dt.time())
    m = _TIME.match(time_part)
    if not m or int(m.group(1)) > 23 or int(m.group(2)) > 59:
        raise BadDate(f"Giờ “{time_part.strip()}” không hợp lệ (hh:mm).")
    return dt.datetime.combine(day, dt.time(int(m.group(1)), int(m.group(2))))


def fmt(value: dt.date | dt.datetime | None, with_time: bool = False) -> str:
    if value is None:
        return ""
    if with_time and isinstance(value, dt.datetime):
        return value.strftime("%d/%m/%Y %H:%M")
    return value.strftime("%d/%m/%Y")
