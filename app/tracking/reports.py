"""Báo cáo tình hình giải quyết văn bản đến / đi (NĐ 30 Phụ lục VI) for any period and unit:
counts per month, type, issuer (or signer) and unit; how long from arrival to transfer and from
transfer to answer (median), and the share dealt with within the deadline."""
from __future__ import annotations

import datetime as dt
import statistics
from collections import Counter
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.orm import Session

from app.dates import fmt
from app.errors import ValidationError
from app.text import fold

TOP = 15  # issuers, units: the largest, then "Khác"


@dataclass(frozen=True)
class Report:
    kind: str  # incoming | outgoing
    title: str
    date_from: dt.date
    date_to: dt.date
    unit: str
    total: int
    figures: tuple[tuple[str, str], ...]  # (label, value) of the summary table
    groups: tuple[tuple[str, tuple[tuple[str, int], ...]], ...]  # (heading, [(label, count)])

    def group(self, heading_start: str) -> tuple[tuple[str, int], ...]:
        return next(g for h, g in self.groups if h.startswith(heading_start))

    def as_json(self) -> dict:
        return {"kind": self.kind, "title": self.title, "from": self.date_from.isoformat(),
                "to": self.date_to.isoformat(), "unit": self.unit, "total": self.total,
                "figures": dict(self.figures), "groups": {h: dict(g) for h, g in self.groups}}


def _d(v) -> dt.date | None:
    if v is None or isinstance(v, dt.date):
        return v.date() if isinstance(v, dt.datetime) else v
    return dt.date.fromisoformat(str(v)[:10])


def _median(values: list[int]) -> str:
    return f"{statistics.median(values):.1f} ngày".replace(".", ",") if values else "—"


def _share(part: int, whole: int) -> str:
    return f"{part}/{whole} ({100 * part / whole:.1f} %)".replace(".", ",") if whole else "—"


def _top(counter: Counter, top: int = TOP) -> tuple[tuple[str, int], ...]:
    items = counter.most_common()
    head = [(k or "(không ghi)", v) for k, v in items[:top]]
    rest = sum(v for _, v in items[top:])
    return tuple(head + ([("Khác", rest)] if rest else []))


def _months(rows, date_from: dt.date, date_to: dt.date, at: int) -> tuple[tuple[str, int], ...]:
    counts = Counter(f"{r[at].month:02d}/{r[at].year}" for r in rows)
    out, y, m = [], date_from.year, date_from.month
    while (y, m) <= (date_to.year, date_to.month):
        key = f"{m:02d}/{y}"
        out.append((key, counts.get(key, 0)))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return tuple(out)


def _check(date_from: dt.date, date_to: dt.date) -> None:
    if date_from > date_to:
        raise ValidationError({"date_from": "Ngày bắt đầu sau ngày kết thúc."})


_IN = text("""
SELECT e.reg_date, e.received_at, e.transfer_date, e.doc_type, e.issuer, e.recipient_unit,
       e.due_date, t.state, t.done_on,
       (SELECT min(o.doc_date) FROM answer a JOIN entry o ON o.id = a.out_entry_id
        WHERE a.in_entry_id = e.id) AS answered
FROM entry e JOIN book b ON b.id = e.book_id LEFT JOIN tracking t ON t.entry_id = e.id
WHERE b.key = :book AND e.status = 'registered' AND e.reg_date BETWEEN :f AND :t
""")


