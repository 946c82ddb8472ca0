"""The hashing of the audit chain, and nothing else: pure functions on plain values.

An event's hash is SHA-256 over the previous event's hash and the event's own fields, so no
event can be changed, removed or put in between without breaking every hash after it. An
entry's content is hashed from the row exactly as SQLite returns it, so an edit made with
sqlite3 or a hex editor changes it. Empty values (None, "") are left out of an entry's hash:
a column added later with an empty default does not break the entries hashed before it."""
from __future__ import annotations

import hashlib
import json
from typing import Iterable, Mapping

GENESIS = "0" * 64  # the "previous hash" of the first event
SHORT = 16  # hex digits printed on paper: 64 bits, four groups of four
SEP, END = "\x1f", "\x1e"
# Derived columns, recomputed by the program; the integrity check compares them separately.
ENTRY_SKIPPED = frozenset({"folded"})


def event_hash(prev: str, id_: int, at: str, user: str, kind: str, entry_id: int | None,
               details: str, entry_hash: str) -> str:
    body = SEP.join((prev, str(id_), at, user, kind, "" if entry_id is None else str(entry_id),
                     details, entry_hash))
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def entry_hash(row: Mapping) -> str:
    """The hash of one entry row (column name -> raw SQLite value)."""
    kept = {k: v for k, v in row.items() if v is not None and v != "" and k not in ENTRY_SKIPPED}
    text = json.dumps(kept, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def short(full: str) -> str:
    return full[:SHORT]


def show(full: str) -> str:
    """The head as printed: '1a2b 3c4d 5e6f 7a8b'."""
    s = short(full)
    return " ".join(s[i:i + 4] for i in range(0, len(s), 4))


def normalise(text: str) -> str:
    """What a clerk types from paper, back to hex: spaces, dashes and case do not matter."""
    return "".join(ch for ch in text.lower() if ch in "0123456789abcdef")


def first_break(rows: Iterable[tuple], covered: dict | None = None) -> tuple[int, str] | None:
    """Walks events (id, at, user, kind, entry_id, details, entry_hash, prev, hash) in id order;
    returns (id, reason) of the first broken link, or None when the chain holds. `covered`, if
    given, is filled on the way with entry id -> (entry hash, event id) of the last event that
    covered each entry, so verifying reads the events once."""
    prev, expected_id = GENESIS, None
    sha = hashlib.sha256
    broken = None
    for id_, at, user, kind, entry_id, details, e_hash, stored_prev, stored in rows:
        if broken is None:
            if expected_id is not None and id_ != expected_id:
                broken = id_, f"thiếu sự kiện #{expected_id}" + (f"–#{id_ - 1}" if id_ - 1 > expected_id else "")
            elif stored_prev != prev:
                broken = id_, "không nối vào sự kiện trước"
            elif sha(SEP.join((prev, str(id_), at, user, kind, "" if entry_id is None else str(entry_id),
                               details, e_hash)).encode("utf-8")).hexdigest() != stored:
                broken = id_, "nội dung sự kiện đã bị sửa"
            prev, expected_id = stored, id_ + 1
            if broken is not None and covered is None:
                return broken
        if covered is not None and e_hash:
            covered[entry_id] = (e_hash, id_)
    return broken
