"""A draft entry as typed (strings allowed for dates) and its validation."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields, replace

from app.dates import BadDate, parse_date, parse_datetime
from app.text import nfc

URGENCIES = ("", "Khẩn", "Thượng khẩn", "Hỏa tốc", "Hỏa tốc hẹn giờ")
SECRECIES = ("", "Mật", "Tối mật", "Tuyệt mật")

LIMITS = {
    "issuer": 300, "number_symbol": 60, "doc_type": 100, "summary": 2000, "recipient_unit": 300,
    "receiver_sign": 200, "notes": 2000, "signer_position": 100, "signer_name": 60,
    "recipients": 2000, "drafting_unit": 30, "progress_note": 2000, "reply_symbol": 60,
}
DATE_FIELDS = ("doc_date", "transfer_date", "due_date")


@dataclass(frozen=True)
class Draft:
    received_at: dt.datetime | str | None = None
    issuer: str = ""
    number_symbol: str = ""
    doc_date: dt.date | str | None = None
    doc_type: str = ""
    summary: str = ""
    recipient_unit: str = ""
    transfer_date: dt.date | str | None = None
    receiver_sign: str = ""
    due_date: dt.date | str | None = None
    urgency: str = ""
    secrecy: str = ""
    pages: int | str | None = None
    notes: str = ""
    signer_position: str = ""
    signer_name: str = ""
    recipients: str = ""
    copies: int | str | None = None
    drafting_unit: str = ""
    progress_note: str = ""
    reply_symbol: str = ""

    @classmethod
    def from_dict(cls, data: dict) -> "Draft":
        known = {f.name for f in fields(cls)}
        unknown = set(data) - known - {"year", "allow_duplicate", "book"}
        if unknown:
            raise ValueError(f"Trường không hợp lệ: {', '.join(sorted(unknown))}")
        values = {k: v for k, v in data.items() if k in known}
        if isinstance(values.get("recipients"), list):
            values["recipients"] = "\n".join(values["recipients"])
        return cls(**values)


def _int(value, field: str, errors: dict) -> int | None:
    if value in (None, ""):
        return None
    try:
        number = int(str(value).strip())
    except ValueError:
        errors[field] = "Phải là một số nguyên."
        return None
    if number < 0 or number > 99999:
        errors[field] = "Số không hợp lệ."
    return number


FIRST_YEAR = 1945  # the oldest document a register of today's state can hold
DAYS_AHEAD = 5  # a document may be dated a few days ahead (signed on a planned date), no more


def _check_dates(dates: dict, received_at, now: dt.datetime, errors: dict) -> None:
    """Impossible dates would start a new year's sequence for ever: refuse them."""
    last_year = now.year + 1
    for name, value in [("received_at", received_at), *dates.items()]:
        if value is not None and not FIRST_YEAR <= value.year <= last_year and name not in errors:
            errors[name] = f"Năm {value.year} không hợp lệ (từ {FIRST_YEAR} đến {last_year})."
    if received_at is not None and "received_at" not in errors and received_at > now + dt.timedelta(minutes=5):
        errors["received_at"] = (f"Ngày đến {received_at:%d/%m/%Y %H:%M} ở tương lai: "
                                 "chỉ đăng ký văn bản đã đến.")
    doc_date = dates.get("doc_date")
    if doc_date is not None and "doc_date" not in errors and doc_date > now.date() + dt.timedelta(days=DAYS_AHEAD):
        errors["doc_date"] = (f"Ngày văn bản {doc_date:%d/%m/%Y} quá xa trong tương lai "
                              f"(tối đa {DAYS_AHEAD} ngày sau hôm nay).")


def _text(value, name: str, errors: dict) -> str:
    if value is None:
        return ""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    if not isinstance(value, str):
        errors[name] = "Phải là chữ (văn bản), không phải danh sách hay đối tượng."
        return ""
    return nfc(value)


def clean(draft: Draft, direction: str, secret_book: bool, now: dt.datetime | None = None) -> Draft:
    """Normalises (NFC, parsed dates) and checks a draft; raises ValidationError with all faults."""
    from app.errors import ValidationError

    errors: dict[str, str] = {}
    texts = {name: _text(getattr(draft, name), name, errors) for name in LIMITS}
    texts["drafting_unit"] = texts["drafting_unit"].upper()  # it enters the legal symbol
    texts["recipients"] = "\n".join(l.strip() for l in texts["recipients"].splitlines() if l.strip())
    for name, limit in LIMITS.items():
        if len(texts[name]) > limit:
            errors[name] = f"Quá dài: {len(texts[name])} ký tự (tối đa {limit})."
    dates = {}
    for name in DATE_FIELDS:
        try:
            dates[name] = parse_date(getattr(draft, name))
        except BadDate as exc:
            errors[name] = str(exc)
            dates[name] = None
    try:
        received_at = parse_datetime(draft.received_at)
    except BadDate as exc:
        errors["received_at"] = str(exc)
        received_at = None
    _check_dates(dates, received_at, now or dt.datetime.now(), errors)
    urgency, secrecy = _text(draft.urgency, "urgency", errors), _text(draft.secrecy, "secrecy", errors)
    if urgency not in URGENCIES:
        errors["urgency"] = "Độ khẩn phải là Khẩn, Thượng khẩn hoặc Hỏa tốc."
    if secrecy not in SECRECIES:
        errors["secrecy"] = "Độ mật phải là Mật, Tối mật hoặc Tuyệt mật."
    elif secret_book and not secrecy:
        errors["secrecy"] = "Sổ mật: cần chọn độ mật."
    elif not secret_book and secrecy:
        errors["secrecy"] = "Văn bản mật phải đăng ký vào sổ văn bản mật."
    pages = _int(draft.pages, "pages", errors)
    copies = _int(draft.copies, "copies", errors)

    required = ["doc_type"]
    # Tuyệt mật: no trích yếu by default (NĐ 26 Điều 4.1a; NĐ 63/2026).
    if secrecy != "Tuyệt mật":
        required.append("summary")
    if direction == "in":
        required += ["issuer"]
        if received_at is None and "received_at" not in errors:
            errors["received_at"] = "Cần nhập ngày đến."
    else:
        required += ["signer_name"]
    if dates["doc_date"] is None and "doc_date" not in errors:
        errors["doc_date"] = "Cần nhập ngày tháng văn bản."
    for name in required:
        if not texts[name] and name not in errors:
            errors[name] = "Không được để trống."
    if direction == "out" and secrecy == "Tuyệt mật" and texts["summary"]:
        errors["summary"] = "Văn bản Tuyệt mật không ghi trích yếu."

    if received_at and dates["doc_date"] and dates["doc_date"] > received_at.date():
        errors["doc_date"] = "Ngày văn bản không thể sau ngày đến."
    base = received_at.date() if received_at else dates["doc_date"]
    if base and dates["transfer_date"] and dates["transfer_date"] < base:
        errors["transfer_date"] = "Ngày chuyển không thể trước ngày đến/ngày văn bản."
    if base and dates["due_date"] and dates["due_date"] < base:
        errors["due_date"] = "Hạn giải quyết không thể trước ngày đến."
    if errors:
        raise ValidationError(errors)
    return replace(draft, received_at=received_at, urgency=urgency, secrecy=secrecy,
                   pages=pages, copies=copies, **dates, **texts)
