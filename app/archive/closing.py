"""Closing a file (NĐ 30 Điều 29): its dates from its documents, pages from the scans (paper
sheets typed in), retention checked again, the chứng từ kết thúc written. A closed file is
locked; only reopening it, with a reason that is kept, makes it editable again."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.archive import filing, plan, trail
from app.archive.rules import check_retention
from app.archive.views import EventView, HosoView
from app.dates import parse_date
from app.errors import DomainError, ValidationError
from app.text import nfc
from db.models_archive import HosoEvent


class EmptyFile(DomainError):
    pass


def summary(session: Session, hoso_id: int) -> dict:
    """What closing would record, for the dialog to show before the clerk confirms."""
    docs = filing.documents(session, hoso_id)
    dates = [d.doc_date or d.reg_date for d in docs]
    return {"documents": len(docs), "start_date": min(dates) if dates else None,
            "end_date": max(dates) if dates else None, "pages": sum(d.pages for d in docs)}


def close(session: Session, hoso_id: int, *, retention: str | None = None, sheets: int | None = None,
          pages: int | None = None, title: str | None = None, note: str = "", on=None) -> HosoView:
    h = plan.get(session, hoso_id)
    filing.check_open(h)
    s = summary(session, h.id)
    if not s["documents"]:
        raise EmptyFile(f"Hồ sơ {h.code} chưa có văn bản nào: không đóng hồ sơ rỗng.")
    errors = {}
    for name, value in (("sheets", sheets), ("pages", pages)):
        if value is not None and value < 0:
            errors[name] = "Số tờ/số trang không được âm."
    if retention is not None:
        try:
            retention = check_retention(retention)
        except ValidationError as exc:
            errors.update(exc.errors)
    if title is not None and not nfc(title):
        errors["title"] = "Tiêu đề hồ sơ không được để trống."
    if errors:
        raise ValidationError(errors)
    if retention and retention != h.retention:
        trail.note(session, h.id, "đổi thời hạn bảo quản", f"{h.retention} → {retention}")
        h.retention = retention
    if title is not None and nfc(title) != h.title:
        h.title = nfc(title)
    h.start_date, h.end_date = s["start_date"], s["end_date"]
    h.pages = pages if pages is not None else s["pages"]
    h.sheets = sheets
    h.closed_on = parse_date(on) or dt.date.today()
    h.closing_note = nfc(note) or closing_certificate(h, s["documents"])
    h.state = "closed"
    trail.note(session, h.id, "đóng hồ sơ", f"{s['documents']} văn bản, {h.pages} trang")
    return plan.view(session, h)


def closing_certificate(h, documents: int) -> str:
    """The chứng từ kết thúc's own words: what the file holds when it is closed."""
    sheets = f"{h.sheets} tờ, " if h.sheets else ""
    return (f"Hồ sơ này gồm {documents} văn bản, {sheets}{h.pages or 0} trang, "
            f"từ ngày {h.start_date:%d/%m/%Y} đến ngày {h.end_date:%d/%m/%Y}.")


def reopen(session: Session, hoso_id: int, reason: str) -> HosoView:
    h = plan.get(session, hoso_id)
    reason = nfc(reason)
    if not reason:
        raise ValidationError({"reason": "Cần ghi lý do mở lại hồ sơ."})
    if h.state != "closed":
        raise filing.FileLocked(f"Chỉ mở lại được hồ sơ đã đóng; hồ sơ {h.code} đang ở trạng thái "
                                f"“{plan.view(session, h).state_name}”.")
    h.state, h.closed_on = "open", None
    trail.note(session, h.id, "mở lại hồ sơ", reason)
    return plan.view(session, h)


def events(session: Session, hoso_id: int) -> list[EventView]:
    rows = session.scalars(select(HosoEvent).where(HosoEvent.hoso_id == hoso_id).order_by(HosoEvent.id))
    return [EventView(e.at, e.user, e.action, e.detail) for e in rows]
