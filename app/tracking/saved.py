"""Saved searches beside the filter bar (TT 01/2019 asks a document system to save and reuse
searches): a register filter kept under a name, per book, in the data folder's database."""
from __future__ import annotations

import dataclasses
import datetime as dt
import json
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import NotFound, ValidationError
from app.registers.query import Filter
from app.text import nfc
from db.models_tracking import SavedSearch


@dataclass(frozen=True)
class SavedView:
    id: int
    name: str
    filter: Filter


def _spec(f: Filter) -> str:
    out = {}
    for k, v in dataclasses.asdict(f).items():
        out[k] = v.isoformat() if isinstance(v, dt.date) else v
    return json.dumps(out, ensure_ascii=False, sort_keys=True)


def _filter(spec: str) -> Filter:
    data = json.loads(spec)
    known = {f.name for f in dataclasses.fields(Filter)}
    for k in ("date_from", "date_to"):
        if data.get(k):
            data[k] = dt.date.fromisoformat(data[k])
    return Filter(**{k: v for k, v in data.items() if k in known})


def save(session: Session, name: str, f: Filter) -> SavedView:
    name = nfc(name)
    if not name:
        raise ValidationError({"name": "Cần đặt tên cho tìm kiếm."})
    if len(name) > 100:
        raise ValidationError({"name": "Tên quá dài (tối đa 100 ký tự)."})
    found = session.scalar(select(SavedSearch).where(SavedSearch.book_key == f.book_key,
                                                     SavedSearch.name == name))
    if found is None:
        found = SavedSearch(book_key=f.book_key, name=name, spec=_spec(f), created_at=dt.datetime.now())
        session.add(found)
    else:
        found.spec = _spec(f)  # saving again under the same name replaces it
    session.flush()
    return SavedView(found.id, name, f)


def listing(session: Session, book_key: str) -> list[SavedView]:
    q = select(SavedSearch).where(SavedSearch.book_key == book_key).order_by(SavedSearch.name)
    return [SavedView(s.id, s.name, _filter(s.spec)) for s in session.scalars(q)]


def remove(session: Session, saved_id: int) -> None:
    """A saved search is a convenience, not a record: it may be taken away."""
    found = session.get(SavedSearch, saved_id)
    if found is None:
        raise NotFound("Không có tìm kiếm đã lưu này.")
    session.delete(found)
