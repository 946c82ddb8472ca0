"""From the registers to the printed legal book: chooses the entries, fills the template's
cells, continues the volume number and records every print (secret prints are audited)."""
from __future__ import annotations

import dataclasses
import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from app import org as org_mod
from app.dates import fmt
from app.errors import ValidationError
from app.printing import BookHeader, Row, get_book
from app.registers import query, service
from app.security import access, audit
from app.registers.views import EntryView
from db.models import Entry, PrintJob

# The tracking book (sổ theo dõi giải quyết) is printed from the incoming entries.
SOURCE_BOOK = {"tracking": "incoming"}
CHUNK = 500


@dataclass(frozen=True)
class PrintRequest:
    book: str  # incoming | outgoing | tracking | secret_incoming | secret_outgoing
    year: int | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    number_from: int | None = None
    number_to: int | None = None
    paper: str = "A4"
    volume: int | None = None  # None: continue from earlier prints of this book

    @property
    def range_text(self) -> str:
        if self.number_from is not None:
            return f"năm {self.year}, số {self.number_from}-{self.number_to}"
        if self.date_from:
            return f"từ {fmt(self.date_from)} đến {fmt(self.date_to)}"
        return f"năm {self.year}"


def _filter(req: PrintRequest) -> query.Filter:
    if req.number_from is not None and not req.year:
        raise ValidationError({"numbers": "In theo khoảng số cần chọn năm."})
    if req.date_from and req.date_to and req.date_from > req.date_to:
        raise ValidationError({"date_from": "Ngày bắt đầu sau ngày kết thúc."})
    if not (req.year or req.date_from or req.number_from is not None):
        raise ValidationError({"year": "Chọn năm, khoảng ngày hoặc khoảng số để in."})
    return query.Filter(SOURCE_BOOK.get(req.book, req.book), year=req.year, date_from=req.date_from,
                        date_to=req.date_to, number_from=req.number_from, number_to=req.number_to,
                        sort="number", descending=False)


def _signer(e: EntryView) -> str:
    return ", ".join(x for x in (e.signer_position, e.signer_name) if x)


def _type_and_summary(e: EntryView) -> str:
    return f"{e.doc_type}: {e.summary}" if e.summary else e.doc_type


def _notes(e: EntryView) -> str:
    return "; ".join(x for x in (e.urgency, e.notes) if x)


def cells(book: str, e: EntryView) -> tuple[str, ...]:
    recipients = "; ".join(e.recipients.splitlines())
    received = fmt(e.received_at, with_time=bool(e.urgency))
    if book == "incoming":
        return (received, str(e.number), e.issuer, e.number_symbol, fmt(e.doc_date),
                _type_and_summary(e), e.recipient_unit, fmt(e.transfer_date), e.receiver_sign, _notes(e))
    if book == "outgoing":
        return (e.number_symbol, fmt(e.doc_date), _type_and_summary(e), _signer(e), recipients,
                e.recipient_unit, str(e.copies or ""), fmt(e.transfer_date), e.receiver_sign, _notes(e))
    if book == "tracking":
        what = f"{e.doc_type} số {e.number_symbol} ngày {fmt(e.doc_date)} của {e.issuer}"
        return (str(e.number), what, e.recipient_unit, fmt(e.due_date), e.progress_note,
                e.reply_symbol, e.notes)
    if book == "secret_incoming":
        return (str(e.number), received, e.issuer, e.number_symbol, fmt(e.doc_date),
                _type_and_summary(e), e.secrecy, e.recipient_unit, e.receiver_sign, _notes(e))
    if book == "secret_outgoing":
        kept = ", ".join(x for x in (e.recipient_unit, f"{e.copies} bản" if e.copies else "") if x)
        return (str(e.number), fmt(e.doc_date), e.number_symbol, _type_and_summary(e), e.secrecy,
                _signer(e), recipients, kept, _notes(e))
    raise ValueError(book)


def _row(book: str, e: EntryView) -> Row:
    row = cells(book, e)
    if e.status == "reserved":  # a number taken ahead for a document still awaiting signature
        row = row[:-1] + ("Đã lấy số trước, chờ ký",)
    return Row(row, voided=e.status == "voided", void_reason=e.void_reason)


@dataclass(frozen=True)
class PrintJobView:
    at: dt.datetime
    user: str
    book: str
    range_text: str
    volume: int
    pages: int
    entries: int
    secret: bool
    target: str


LEVELS = ("Mật", "Tối mật", "Tuyệt mật")


def highest_secrecy(session: Session, ids: list[int]) -> str:
    """The mark a secret book's pages carry: the highest level among the printed entries, since
    the printed pages must be handled like their most secret line."""
    found: set[str] = set()
    for start in range(0, len(ids), CHUNK):
        found.update(session.scalars(select(Entry.secrecy).where(Entry.id.in_(ids[start:start + CHUNK]))
                                     .distinct()))
    level = max((LEVELS.index(v) for v in found if v in LEVELS), default=0)
    return LEVELS[level].upper()


def next_volume(session: Session, book: str, year: int | None) -> int:
    """Quyển số continues from earlier prints of the same book in the same year, whatever range
    (year, dates or numbers) they printed."""
    last = session.scalar(select(func.max(PrintJob.volume)).where(
        PrintJob.book_key == book, PrintJob.year == year))
    return (last or 0) + 1


