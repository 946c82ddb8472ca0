"""Bringing an old register in from Excel: a dry run that says, row by row, what would be
registered and what would be refused (reason and cell), then the import as one transaction,
all rows or none.

Numbers: when the sheet has a Số đến column, the old numbers are kept if, within each year, they
run without gap or repeat straight on from the book's counter (normally from 1); the counter then
continues after them. Otherwise that year, and so the whole import, is refused with the reason.
Without a Số đến column the rows are numbered in order of arrival after the counter."""
from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter, defaultdict
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Callable

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import DomainError, ValidationError
from app.registers import numbering, service
from app.text import fold
from app.tracking.headings import check_mapping, guess_mapping
from app.tracking.numbers import last_issued
from app.registers.draft import Draft
from app.tracking.rows import RowResult, TypeGuess, read_row
from app.tracking.sheet import Sheet, find_header, headings_at
from db.models import Book, Entry

CHECK_EVERY = 500
# Up to this many accepted rows the checked drafts stay in memory (as plain tuples) between
# the dry run and the import; a bigger sheet is read again instead, so memory stays flat.
IN_MEMORY_ROWS = 50_000


class ImportCancelled(DomainError):
    def __init__(self):
        super().__init__("Đã dừng nhập: không có văn bản nào được đăng ký.")


class ImportRefused(DomainError):
    pass


@dataclass(frozen=True)
class YearPlan:
    year: int
    count: int
    first: int
    last: int
    kept: bool  # the old register's numbers are kept
    error: str = ""


@dataclass
class ImportPlan:
    source: Path
    sha256: str
    book_key: str
    sheet: str
    sheets: tuple[str, ...]
    header_row: int
    headings: tuple[str, ...]
    mapping: dict[int, str]
    rows: list[RowResult]
    years: list[YearPlan]
    drafts: dict[int, tuple] = field(default_factory=dict, repr=False)  # row -> (number, arrival)
    kept: dict[int, tuple] | None = field(default_factory=dict, repr=False)  # row -> Draft values

    def count(self, outcome: str) -> int:
        return sum(r.outcome == outcome for r in self.rows)

    @property
    def errors(self) -> list[str]:
        return [y.error for y in self.years if y.error]

    @property
    def can_import(self) -> bool:
        return self.count("ok") > 0 and not self.count("refused") and not self.errors

    def summary(self) -> str:
        parts = [f"{self.count('ok')} dòng sẽ đăng ký", f"{self.count('refused')} dòng bị từ chối",
                 f"{self.count('skipped')} dòng bỏ qua"]
        for y in self.years:
            if not y.error:
                how = "giữ số của sổ cũ" if y.kept else "cấp số tiếp theo"
                parts.append(f"năm {y.year}: số {y.first}–{y.last} ({how})")
        return "; ".join(parts + self.errors) + "."


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(1 << 20):
            h.update(chunk)
    return h.hexdigest()


def _book(session: Session, book_key: str) -> Book:
    b = service.book(session, book_key)
    if b.direction != "in" or b.secret:
        raise ValidationError({"book": "Nhập từ Excel hiện chỉ dành cho sổ văn bản đến thường."})
    return b


def plan_import(session: Session, path: Path | str, book_key: str = "incoming", *,
                sheet: str | None = None, header_row: int | None = None,
                mapping: dict[int, str] | None = None,
                progress: Callable[[int, int | None], None] | None = None,
                cancelled: Callable[[], bool] | None = None) -> ImportPlan:
    """The dry run: reads the whole sheet and decides every row; writes nothing. What it keeps
    per row is small (its result, number and arrival), so memory stays flat on a huge sheet:
    the import reads the file again rather than holding 100,000 drafts."""
    path = Path(path)
    b = _book(session, book_key)
    with Sheet(path, sheet) as sh:
        if header_row:
            headings = headings_at(sh, header_row)
        else:
            header_row, headings = find_header(sh)
        mapping = dict(mapping) if mapping else guess_mapping(session, list(headings))
        check_mapping(mapping)
        types = TypeGuess(session)
        total = sh.total_rows
        plan = ImportPlan(path, "", book_key, sh.name, sh.names, header_row, tuple(headings), mapping,
                          [], [], {})
        dups = _Duplicates(session, b, plan)
        if total and total > IN_MEMORY_ROWS:
            plan.kept = None  # a huge sheet: read it again at import rather than hold it
        for i, values in sh.rows():
            if i <= header_row:
                continue
            if i % CHECK_EVERY == 0:
                if cancelled and cancelled():
                    raise ImportCancelled()
                if progress:
                    progress(i, total)
            result, draft = read_row(i, values, mapping, types)
            plan.rows.append(result)
            if draft is not None:
                plan.drafts[i] = (result.number, draft.received_at)
                dups.add(i, draft)
                if plan.kept is not None:
                    plan.kept[i] = astuple_shallow(draft)
                    if len(plan.kept) > IN_MEMORY_ROWS:
                        plan.kept = None
        dups.check()
    while plan.rows and plan.rows[-1].outcome == "skipped":
        plan.rows.pop()  # the empty rows Excel keeps after the last line are no news
    plan.__dict__.pop("_index", None)
    plan.sha256 = _sha256(path)
    plan.years = _numbers(session, b, plan, "number" in mapping.values())
    if progress:
        progress(total or len(plan.rows), total)
    return plan


