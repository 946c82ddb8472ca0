"""A register view to .xlsx or .csv: the rows its filter and search give, in its order, with
the columns as shown, Vietnamese headings, dates as real dates, and column widths set."""
from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from sqlalchemy.orm import Session

from app.dates import fmt
from app.errors import DomainError, ValidationError
from app.registers import query

CHUNK = 2000
DATE_KEYS = {"received_at", "doc_date", "transfer_date", "due_date"}


def _summary(e) -> str:
    return f"{e.doc_type}: {e.summary}" if e.summary else e.doc_type


def _notes(e) -> str:
    if e.status == "voided":
        return f"ĐÃ HỦY SỐ: {e.void_reason}"
    if e.status == "reserved":
        return f"Đã lấy số trước. {e.notes}".strip()
    return e.notes


@dataclass(frozen=True)
class ExportColumn:
    key: str
    heading: str
    value: Callable  # EntryView -> str | int | date | datetime | None
    width: int


COLUMNS = {c.key: c for c in [
    ExportColumn("number", "Số đến", lambda e: e.number, 8),
    ExportColumn("received_at", "Ngày đến", lambda e: e.received_at, 12),
    ExportColumn("issuer", "Tác giả", lambda e: e.issuer, 30),
    ExportColumn("number_symbol", "Số, ký hiệu văn bản", lambda e: e.number_symbol, 18),
    ExportColumn("doc_date", "Ngày tháng văn bản", lambda e: e.doc_date, 12),
    ExportColumn("summary", "Tên loại và trích yếu nội dung văn bản", _summary, 60),
    ExportColumn("doc_type", "Tên loại", lambda e: e.doc_type, 14),
    ExportColumn("recipient_unit", "Đơn vị hoặc người nhận", lambda e: e.recipient_unit, 24),
    ExportColumn("transfer_date", "Ngày chuyển", lambda e: e.transfer_date, 12),
    ExportColumn("receiver_sign", "Ký nhận", lambda e: e.receiver_sign, 12),
    ExportColumn("notes", "Ghi chú", _notes, 24),
    ExportColumn("urgency", "Độ khẩn", lambda e: e.urgency, 10),
    ExportColumn("secrecy", "Độ mật", lambda e: e.secrecy, 10),
    ExportColumn("signer_name", "Người ký", lambda e: f"{e.signer_position} {e.signer_name}".strip(), 26),
    ExportColumn("recipients", "Nơi nhận", lambda e: "; ".join(e.recipients.splitlines()), 30),
    ExportColumn("copies", "Số lượng bản", lambda e: e.copies, 8),
    ExportColumn("due_date", "Thời hạn giải quyết", lambda e: e.due_date, 12),
    ExportColumn("progress_note", "Tiến độ giải quyết", lambda e: e.progress_note, 30),
    ExportColumn("reply_symbol", "Số, ký hiệu văn bản trả lời", lambda e: e.reply_symbol, 18),
]}
INCOMING = ["number", "received_at", "issuer", "number_symbol", "doc_date", "summary",
            "recipient_unit", "transfer_date", "receiver_sign", "notes", "urgency"]
OUTGOING = ["number_symbol", "doc_date", "summary", "signer_name", "recipients", "recipient_unit",
            "copies", "transfer_date", "receiver_sign", "notes", "urgency"]


def default_columns(book_key: str) -> list[str]:
    cols = list(INCOMING if book_key.endswith("incoming") else OUTGOING)
    if book_key.startswith("secret"):
        cols.insert(cols.index("summary") + 1, "secrecy")
    return cols


