"""Audit chain figures (issue 12, item 6).

Usage: .venv/bin/python benchmarks/audit.py [--entries N] [--events N] [--keep DIR]
Prints: taking N existing entries into the log (the first event after an upgrade); bulk append
rate; the time the log adds to one registration (p50/p95, with against without); `audit verify`
over the whole chain against its floor in the same run (reading the same rows, and reading plus
plain SHA-256 of the same bytes, with no chain logic).
"""
from __future__ import annotations

import argparse
import datetime as dt
import hashlib
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
from app.security import audit, chain, verify  # noqa: E402
from app.store import open_store  # noqa: E402
from db.models import Entry, Sequence  # noqa: E402
from db.models_security import AuditEvent  # noqa: E402

YEARS = (2021, 2022, 2023, 2024, 2025)


def fill(store, n: int) -> float:
    """Bulk insert n incoming entries over five past years (as an upgraded office has them);
    returns rows per second."""
    from app import org

    with store.Session.begin() as s:
        org.save(s, org.Organisation(parent_org="UBND TỈNH THANH HÓA", org_name="SỞ NỘI VỤ",
                                     org_abbr="SNV", place="Thanh Hóa"))
        book_id = s.execute(text("SELECT id FROM book WHERE key='incoming'")).scalar()
    per_year = n // len(YEARS)
    started = time.perf_counter()
    with store.Session.begin() as s:
        for year in YEARS:
            batch = []
            for i in range(per_year):
                when = dt.datetime(year, 1, 2, 7) + dt.timedelta(minutes=int(i * 525600 * 0.98 / per_year))
                row = dict(book_id=book_id, scope=f"incoming/{year}", year=year, number=i + 1,
                           status="registered", created_at=when, created_by="bench", reg_date=when.date(),
                           received_at=when, issuer=f"UBND huyện số {i % 97}",
                           number_symbol=f"{i + 1}/UBND-VP", doc_date=when.date(), doc_type="Công văn",
                           summary=f"Về việc triển khai kế hoạch công tác số {i} năm {year}",
                           recipient_unit="Phòng Tổ chức", type_abbr="", void_reason="")
                row["folded"] = service.folded_for(Entry(**row))
                batch.append(row)
                if len(batch) == 5000:
                    s.execute(insert(Entry), batch)
                    batch = []
            if batch:
                s.execute(insert(Entry), batch)
            s.add(Sequence(key=f"incoming/{year}", last=per_year))
    return n / (time.perf_counter() - started)


def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def extend_chain(store, count: int) -> float:
    """Appends `count` ordinary events (logins, prints) in bulk; returns events per second."""
    started = time.perf_counter()
    with store.Session.begin() as s:
        last_id, prev = s.execute(text("SELECT id, hash FROM audit_event ORDER BY id DESC LIMIT 1")).one()
        at = dt.datetime.now().isoformat(sep=" ", timespec="seconds")
        batch = []
        for i in range(count):
            id_ = last_id + 1 + i
            kind, details = ("login", "{}") if i % 3 else ("print", '{"book": "incoming", "year": 2026}')
            h = chain.event_hash(prev, id_, at, "lan", kind, None, details, "")
            batch.append(dict(id=id_, at=at, user="lan", kind=kind, entry_id=None, details=details,
                              entry_hash="", prev=prev, hash=h))
            prev = h
            if len(batch) == 20000:
                s.execute(insert(AuditEvent), batch)
                batch = []
        if batch:
            s.execute(insert(AuditEvent), batch)
    return count / (time.perf_counter() - started)


def registration_cost(store, n: int) -> tuple[list[float], list[float], list[float]]:
    """One incoming registration per transaction, alternating with and without the log; and the
    time spent sealing the log (the commit hook) in each registration with it, measured inside."""
    from sqlalchemy import event
    from sqlalchemy.orm import Session

    sealing: list[float] = []

    def timed_seal(session):
        session.flush()  # the rows of the registration itself: written with or without the log
        t = time.perf_counter()
        audit._seal(session)
        sealing.append((time.perf_counter() - t) * 1000)

    event.remove(Session, "before_commit", audit._seal)
    event.listen(Session, "before_commit", timed_seal)
    key = str(store.engine.url)
    with_log, without = [], []
    try:
        for i in range(n * 2):
            on = i % 2 == 0
            audit._HAS_TABLE[key] = on  # the switch the seal consults: off = no event written
            d = Draft(received_at="30/12/2025 09:00", issuer="UBND tỉnh Nghệ An",
                      number_symbol=f"{i}/BENCH", doc_date="29/12/2025", doc_type="Công văn",
                      summary=f"Về việc thử số {i}")
            t = time.perf_counter()
            with store.Session.begin() as s:
                service.register(s, "incoming", d, allow_duplicate=True)
            (with_log if on else without).append((time.perf_counter() - t) * 1000)
            if not on:
                sealing.pop()
    finally:
        event.remove(Session, "before_commit", timed_seal)
        event.listen(Session, "before_commit", audit._seal)
        audit._HAS_TABLE[key] = True
    with store.Session.begin() as s:  # the registrations made without the log are taken in now
        covered = {i for (i,) in s.execute(text("SELECT DISTINCT entry_id FROM audit_event "
                                                "WHERE entry_id IS NOT NULL"))}
        for (i,) in s.execute(text("SELECT id FROM entry")).all():
            if i not in covered:
                audit.record(s, "adopt", entry=i, user="bench")
    return with_log, without, sealing


