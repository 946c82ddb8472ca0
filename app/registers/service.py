"""Register, reserve, void and edit entries. Each function runs inside the caller's transaction."""
from __future__ import annotations

import datetime as dt
import getpass
from dataclasses import fields, replace

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import catalogue, org as org_mod
from app.registers import numbering
from app.security import access, audit
from app.errors import (NotFound, NumberStateError, OutOfOrder, PossibleDuplicate, SetupRequired,
                        ValidationError)
from app.dates import BadDate, parse_date, parse_datetime
from app.registers.draft import Draft, clean
from app.registers.views import ChangeView, EntryView
from app.text import fold, nfc
from db.models import Attachment, Book, Entry, EntryChange

SEARCHED = ("issuer", "number_symbol", "doc_type", "summary", "recipient_unit", "notes",
            "signer_name", "recipients", "receiver_sign")


def current_user(session: Session | None = None) -> str:
    """The logged-in user the session acts for (app.security); the OS login before any user exists."""
    if session is not None:
        return access.user_name(session)
    try:
        return getpass.getuser()
    except Exception:  # no login name in some service contexts
        return "unknown"


def book(session: Session, key: str) -> Book:
    found = session.scalar(select(Book).where(Book.key == key))
    if found is None:
        raise NotFound(f"Không có sổ “{key}”.")
    return found


def _writable(session: Session, b: Book) -> Book:
    """A secret book's entry never goes into the plain (unencrypted) store."""
    if b.secret and session.info.get("plain_store"):
        raise NumberStateError(
            "Văn bản mật chỉ được ghi vào sổ mật mã hóa, không vào tệp dữ liệu thường. Hãy mở sổ mật "
            "(người được cấp quyền đăng nhập; dòng lệnh: vanthu secret register).")
    return b


def folded_for(e: Entry, extra: str = "") -> str:
    """The searchable copy; the leading scope tokens let FTS itself narrow to one book/year,
    which keeps search-while-typing fast on 200,000 rows."""
    text = fold(" ".join(str(getattr(e, n) or "") for n in SEARCHED) + " " + extra)
    return f"{scope_tokens(e.book_id, e.year)} {text}"


def refold(session: Session, e: Entry) -> None:
    """Recomputes the search copy, including the OCR text of the entry's scans."""
    scans = session.scalars(select(Attachment.ocr_folded).where(Attachment.entry_id == e.id))
    e.folded = folded_for(e, " ".join(scans))


def scope_tokens(book_id: int, year: int) -> str:
    return f"zbook{book_id} zbook{book_id}y{year}"


def _organisation(session: Session) -> org_mod.Organisation:
    org = org_mod.load(session)
    if not org.configured:
        raise SetupRequired("Chưa khai báo thông tin cơ quan (Cài đặt → Cơ quan).")
    return org


def _type_abbr(session: Session, org, name: str) -> str:
    t = catalogue.find_type(session, org.regime, name)
    if t is None:
        raise ValidationError({"doc_type": f"Tên loại “{name}” không có trong danh mục."})
    return t.abbr


def find_duplicate(session: Session, book_id: int, d: Draft) -> Entry | None:
    """The live entry that is probably the same document: same issuer, number-symbol and date
    or, for a document without a number (giấy mời, thư), same issuer, date and summary."""
    same = [Entry.book_id == book_id, Entry.doc_date == d.doc_date, Entry.status != "voided"]
    if d.number_symbol:
        candidates = session.scalars(select(Entry).where(*same, Entry.number_symbol == d.number_symbol))
        return next((e for e in candidates if fold(e.issuer) == fold(d.issuer)), None)
    candidates = session.scalars(select(Entry).where(*same, Entry.number_symbol == ""))
    return next((e for e in candidates if fold(e.issuer) == fold(d.issuer)
                 and fold(e.summary) == fold(d.summary)), None)


def last_arrival(session: Session, book_id: int, year: int) -> dt.datetime | None:
    return session.scalar(select(func.max(Entry.received_at))
                          .where(Entry.book_id == book_id, Entry.year == year))


def _check_order(session: Session, b: Book, d: Draft, year: int) -> None:
    """Numbers follow the order of arrival: an arrival earlier than the book's last one is
    registered only when the clerk confirms it."""
    last = last_arrival(session, b.id, year)
    if last is not None and d.received_at < last:
        raise OutOfOrder(last)


