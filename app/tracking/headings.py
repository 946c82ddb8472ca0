"""Which book field a spreadsheet column holds, guessed from its heading as offices write it
("Số đến", "Ngày đến", "Tác giả", "Số, ký hiệu", "Ngày tháng", "Trích yếu", "Nơi nhận"…), with or
without diacritics, and remembered from the clerk's last mapping."""
from __future__ import annotations

import re

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import ValidationError
from app.text import fold
from db.models_tracking import ImportHeading

# Field keys of the incoming book that an import can fill, with their Vietnamese names.
FIELDS = {
    "number": "Số đến", "received_at": "Ngày đến", "issuer": "Tác giả (cơ quan ban hành)",
    "number_symbol": "Số, ký hiệu văn bản", "doc_date": "Ngày tháng văn bản",
    "type_summary": "Tên loại và trích yếu", "doc_type": "Tên loại", "summary": "Trích yếu",
    "recipient_unit": "Đơn vị hoặc người nhận", "transfer_date": "Ngày chuyển",
    "receiver_sign": "Ký nhận", "due_date": "Hạn giải quyết", "urgency": "Độ khẩn",
    "pages": "Số tờ", "progress_note": "Tiến độ giải quyết", "reply_symbol": "Văn bản trả lời",
    "notes": "Ghi chú",
}

# Folded headings, most specific first: the first rule whose words all occur wins.
RULES: list[tuple[tuple[str, ...], str]] = [
    (("so", "den"), "number"),
    (("ngay", "den"), "received_at"), (("ngay", "nhan"), "received_at"),
    (("ngay", "chuyen"), "transfer_date"), (("ngay", "giao"), "transfer_date"),
    (("han",), "due_date"), (("thoi", "han"), "due_date"),
    (("tien", "do"), "progress_note"), (("tra", "loi"), "reply_symbol"),
    (("ky", "nhan"), "receiver_sign"),
    (("loai", "trich", "yeu"), "type_summary"), (("trich", "yeu"), "summary"),
    (("noi", "dung"), "summary"), (("ten", "loai"), "doc_type"), (("loai", "van", "ban"), "doc_type"),
    (("so", "ky", "hieu"), "number_symbol"), (("ky", "hieu"), "number_symbol"),
    (("so", "van", "ban"), "number_symbol"),
    (("ngay", "thang"), "doc_date"), (("ngay", "van", "ban"), "doc_date"), (("ngay", "ban", "hanh"), "doc_date"),
    (("ngay", "vb"), "doc_date"),
    (("tac", "gia"), "issuer"), (("co", "quan", "ban", "hanh"), "issuer"), (("noi", "gui"), "issuer"),
    (("co", "quan", "gui"), "issuer"), (("noi", "ban", "hanh"), "issuer"),
    (("don", "vi"), "recipient_unit"), (("nguoi", "nhan"), "recipient_unit"),
    (("noi", "nhan"), "recipient_unit"),
    (("do", "khan"), "urgency"), (("so", "to"), "pages"), (("ghi", "chu"), "notes"),
]
# A row count ("STT") is the số đến only in a sheet with no "Số đến" column.
WEAK: list[tuple[tuple[str, ...], str]] = [(("stt",), "number"), (("so", "thu", "tu"), "number"),
                                           (("tt",), "number")]
_WORD = re.compile(r"[0-9a-z]+")


def folded_heading(text) -> str:
    return " ".join(_WORD.findall(fold(str(text or ""))))


def guess_field(heading, rules=None) -> str:
    words = folded_heading(heading).split()
    if not words:
        return ""
    for need, field in rules or RULES:
        if _contains(words, need):
            return field
    return ""


def _contains(words: list[str], need: tuple[str, ...]) -> bool:
    """The words of need occur in order (not necessarily side by side)."""
    it = iter(words)
    return all(any(w == n for w in it) for n in need)


def guess_mapping(session: Session | None, headings: list, direction: str = "in") -> dict[int, str]:
    """Column index -> field: remembered headings first, then the rules; each field once."""
    memory = remembered(session, direction) if session is not None else {}
    out: dict[int, str] = {}
    taken: set[str] = set()
    for i, h in enumerate(headings):
        key = folded_heading(h)
        field = memory.get(key) or guess_field(h)
        if field and field not in taken:
            out[i] = field
            taken.add(field)
    for i, h in enumerate(headings):
        field = guess_field(h, WEAK)
        if i not in out and field and field not in taken:
            out[i] = field
            taken.add(field)
    if "type_summary" in taken and "summary" in taken:
        # "Tên loại và trích yếu" beside a separate "Trích yếu": the first is the type.
        for i, f in out.items():
            if f == "type_summary":
                out[i] = "doc_type" if "doc_type" not in taken else ""
        out = {i: f for i, f in out.items() if f}
    return out


def check_mapping(mapping: dict[int, str]) -> None:
    bad = [f for f in mapping.values() if f not in FIELDS]
    if bad:
        raise ValidationError({"map": f"Trường “{bad[0]}” không có; các trường: {', '.join(FIELDS)}."})
    seen: set[str] = set()
    for f in mapping.values():
        if f in seen:
            raise ValidationError({"map": f"Hai cột cùng ghép vào trường “{FIELDS[f]}”."})
        seen.add(f)
    if "received_at" not in seen:
        raise ValidationError({"map": "Cần một cột Ngày đến."})
    if not seen & {"summary", "type_summary"}:
        raise ValidationError({"map": "Cần một cột Trích yếu."})


def remembered(session: Session, direction: str) -> dict[str, str]:
    return dict(session.execute(select(ImportHeading.heading, ImportHeading.field)
                                .where(ImportHeading.direction == direction)).all())


def remember(session: Session, headings: list, mapping: dict[int, str], direction: str = "in") -> None:
    """Keeps the clerk's mapping for the next file with the same headings."""
    for i, field in mapping.items():
        key = folded_heading(headings[i]) if i < len(headings) else ""
        if not key:
            continue
        row = session.get(ImportHeading, (direction, key[:200]))
        if row is None:
            session.add(ImportHeading(direction=direction, heading=key[:200], field=field))
        else:
            row.field = field
