"""The audit log: services call record(); the chain is sealed when the transaction commits.

Sealing at commit, not at record(), is what lets every event carry the final content of the
entry it touched, and it catches entry changes no service named (an OCR text attached, a
field set by another capability): those get an event of their own ("thay đổi khác"). Write
transactions are BEGIN IMMEDIATE, so reading the head and appending cannot interleave."""
from __future__ import annotations

import datetime as dt
import json

from sqlalchemy import event, text
from sqlalchemy.orm import Session

from app.security import access, chain
from db.models import Attachment, Entry, Setting

KINDS = {
    "register": "Đăng ký", "update": "Sửa", "reserve": "Lấy số trước",
    "use_reservation": "Dùng số lấy trước", "void": "Hủy số", "changed": "Thay đổi khác",
    "adopt": "Ghi nhận ban đầu", "attach": "Đính kèm bản quét", "file": "Lập hồ sơ",
    "close": "Đóng sổ", "handover": "Giao nộp lưu trữ", "print": "In sổ", "print_form": "In phiếu",
    "export": "Xuất dữ liệu", "login": "Đăng nhập", "logout": "Đăng xuất",
    "login_failed": "Đăng nhập sai", "lock": "Khóa màn hình", "unlock": "Mở khóa",
    "user_add": "Thêm người dùng", "user_change": "Sửa người dùng", "user_disable": "Khóa người dùng",
    "user_passwd": "Đổi mật khẩu", "settings": "Đổi cài đặt", "backup": "Sao lưu",
    "restore": "Khôi phục", "secret_open": "Mở văn bản mật",
}
_QUEUE, _TOUCHED, _SETTINGS = "audit_queue", "audit_touched", "audit_settings"
_HAS_TABLE: dict[str, bool] = {}


def record(session: Session, kind: str, entry=None, details: dict | str | None = None,
           user: str | None = None) -> None:
    """Queues one event for this transaction; `entry` is an id or an Entry (flushed by then)."""
    if not isinstance(details, str):
        details = json.dumps(details or {}, ensure_ascii=False, sort_keys=True, default=str)
    session.info.setdefault(_QUEUE, []).append(
        (kind, entry, details, user if user is not None else access.user_name(session)))