def export(session: Session, f: query.Filter, out: Path | str, *, columns: list[str] | None = None,
           headings: dict[str, str] | None = None, ids: list[int] | None = None,
           progress: Callable[[int, int], None] | None = None,
           cancelled: Callable[[], bool] | None = None) -> int:
    """Writes the rows (ids in view order, or those of the filter) and returns how many.
    The format follows the file name: .xlsx or .csv."""
    from app.security import access

    access.require(session, "print")  # lãnh đạo reads on screen; exports are the clerk's
    out = Path(out)
    kind = out.suffix.lower()
    if kind not in (".xlsx", ".csv"):
        raise ValidationError({"out": "Tên tệp xuất phải kết thúc bằng .xlsx hoặc .csv."})
    columns = columns or default_columns(f.book_key)
    unknown = [c for c in columns if c not in COLUMNS]
    if unknown:
        raise ValidationError({"columns": f"Không có cột “{unknown[0]}”."})
    cols = [COLUMNS[c] for c in columns]
    titles = [(headings or {}).get(c.key) or c.heading for c in cols]
    ids = query.ids(session, f) if ids is None else ids

    def rows():
        for start in range(0, len(ids), CHUNK):
            if cancelled and cancelled():
                raise DomainError("Đã dừng xuất.")
            for e in _fetch(session, ids[start:start + CHUNK]):
                yield [c.value(e) for c in cols]
            if progress:
                progress(min(start + CHUNK, len(ids)), len(ids))

    try:
        if kind == ".xlsx":
            _xlsx(out, cols, titles, rows(), in_memory=f.book_key.startswith("secret"))
        else:
            _csv(out, cols, titles, rows())
    except PermissionError:
        raise DomainError(f"Không ghi được “{out.name}”: tệp đang mở trong chương trình khác "
                          "hoặc thư mục không cho ghi.") from None
    return len(ids)


def _fetch(session: Session, chunk: list[int]):
    """Rows in the order of chunk, as plain rows with the entry's column names (the getters
    read attributes): the ORM's objects would cost more than writing the file."""
    from sqlalchemy import select

    from db.models import Entry

    wanted = [c for c in Entry.__table__.columns if c.name != "folded"]  # the search copy is the bulk
    found = {r.id: r for r in session.execute(select(*wanted).where(Entry.id.in_(chunk)))}
    return [found[i] for i in chunk if i in found]


def _xlsx(out: Path, cols, titles, rows, in_memory: bool = False) -> None:
    """xlsxwriter in constant-memory mode: rows go to disk as they come (40,000 rows in a few
    seconds; openpyxl's writer took about twice as long per cell). A secret book is built in
    memory: constant-memory mode spills rows into plain temporary files."""
    import xlsxwriter

    options = {"in_memory": True} if in_memory else {"constant_memory": True, "tmpdir": str(out.parent)}
    wb = xlsxwriter.Workbook(str(out), options)
    ws = wb.add_worksheet("Sổ")
    head = wb.add_format({"bold": True, "text_wrap": True, "valign": "vcenter", "align": "center",
                          "border": 1})
    day = wb.add_format({"num_format": "dd/mm/yyyy"})
    minute = wb.add_format({"num_format": "dd/mm/yyyy hh:mm"})
    for i, c in enumerate(cols):
        ws.set_column(i, i, c.width)
    ws.freeze_panes(1, 0)
    ws.write_row(0, 0, titles, head)
    kinds = [c.key in DATE_KEYS for c in cols]
    for r, values in enumerate(rows, start=1):
        for i, v in enumerate(values):
            if v is None or v == "":
                continue
            if kinds[i]:
                # Hours only where the clerk recorded one (urgent documents).
                if isinstance(v, dt.datetime) and (v.hour or v.minute):
                    ws.write_datetime(r, i, v, minute)
                else:
                    ws.write_datetime(r, i, v if isinstance(v, dt.datetime) else
                                      dt.datetime.combine(v, dt.time()), day)
            elif isinstance(v, str):
                ws.write_string(r, i, v)
            else:
                ws.write_number(r, i, v)
    wb.close()


def _csv(out: Path, cols, titles, rows) -> None:
    # UTF-8 with a BOM, so that Excel opens the Vietnamese text right.
    with open(out, "w", newline="", encoding="utf-8-sig") as f:
        w = csv.writer(f)
        w.writerow(titles)
        for values in rows:
            w.writerow([fmt(v, with_time=True) if isinstance(v, dt.datetime) and (v.hour or v.minute)
                        else fmt(v) if isinstance(v, dt.date) else ("" if v is None else v)
                        for v in values])


def record(session: Session, book_key: str, out: Path | str, rows: int) -> None:
    """The export as an audit event (written in the caller's write transaction)."""
    from app.security import audit

    audit.record(session, "export", None, {"book": book_key, "rows": rows, "file": Path(out).name})
