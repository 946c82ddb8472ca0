"""Printing the secret books and forms from the secret store: only what the actor is cleared
for, the mark of the highest level printed on every page, the audit head on the last page,
and each print an audited event."""
from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session

from app import org as org_mod
from app.dates import fmt
from app.errors import ValidationError
from app.printing import BookHeader, Row, get_book
from app.printing.secret_forms import (COPIES, DECLASSIFIED, DESTROY, RECALL, STATS, TRANSFER, Closing,
                                       Opening, build_form)
from app.printing.service import _row, highest_secrecy
from app.registers import query
from app.secrets import access, books, copies, destruction, events, protection, recall, stats, transfer
from app.secrets.access import LEVELS

KEEPER = (("NGƯỜI LẬP", "(Ký, ghi rõ họ tên)"), ("THỦ TRƯỞNG CƠ QUAN", "(Ký tên, đóng dấu)"))


def _mark(levels) -> str:
    found = [LEVELS.index(x) for x in levels if x in LEVELS]
    return LEVELS[max(found, default=0)].upper()


def _header(session: Session, year: int | None, levels) -> BookHeader:
    org = org_mod.load(session)
    return BookHeader(parent_org=org.parent_org, org_name=org.org_name, year=year, place=org.place,
                      secrecy_mark=_mark(levels))


def _finish(session: Session, form_key: str, year, result, out: Path) -> dict:
    events.record(session, "print", None, {"mẫu": form_key, "năm": year, "trang": result.pages,
                                           "tệp": str(out)})
    return {"file": str(out), "pages": result.pages, "entries": result.entries}


def _closing(session: Session, text: str, signers=KEEPER) -> Closing:
    return Closing((text,), signers, events.head(session))


def print_register(session: Session, book_key: str, year: int, out: Path) -> dict:
    """Sổ đăng ký văn bản mật đến / đi (mẫu 15 / 14) of one year."""
    access.require(session)
    ids = books.find(session, query.Filter(book_key, year=year, sort="number", descending=False))
    if not ids:
        raise ValidationError({"year": f"Không có văn bản nào trong sổ năm {year}."})
    first, last = query.rows(session, ids[:1])[0], query.rows(session, ids[-1:])[0]
    levels = {highest_secrecy(session, ids).capitalize()}
    h = _header(session, year, levels)
    template = get_book(book_key)
    opening = Opening(template.title, (f"Năm: {year}", f"Từ ngày {fmt(first.reg_date)} đến ngày "
                                       f"{fmt(last.reg_date)}", f"Từ số {first.number} đến số {last.number}"))

    def rows():
        for start in range(0, len(ids), 500):
            for e in query.rows(session, ids[start:start + 500]):
                yield _row(book_key, e)

    result = build_form(template, h, opening, rows(),
                        _closing(session, f"Sổ gồm {len(ids)} văn bản, từ số {first.number} đến số "
                                          f"{last.number}."), out)
    return _finish(session, book_key, year, result, out)


def print_transfer(session: Session, year: int, out: Path) -> dict:
    lines = transfer.book_lines(session, year)
    summaries = _summaries(session, {t.entry_id for t in lines})
    rows = [Row((str(i), fmt(t.on), t.label, summaries[t.entry_id], t.secrecy, str(t.copies),
                 ", ".join(x for x in (t.receiver, t.unit) if x), "",
                 f"Đã trả {fmt(t.returned_on)}" if t.returned_on else t.note))
            for i, t in enumerate(lines, 1)]
    return _form(session, TRANSFER, year, {t.secrecy for t in lines}, rows, out,
                 f"Sổ có {len(rows)} lượt chuyển giao trong năm {year}.")


def print_copies(session: Session, year: int, out: Path) -> dict:
    lines = copies.book_lines(session, year)
    summaries = _summaries(session, {c.entry_id for c in lines})
    rows = [Row((str(i), fmt(c.on), f"{c.label}: {summaries[c.entry_id]}".rstrip(": "), c.secrecy,
                 copies.FORMS[c.form], f"{c.copies} (bản số {c.numbers})", c.authorised_by, c.done_by,
                 c.receiver, c.note)) for i, c in enumerate(lines, 1)]
    return _form(session, COPIES, year, {c.secrecy for c in lines}, rows, out,
                 f"Sổ có {len(rows)} lần sao, chụp trong năm {year}.")


