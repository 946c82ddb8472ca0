"""`audit verify`: walks the chain, then checks every entry against the event that last
covered it; and `--head`: whether a head printed on paper is still in the chain."""
from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import text
from sqlalchemy.orm import Session

from app.security import chain
from app.security.audit import KINDS

_EVENTS = "SELECT id, at, user, kind, entry_id, details, entry_hash, prev, hash FROM audit_event"


@dataclass(frozen=True)
class Verdict:
    ok: bool
    count: int
    head: str  # the short hash of the last event
    problems: tuple[str, ...] = field(default=())  # one Vietnamese line each, the first break first
    broken_event: int | None = None
    broken_entry: int | None = None


def _describe(session: Session, event_id: int) -> str:
    row = session.execute(text(_EVENTS + " WHERE id = :i"), {"i": event_id}).first()
    if row is None:
        return f"sự kiện #{event_id}"
    what = KINDS.get(row.kind, row.kind)
    on = f", văn bản #{row.entry_id}" if row.entry_id is not None else ""
    return f"sự kiện #{row.id} ({what}{on}, {row.user}, {row.at})"


def _entry_name(session: Session, entry_id: int) -> str:
    row = session.execute(text("SELECT b.name, e.number, e.number_symbol, e.year FROM entry e "
                               "JOIN book b ON b.id = e.book_id WHERE e.id = :i"), {"i": entry_id}).first()
    if row is None:
        return f"văn bản #{entry_id}"
    return f"văn bản #{entry_id} ({row[0]} năm {row[3]}, số {row[2] or row[1]})"


def verify(session: Session, *, max_entry_problems: int = 20) -> Verdict:
    cur = session.connection().connection.driver_connection.cursor()  # a million rows: no ORM
    covered: dict[int, tuple[str, int]] = {}
    broken = chain.first_break(cur.execute(_EVENTS + " ORDER BY id"), covered)
    last = cur.execute("SELECT id, hash FROM audit_event ORDER BY id DESC LIMIT 1").fetchone()
    count, head = (last[0], chain.short(last[1])) if last else (0, chain.short(chain.GENESIS))
    problems: list[str] = []
    if broken is not None:
        event_id, reason = broken
        problems.append(f"Chuỗi nhật ký gãy tại {_describe(session, event_id)}: {reason}.")
    first_entry = None
    cur.execute("SELECT * FROM entry ORDER BY id")
    names = [d[0] for d in cur.description]
    bad: list[tuple[int, int | None]] = []
    for row in cur:
        values = dict(zip(names, row))
        found = covered.get(values["id"])
        if found is None or chain.entry_hash(values) != found[0]:
            bad.append((values["id"], found[1] if found else None))
    for i, event_id in bad:
        if event_id is None:
            reason = f"{_entry_name(session, i)} không có trong nhật ký (thêm vào ngoài chương trình?)"
        else:
            reason = (f"{_entry_name(session, i)} khác với nội dung được ghi ở "
                      f"{_describe(session, event_id)} (bị sửa ngoài chương trình)")
        first_entry = first_entry or i
        if len(problems) < max_entry_problems:
            problems.append(reason[0].upper() + reason[1:] + ".")
    return Verdict(not problems, count, head, tuple(problems),
                   broken[0] if broken else None, first_entry)


@dataclass(frozen=True)
class HeadCheck:
    found: bool
    event_id: int | None
    count: int  # events in the chain now
    message: str


def check_head(session: Session, printed: str) -> HeadCheck:
    """Is the head printed on paper (short hash, optionally '/count') still a link of the chain?"""
    hash_part, _, count_part = printed.partition("/")
    prefix = chain.normalise(hash_part)
    count = session.execute(text("SELECT count(*) FROM audit_event")).scalar()
    if len(prefix) < 8:
        return HeadCheck(False, None, count, "Mã đầu chuỗi quá ngắn: cần ít nhất 8 chữ số hex.")
    if prefix == chain.GENESIS[:len(prefix)] and (count_part.strip() in ("", "0")):
        return HeadCheck(True, 0, count, "Đầu chuỗi là nhật ký rỗng (lúc in chưa có sự kiện nào).")
    row = session.execute(text("SELECT id FROM audit_event WHERE hash >= :lo AND hash < :hi "
                               "ORDER BY id LIMIT 1"), {"lo": prefix, "hi": prefix + "g"}).first()
    if row is None:
        return HeadCheck(False, None, count, f"Đầu chuỗi {hash_part.strip()} KHÔNG có trong nhật ký: "
                         "dữ liệu đã bị thay đổi sau khi in tờ giấy này.")
    event_id = row[0]
    digits = "".join(c for c in count_part if c.isdigit())
    printed_count = int(digits) if digits else None
    if printed_count and printed_count != event_id:
        return HeadCheck(False, event_id, count, f"Đầu chuỗi có trong nhật ký ở sự kiện #{event_id}, "
                         f"nhưng tờ giấy ghi {printed_count} sự kiện: không khớp.")
    after = count - event_id
    return HeadCheck(True, event_id, count, f"Đầu chuỗi {hash_part.strip()} có trong nhật ký (sự kiện "
                     f"#{event_id}); sau đó có {after} sự kiện mới.")
