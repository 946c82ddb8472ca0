"""Which fields each book's form shows, in keyboard order, as data.

kind: text | long (multi-line trích yếu) | date | datetime | type (catalogue combo) |
urgency | secrecy | int | list (several values separated by ';', stored one per line).
`complete` names an app.registers.query.completions field.
"""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP as T


@dataclass(frozen=True)
class FieldSpec:
    name: str
    label: str
    kind: str = "text"
    complete: str = ""
    hint: str = ""


C = "EntryFields"
RECEIVED = FieldSpec("received_at", T(C, "Ngày đến"), "datetime", hint=T(C, "dd/mm/yyyy hh:mm"))
ISSUER = FieldSpec("issuer", T(C, "Tác giả (cơ quan ban hành)"), complete="issuer")
SYMBOL = FieldSpec("number_symbol", T(C, "Số, ký hiệu văn bản"), hint=T(C, "ví dụ 123/QĐ-UBND"))
DOC_DATE = FieldSpec("doc_date", T(C, "Ngày tháng văn bản"), "date", hint=T(C, "dd/mm/yyyy"))
DOC_TYPE = FieldSpec("doc_type", T(C, "Tên loại"), "type")
SUMMARY = FieldSpec("summary", T(C, "Trích yếu nội dung"), "long")
URGENCY = FieldSpec("urgency", T(C, "Độ khẩn"), "urgency")
SECRECY = FieldSpec("secrecy", T(C, "Độ mật"), "secrecy")
RECIPIENT_UNIT = FieldSpec("recipient_unit", T(C, "Đơn vị hoặc người nhận"), complete="recipient_unit")
KEEPER = FieldSpec("recipient_unit", T(C, "Đơn vị, người nhận bản lưu"), complete="recipient_unit")
TRANSFER = FieldSpec("transfer_date", T(C, "Ngày chuyển"), "date", hint=T(C, "dd/mm/yyyy"))
DUE = FieldSpec("due_date", T(C, "Hạn giải quyết"), "date", hint=T(C, "dd/mm/yyyy"))
PAGES = FieldSpec("pages", T(C, "Số tờ"), "int")
SIGN = FieldSpec("receiver_sign", T(C, "Ký nhận"))
NOTES = FieldSpec("notes", T(C, "Ghi chú"))
DRAFTING = FieldSpec("drafting_unit", T(C, "Đơn vị soạn thảo"), hint=T(C, "viết tắt, dùng trong ký hiệu công văn"))
POSITION = FieldSpec("signer_position", T(C, "Chức vụ người ký"), complete="signer_position")
SIGNER = FieldSpec("signer_name", T(C, "Họ tên người ký"), complete="signer_name")
RECIPIENTS = FieldSpec("recipients", T(C, "Nơi nhận"), "list", complete="recipients",
                       hint=T(C, "nhiều nơi cách nhau bằng dấu ;"))
COPIES = FieldSpec("copies", T(C, "Số lượng bản"), "int")


def for_book(book_key: str) -> tuple[list[FieldSpec], list[FieldSpec]]:
    """(left column, right column): what identifies the document, then where it goes."""
    secret = book_key.startswith("secret")
    if book_key.endswith("incoming"):
        left = [RECEIVED, ISSUER, SYMBOL, DOC_DATE, DOC_TYPE, SUMMARY, URGENCY]
        right = [RECIPIENT_UNIT, TRANSFER, DUE, PAGES, SIGN, NOTES]
    else:
        left = [DOC_DATE, DOC_TYPE, DRAFTING, SUMMARY, URGENCY, POSITION, SIGNER]
        right = [RECIPIENTS, KEEPER, COPIES, TRANSFER, SIGN, NOTES]
    if secret:
        # Before trích yếu: choosing Tuyệt mật disables it, so Tab then skips it.
        left.insert(left.index(SUMMARY), SECRECY)
    return left, right
