"""One spreadsheet row → a checked draft of an incoming entry, or the reasons it is refused,
each naming its cell. The book's own validation (registers/draft.clean) decides what is valid,
so an imported entry meets exactly the rules a typed one does."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from openpyxl.utils.cell import get_column_letter
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import ValidationError
from app.registers.draft import Draft, clean
from app.text import fold, nfc
from app.tracking import cells
from app.tracking.headings import FIELDS
from db.models import DocType

DATES = {"received_at": "Ngày đến", "doc_date": "Ngày tháng văn bản", "transfer_date": "Ngày chuyển",
         "due_date": "Hạn giải quyết"}
_COLNUM = re.compile(r"^\(?\d{1,2}\)?$")


@dataclass(frozen=True, slots=True)
class RowResult:
    row: int
    outcome: str  # ok | refused | skipped
    number: int | None = None
    received_at: dt.datetime | None = None
    number_symbol: str = ""
    summary: str = ""
    reasons: tuple[tuple[str, str], ...] = ()  # (cell, message)

    @property
    def reason_text(self) -> str:
        return "; ".join(f"{c}: {m}" if c else m for c, m in self.reasons)


class TypeGuess:
    """The document type when the sheet has no Tên loại column: from the symbol's abbreviation
    (123/QĐ-UBND, 36-HD/VPTW) or the first words of the summary; otherwise Công văn."""

    def __init__(self, session: Session):
        rows = session.execute(select(DocType.name, DocType.abbr)).all()
        self.by_abbr = {fold(a): n for n, a in rows if a}
        # Longest first, so that "Thông tư liên tịch" wins over "Thông tư".
        self.names = [(fold(n), n) for n in sorted({n for n, _ in rows}, key=len, reverse=True)]

    def split(self, text: str) -> tuple[str, str]:
        """'Quyết định về việc …' → ('Quyết định', 'về việc …')."""
        low = fold(text[:40])
        for folded, name in self.names:
            if low.startswith(folded) and (len(low) == len(folded) or low[len(folded)] == " "):
                rest = text[len(name):].lstrip(" :,-–")
                return name, rest
        return "", text

    def from_symbol(self, symbol: str) -> str:
        s = symbol.replace(" ", "")
        m = re.match(r"^\d+(?:/\d{4})?/([^-/]+)-", s) or re.match(r"^\d+-([^/]+)/", s)
        return self.by_abbr.get(fold(m.group(1)), "") if m else ""


def _ref(col: int | None, row: int) -> str:
    return f"{get_column_letter(col + 1)}{row}" if col is not None else ""


def is_column_numbers(values: tuple) -> bool:
    """The "(1) (2) (3)…" row printed under the headings of the legal templates."""
    filled = [str(v).strip() for v in values if v not in (None, "")]
    return len(filled) >= 3 and all(_COLNUM.match(v) for v in filled)


def read_row(row_no: int, values: tuple, mapping: dict[int, str], types: TypeGuess,
             secret_book: bool = False) -> tuple[RowResult, Draft | None]:
    raw = {f: (values[c] if c < len(values) else None) for c, f in mapping.items()}
    col = {f: c for c, f in mapping.items()}
    filled = {f for f, v in raw.items() if v not in (None, "") and str(v).strip()}
    if not filled:
        return RowResult(row_no, "skipped", reasons=(("", "Dòng trống"),)), None
    if len(filled) == 1 and _heading_like(next(iter(filled)), raw) or is_column_numbers(
            tuple(raw.values())):
        return RowResult(row_no, "skipped", reasons=(("", "Dòng phân cách"),)), None
    reasons: list[tuple[str, str]] = []
    parsed: dict = {}
    for field, label in DATES.items():
        try:
            v = cells.to_datetime(raw.get(field), label)
            parsed[field] = v if field == "received_at" else (v.date() if v else None)
        except cells.CellError as exc:
            reasons.append((_ref(col.get(field), row_no), str(exc)))
            parsed[field] = None
    number = None
    try:
        number = cells.to_number(raw.get("number"))
    except cells.CellError as exc:
        reasons.append((_ref(col.get("number"), row_no), str(exc)))
    text = {f: nfc(cells.to_text(raw.get(f))) for f in FIELDS if f not in DATES and f != "number"}
    doc_type, summary = text["doc_type"], text["summary"]
    if text["type_summary"]:
        t, rest = types.split(text["type_summary"])
        doc_type, summary = doc_type or t, summary or rest
    doc_type = doc_type or types.from_symbol(text["number_symbol"]) or "Công văn"
    draft = Draft(received_at=parsed["received_at"], issuer=text["issuer"],
                  number_symbol=text["number_symbol"], doc_date=parsed["doc_date"], doc_type=doc_type,
                  summary=summary, recipient_unit=text["recipient_unit"],
                  transfer_date=parsed["transfer_date"], receiver_sign=text["receiver_sign"],
                  due_date=parsed["due_date"], urgency=_urgency(text["urgency"]), pages=text["pages"] or None,
                  notes=text["notes"], progress_note=text["progress_note"], reply_symbol=text["reply_symbol"],
                  secrecy="")
    if parsed["received_at"] is None and "received_at" in filled:
        draft = replace(draft, received_at=None)
    checked = None
    try:
        checked = clean(draft, "in", secret_book)
    except ValidationError as exc:
        known = {c for c, _ in reasons}
        for field, message in exc.errors.items():
            ref = _ref(col.get(_source(field, col)), row_no)
            if ref in known and field in DATES:
                continue  # the cell's own reading already said why
            reasons.append((ref, f"{_label(field)}: {message}"))
    result = RowResult(row_no, "refused" if reasons else "ok", number, parsed["received_at"],
                       text["number_symbol"], summary[:120], tuple(reasons))
    return result, (None if reasons else checked)


def _heading_like(field: str, raw: dict) -> bool:
    """A lone cell such as "Tháng 3" or "Quý II" between blocks of rows, not a number or date."""
    try:
        if field == "number":
            return cells.to_number(raw[field]) is None
        if field in DATES:
            return cells.to_datetime(raw[field]) is None
    except cells.CellError:
        return True
    return True


def _source(field: str, col: dict) -> str:
    if field in ("doc_type", "summary") and field not in col and "type_summary" in col:
        return "type_summary"
    return field


def _label(field: str) -> str:
    return FIELDS.get(field) or {"secrecy": "Độ mật"}.get(field, field)


def _urgency(text: str) -> str:
    """'HỎA TỐC', 'hoa toc', 'Khẩn' as the book spells them."""
    names = {"hoa toc hen gio": "Hỏa tốc hẹn giờ", "hoa toc": "Hỏa tốc", "thuong khan": "Thượng khẩn",
             "khan": "Khẩn", "": ""}
    return names.get(" ".join(fold(text).split()), text)
