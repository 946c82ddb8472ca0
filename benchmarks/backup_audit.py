"""Backup and login figures (issue 12, item 6); the audit chain's own are in benchmarks/audit.py.

Usage: .venv/bin/python benchmarks/backup_audit.py [--entries N] [--attachments N] [--kb K]
Prints: a full backup of the database with its attachments against copying the same files in
the same run (goal <= 1.5x); an incremental backup after 100 new entries (goal <= 2 s); login
including the argon2id hash (goal <= 0.5 s).
"""
from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import insert, text  # noqa: E402

from app.registers import service  # noqa: E402
from app.registers.draft import Draft  # noqa: E402
from app.security import access, audit, users  # noqa: E402
from app.security.backup import backup  # noqa: E402
from app.store import open_store  # noqa: E402
from benchmarks.audit import fill  # noqa: E402
from db.models import Attachment  # noqa: E402


def attachments(store, n: int, kb: int) -> int:
    """n scans of kb KiB each (random bytes: no compression helps either side)."""
    rows, total = [], 0
    with store.ReadSession() as s:
        ids = [i for (i,) in s.execute(text(f"SELECT id FROM entry ORDER BY id LIMIT {n}"))]
    for i, entry_id in enumerate(ids):
        data = os.urandom(kb * 1024)
        sha = hashlib.sha256(data).hexdigest()
        rel = f"{sha[:2]}/{sha}.png"
        (store.files_dir / sha[:2]).mkdir(parents=True, exist_ok=True)
        (store.files_dir / rel).write_bytes(data)
        total += len(data)
        rows.append(dict(entry_id=entry_id, sha256=sha, original_name=f"scan{i}.png", stored_path=rel,
                         pdf_path="", pages=1, ocr_text="", ocr_folded="", created_at=dt.datetime.now()))
    with store.Session.begin() as s:
        s.execute(insert(Attachment), rows)
    return total


def plain_copy(store, dest: Path) -> float:
    t = time.perf_counter()
    shutil.copyfile(store.data_dir / "vanthu.sqlite3", dest / "vanthu.sqlite3")
    for p in store.files_dir.rglob("*"):
        if p.is_file():
            target = dest / "files" / p.relative_to(store.files_dir)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(p, target)
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--entries", type=int, default=200_000)
    ap.add_argument("--attachments", type=int, default=5000)
    ap.add_argument("--kb", type=int, default=100)
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="vanthu-bench-backup-"))
    store = open_store(work / "data")
    fill(store, args.entries)
    with store.Session.begin() as s:
        audit.record(s, "login", user="bench")  # takes the filled entries into the log
    size = attachments(store, args.attachments, args.kb)
    db_mb = (store.data_dir / "vanthu.sqlite3").stat().st_size / 1e6
    print(f"data: {args.entries:,} entries, database {db_mb:.0f} MB, {args.attachments:,} attachments "
          f"{size / 1e6:.0f} MB")
    os.sync()
    copy_dir = work / "copy"
    copy_dir.mkdir()
    copied = plain_copy(store, copy_dir)
    t = time.perf_counter()
    os.sync()
    copied_synced = copied + time.perf_counter() - t
    t = time.perf_counter()
    full = backup(store, work / "usb")
    took = time.perf_counter() - t
    print(f"full backup: {took:.2f} s ({full.files_copied:,} files) against a plain copy of the same "
          f"files {copied:.2f} s ({copied_synced:.2f} s with the sync that makes it a copy on the "
          f"medium) -> {took / copied:.2f}x / {took / copied_synced:.2f}x (goal <= 1.5x)")
    for i in range(100):
        with store.Session.begin() as s:
            service.register(s, "incoming", Draft(
                received_at="30/12/2025 09:00", issuer="UBND tỉnh Nghệ An", number_symbol=f"{i}/INC",
                doc_date="29/12/2025", doc_type="Công văn", summary=f"Về việc {i}"), allow_duplicate=True)
    t = time.perf_counter()
    inc = backup(store, work / "usb", now=dt.datetime.now() + dt.timedelta(seconds=2))
    print(f"incremental backup after 100 new entries: {time.perf_counter() - t:.2f} s "
          f"({inc.files_copied} files copied; goal <= 2 s)")
    with store.Session.begin() as s:
        users.add(s, "admin", "quantri-123", "quan-tri")
    times = []
    for _ in range(5):
        t = time.perf_counter()
        users.login(store, "admin", "quantri-123")
        times.append(time.perf_counter() - t)
        access.set_actor(store, None)
    print(f"login (argon2id verify + event): median {statistics.median(times) * 1000:.0f} ms, "
          f"worst {max(times) * 1000:.0f} ms (goal <= 500 ms)")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