def _enabled(session: Session) -> bool:
    bind = session.get_bind()
    key = str(bind.url)
    if key not in _HAS_TABLE or key == "sqlite://":  # one in-memory file is not the next
        _HAS_TABLE[key] = session.execute(text(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name='audit_event'")).first() is not None
    return _HAS_TABLE[key]


@event.listens_for(Session, "before_flush")
def _collect(session, _ctx, _instances) -> None:
    for obj in (*session.new, *session.dirty):
        if isinstance(obj, Entry):
            session.info.setdefault(_TOUCHED, set()).add(obj)
        elif isinstance(obj, Setting) and (obj in session.new or session.is_modified(obj)):
            session.info.setdefault(_SETTINGS, {})[obj.key] = obj.value
        elif isinstance(obj, Attachment) and obj in session.new:  # a scan kept with an entry
            record(session, "attach", obj.entry_id, {"file": obj.original_name, "sha256": obj.sha256})


@event.listens_for(Session, "after_soft_rollback")
def _forget(session, _previous) -> None:
    session.info.pop(_QUEUE, None)
    session.info.pop(_TOUCHED, None)
    session.info.pop(_SETTINGS, None)


def _cursor(session: Session):
    """The transaction's own sqlite3 cursor: sealing runs in every write, so it skips the ORM."""
    return session.connection().connection.driver_connection.cursor()


def entry_rows(session: Session, ids) -> dict[int, str]:
    """id -> content hash of those entries, from the rows exactly as stored."""
    out: dict[int, str] = {}
    ids = sorted(ids)
    cur = _cursor(session)
    for start in range(0, len(ids), 500):
        part = ids[start:start + 500]
        cur.execute(f"SELECT * FROM entry WHERE id IN ({','.join('?' * len(part))})", part)
        names = [d[0] for d in cur.description]
        for row in cur.fetchall():
            values = dict(zip(names, row))
            out[values["id"]] = chain.entry_hash(values)
    return out


def _last_covered(session: Session, ids) -> dict[int, str]:
    cur, out = _cursor(session), {}
    for i in ids:
        row = cur.execute("SELECT entry_hash FROM audit_event WHERE entry_id = ? AND entry_hash != '' "
                          "ORDER BY id DESC LIMIT 1", (i,)).fetchone()
        if row:
            out[i] = row[0]
    return out


@event.listens_for(Session, "before_commit")
def _seal(session) -> None:
    if not any(session.info.get(k) for k in (_QUEUE, _TOUCHED, _SETTINGS)):
        return
    session.flush()
    if not _enabled(session):  # a store without the log (the encrypted secret store)
        _forget(session, None)
        return
    _settings_changed(session)
    queue = session.info.pop(_QUEUE, [])
    touched = {e.id for e in session.info.pop(_TOUCHED, set()) if e.id is not None}
    queue = [(k, e.id if isinstance(e, Entry) else e, d, u) for k, e, d, u in queue]
    cur = _cursor(session)
    last = cur.execute("SELECT id, hash FROM audit_event ORDER BY id DESC LIMIT 1").fetchone()
    if last is None:
        queue = _adoption(session, touched) + queue
    named = {e for _k, e, _d, _u in queue if e is not None}
    hashes = entry_rows(session, named | touched)
    unnamed = touched - named
    if unnamed:
        before = _last_covered(session, unnamed)
        who = access.user_name(session)
        queue += [("changed", i, "{}", who) for i in sorted(unnamed) if before.get(i) != hashes.get(i)]
    if not queue:
        return
    at = dt.datetime.now().isoformat(sep=" ", timespec="seconds")
    next_id, prev = (last[0] + 1, last[1]) if last else (1, chain.GENESIS)
    rows = []
    for kind, entry_id, details, user in queue:
        e_hash = hashes.get(entry_id, "") if entry_id is not None else ""
        h = chain.event_hash(prev, next_id, at, user, kind, entry_id, details, e_hash)
        rows.append((next_id, at, user, kind, entry_id, details, e_hash, prev, h))
        next_id, prev = next_id + 1, h
    cur.executemany("INSERT INTO audit_event (id, at, user, kind, entry_id, details, entry_hash, prev, "
                    "hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)


def _settings_changed(session: Session) -> None:
    """Every settings change is an event; lãnh đạo never changes the office's settings."""
    from dataclasses import fields

    from app.org import Organisation

    changed = session.info.pop(_SETTINGS, {})
    office = {f.name for f in fields(Organisation)} & set(changed)
    if office:
        access.require_actor(access.actor(session), "settings")
    for key in sorted(changed):
        if not key.startswith("security."):
            record(session, "settings", details={"key": key, "value": changed[key]})


def _adoption(session: Session, touched: set[int]) -> list[tuple]:
    """The first event ever: entries written before the log existed are taken in as they are."""
    ids = session.scalars(text("SELECT id FROM entry ORDER BY id")).all()
    who = access.user_name(session)
    return [("adopt", i, "{}", who) for i in ids if i not in touched]


def head(session: Session) -> tuple[str, int]:
    """(short hash, number of events) of the chain's last event: what paper carries."""
    row = session.execute(text("SELECT id, hash FROM audit_event ORDER BY id DESC LIMIT 1")).first()
    return (chain.short(row[1]), row[0]) if row else (chain.short(chain.GENESIS), 0)


def show_head(session: Session) -> str:
    """The head as printed on a closing page: 'Nhật ký: 1a2b 3c4d 5e6f 7a8b · 1.234 sự kiện'."""
    row = session.execute(text("SELECT id, hash FROM audit_event ORDER BY id DESC LIMIT 1")).first()
    full, count = (row[1], row[0]) if row else (chain.GENESIS, 0)
    return f"{chain.show(full)} · {count:,} sự kiện".replace(",", ".")