def astuple_shallow(d: Draft) -> tuple:
    return tuple(getattr(d, f.name) for f in fields(Draft))


def _refuse(plan: ImportPlan, row: int, cell: str, message: str) -> None:
    index = plan.__dict__.setdefault("_index", {})
    if len(index) != len(plan.rows):
        index.update({r.row: k for k, r in enumerate(plan.rows) if r.row not in index})
    at = index[row]
    r = plan.rows[at]
    plan.rows[at] = RowResult(r.row, "refused", r.number, r.received_at, r.number_symbol, r.summary,
                              r.reasons + ((cell, message),))
    plan.drafts.pop(row, None)
    if plan.kept:
        plan.kept.pop(row, None)


class _Duplicates:
    """Same số, ký hiệu + ngày + tác giả as an entry of the book (looked up per chunk of rows,
    never the whole book at once), or as an earlier row of the file."""

    def __init__(self, session: Session, b: Book, plan: ImportPlan):
        self.session, self.b, self.plan = session, b, plan
        col = next((c for c, f in plan.mapping.items() if f == "number_symbol"), None)
        self.letter = _letter(col)
        self.seen: dict[tuple, int] = {}
        self.pending: list[tuple[int, tuple]] = []

    def add(self, row: int, d) -> None:
        if d.number_symbol:
            self.pending.append((row, (d.number_symbol, d.doc_date, fold(d.issuer))))
        if len(self.pending) >= CHECK_EVERY:
            self.check()

    def check(self) -> None:
        if not self.pending:
            return
        symbols = {k[0] for _, k in self.pending}
        known = {(sym, day, fold(issuer)): number for sym, day, issuer, number in self.session.execute(
            select(Entry.number_symbol, Entry.doc_date, Entry.issuer, Entry.number)
            .where(Entry.book_id == self.b.id, Entry.status != "voided", Entry.number_symbol.in_(symbols)))}
        for row, key in self.pending:
            cell = f"{self.letter}{row}" if self.letter else ""
            if key in known:
                _refuse(self.plan, row, cell, f"Trùng văn bản đã có trong sổ (số đến {known[key]}).")
            elif key in self.seen:
                _refuse(self.plan, row, cell, f"Trùng dòng {self.seen[key]} của tệp.")
            else:
                self.seen[key] = row
        self.pending = []


def _letter(col: int | None) -> str:
    from openpyxl.utils.cell import get_column_letter
    return get_column_letter(col + 1) if col is not None else ""


