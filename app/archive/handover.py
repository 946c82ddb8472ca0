"""Handover batches (nộp lưu, NĐ 30 Điều 30-31): the closed files of a period (a quarter by
default; half-year or year as the plan's setting) not yet handed over. Files holding a secret
document never join an ordinary batch: they are handed over under the secret-document rules.
Files kept 5 years or more must be deposited within a year of the end of their matter; the
program warns 30 days before (NĐ 30 Phụ lục VI)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import org as org_mod
from app.archive import plan, trail
from app.archive.rules import current_period, deposit_due, must_deposit, period_bounds, period_label
from app.archive.views import DueView, HandoverView, HosoView
from app.errors import DomainError
from app.registers import numbering
from db.models_archive import Handover, Hoso

WARN_DAYS = 30
SECRET_REASON = ("có văn bản mật: hồ sơ, tài liệu mật được giao nộp theo quy định về bảo vệ bí mật "
                 "nhà nước, không đưa vào gói nộp lưu thường")


class EmptyPeriod(DomainError):
    pass


class SecretInBatch(DomainError):
    pass


@dataclass(frozen=True)
class Candidates:
    year: int
    period: str
    date_from: dt.date
    date_to: dt.date
    files: tuple[HosoView, ...]  # may join the batch
    refused: tuple[tuple[HosoView, str], ...]  # (file, why not)


def candidates(session: Session, year: int, period: str | None = None) -> Candidates:
    p = plan.ensure_plan(session, year)
    period = (period or current_period(p.period, dt.date.today())).upper()
    start, end = period_bounds(year, period)
    rows = session.scalars(select(Hoso).where(Hoso.year == year, Hoso.state == "closed",
                                              Hoso.closed_on >= start, Hoso.closed_on <= end)
                           .order_by(Hoso.code))
    views = plan._views(session, list(rows))
    ok = tuple(v for v in views if not v.secret)
    refused = tuple((v, SECRET_REASON) for v in views if v.secret)
    return Candidates(year, period, start, end, ok, refused)


def begin(session: Session, year: int, period: str, codes: list[str] | None = None, *,
          giver: tuple[str, str] = ("", ""), receiver: tuple[str, str] = ("", ""),
          paper: tuple[int | None, float | None] = (None, None)) -> HandoverView:
    """Opens a batch: a minutes number is taken (never reused) and the files go 'in handover'.
    The package is written after this commits; finish() or fail() ends the batch."""
    c = candidates(session, year, period)
    chosen = list(c.files)
    if codes:
        wanted = {code.upper() for code in codes}
        secret = [v.code for v, _ in c.refused if v.code in wanted]
        if secret:
            raise SecretInBatch(f"Hồ sơ {', '.join(secret)} {SECRET_REASON}.")
        chosen = [v for v in chosen if v.code in wanted]
        missing = wanted - {v.code for v in chosen}
        if missing:
            raise DomainError(f"Hồ sơ {', '.join(sorted(missing))} không phải hồ sơ đã đóng trong "
                              f"{period_label(c.period)} năm {year} chưa nộp lưu.")
    if not chosen:
        raise EmptyPeriod(f"Không có hồ sơ đã đóng nào trong {period_label(c.period)} năm {year} "
                          f"({c.date_from:%d/%m/%Y}–{c.date_to:%d/%m/%Y}) chờ nộp lưu.")
    n = numbering.allocate(session, f"archive:handover:{year}")
    org = org_mod.load(session)
    b = Handover(code=f"NL-{year}-{c.period}-{n:02d}", year=year, period=c.period, date_from=c.date_from,
                 date_to=c.date_to, minutes_number=f"{n:02d}/BB-{org.org_abbr or 'LT'}", state="preparing",
                 giver_name=giver[0], giver_position=giver[1], receiver_name=receiver[0],
                 receiver_position=receiver[1], created_at=dt.datetime.now(), created_by=trail.who(session),
                 package_path="", failure="")
    session.add(b)
    session.flush()
    with session.no_autoflush:  # one flush for the batch, not one for each of hundreds of files
        for h in session.scalars(select(Hoso).where(Hoso.id.in_([v.id for v in chosen])).order_by(Hoso.code)):
            h.state, h.handover_id = "in_handover", b.id
            trail.note(session, h.id, "đưa vào đợt nộp lưu", b.code, kind="")
    trail.audit(session, "handover", None, batch=b.code, action="bắt đầu", files=[v.code for v in chosen],
                paper_boxes=paper[0], shelf_metres=paper[1])
    return view(session, b)


def finish(session: Session, batch_id: int, package_path: str, on: dt.date | None = None) -> HandoverView:
    b = session.get(Handover, batch_id)
    on = on or dt.date.today()
    b.state, b.handed_over_on, b.package_path = "handed_over", on, package_path
    for h in session.scalars(select(Hoso).where(Hoso.handover_id == b.id)):
        h.state, h.handed_over_on = "handed_over", on
        trail.note(session, h.id, "đã nộp lưu", f"{b.code}, biên bản số {b.minutes_number}", kind="")
    trail.audit(session, "handover", None, batch=b.code, action="đã giao nộp", package=package_path)
    return view(session, b)


def fail(session: Session, batch_id: int, why: str) -> None:
    """The package could not be written: the batch is kept as failed (its number is spent) and
    its files are closed again, ready for another try."""
    b = session.get(Handover, batch_id)
    b.state, b.failure = "failed", why
    for h in session.scalars(select(Hoso).where(Hoso.handover_id == b.id)):
        h.state, h.handover_id = "closed", None
        trail.note(session, h.id, "đợt nộp lưu không thành", f"{b.code}: {why}", kind="")
    trail.audit(session, "handover", None, batch=b.code, action="không thành", why=why)


def view(session: Session, b: Handover) -> HandoverView:
    session.flush()
    files = len(list(session.scalars(select(Hoso.id).where(Hoso.handover_id == b.id))))
    return HandoverView(b.id, b.code, b.year, b.period, b.date_from, b.date_to, b.minutes_number, b.state,
                        files, b.package_path, b.handed_over_on)


def batches(session: Session, year: int | None = None) -> list[HandoverView]:
    q = select(Handover).order_by(Handover.id)
    if year:
        q = q.where(Handover.year == year)
    return [view(session, b) for b in session.scalars(q)]


def due(session: Session, today: dt.date | None = None, within: int = WARN_DAYS) -> list[DueView]:
    """Closed files that must be deposited and fall due within `within` days (or are late);
    a file the unit keeps back falls due when its term of keeping ends."""
    from app.archive import keepback

    today = today or dt.date.today()
    out = []
    for h in session.scalars(select(Hoso).where(Hoso.state.in_(("closed", "in_handover")))):
        if not must_deposit(h.retention):
            continue
        ended = h.closed_on or h.end_date
        if ended is None:
            continue
        due_on = deposit_due(ended)
        left = (due_on - today).days
        if left <= within:
            out.append(DueView(h.code, h.year, h.title, h.retention, h.state, due_on, left))
    for year in sorted(set(session.scalars(select(Hoso.year).where(Hoso.state == "kept_back")))):
        for k in keepback.kept(session, year):
            left = (k.until - today).days
            if left <= within and must_deposit(k.hoso.retention):
                h = k.hoso
                out.append(DueView(h.code, h.year, h.title, h.retention, h.state, k.until, left))
    return sorted(out, key=lambda d: (d.due_on, d.code))
