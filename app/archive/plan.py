"""The year's file plan (Danh mục hồ sơ, NĐ 30 Điều 28): đề mục lớn (Roman numerals, by unit or
field) and nhỏ (Arabic), and the hồ sơ with their số và ký hiệu (01.TCCB). Files may also be
opened outside the plan during the year."""
from __future__ import annotations

import datetime as dt
import re

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.archive import trail
from app.archive.rules import NUMBERING, PERIODS, check_retention, roman
from app.archive.views import HeadingView, HosoView, PlanView
from app.dates import parse_date
from app.errors import DomainError, NotFound, ValidationError
from app.text import fold, nfc
from db.models import Book, Entry
from db.models_archive import FileHeading, FilePlan, Handover, Hoso, HosoEntry

_CODE = re.compile(r"^(\d{1,4})(?:\.([A-Za-zĐđ0-9\-]{1,15}))?$")


class CodeTaken(DomainError):
    pass


def _plan_view(p: FilePlan) -> PlanView:
    return PlanView(p.year, p.numbering, p.decision_number, p.decision_date, p.organ_id, p.period)


def ensure_plan(session: Session, year: int) -> FilePlan:
    p = session.get(FilePlan, year)
    if p is None:
        if not 1900 < year < 2200:
            raise ValidationError({"year": f"Năm {year} không hợp lệ."})
        p = FilePlan(year=year, created_at=dt.datetime.now(), numbering="continuous", period="quarter",
                     decision_number="", organ_id="")
        session.add(p)
        session.flush()
    return p


def get_plan(session: Session, year: int) -> PlanView:
    return _plan_view(ensure_plan(session, year))


def set_plan(session: Session, year: int, *, numbering: str | None = None, decision_number: str | None = None,
             decision_date=None, organ_id: str | None = None, period: str | None = None) -> PlanView:
    p = ensure_plan(session, year)
    if numbering is not None:
        if numbering not in NUMBERING:
            raise ValidationError({"numbering": "Cách đánh số: liên tục (continuous) hoặc theo đề mục lớn (per_heading)."})
        p.numbering = numbering
    if period is not None:
        if period not in PERIODS:
            raise ValidationError({"period": "Kỳ nộp lưu: quarter, half hoặc year."})
        p.period = period
    if decision_number is not None:
        p.decision_number = nfc(decision_number)
    if decision_date is not None:
        p.decision_date = parse_date(decision_date) if decision_date else None
    if organ_id is not None:
        organ_id = nfc(organ_id)
        if len(organ_id) > 13:
            raise ValidationError({"organ_id": "Mã định danh cơ quan (OrganId) tối đa 13 ký tự."})
        p.organ_id = organ_id
    return _plan_view(p)


def _heading_view(h: FileHeading) -> HeadingView:
    return HeadingView(h.id, h.year, h.parent_id, h.ordinal, h.abbr, h.title,
                       roman(h.ordinal) if h.parent_id is None else str(h.ordinal))


def add_heading(session: Session, year: int, title: str, abbr: str = "", parent_id: int | None = None) -> HeadingView:
    ensure_plan(session, year)
    title, abbr = nfc(title), nfc(abbr).upper()
    if not title:
        raise ValidationError({"title": "Cần tên đề mục."})
    if parent_id is not None:
        parent = session.get(FileHeading, parent_id)
        if parent is None or parent.year != year or parent.parent_id is not None:
            raise ValidationError({"parent": "Đề mục nhỏ phải thuộc một đề mục lớn của cùng năm."})
    last = session.scalar(select(func.max(FileHeading.ordinal)).where(
        FileHeading.year == year, FileHeading.parent_id.is_(None) if parent_id is None
        else FileHeading.parent_id == parent_id))
    h = FileHeading(year=year, parent_id=parent_id, ordinal=(last or 0) + 1, abbr=abbr, title=title)
    session.add(h)
    session.flush()
    return _heading_view(h)


def headings(session: Session, year: int) -> list[HeadingView]:
    rows = session.scalars(select(FileHeading).where(FileHeading.year == year).order_by(FileHeading.id))
    return [_heading_view(h) for h in rows]


