"""Sao, chụp (Luật 2018 Điều 11, NĐ 26/2020 Điều 3): only on the permission of a person on
the list for the level, exactly the permitted number of copies, each copy numbered under its
original; the copy book (mẫu 12) is filled from these records."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.errors import ValidationError
from app.secrets import access, airgap, books, events
from app.secrets.access import LEVELS
from app.secrets.errors import SecretStateError
from app.secrets.views import CopyView
from app.text import fold, nfc
from db.models import Entry
from db.models_secret import SecretAuthoriser, SecretCopy

FORMS = {"sao-y": "Sao y", "sao-luc": "Sao lục", "trich-sao": "Trích sao", "chup": "Chụp"}


def add_authoriser(session: Session, name: str, title: str, max_level: str,
                   max_copies: int = 10) -> None:
    access.require_admin(session)
    name, title = nfc(name), nfc(title)
    if not name:
        raise ValidationError({"name": "Cần ghi họ tên người có thẩm quyền cho phép sao, chụp."})
    if max_level not in LEVELS:
        raise ValidationError({"max_level": "Độ mật tối đa phải là Mật, Tối mật hoặc Tuyệt mật."})
    if max_copies < 1:
        raise ValidationError({"max_copies": "Số bản tối đa phải từ 1 trở lên."})
    row = session.scalar(select(SecretAuthoriser).where(SecretAuthoriser.name == name))
    if row is None:
        session.add(SecretAuthoriser(name=name, title=title, max_level=max_level,
                                     max_copies=max_copies, active=True))
    else:
        row.title, row.max_level, row.max_copies, row.active = title, max_level, max_copies, True
    events.record(session, "settings", None, {"người cho phép sao": name, "đến độ": max_level})


def authorisers(session: Session, level: str | None = None) -> list[tuple[str, str, str, int]]:
    access.require(session)
    rows = session.scalars(select(SecretAuthoriser).where(SecretAuthoriser.active.is_(True))
                           .order_by(SecretAuthoriser.name))
    return [(a.name, a.title, a.max_level, a.max_copies) for a in rows
            if level is None or LEVELS.index(a.max_level) >= LEVELS.index(level)]


def _authoriser(session: Session, name: str) -> SecretAuthoriser | None:
    key = fold(nfc(name))
    return next((a for a in session.scalars(select(SecretAuthoriser).where(SecretAuthoriser.active.is_(True)))
                 if fold(a.name) == key), None)


def make_copies(session: Session, entry_id: int, *, authorised_by: str, copies: int, form: str,
                on: dt.date | None = None, receiver: str = "", note: str = "") -> CopyView:
    it = books.item(session, entry_id, audit=False)
    level = it.entry.secrecy
    who = access.require(session, level)
    airgap.require_offline(session)
    if not nfc(authorised_by):
        raise ValidationError({"authorised_by": "Sao, chụp văn bản mật cần người có thẩm quyền cho phép."})
    a = _authoriser(session, authorised_by)
    if a is None:
        raise ValidationError({"authorised_by": f"“{nfc(authorised_by)}” không có trong danh sách người "
                                                "có thẩm quyền cho phép sao, chụp."})
    if LEVELS.index(a.max_level) < LEVELS.index(level):
        raise ValidationError({"authorised_by": f"{a.name} chỉ được cho phép sao, chụp đến độ "
                                                f"{a.max_level}, không được cho phép với văn bản {level}."})
    if form not in FORMS:
        raise ValidationError({"form": "Hình thức phải là sao-y, sao-luc, trich-sao hoặc chup."})
    if copies < 1:
        raise ValidationError({"copies": "Số bản sao phải từ 1 trở lên."})
    if copies > a.max_copies:
        raise ValidationError({"copies": f"Vượt số bản được phép: {a.name} cho phép tối đa "
                                         f"{a.max_copies} bản, yêu cầu {copies} bản."})
    if it.state != "held":
        raise SecretStateError(f"Văn bản {it.label} không còn giữ (đã giải mật, thu hồi hoặc tiêu hủy): "
                               "không sao, chụp.")
    last = session.scalar(select(func.max(SecretCopy.last_no)).where(SecretCopy.entry_id == entry_id)) or 0
    c = SecretCopy(entry_id=entry_id, on=on or dt.date.today(), form=form, copies=copies,
                   first_no=last + 1, last_no=last + copies, authorised_by=a.name, done_by=who.name,
                   receiver=nfc(receiver), note=nfc(note))
    session.add(c)
    session.flush()
    events.record(session, "secret_copy", entry_id, {"hình thức": FORMS[form], "số bản": copies,
                                                     "người cho phép": a.name})
    return _view(session, c)


def _view(session: Session, c: SecretCopy) -> CopyView:
    e = session.get(Entry, c.entry_id)
    return CopyView(c.id, c.entry_id, e.number_symbol or f"số đến {e.number}", e.secrecy, c.on, c.form,
                    c.copies, c.first_no, c.last_no, c.authorised_by, c.done_by, c.receiver, c.note)


def copies_of(session: Session, entry_id: int) -> list[CopyView]:
    books.item(session, entry_id, audit=False)
    q = select(SecretCopy).where(SecretCopy.entry_id == entry_id).order_by(SecretCopy.id)
    return [_view(session, c) for c in session.scalars(q)]


def book_lines(session: Session, year: int) -> list[CopyView]:
    access.require(session)
    q = (select(SecretCopy).join(Entry, Entry.id == SecretCopy.entry_id)
         .where(Entry.secrecy.in_(access.visible_levels(session)),
                SecretCopy.on >= dt.date(year, 1, 1), SecretCopy.on <= dt.date(year, 12, 31))
         .order_by(SecretCopy.id))
    return [_view(session, c) for c in session.scalars(q)]