def _issue(session: Session, b: Book, org, scope: str, year: int, abbr: str, unit: str
           ) -> tuple[int, str, str]:
    """(number, symbol, period) for a new outgoing number; refuses a symbol already issued."""
    number = numbering.allocate(session, scope)
    symbol = numbering.compose_symbol(org, number, abbr, unit)
    period = numbering.period_of(org, year)
    taken = session.scalar(select(Entry.id).where(Entry.book_id == b.id, Entry.period == period,
                                                  Entry.issued_symbol == symbol))
    if taken is not None:
        raise NumberStateError(
            f"Số {symbol} đã được cấp cho văn bản #{taken} trong cùng {_period_name(period)}: "
            "không cấp lại. Hãy kiểm tra cách đánh số (Cài đặt → Cơ quan).")
    return number, symbol, period


def _period_name(period: str) -> str:
    return "nhiệm kỳ" if period.startswith("term:") else f"năm {period}"


def scope_and_year(session: Session, b: Book, d: Draft, year: int | None) -> tuple[str, int, str]:
    """(scope, year, type abbreviation) for a clean draft in book b."""
    if b.direction == "in":
        natural = d.received_at.year
        if year not in (None, natural):
            if year != natural - 1:
                raise ValidationError({"received_at": f"Chỉ có thể đăng ký vào năm {natural} "
                                       f"hoặc năm trước ({natural - 1})."})
        year = year or natural
        return numbering.incoming_scope(b.key, year), year, ""
    org = _organisation(session)
    abbr = _type_abbr(session, org, d.doc_type)
    if org.regime == "party" and org.term_start_date and d.doc_date < org.term_start_date:
        raise ValidationError({"doc_date": "Ngày văn bản trước ngày bắt đầu nhiệm kỳ hiện tại."})
    year = d.doc_date.year
    return numbering.outgoing_scope(org, b.key, year, d.doc_type, abbr), year, abbr


def preview_number(session: Session, book_key: str, draft: Draft, year: int | None = None) -> str:
    """The number (and symbol) the draft would take if saved now; '' while it can't be told."""
    b = book(session, book_key)
    try:
        d = replace(draft, received_at=parse_datetime(draft.received_at),
                    doc_date=parse_date(draft.doc_date), doc_type=nfc(draft.doc_type))
        if (d.received_at if b.direction == "in" else d.doc_date) is None:
            return ""
        scope, _, abbr = scope_and_year(session, b, d, year)
    except (BadDate, ValidationError, SetupRequired):
        return ""
    n = numbering.peek(session, scope)
    if b.direction == "in":
        return str(n)
    return numbering.compose_symbol(_organisation(session), n, abbr, nfc(draft.drafting_unit))


def _fill(e: Entry, d: Draft) -> None:
    for f in fields(Draft):
        setattr(e, f.name, getattr(d, f.name))
    e.reg_date = d.received_at.date() if d.received_at else d.doc_date


def register(session: Session, book_key: str, draft: Draft, *, year: int | None = None,
             allow_duplicate: bool = False, allow_out_of_order: bool = False,
             now: dt.datetime | None = None) -> EntryView:
    b = _writable(session, book(session, book_key))
    d = clean(draft, b.direction, b.secret, now=now)
    if b.direction == "in" and not allow_duplicate:
        dup = find_duplicate(session, b.id, d)
        if dup is not None:
            raise PossibleDuplicate(EntryView.of(dup, b.key))
    scope, year, abbr = scope_and_year(session, b, d, year)
    if b.direction == "in" and not allow_out_of_order:
        _check_order(session, b, d, year)
    if b.direction == "out":
        number, symbol, period = _issue(session, b, _organisation(session), scope, year, abbr,
                                        d.drafting_unit)
    else:
        number, symbol, period = numbering.allocate(session, scope), None, str(year)
    e = Entry(book_id=b.id, scope=scope, year=year, number=number, status="registered",
              created_at=now or dt.datetime.now(), created_by=current_user(session), type_abbr=abbr,
              period=period, issued_symbol=symbol)
    _fill(e, d)
    if symbol:
        e.number_symbol = symbol
    e.folded = folded_for(e)
    session.add(e)
    session.flush()
    _record(session, e.id, "tạo", "", f"{b.name} số {e.number_symbol or number}")
    audit.record(session, "register", e.id, {"book": b.key, "number": e.number_symbol or number})
    return EntryView.of(e, b.key)