def find_heading(session: Session, year: int, text: str) -> FileHeading | None:
    key = fold(text)
    for h in session.scalars(select(FileHeading).where(FileHeading.year == year)):
        if fold(h.abbr) == key or fold(h.title) == key:
            return h
    return None


def top_heading(session: Session, heading_id: int | None) -> FileHeading | None:
    h = session.get(FileHeading, heading_id) if heading_id else None
    while h is not None and h.parent_id is not None:
        h = session.get(FileHeading, h.parent_id)
    return h


def _subtree(session: Session, top: FileHeading) -> list[int]:
    return [top.id] + list(session.scalars(select(FileHeading.id).where(FileHeading.parent_id == top.id)))


def next_code(session: Session, year: int, heading_id: int | None) -> tuple[int, str]:
    p = ensure_plan(session, year)
    top = top_heading(session, heading_id)
    q = select(func.max(Hoso.ordinal)).where(Hoso.year == year)
    if p.numbering == "per_heading" and top is not None:
        q = q.where(Hoso.heading_id.in_(_subtree(session, top)))
    n = (session.scalar(q) or 0) + 1
    return n, f"{n:02d}.{top.abbr}" if top is not None and top.abbr else f"{n:02d}"


def create_hoso(session: Session, year: int, title: str, retention: str, *, code: str = "",
                heading_id: int | None = None, creator: str = "", in_plan: bool = True,
                description: str = "", rights: str = "Công khai", opened_on=None) -> HosoView:
    ensure_plan(session, year)
    title = nfc(title)
    errors = {}
    if not title:
        errors["title"] = "Cần tiêu đề hồ sơ."
    try:
        retention = check_retention(retention)
    except ValidationError as exc:
        errors.update(exc.errors)
    if heading_id is not None:
        h = session.get(FileHeading, heading_id)
        if h is None or h.year != year:
            errors["heading"] = "Đề mục không thuộc danh mục năm này."
    code = nfc(code).upper().replace(" ", "")
    if code:
        m = _CODE.match(code)
        if not m:
            errors["code"] = f"Số và ký hiệu hồ sơ “{code}” không đúng dạng (ví dụ 01.TCCB)."
        ordinal = int(m.group(1)) if m else 0
    else:
        ordinal, code = next_code(session, year, heading_id)
    if errors:
        raise ValidationError(errors)
    if session.scalar(select(Hoso.id).where(Hoso.year == year, Hoso.code == code)) is not None:
        raise CodeTaken(f"Số và ký hiệu hồ sơ {code} đã có trong danh mục năm {year}.", "code")
    h = Hoso(year=year, heading_id=heading_id, ordinal=ordinal, code=code, title=title, retention=retention,
             creator=nfc(creator), in_plan=in_plan, description=nfc(description), rights=nfc(rights) or "Công khai",
             language="Tiếng Việt", state="open", opened_on=parse_date(opened_on) or dt.date.today(),
             closing_note="")
    session.add(h)
    session.flush()
    trail.note(session, h.id, "mở hồ sơ", f"{code} — {title}" + ("" if in_plan else " (ngoài danh mục)"))
    return view(session, h)


