"""Files kept back (hồ sơ, tài liệu giữ lại; NĐ 30 Điều 30 khoản 3, domain.md §4.3): a unit that
still needs a closed file past its deposit time may keep it, with the head of the agency's
consent, for at most two years from the day it fell due, and must send the archive a Danh mục
hồ sơ, tài liệu giữ lại. A kept-back file stays locked (state 'kept_back'), stays out of the
handover batches until it is released, and is listed, with its reason and term, in the package
of the handover of its period; the Biên bản counts it.

The decision is an event of the file (the hồ sơ history is where each change of a file is
kept), written in three labelled lines that are read back here: no column of its own."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.archive import plan, trail
from app.archive.rules import deposit_due, period_bounds
from app.archive.views import HosoView
from app.dates import BadDate, fmt, parse_date
from app.errors import DomainError, ValidationError
from app.text import nfc
from db.models_archive import Hoso, HosoEvent

KEEP, RELEASE = "giữ lại", "thôi giữ lại"
MAX_YEARS = 2
_UNTIL, _REASON, _APPROVAL = "đến ngày: ", "lý do: ", "ý kiến đồng ý: "


class NotKeepable(DomainError):
    pass


@dataclass(frozen=True)
class KeptFile:
    hoso: HosoView
    reason: str
    until: dt.date
    approval: str  # whose consent, by what paper
    due_on: dt.date  # the day it fell (or falls) due for deposit
    decided_on: dt.date


def latest_until(due_on: dt.date) -> dt.date:
    try:
        return due_on.replace(year=due_on.year + MAX_YEARS)
    except ValueError:  # 29 February
        return due_on.replace(year=due_on.year + MAX_YEARS, day=28)


def _detail(until: dt.date, reason: str, approval: str) -> str:
    return "\n".join((f"{_UNTIL}{fmt(until)}", f"{_REASON}{reason}", f"{_APPROVAL}{approval or '—'}"))


def _parse(detail: str) -> tuple[dt.date | None, str, str]:
    until, reason, approval = None, "", ""
    for line in detail.splitlines():
        if line.startswith(_UNTIL):
            until = parse_date(line[len(_UNTIL):])
        elif line.startswith(_REASON):
            reason = line[len(_REASON):]
        elif line.startswith(_APPROVAL):
            approval = "" if line[len(_APPROVAL):] == "—" else line[len(_APPROVAL):]
    return until, reason, approval


def keep(session: Session, hoso_id: int, reason: str, until, approval: str = "",
         today: dt.date | None = None) -> KeptFile:
    h = plan.get(session, hoso_id)
    today = today or dt.date.today()
    if h.state != "closed":
        raise NotKeepable(f"Chỉ giữ lại được hồ sơ đã đóng, chưa đưa vào đợt nộp lưu; hồ sơ {h.code} đang ở "
                          f"trạng thái “{plan.view(session, h).state_name}”.")
    reason, approval = " ".join(nfc(reason).split()), " ".join(nfc(approval).split())
    errors = {}
    if not reason:
        errors["reason"] = "Cần ghi lý do giữ lại hồ sơ."
    try:
        until_d = parse_date(until)
    except BadDate as exc:
        until_d, errors["until"] = None, str(exc)
    due_on = deposit_due(h.closed_on or h.end_date or today)
    if until_d is None:
        errors.setdefault("until", "Cần ghi thời hạn giữ lại (ngày, dạng dd/mm/yyyy).")
    elif until_d <= today:
        errors["until"] = f"Thời hạn giữ lại ({fmt(until_d)}) phải sau hôm nay."
    elif until_d > latest_until(due_on):
        errors["until"] = (f"Hồ sơ chỉ được giữ lại không quá {MAX_YEARS:02d} năm kể từ ngày đến hạn nộp lưu "
                           f"({fmt(due_on)}): muộn nhất đến ngày {fmt(latest_until(due_on))}.")
    if errors:
        raise ValidationError(errors)
    h.state = "kept_back"
    trail.note(session, h.id, KEEP, _detail(until_d, reason, approval))
    session.flush()
    return KeptFile(plan.view(session, h), reason, until_d, approval, due_on, today)


def release(session: Session, hoso_id: int, note: str = "") -> HosoView:
    """The unit gives the file back: it is closed again and joins the next handover of its period."""
    h = plan.get(session, hoso_id)
    if h.state != "kept_back":
        raise NotKeepable(f"Hồ sơ {h.code} không ở trạng thái giữ lại.")
    h.state = "closed"
    trail.note(session, h.id, RELEASE, nfc(note))
    return plan.view(session, h)


def _decision(session: Session, hoso_id: int) -> HosoEvent | None:
    return session.scalars(select(HosoEvent).where(HosoEvent.hoso_id == hoso_id, HosoEvent.action == KEEP)
                           .order_by(HosoEvent.id.desc()).limit(1)).first()


def kept(session: Session, year: int, period: str | None = None) -> list[KeptFile]:
    """The files of a year (closed within `period` when given) kept back by the unit now."""
    q = select(Hoso).where(Hoso.year == year, Hoso.state == "kept_back").order_by(Hoso.code)
    if period:
        start, end = period_bounds(year, period)
        q = q.where(Hoso.closed_on >= start, Hoso.closed_on <= end)
    rows = list(session.scalars(q))
    out = []
    for h, v in zip(rows, plan._views(session, rows)):
        ev = _decision(session, h.id)
        until, reason, approval = _parse(ev.detail if ev else "")
        due_on = deposit_due(h.closed_on or h.end_date or dt.date(year, 12, 31))
        out.append(KeptFile(v, reason, until or latest_until(due_on), approval, due_on,
                            ev.at.date() if ev else due_on))
    return out
