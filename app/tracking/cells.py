"""Reading one spreadsheet cell as a date or a number, in the forms offices typed them:
Excel date cells, dd/mm/yyyy, d/m/yy, dd.mm.yyyy, "ngày 05 tháng 3 năm 2024", with or without
an hour. Each failure is a Vietnamese sentence saying what was in the cell."""
from __future__ import annotations

import datetime as dt
import re

from openpyxl.utils.datetime import from_excel

from app.text import fold


class CellError(ValueError):
    pass


_DMY = re.compile(r"^(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4}|\d{2})$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_WORDS = re.compile(r"^(?:ngay\s*)?(\d{1,2})\s*thang\s*(\d{1,2})\s*(?:nam|,)\s*(\d{4})$")
_TIME = re.compile(r"(?:^|\s)(\d{1,2})\s*(?::|h|g|giờ|gio)\s*(\d{2})?\s*(?:p|phút|phut)?(?=\s|$)")


def _shown(value) -> str:
    return str(value).strip()


def to_datetime(value, what: str = "Ngày") -> dt.datetime | None:
    """A date, keeping its hour when the cell has one (ngày đến of urgent documents)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, dt.date):
        return dt.datetime.combine(value, dt.time())
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        # A date typed into a cell formatted as a number: an Excel serial day.
        if 20000 <= value <= 80000:
            return from_excel(value)
        raise CellError(f"{what} “{to_text(value)}” là một số, không phải ngày.")
    text = " ".join(str(value).split())
    low = fold(text).replace(",", " ").strip()
    hour = minute = 0
    m = _TIME.search(low)
    if m and (":" in m.group(0) or "h" in m.group(0) or "g" in m.group(0)):
        hour, minute = int(m.group(1)), int(m.group(2) or 0)
        low = (low[:m.start()] + " " + low[m.end():]).strip()
        if hour > 23 or minute > 59:
            raise CellError(f"Giờ trong “{text}” không hợp lệ.")
    low = " ".join(low.split())
    if (m := _DMY.match(low)):
        day, month, year = (int(g) for g in m.groups())
        if len(m.group(3)) == 2:
            year += 2000 if year <= (dt.date.today().year % 100) + 1 else 1900
    elif (m := _ISO.match(low)):
        year, month, day = (int(g) for g in m.groups())
    elif (m := _WORDS.match(low)):
        day, month, year = (int(g) for g in m.groups())
    else:
        raise CellError(f"{what} “{text}” không đọc được (dạng dd/mm/yyyy).")
    try:
        return dt.datetime(year, month, day, hour, minute)
    except ValueError:
        raise CellError(f"{what} {day:02d}/{month:02d}/{year} không có thật.") from None


def to_date(value, what: str = "Ngày") -> dt.date | None:
    found = to_datetime(value, what)
    return found.date() if found else None


def to_number(value, what: str = "Số đến") -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise CellError(f"{what} “{value}” không phải số.")
    if isinstance(value, int):
        number = value
    elif isinstance(value, float) and value.is_integer():
        number = int(value)
    else:
        text = str(value).strip().rstrip(".")
        if not text.isdigit():
            raise CellError(f"{what} “{str(value).strip()}” không phải số nguyên.")
        number = int(text)
    if not 1 <= number <= 9_999_999:
        raise CellError(f"{what} {number} không hợp lệ.")
    return number


def to_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.strftime("%d/%m/%Y")
    return str(value).strip()