def reserve(session: Session, book_key: str, doc_type: str, doc_date, note: str = "",
            drafting_unit: str = "", now: dt.datetime | None = None) -> EntryView:
    """Lấy số trước: takes the next outgoing number for a document awaiting signature."""
    b = _writable(session, book(session, book_key))
    if b.direction != "out":
        raise NumberStateError("Chỉ lấy số trước cho văn bản đi.")
    placeholder = Draft(doc_type=doc_type, doc_date=doc_date, summary="(giữ số)", signer_name="-",
                        secrecy="Mật" if b.secret else "", drafting_unit=drafting_unit)
    d = clean(placeholder, "out", b.secret, now=now)
    scope, year, abbr = scope_and_year(session, b, d, None)
    number, symbol, period = _issue(session, b, _organisation(session), scope, year, abbr,
                                    d.drafting_unit)
    e = Entry(book_id=b.id, scope=scope, year=year, number=number, status="reserved",
              created_at=now or dt.datetime.now(), created_by=current_user(session), type_abbr=abbr,
              reg_date=d.doc_date, doc_date=d.doc_date, doc_type=d.doc_type, notes=nfc(note),
              drafting_unit=d.drafting_unit, number_symbol=symbol, period=period,
              issued_symbol=symbol)
    e.folded = folded_for(e)
    session.add(e)
    session.flush()
    _record(session, e.id, "lấy số trước", "", e.number_symbol)
    audit.record(session, "reserve", e.id, {"book": b.key, "number": e.number_symbol})
    return EntryView.of(e, b.key)


def _entry(session: Session, entry_id: int) -> tuple[Entry, Book]:
    e = session.get(Entry, entry_id)
    if e is None:
        raise NotFound(f"Không tìm thấy văn bản #{entry_id}.")
    return e, session.get(Book, e.book_id)


def use_reservation(session: Session, entry_id: int, draft: Draft,
                    now: dt.datetime | None = None) -> EntryView:
    """Completes a reserved number with the signed document; type and date must keep its scope."""
    e, b = _entry(session, entry_id)
    if e.status != "reserved":
        raise NumberStateError("Số này không ở trạng thái lấy trước.")
    d = clean(draft, b.direction, b.secret, now=now)
    scope, _, _ = scope_and_year(session, b, d, None)
    if scope != e.scope:
        raise ValidationError({"doc_type": "Tên loại hoặc năm khác với số đã lấy trước."})
    symbol = e.number_symbol
    _fill(e, d)
    e.number_symbol, e.status = symbol, "registered"
    refold(session, e)
    _record(session, e.id, "dùng số đã lấy trước", "", symbol)
    audit.record(session, "use_reservation", e.id, {"number": symbol})
    return EntryView.of(e, b.key)


def void(session: Session, entry_id: int, reason: str) -> EntryView:
    """Hủy số: the line stays in the book, the number is never issued again."""
    e, b = _entry(session, entry_id)
    reason = nfc(reason)
    if not reason:
        raise ValidationError({"void_reason": "Cần ghi lý do hủy số."})
    if e.status == "voided":
        raise NumberStateError("Số này đã bị hủy.")
    _record(session, e.id, "status", e.status, f"voided: {reason}")
    audit.record(session, "void", e.id, {"reason": reason})
    e.status, e.void_reason = "voided", reason
    return EntryView.of(e, b.key)


EDITABLE = {f.name for f in fields(Draft)} - {"received_at"}


def update(session: Session, entry_id: int, changes: dict) -> EntryView:
    """Edits fields that do not decide the number; every change is recorded."""
    e, b = _entry(session, entry_id)
    if e.status == "voided":
        raise NumberStateError("Không sửa được văn bản đã hủy số.")
    bad = set(changes) - EDITABLE
    if bad:
        raise ValidationError({sorted(bad)[0]: "Trường này không sửa được (quyết định số)."})
    current = {f.name: getattr(e, f.name) for f in fields(Draft)}
    d = clean(Draft(**{**current, **changes}), b.direction, b.secret)
    if b.direction == "out" and (d.doc_type != e.doc_type or d.doc_date.year != e.doc_date.year):
        raise ValidationError({"doc_type": "Đổi tên loại/năm sẽ đổi số; hãy hủy số và đăng ký lại."})
    if b.direction == "out":
        d = replace(d, number_symbol=e.number_symbol)
    for name in EDITABLE:
        old, new = getattr(e, name), getattr(d, name)
        if old != new:
            _record(session, e.id, name, _show(old), _show(new))
            audit.record(session, "update", e.id, {"field": name, "old": _show(old), "new": _show(new)})
            setattr(e, name, new)
    refold(session, e)
    return EntryView.of(e, b.key)


def _show(value) -> str:
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    return "" if value is None else str(value)


def _record(session: Session, entry_id: int, field: str, old: str, new: str) -> None:
    access.require(session, "write")  # every write passes here: lãnh đạo reads, never writes
    session.add(EntryChange(entry_id=entry_id, at=dt.datetime.now(), user=current_user(session),
                            field=field, old=old, new=new))


def history(session: Session, entry_id: int) -> list[ChangeView]:
    rows = session.scalars(select(EntryChange).where(EntryChange.entry_id == entry_id)
                           .order_by(EntryChange.id))
    return [ChangeView(c.at, c.user, c.field, c.old, c.new) for c in rows]


def get(session: Session, entry_id: int) -> EntryView:
    e, b = _entry(session, entry_id)
    return EntryView.of(e, b.key)