def floors(store) -> tuple[float, float, float]:
    """(read the events, read them and SHA-256 the same bytes, read the entries) in seconds, through
    the same sqlite3 cursor verify uses."""
    sql = "SELECT id, at, user, kind, entry_id, details, entry_hash, prev, hash FROM audit_event ORDER BY id"
    with store.ReadSession() as s:
        cur = s.connection().connection.driver_connection.cursor()
        t = time.perf_counter()
        for _row in cur.execute(sql):
            pass
        read = time.perf_counter() - t
        t = time.perf_counter()
        sha = hashlib.sha256
        for r in cur.execute(sql):
            sha("\x1f".join((r[7], str(r[0]), r[1], r[2], r[3], str(r[4] or ""), r[5], r[6])).encode()).digest()
        hashed = time.perf_counter() - t
        t = time.perf_counter()
        for _row in cur.execute("SELECT * FROM entry"):
            pass
        entries_read = time.perf_counter() - t
    return read, hashed, entries_read


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--entries", type=int, default=200_000)
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--registrations", type=int, default=200)
    ap.add_argument("--keep", type=Path)
    args = ap.parse_args()
    data = args.keep or Path(tempfile.mkdtemp(prefix="vanthu-bench-audit-"))
    store = open_store(data)
    rate = fill(store, args.entries)
    print(f"fill: {args.entries:,} entries at {rate:,.0f}/s")
    with store.Session.begin() as s:  # as in an office upgraded to this version: no log yet
        s.execute(text("DELETE FROM audit_event"))
    t = time.perf_counter()
    with store.Session.begin() as s:
        audit.record(s, "login", user="bench")
    print(f"adoption: first event after an upgrade takes in {args.entries:,} entries: "
          f"{time.perf_counter() - t:.2f} s")
    with_log, without, sealing = registration_cost(store, args.registrations)
    print(f"registration ({args.registrations} each way, fsync on commit): p50 {pct(with_log, 50):.2f} / "
          f"p95 {pct(with_log, 95):.2f} ms with the log, p50 {pct(without, 50):.2f} / "
          f"p95 {pct(without, 95):.2f} ms without")
    print(f"the log's own time in one registration (sealing at commit, measured inside): "
          f"p50 {pct(sealing, 50):.3f} ms, p95 {pct(sealing, 95):.3f} ms (goal <= 1 ms at p95)")
    with store.ReadSession() as s:
        have = s.execute(text("SELECT count(*) FROM audit_event")).scalar()
    if args.events > have:
        print(f"bulk append: {extend_chain(store, args.events - have):,.0f} events/s")
    with store.ReadSession() as s:
        total = s.execute(text("SELECT count(*) FROM audit_event")).scalar()
        entries = s.execute(text("SELECT count(*) FROM entry")).scalar()
    runs = []
    for _ in range(2):
        with store.ReadSession() as s:
            t = time.perf_counter()
            v = verify.verify(s)
            runs.append(time.perf_counter() - t)
        assert v.ok, v.problems
    read, hashed, entries_read = floors(store)
    print(f"verify: {total:,} events and {entries:,} entries in {min(runs):.2f} s (best of 2; "
          f"runs {', '.join(f'{r:.2f}' for r in runs)})")
    print(f"floor: reading the events {read:.2f} s; reading + plain SHA-256 of the same bytes "
          f"{hashed:.2f} s; reading the entries {entries_read:.2f} s -> verify is "
          f"{min(runs) / (hashed + entries_read):.2f}x the floor")
    print(f"data folder: {data}")


def verify_only(data: Path) -> None:
    """Re-times verify on a kept data folder (--keep) without filling it again."""
    store = open_store(data)
    with store.ReadSession() as s:
        t = time.perf_counter()
        v = verify.verify(s)
        took = time.perf_counter() - t
    read, hashed, entries_read = floors(store)
    print(f"verify: {v.count:,} events in {took:.2f} s (ok={v.ok}); floor {hashed + entries_read:.2f} s "
          f"(events read {read:.2f}, read + SHA-256 {hashed:.2f}, entries read {entries_read:.2f}) "
          f"-> {took / (hashed + entries_read):.2f}x")


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--verify-only":
        verify_only(Path(sys.argv[2]))
    else:
        main()