def _numbers(session: Session, b: Book, plan: ImportPlan, keep: bool) -> list[YearPlan]:
    col = next((c for c, f in plan.mapping.items() if f == "number"), None)
    by_year: dict[int, list[tuple[int, int | None, dt.datetime]]] = defaultdict(list)
    for row, (number, received) in plan.drafts.items():
        by_year[received.year].append((row, number, received))
    years = []
    for year in sorted(by_year):
        items = by_year[year]
        last = last_issued(session, numbering.incoming_scope(b.key, year))
        if not keep:
            items.sort(key=lambda t: (t[2], t[0]))
            years.append(YearPlan(year, len(items), last + 1, last + len(items), False))
            continue
        for row, number, _ in items:
            if number is None:
                _refuse(plan, row, f"{_letter(col)}{row}", "Thiếu số đến.")
        counts = Counter(n for _, n, _ in items if n is not None)
        first_row: dict[int, int] = {}
        for row, number, _ in sorted(items):
            if number is None:
                continue
            if counts[number] > 1 and number in first_row:
                _refuse(plan, row, f"{_letter(col)}{row}",
                        f"Số đến {number} lặp lại (đã có ở dòng {first_row[number]}).")
            first_row.setdefault(number, row)
        numbers = sorted(counts)
        if not numbers:
            continue
        lo, hi = numbers[0], numbers[-1]
        error = ""
        missing = [n for n in range(lo, hi + 1) if n not in counts]
        if lo != last + 1:
            error = (f"Năm {year}: sổ đã cấp đến số {last}; số đến trong tệp bắt đầu từ {lo} "
                     f"(cần bắt đầu từ {last + 1})." if last else
                     f"Năm {year}: số đến bắt đầu từ {lo}, thiếu các số 1–{lo - 1}.")
        elif missing:
            shown = ", ".join(map(str, missing[:10])) + (" …" if len(missing) > 10 else "")
            error = f"Năm {year}: số đến không liên tục, thiếu {len(missing)} số: {shown}."
        if error:
            error += " Không nhập năm này; sửa cột Số đến hoặc bỏ ghép cột để cấp số mới."
        years.append(YearPlan(year, len(counts), lo, hi, True, error))
    return years


@dataclass(frozen=True)
class ImportResult:
    batch_id: int
    count: int
    years: tuple[YearPlan, ...]
    entry_ids: tuple[int, ...]
    numbers: dict[int, int]  # sheet row -> số đến given


def run_import(session: Session, plan: ImportPlan, *,
               progress: Callable[[int, int | None], None] | None = None,
               cancelled: Callable[[], bool] | None = None) -> ImportResult:
    """Registers every accepted row inside the caller's one transaction; refuses the whole
    file while any row or year is refused. Rows go in by one multi-row INSERT per chunk (the
    FTS and tracking triggers fire as for a typed entry); each gets its history line and its
    audit event."""
    from sqlalchemy import insert, update as sql_update

    from app.security import audit
    from app.tracking.numbers import take_block
    from db.models import EntryChange
    from db.models_tracking import ImportBatch, Tracking

    if not plan.can_import:
        raise ImportRefused("Không nhập: " + (plan.errors[0] if plan.errors else
                            f"{plan.count('refused')} dòng bị từ chối (xem báo cáo từng dòng)."
                            if plan.count("refused") else "không có dòng nào để đăng ký."))
    b = _book(session, plan.book_key)
    if _sha256(plan.source) != plan.sha256:
        raise ImportRefused("Tệp đã thay đổi sau khi chạy thử: hãy chạy thử lại.")
    keep = "number" in plan.mapping.values()
    now, user = dt.datetime.now(), service.current_user()
    batch = ImportBatch(at=now, user=user, book_key=b.key, source=str(plan.source), sha256=plan.sha256,
                        rows=len(plan.drafts), summary=plan.summary())
    session.add(batch)
    session.flush()
    assigned, first = _assign(session, b, plan, keep)
    for year, lo in first.items():
        count = sum(1 for y, _ in assigned.values() if y == year)
        take_block(session, numbering.incoming_scope(b.key, year), lo, lo + count - 1)
    ids: list[int] = []
    given: dict[int, int] = {}
    total = len(assigned)

    def flush(ready: list[tuple[int, dict]]) -> None:
        if cancelled and cancelled():
            raise ImportCancelled()  # the caller's transaction rolls everything back
        session.execute(insert(Entry.__table__), [v for _, v in ready])  # Core: no ORM bookkeeping
        by_scope: dict[str, list[tuple[int, dict]]] = defaultdict(list)
        for row, v in ready:
            by_scope[v["scope"]].append((row, v))
        for scope, items in by_scope.items():
            # (scope, number) is unique: the new ids come back by number in one query
            # (RETURNING over many rows would send them one statement each).
            lo, hi = items[0][1]["number"], items[-1][1]["number"]
            new = list(session.scalars(select(Entry.id).where(Entry.scope == scope, Entry.number >= lo,
                                                              Entry.number <= hi).order_by(Entry.number)))
            session.execute(insert(EntryChange.__table__), [
                dict(entry_id=i, at=now, user=user, field="tạo", old="",
                     new=f"{b.name} số {v['number']} (nhập từ {plan.source.name}, dòng {row})")
                for i, (row, v) in zip(new, items)])
            for i in new:
                audit.record(session, "register", i, {"import": batch.id})
            given.update((row, v["number"]) for row, v in items)
            ids.extend(new)
        if progress:
            progress(len(ids), total)

    # Rows go in by number order of their year, held back only while an earlier number is
    # still to come (nothing, for a register kept in order).
    nxt = dict(first)
    waiting: dict[tuple[int, int], tuple[int, object]] = {}
    ready: list[tuple[int, dict]] = []
    for i, d in _accepted(session, plan, assigned):
        year, number = assigned[i]
        waiting[(year, number)] = (i, d)
        while (year, nxt[year]) in waiting:
            row, d = waiting.pop((year, nxt[year]))
            scope = numbering.incoming_scope(b.key, year)
            ready.append((row, _entry_values(b, scope, year, nxt[year], d, now, user)))
            nxt[year] += 1
        if len(ready) >= CHECK_EVERY:
            flush(ready)
            ready = []
    plan.kept = None  # released before the commit's audit seal; a second run reads the file
    if ready:
        flush(ready)
    if waiting or len(ids) != total:
        raise ImportRefused("Tệp đọc khác lần chạy thử: hãy chạy thử lại.")
    # Urgent rows of an old register carry no made-up deadline; answered ones are done.
    for start in range(0, len(ids), CHECK_EVERY):
        part = ids[start:start + CHECK_EVERY]
        session.execute(sql_update(Tracking).where(Tracking.entry_id.in_(part), Tracking.rule == "")
                        .values(rule="import"))
        answered = select(Entry.id).where(Entry.id.in_(part), Entry.reply_symbol != "")
        session.execute(sql_update(Tracking).where(Tracking.entry_id.in_(answered))
                        .values(state="done"))
    from app.tracking.headings import remember
    remember(session, list(plan.headings), plan.mapping)
    return ImportResult(batch.id, len(ids), tuple(plan.years), tuple(ids), given)