def _check_target(req: PrintRequest, out: Path) -> None:
    if req.volume is not None and not (isinstance(req.volume, int) and 1 <= req.volume <= 999):
        raise ValidationError({"volume": f"Quyển số phải là số nguyên từ 1 đến 999 (đã nhập {req.volume})."})
    out = Path(out)
    if out.is_dir():
        raise ValidationError({"out": f"“{out}” là một thư mục; hãy ghi tên tệp PDF, ví dụ {out / 'so.pdf'}."})
    if not out.parent.is_dir():
        raise ValidationError({"out": f"Không có thư mục “{out.parent}” để lưu tệp PDF."})


def _date_span(session: Session, ids: list[int]) -> tuple[dt.date, dt.date]:
    """The earliest and the latest date of the printed entries, for the cover, whatever order
    they were registered in."""
    low = high = None
    for start in range(0, len(ids), CHUNK):
        a, b = session.execute(select(func.min(Entry.reg_date), func.max(Entry.reg_date))
                               .where(Entry.id.in_(ids[start:start + CHUNK]))).one()
        low = a if low is None or (a and a < low) else low
        high = b if high is None or (b and b > high) else high
    return low, high


def record_print(Session_: sessionmaker, req: PrintRequest, result, target: Path | str,
                 year: int, volume: int) -> None:
    """A print record: written when a PDF is saved or a print job sent, never for a preview."""
    with Session_.begin() as s:
        s.add(PrintJob(at=dt.datetime.now(), user=service.current_user(s), book_key=req.book,
                       year=year, range_text=req.range_text, volume=volume, pages=result.pages,
                       entries=result.entries, secret=get_book(req.book).secret, target=str(target)))
        audit.record(s, "print", details={"book": req.book, "range": req.range_text, "volume": volume,
                                          "pages": result.pages, "to": str(target)})


def print_book(Session_: sessionmaker, ReadSession: sessionmaker, req: PrintRequest, out: Path, *,
               progress: Callable[[int, int], None] | None = None,
               cancelled: Callable[[], bool] | None = None, record: bool = True):
    """Builds the PDF and, when `record`, records the print (a preview passes record=False and
    calls record_print once the clerk saves or prints it). The PDF is built beside `out` and put
    in place only once its record is written, so no PDF exists without its record. Entries are
    read in chunks of CHUNK rows so that 40,000 rows never sit in memory as objects at once."""
    from app.printing import build_book

    template = get_book(req.book)
    out = Path(out)
    _check_target(req, out)
    with ReadSession() as s:
        access.require(s, "print")  # lãnh đạo reads and searches, prints nothing
        org = org_mod.load(s)
        ids = query.ids(s, _filter(req))
        if not ids:
            raise ValidationError({"year": "Không có văn bản nào trong phạm vi đã chọn."})
        first, last = query.rows(s, ids[:1])[0], query.rows(s, ids[-1:])[0]
        year = req.year or first.year
        volume = req.volume if req.volume is not None else next_volume(s, req.book, year)
        earliest, latest = _date_span(s, ids)
        header = BookHeader(
            parent_org=org.parent_org, org_name=org.org_name, year=year,
            date_from=earliest, date_to=latest, number_from=first.number,
            number_to=last.number, volume=volume,
            secrecy_mark=highest_secrecy(s, ids) if template.secret else None, place=org.place,
            chain_head=audit.show_head(s))

        def rows() -> Iterator[Row]:
            for start in range(0, len(ids), CHUNK):
                chunk = query.rows(s, ids[start:start + CHUNK])
                if req.book == "tracking":  # processing state from the tracking capability
                    from app.tracking.book import with_progress
                    chunk = with_progress(s, chunk)
                for e in chunk:
                    yield _row(req.book, e)

        partial = out.with_name(f".{out.name}.dang-in")
        try:
            result = build_book(template, header, rows(), partial, pagesize=req.paper,
                                total_rows=len(ids), progress=progress, cancelled=cancelled)
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
    try:
        if record:
            record_print(Session_, req, result, out, year, volume)
        os.replace(partial, out)
    finally:
        partial.unlink(missing_ok=True)
    return dataclasses.replace(result, path=out, volume=volume, year=year)


def print_log(session: Session, secret_only: bool = False) -> list[PrintJobView]:
    q = select(PrintJob).order_by(PrintJob.id.desc())
    if secret_only:
        q = q.where(PrintJob.secret.is_(True))
    return [PrintJobView(j.at, j.user, j.book_key, j.range_text, j.volume, j.pages, j.entries,
                         j.secret, j.target) for j in session.scalars(q)]


def print_phieu(session: Session, entry_id: int, out: Path, *, on: dt.date | None = None):
    """The Phiếu giải quyết văn bản đến of one incoming entry (NĐ 30 Phụ lục IV mục VII),
    dated on (default today) at the organisation's place; returns the PrintResult."""
    import dataclasses

    from app.printing.phieu import PhieuGiaiQuyet, build_phieu_giai_quyet

    found = query.rows(session, [entry_id])
    if not found:
        raise ValidationError({"entry": "Không tìm thấy văn bản để in phiếu giải quyết."})
    entry, org = found[0], org_mod.load(session)
    access.require(session, "print")
    audit.record(session, "print_form", entry_id, {"form": "phiếu giải quyết văn bản đến"})
    known = {**dataclasses.asdict(org), **{f.name: getattr(entry, f.name)
                                         for f in dataclasses.fields(entry)}}
    record = PhieuGiaiQuyet(**{f.name: known[f.name] for f in dataclasses.fields(PhieuGiaiQuyet)
                               if f.name in known}, issued_on=on or dt.date.today())
    return build_phieu_giai_quyet(record, out)
