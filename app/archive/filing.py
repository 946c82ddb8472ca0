"""Documents into and out of a file. A document may sit in several files without being copied:
each filing is a row of hoso_entry. A closed file is locked; a document taken out of an open
file keeps its row (removed_at), so what was once filed is never lost."""
from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.archive import plan, trail
from app.archive.views import FiledDoc, HosoView
from app.errors import DomainError, NotFound
from db.models import Attachment, Book, Entry
from db.models_archive import Hoso, HosoEntry


class FileLocked(DomainError):
    pass


class NotFileable(DomainError):
    pass


def check_open(h: Hoso) -> None:
    if h.state != "open":
        what = {"closed": "đã đóng", "kept_back": "đã đóng, đơn vị đang giữ lại", "in_handover": "đang giao nộp",
                "handed_over": "đã nộp lưu"}[h.state]
        hint = " Muốn sửa, hãy mở lại hồ sơ (ghi rõ lý do)." if h.state == "closed" else ""
        raise FileLocked(f"Hồ sơ {h.code} {what}: không thay đổi được.{hint}")


def add(session: Session, hoso_id: int, entry_ids: list[int]) -> HosoView:
    """Files the entries at the end of the file, in the order given; entries already in it are
    left where they are. All or nothing: one bad entry and none is filed."""
    h = plan.get(session, hoso_id)
    check_open(h)
    links = {r.entry_id: r for r in session.scalars(select(HosoEntry).where(HosoEntry.hoso_id == h.id))}
    position = session.scalar(select(func.max(HosoEntry.position)).where(HosoEntry.hoso_id == h.id)) or 0
    added = []
    for entry_id in dict.fromkeys(entry_ids):
        e = session.get(Entry, entry_id)
        if e is None:
            raise NotFound(f"Không tìm thấy văn bản #{entry_id}.")
        if e.status == "voided":
            raise NotFileable(f"Văn bản #{entry_id} (số {e.number_symbol or e.number}) đã hủy số: không đưa vào hồ sơ.")
        if e.status == "reserved":
            raise NotFileable(f"Số {e.number_symbol} mới lấy trước, chưa có văn bản: chưa đưa vào hồ sơ được.")
        link = links.get(entry_id)
        if link is not None and link.removed_at is None:
            continue
        position += 1
        now = dt.datetime.now()
        if link is None:
            session.add(HosoEntry(hoso_id=h.id, entry_id=entry_id, position=position, added_at=now,
                                  added_by=trail.who(session)))
        else:
            link.removed_at, link.position, link.added_at = None, position, now
        added.append(entry_id)
        trail.audit(session, "file", entry_id, hoso=h.code, year=h.year, action="thêm vào hồ sơ")
    if added:
        trail.note(session, h.id, "thêm văn bản", ", ".join(f"#{i}" for i in added), kind="")
    return plan.view(session, h)


def remove(session: Session, hoso_id: int, entry_id: int, reason: str = "") -> HosoView:
    h = plan.get(session, hoso_id)
    check_open(h)
    link = session.get(HosoEntry, (h.id, entry_id))
    if link is None or link.removed_at is not None:
        raise NotFound(f"Văn bản #{entry_id} không có trong hồ sơ {h.code}.")
    link.removed_at = dt.datetime.now()
    trail.note(session, h.id, "bỏ văn bản", f"#{entry_id} {reason}".strip(), entry_id=entry_id)
    return plan.view(session, h)


def move(session: Session, hoso_id: int, entry_id: int, new_position: int) -> None:
    """Puts one document at another place in the file (1 = first), renumbering the others."""
    h = plan.get(session, hoso_id)
    check_open(h)
    links = live_links(session, h.id)
    order = [r for r in links if r.entry_id != entry_id]
    moving = next((r for r in links if r.entry_id == entry_id), None)
    if moving is None:
        raise NotFound(f"Văn bản #{entry_id} không có trong hồ sơ {h.code}.")
    order.insert(max(0, min(len(order), new_position - 1)), moving)
    for i, r in enumerate(order, 1):
        r.position = i


