"""What the entry's window says of a secret document beside its register line: the envelope,
the protection term and state, its copies (under the original, with their own numbers) and who
holds it now. Read without an 'opening' event: the caller's opening is the one recorded."""
from __future__ import annotations

from sqlalchemy.orm import Session

from app.dates import fmt
from app.secrets import books, copies, transfer

STATES = {"held": "đang quản lý", "recalled": "đã thu hồi", "declassified": "đã giải mật",
          "destroyed": "đã tiêu hủy"}


def lines(session: Session, entry_id: int) -> tuple[str, ...]:
    it = books.item(session, entry_id, audit=False)  # refuses a level above the user's clearance
    out = [f"{it.entry.secrecy} — bảo vệ đến {fmt(it.protected_until)}; {STATES.get(it.state, it.state)}"
           + (f" ({it.state_note})" if it.state_note else "")]
    outer = [f"bì dấu chữ {it.envelope}"] if it.envelope else []
    if it.named_only:
        outer.append(f"chỉ {it.named_person} được bóc bì")
    if it.copy_no:
        outer.append(f"bản số {it.copy_no}")
    if it.recall_by:
        outer.append(f"tài liệu thu hồi, hạn trả {fmt(it.recall_by)}")
    if it.summary_agreed_by:
        outer.append(f"trích yếu ghi theo đồng ý của {it.summary_agreed_by}")
    if outer:
        text = "; ".join(outer)
        out.append(text[0].upper() + text[1:])
    for c in copies.copies_of(session, entry_id):
        out.append(f"↳ {copies.FORMS.get(c.form, c.form)} {c.copies} bản (bản số {c.numbers}), "
                   f"ngày {fmt(c.on)}, cho phép: {c.authorised_by}" + (f", giao {c.receiver}" if c.receiver else ""))
    for t in transfer.holdings_of_entry(session, entry_id):
        out.append(f"Đang giữ: {t.receiver}" + (f" ({t.unit})" if t.unit else "")
                   + f", {t.copies} bản, từ {fmt(t.on)}")
    return tuple(out)
