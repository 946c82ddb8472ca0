"""The register columns of each book, as data (domain.md §1.1, §2.1, §3.4).

Titles are Vietnamese source strings translated at display time through the
"RegisterColumns" context; `sort` names a key of app.registers.query.SORTABLE so that
sorting is done by the database, never by a Qt proxy over the rows we happen to hold.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP

from app.dates import fmt


@dataclass(frozen=True)
class Column:
    key: str
    title: str
    text: Callable  # EntryView -> str
    sort: str
    width: int  # initial width: digits for dates and numbers, average letters for text
    stretch: bool = False

    @property
    def numeric(self) -> bool:
        return self.key in ("number", "received_at", "doc_date", "transfer_date", "copies")


def _summary(e) -> str:
    if e.status == "reserved":
        return e.doc_type
    return f"{e.doc_type}: {e.summary}" if e.summary else e.doc_type


def _signer(e) -> str:
    return f"{e.signer_position} {e.signer_name}".strip()


def _recipients(e) -> str:
    return "; ".join(line for line in e.recipients.splitlines() if line)


def _number(value) -> str:
    return "" if value is None else str(value)


def notes(e) -> str:
    """Ghi chú, led by what a reader of the printed book must see first."""
    if e.status == "voided":
        return f"ĐÃ HỦY SỐ: {e.void_reason}"
    if e.status == "reserved":
        return f"Đã lấy số trước. {e.notes}".strip()
    return e.notes


T = QT_TRANSLATE_NOOP
NUMBER_IN = Column("number", T("RegisterColumns", "Số đến"), lambda e: str(e.number), "number", 7)
RECEIVED = Column("received_at", T("RegisterColumns", "Ngày đến"), lambda e: fmt(e.received_at), "received_at", 10)
ISSUER = Column("issuer", T("RegisterColumns", "Tác giả"), lambda e: e.issuer, "issuer", 24)
SYMBOL_IN = Column("number_symbol", T("RegisterColumns", "Số, ký hiệu"), lambda e: e.number_symbol, "number_symbol", 14)
SYMBOL_OUT = Column("number_symbol", T("RegisterColumns", "Số, ký hiệu"), lambda e: e.number_symbol, "number", 14)
DOC_DATE = Column("doc_date", T("RegisterColumns", "Ngày VB"), lambda e: fmt(e.doc_date), "doc_date", 10)
SUMMARY = Column("summary", T("RegisterColumns", "Tên loại và trích yếu"), _summary, "doc_type", 40, True)
SECRECY = Column("secrecy", T("RegisterColumns", "Độ mật"), lambda e: e.secrecy, "secrecy", 8)
RECIPIENT_IN = Column("recipient_unit", T("RegisterColumns", "Đơn vị/người nhận"), lambda e: e.recipient_unit, "recipient_unit", 18)
TRANSFER = Column("transfer_date", T("RegisterColumns", "Ngày chuyển"), lambda e: fmt(e.transfer_date), "transfer_date", 10)
SIGN = Column("receiver_sign", T("RegisterColumns", "Ký nhận"), lambda e: e.receiver_sign, "receiver_sign", 9)
NOTES = Column("notes", T("RegisterColumns", "Ghi chú"), notes, "notes", 14)
URGENCY = Column("urgency", T("RegisterColumns", "Độ khẩn"), lambda e: e.urgency, "urgency", 9)
# The files (hồ sơ) holding the entry; the register model fills it from app.archive.
HOSO = Column("hoso", T("RegisterColumns", "Hồ sơ"), lambda e: "", "number", 9)
SIGNER = Column("signer_name", T("RegisterColumns", "Người ký"), _signer, "signer_name", 26)
RECIPIENTS = Column("recipients", T("RegisterColumns", "Nơi nhận"), _recipients, "recipients", 26)
KEEPER = Column("recipient_unit", T("RegisterColumns", "Đơn vị/người nhận bản lưu"), lambda e: e.recipient_unit, "recipient_unit", 14)
COPIES = Column("copies", T("RegisterColumns", "Số lượng bản"), lambda e: _number(e.copies), "copies", 5)

INCOMING = [NUMBER_IN, RECEIVED, ISSUER, SYMBOL_IN, DOC_DATE, SUMMARY, RECIPIENT_IN, TRANSFER,
            SIGN, NOTES, URGENCY]
OUTGOING = [SYMBOL_OUT, DOC_DATE, SUMMARY, SIGNER, RECIPIENTS, KEEPER, COPIES, TRANSFER, SIGN,
            NOTES, URGENCY]


def for_book(book_key: str) -> list[Column]:
    base = INCOMING if book_key.endswith("incoming") else OUTGOING
    if not book_key.startswith("secret"):
        return list(base) + [HOSO]
    cols = list(base)
    cols.insert(cols.index(SUMMARY) + 1, SECRECY)
    return cols
