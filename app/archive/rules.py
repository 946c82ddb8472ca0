"""Fixed vocabulary of the archive: retention values (NĐ 30 PL V.I.4, domain.md §4.4), hồ sơ
states, handover periods."""
from __future__ import annotations

import datetime as dt

from app.errors import ValidationError

PERMANENT = "Vĩnh viễn"
UNTIL_INVALID = "Đến khi văn bản hết hiệu lực"
RETENTIONS = (PERMANENT, "70 năm", "50 năm", "30 năm", "20 năm", "10 năm", "5 năm", UNTIL_INVALID)

STATES = {"open": "Đang lập", "closed": "Đã đóng", "kept_back": "Đơn vị giữ lại", "in_handover": "Đang giao nộp",
          "handed_over": "Đã nộp lưu"}
PERIODS = ("quarter", "half", "year")
PERIOD_NAMES = {"quarter": "quý", "half": "nửa năm", "year": "năm"}
NUMBERING = ("continuous", "per_heading")


def check_retention(value: str) -> str:
    """'vinh vien', '10', '10 năm' are accepted as the clerk types them."""
    from app.text import fold, nfc

    v = nfc(value)
    if v.isdigit():
        v = f"{v} năm"
    for r in RETENTIONS:
        if fold(r) == fold(v):
            return r
    raise ValidationError({"retention": "Thời hạn bảo quản phải là một trong: " + ", ".join(RETENTIONS) + "."})


def years_of(retention: str) -> int | None:
    """Number of years, None for permanent or 'until no longer in force'."""
    head = retention.split()[0]
    return int(head) if head.isdigit() else None


def must_deposit(retention: str) -> bool:
    """Only files kept 5 years or more must be deposited (NĐ 30 Điều 30)."""
    return retention == PERMANENT or (years_of(retention) or 0) >= 5


def deposit_due(ended: dt.date) -> dt.date:
    """A file falls due for deposit a year after its matter ends (NĐ 30 Điều 30)."""
    try:
        return ended.replace(year=ended.year + 1)
    except ValueError:  # 29 February
        return ended.replace(year=ended.year + 1, day=28)


def roman(n: int) -> str:
    out = ""
    for value, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                           (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out += letters
            n -= value
    return out


def period_bounds(year: int, period: str) -> tuple[dt.date, dt.date]:
    """'Q1'..'Q4', 'H1', 'H2' or 'Y' → first and last day."""
    p = period.upper()
    if p == "Y":
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    if len(p) == 2 and p[0] in "QH" and p[1].isdigit():
        k, size = int(p[1]), 3 if p[0] == "Q" else 6
        if 1 <= k <= 12 // size:
            first = dt.date(year, (k - 1) * size + 1, 1)
            end_month = k * size
            last = (dt.date(year + 1, 1, 1) if end_month == 12 else dt.date(year, end_month + 1, 1))
            return first, last - dt.timedelta(days=1)
    raise ValidationError({"period": f"Kỳ “{period}” không hợp lệ (Q1-Q4, H1, H2 hoặc Y)."})


def period_label(period: str) -> str:
    p = period.upper()
    if p == "Y":
        return "cả năm"
    return ("quý " if p[0] == "Q" else "6 tháng ") + ("đầu" if p == "H1" else "cuối" if p == "H2" else roman(int(p[1])))


def current_period(kind: str, on: dt.date) -> str:
    if kind == "year":
        return "Y"
    if kind == "half":
        return f"H{1 if on.month <= 6 else 2}"
    return f"Q{(on.month - 1) // 3 + 1}"