def live_links(session: Session, hoso_id: int) -> list[HosoEntry]:
    return list(session.scalars(select(HosoEntry).where(HosoEntry.hoso_id == hoso_id, HosoEntry.removed_at.is_(None))
                                .order_by(HosoEntry.position)))


def documents(session: Session, hoso_id: int, files_dir: Path | None = None) -> list[FiledDoc]:
    """The file's documents in filing order, each with its scans (paths under files_dir)."""
    return documents_of_files(session, [hoso_id], files_dir)[hoso_id]


def documents_of_files(session: Session, hoso_ids: list[int], files_dir: Path | None = None) -> dict[int, list[FiledDoc]]:
    """documents() of many files in a few queries (a handover batch holds hundreds). Plain
    rows, not ORM objects: a quarter's 5,000 documents loaded as entities took most of the time
    the handover spends on its metadata."""
    links = list(_chunked(session, select(HosoEntry.hoso_id, HosoEntry.entry_id).where(HosoEntry.removed_at.is_(None))
                          .order_by(HosoEntry.hoso_id, HosoEntry.position), HosoEntry.hoso_id, hoso_ids))
    ids = list(dict.fromkeys(r.entry_id for r in links))
    entries = {e.id: e for e in _chunked(session, select(
        Entry.id, Entry.book_id, Entry.number, Entry.number_symbol, Entry.doc_date, Entry.reg_date, Entry.doc_type,
        Entry.summary, Entry.issuer, Entry.secrecy, Entry.pages), Entry.id, ids)}
    keys = dict(session.execute(select(Book.id, Book.key)).all())
    scans: dict[int, list] = {}
    for a in _chunked(session, select(Attachment.entry_id, Attachment.pages, Attachment.stored_path, Attachment.pdf_path,
                                      Attachment.original_name, Attachment.sha256, Attachment.pdf_sha256)
                      .order_by(Attachment.id),
                      Attachment.entry_id, ids):
        scans.setdefault(a.entry_id, []).append(a)
    base = str(files_dir or "")
    join = os.path.join  # not pathlib: 9,000 scan paths a quarter
    out: dict[int, list[FiledDoc]] = {h: [] for h in hoso_ids}
    for r in links:
        e = entries[r.entry_id]
        mine = scans.get(e.id, [])
        pages = sum(a.pages for a in mine) or (e.pages or 0)
        docs = out[r.hoso_id]
        docs.append(FiledDoc(len(docs) + 1, e.id, keys[e.book_id], e.number, e.number_symbol, e.doc_date, e.reg_date,
                             e.doc_type, e.summary, e.issuer, e.secrecy, pages,
                             tuple((join(base, a.stored_path), join(base, a.pdf_path) if a.pdf_path else "",
                                    a.original_name) for a in mine),
                             tuple((a.sha256, a.pdf_sha256) for a in mine)))
    return out


def _chunked(session: Session, q, column, ids: list[int], size: int = 900):
    ids = list(ids)
    for start in range(0, len(ids), size):
        yield from session.execute(q.where(column.in_(ids[start:start + size])))


def files_of(session: Session, entry_ids: list[int]) -> dict[int, list[str]]:
    """entry id → codes of the files holding it (year/code when not the entry's own year)."""
    out: dict[int, list[str]] = {}
    for start in range(0, len(entry_ids), 500):
        part = entry_ids[start:start + 500]
        rows = session.execute(select(HosoEntry.entry_id, Hoso.code, Hoso.year, Entry.year)
                               .join(Hoso, Hoso.id == HosoEntry.hoso_id).join(Entry, Entry.id == HosoEntry.entry_id)
                               .where(HosoEntry.entry_id.in_(part), HosoEntry.removed_at.is_(None))
                               .order_by(Hoso.year, Hoso.code))
        for entry_id, code, year, entry_year in rows:
            out.setdefault(entry_id, []).append(code if year == entry_year else f"{year}/{code}")
    return out