def print_stats(session: Session, year: int, out: Path) -> dict:
    y = stats.year_stats(session, year)
    rows = []
    for i, (name, counts) in enumerate((("Văn bản mật đến", y.received), ("Văn bản mật đi", y.issued)), 1):
        cells = [str(counts.get(level, "")) if level in counts else "—" for level in reversed(LEVELS)]
        rows.append(Row((str(i), name, *cells, str(sum(counts.values())), "")))
    counted = {lv for counts in (y.received, y.issued) for lv, n in counts.items() if n}
    return _form(session, STATS, year, counted, rows, out,
                 f"Năm {year}: tiếp nhận {y.total_received}, phát hành {y.total_issued} văn bản mật.",
                 opening=(f"Năm: {year}", "(Luật Bảo vệ bí mật nhà nước, thống kê hằng năm)"))


def print_recall(session: Session, recall_id: int, out: Path) -> dict:
    r = recall.recall(session, recall_id)
    summaries = _summaries(session, {t.entry_id for t in r.items})
    rows = [Row((str(i), t.label, summaries[t.entry_id], t.secrecy, fmt(t.on), str(t.copies),
                 fmt(t.returned_on) if t.returned_on else "", t.return_note or "Chưa trả"))
            for i, t in enumerate(r.items, 1)]
    signers = (("NGƯỜI GIAO LẠI", f"({r.person})"), ("NGƯỜI THU HỒI", "(Ký, ghi rõ họ tên)"),
               ("THỦ TRƯỞNG CƠ QUAN", "(Ký tên, đóng dấu)"))
    state = "đã thu hồi đủ" if r.closed_on else f"còn {r.outstanding} tài liệu chưa trả"
    return _form(session, RECALL, r.opened_on.year, {t.secrecy for t in r.items}, rows, out,
                 f"Thu hồi {len(rows)} tài liệu mật do {r.person} giữ; {state}.", signers=signers,
                 opening=(f"Người giữ tài liệu: {r.person}", f"Lý do: {r.reason or '……………'}",
                          f"Lập ngày {fmt(r.opened_on)}"))


def print_declassified(session: Session, year: int | None, out: Path) -> dict:
    listed = protection.declassified(session, year)
    rows = [Row((str(i), _symbol(it), it.entry.summary, d.old_level, d.decision_no, fmt(d.decision_date),
                 d.decided_by)) for i, (it, d) in enumerate(listed, 1)]
    return _form(session, DECLASSIFIED, year, {d.old_level for _, d in listed}, rows, out,
                 f"Hồ sơ giải mật gồm {len(rows)} tài liệu.",
                 opening=(f"Năm: {year}" if year else "Tất cả các năm",))


def print_destruction(session: Session, destruction_id: int, out: Path) -> dict:
    """The proposal list, or once carried out, the destruction minutes (biên bản tiêu hủy)."""
    d = destruction.view(session, destruction_id)
    rows = [Row((str(i), _symbol(it), fmt(it.entry.doc_date), it.entry.summary, it.entry.secrecy,
                 str(it.entry.copies or 1), d.reason)) for i, it in enumerate(d.items, 1)]
    form = DESTROY
    if d.state == "done":
        title = "BIÊN BẢN TIÊU HỦY TÀI LIỆU MẬT"
        text = (f"Ngày {fmt(d.destroyed_on)}, Hội đồng tiêu hủy theo quyết định {d.decision_no} ngày "
                f"{fmt(d.decision_date)} của {d.decided_by} đã tiêu hủy {len(rows)} tài liệu trên bằng "
                f"cách: {d.method}; bảo đảm không thể phục hồi.")
        signers = tuple((name.upper(), "(Ký, ghi rõ họ tên)") for name in d.council.splitlines()[:3]) or KEEPER
    else:
        title, signers = form.title, KEEPER
        text = f"Đề nghị tiêu hủy {len(rows)} tài liệu mật. Lý do: {d.reason or '……………'}."
    return _form(session, form, d.proposed_on.year, {i.entry.secrecy for i in d.items}, rows, out, text,
                 signers=signers, title=title,
                 opening=(f"Lập ngày {fmt(d.proposed_on)}, người lập: {d.proposed_by}",))


def _symbol(it) -> str:
    """Số, ký hiệu as the column asks (the level has a column of its own)."""
    return it.entry.number_symbol or f"số đến {it.entry.number}"


def _summaries(session: Session, ids) -> dict[int, str]:
    return {v.id: v.summary for v in query.rows(session, sorted(ids))}


def _form(session, form, year, levels, rows, out, text, *, signers=KEEPER, opening=None, title=None) -> dict:
    access.require(session)
    if not rows:
        raise ValidationError({"year": "Không có dòng nào để in."})
    h = _header(session, year, levels)
    result = build_form(form, h, Opening(title or form.title, opening or (f"Năm: {year}",)), rows,
                        _closing(session, text, signers), out)
    return _finish(session, form.key, year, result, out)


__all__ = ["print_register", "print_transfer", "print_copies", "print_stats", "print_recall",
           "print_declassified", "print_destruction"]