def _accepted(session: Session, plan: ImportPlan, assigned: dict):
    """(row, checked draft) of every accepted row, in file order."""
    if plan.kept is not None and len(plan.kept) == len(assigned):
        for row in sorted(plan.kept):
            yield row, Draft(*plan.kept[row])
        return
    with Sheet(plan.source, plan.sheet) as sh:
        types = TypeGuess(session)
        for i, values in sh.rows():
            if i in assigned:
                _result, d = read_row(i, values, plan.mapping, types)
                if d is None:
                    raise ImportRefused(f"Dòng {i} đọc khác lần chạy thử: hãy chạy thử lại.")
                yield i, d


def _assign(session: Session, b: Book, plan: ImportPlan, keep: bool):
    """row -> (year, số đến) for every accepted row, and each year's first number: the old
    register's own, or after the counter in order of arrival."""
    by_year: dict[int, list] = defaultdict(list)
    for row, (number, received) in plan.drafts.items():
        by_year[received.year].append((row, number, received))
    assigned: dict[int, tuple[int, int]] = {}
    first: dict[int, int] = {}
    for year, items in by_year.items():
        if keep:
            first[year] = min(n for _, n, _ in items)
            assigned.update((row, (year, n)) for row, n, _ in items)
        else:
            first[year] = last_issued(session, numbering.incoming_scope(b.key, year)) + 1
            items.sort(key=lambda t: (t[2], t[0]))
            assigned.update((row, (year, first[year] + k)) for k, (row, _, _) in enumerate(items))
    return assigned, first


def _entry_values(b: Book, scope: str, year: int, number: int, d, now, user) -> dict:
    from types import SimpleNamespace

    values = dict(
        book_id=b.id, scope=scope, year=year, number=number, status="registered", void_reason="",
        created_at=now, created_by=user, reg_date=d.received_at.date(), received_at=d.received_at,
        issuer=d.issuer, number_symbol=d.number_symbol, doc_date=d.doc_date, doc_type=d.doc_type,
        type_abbr="", summary=d.summary, recipient_unit=d.recipient_unit,
        transfer_date=d.transfer_date, receiver_sign=d.receiver_sign, due_date=d.due_date,
        urgency=d.urgency, secrecy="", pages=d.pages, notes=d.notes, signer_position="",
        signer_name="", recipients="", copies=None, drafting_unit="", progress_note=d.progress_note,
        reply_symbol=d.reply_symbol)
    values["folded"] = service.folded_for(SimpleNamespace(**values))
    return values