def incoming(session: Session, date_from: dt.date, date_to: dt.date, unit: str = "",
             book_key: str = "incoming", as_of: dt.date | None = None) -> Report:
    _check(date_from, date_to)
    as_of = as_of or dt.date.today()
    unit_f = fold(unit).strip()
    rows = []
    for r in session.execute(_IN, {"book": book_key, "f": date_from.isoformat(), "t": date_to.isoformat()}):
        if unit_f and unit_f not in fold(r[5]):
            continue
        rows.append((_d(r[0]), _d(r[1]) or _d(r[0]), _d(r[2]), r[3], r[4], r[5], _d(r[6]), r[7] or "",
                     _d(r[9]) or _d(r[8])))
    to_transfer, to_answer = [], []
    states = Counter()
    with_deadline = in_time = late_done = overdue = 0
    for reg, arrival, transfer, _t, _i, _u, due, state, done in rows:
        if transfer:
            to_transfer.append((transfer - arrival).days)
        finished = state == "done" or done is not None
        states["done" if finished else state or "none"] += 1
        if finished and done:
            to_answer.append((done - (transfer or arrival)).days)
        if due:
            with_deadline += 1
            if finished and done and done <= due:
                in_time += 1
            elif finished:
                late_done += 1
            elif due < as_of:
                overdue += 1
    figures = (
        ("Tổng số văn bản đến", str(len(rows))),
        ("Đã chuyển cho đơn vị, cá nhân", str(len(to_transfer))),
        ("Thời gian từ khi đến đến khi chuyển (trung vị)", _median(to_transfer)),
        ("Có thời hạn giải quyết", str(with_deadline)),
        ("Đã giải quyết", str(states["done"])),
        ("Đang giải quyết", str(states["doing"])),
        ("Chưa giải quyết (có theo dõi)", str(states["open"])),
        ("Thời gian từ khi chuyển đến khi giải quyết (trung vị)", _median(to_answer)),
        ("Giải quyết trong hạn / số có hạn", _share(in_time, with_deadline)),
        ("Giải quyết quá hạn", str(late_done)),
        (f"Quá hạn chưa giải quyết (đến {fmt(as_of)})", str(overdue)),
    )
    groups = (
        ("Theo tháng", _months(rows, date_from, date_to, 0)),
        ("Theo tên loại văn bản", _top(Counter(r[3] for r in rows), 30)),
        ("Theo cơ quan ban hành (tác giả)", _top(Counter(r[4] for r in rows))),
        ("Theo đơn vị, người nhận", _top(Counter(r[5] for r in rows))),
    )
    return Report("incoming", "BÁO CÁO TÌNH HÌNH GIẢI QUYẾT VĂN BẢN ĐẾN", date_from, date_to, unit,
                  len(rows), figures, groups)


_OUT = text("""
SELECT e.doc_date, e.transfer_date, e.doc_type, e.signer_name, e.drafting_unit, e.recipient_unit,
       (SELECT min(i.received_at) FROM answer a JOIN entry i ON i.id = a.in_entry_id
        WHERE a.out_entry_id = e.id) AS first_in
FROM entry e JOIN book b ON b.id = e.book_id
WHERE b.key = :book AND e.status = 'registered' AND e.reg_date BETWEEN :f AND :t
""")


def outgoing(session: Session, date_from: dt.date, date_to: dt.date, unit: str = "",
             book_key: str = "outgoing") -> Report:
    _check(date_from, date_to)
    unit_f = fold(unit).strip()
    rows = []
    for r in session.execute(_OUT, {"book": book_key, "f": date_from.isoformat(), "t": date_to.isoformat()}):
        if unit_f and unit_f not in fold(f"{r[4]} {r[5]}"):
            continue
        rows.append((_d(r[0]), _d(r[1]), r[2], r[3], r[4] or r[5], _d(r[6])))
    to_send = [(t - d).days for d, t, *_ in rows if d and t]
    replies = [(d - first).days for d, _t, _ty, _s, _u, first in rows if first and d]
    figures = (
        ("Tổng số văn bản đi", str(len(rows))),
        ("Đã chuyển phát hành", str(len(to_send))),
        ("Thời gian từ ngày văn bản đến khi chuyển (trung vị)", _median(to_send)),
        ("Văn bản trả lời văn bản đến", str(len(replies))),
        ("Thời gian từ khi văn bản đến tới khi trả lời (trung vị)", _median(replies)),
    )
    groups = (
        ("Theo tháng", _months(rows, date_from, date_to, 0)),
        ("Theo tên loại văn bản", _top(Counter(r[2] for r in rows), 30)),
        ("Theo người ký", _top(Counter(r[3] for r in rows))),
        ("Theo đơn vị soạn thảo / lưu bản", _top(Counter(r[4] for r in rows))),
    )
    return Report("outgoing", "BÁO CÁO TÌNH HÌNH GIẢI QUYẾT VĂN BẢN ĐI", date_from, date_to, unit,
                  len(rows), figures, groups)


def year_stats(session: Session, year: int, unit: str = "") -> tuple[Report, Report]:
    f, t = dt.date(year, 1, 1), dt.date(year, 12, 31)
    return incoming(session, f, t, unit), outgoing(session, f, t, unit)