def copy_plan(session: Session, year: int, from_year: int) -> list[HosoView]:
    """Starts a year from last year's plan: the same headings and in-plan files, opened anew."""
    if session.scalar(select(Hoso.id).where(Hoso.year == year).limit(1)) is not None:
        raise DomainError(f"Danh mục hồ sơ năm {year} đã có hồ sơ; không sao chép chồng lên.")
    old = session.get(FilePlan, from_year)
    if old is None:
        raise NotFound(f"Chưa có danh mục hồ sơ năm {from_year}.")
    p = ensure_plan(session, year)
    p.numbering, p.organ_id, p.period = old.numbering, old.organ_id, old.period
    mapping: dict[int, int] = {}
    for h in session.scalars(select(FileHeading).where(FileHeading.year == from_year).order_by(FileHeading.id)):
        new = FileHeading(year=year, parent_id=mapping.get(h.parent_id), ordinal=h.ordinal, abbr=h.abbr, title=h.title)
        session.add(new)
        session.flush()
        mapping[h.id] = new.id
    out = []
    for h in session.scalars(select(Hoso).where(Hoso.year == from_year, Hoso.in_plan.is_(True)).order_by(Hoso.id)):
        new = Hoso(year=year, heading_id=mapping.get(h.heading_id), ordinal=h.ordinal, code=h.code, title=h.title,
                   retention=h.retention, creator=h.creator, rights=h.rights, language=h.language,
                   description="", in_plan=True, state="open", opened_on=dt.date(year, 1, 1), closing_note="")
        session.add(new)
        session.flush()
        trail.note(session, new.id, "mở hồ sơ", f"{new.code} — theo danh mục năm {from_year}")
        out.append(new)
    return [view(session, h) for h in out]


def find(session: Session, year: int, code: str) -> Hoso:
    h = session.scalar(select(Hoso).where(Hoso.year == year, Hoso.code == nfc(code).upper()))
    if h is None:
        raise NotFound(f"Không có hồ sơ {code} trong năm {year}.")
    return h


def get(session: Session, hoso_id: int) -> Hoso:
    h = session.get(Hoso, hoso_id)
    if h is None:
        raise NotFound(f"Không tìm thấy hồ sơ #{hoso_id}.")
    return h


def _counts(session: Session, ids: list[int]) -> tuple[dict[int, int], set[int]]:
    if not ids:
        return {}, set()
    live = (HosoEntry.removed_at.is_(None), HosoEntry.hoso_id.in_(ids))
    counts = dict(session.execute(select(HosoEntry.hoso_id, func.count()).where(*live).group_by(HosoEntry.hoso_id)).all())
    secret = set(session.scalars(
        select(HosoEntry.hoso_id).join(Entry, Entry.id == HosoEntry.entry_id).join(Book, Book.id == Entry.book_id)
        .where(*live, (Book.secret.is_(True)) | (Entry.secrecy != "")).distinct()))
    return counts, secret


def _views(session: Session, rows: list[Hoso]) -> list[HosoView]:
    counts, secret = _counts(session, [h.id for h in rows])
    batches = {b.id: b for b in session.scalars(select(Handover).where(
        Handover.id.in_({h.handover_id for h in rows if h.handover_id})))}
    out = []
    for h in rows:
        b = batches.get(h.handover_id)
        out.append(HosoView(h.id, h.year, h.heading_id, h.code, h.title, h.retention, h.creator, h.rights,
                            h.language, h.description, h.in_plan, h.state, h.opened_on, h.closed_on,
                            h.start_date, h.end_date, h.sheets, h.pages, h.closing_note,
                            b.code if b else "", b.minutes_number if b else "", h.handed_over_on,
                            counts.get(h.id, 0), h.id in secret))
    return out


def view(session: Session, h: Hoso) -> HosoView:
    session.flush()
    return _views(session, [h])[0]


def list_hoso(session: Session, year: int) -> list[HosoView]:
    """The year's files in plan order: by đề mục, then number; files outside the plan last."""
    order = {h.id: i for i, h in enumerate(_plan_order(session, year))}
    rows = list(session.scalars(select(Hoso).where(Hoso.year == year)))
    rows.sort(key=lambda h: (not h.in_plan, order.get(h.heading_id, -1), h.ordinal, h.code))
    return _views(session, rows)


def _plan_order(session: Session, year: int) -> list[FileHeading]:
    all_ = list(session.scalars(select(FileHeading).where(FileHeading.year == year)))
    tops = sorted((h for h in all_ if h.parent_id is None), key=lambda h: h.ordinal)
    out = []
    for t in tops:
        out.append(t)
        out += sorted((h for h in all_ if h.parent_id == t.id), key=lambda h: h.ordinal)
    return out


def years(session: Session) -> list[int]:
    have = set(session.scalars(select(FilePlan.year))) | set(session.scalars(select(Hoso.year).distinct()))
    return sorted(have, reverse=True)
