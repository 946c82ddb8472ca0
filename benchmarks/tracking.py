"""Tracking figures (issue 14, item 8), each beside a floor measured in the same run.

Usage: .venv/bin/python benchmarks/tracking.py [--entries N] [--rows N] [--huge N] [--keep DIR]
Prints: the due/overdue list over 200,000 entries (goal <= 100 ms); a year's report to PDF
(40,000 entries, goal <= 3 s); importing a 40,000-row sheet (goal <= 20 s, peak memory <= 300 MB);
exporting 40,000 rows (goal <= 5 s); and the dry run of a 100,000-row sheet (memory stays flat).
Imports run in a child process so that its peak memory is the import's own.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import text  # noqa: E402

from app import demo  # noqa: E402
from app.store import open_store  # noqa: E402

TODAY = dt.date(2025, 11, 28)
YEARS = (2021, 2022, 2023, 2024, 2025)


def fill(store, n: int) -> None:
    """n incoming entries over five years, inserted in bulk (the demo's generator)."""
    from sqlalchemy import insert, select

    from app import org
    from app.registers import service
    from app.registers.draft import Draft
    from db.models import Book, Entry, Sequence

    rng = random.Random(1)
    with store.Session.begin() as s:
        org.save(s, org.Organisation(parent_org="UBND TỈNH THANH HÓA", org_name="SỞ NỘI VỤ",
                                     org_abbr="SNV", place="Thanh Hóa"))
        book_id = s.scalar(select(Book.id).where(Book.key == "incoming"))
    per_year = n // len(YEARS)
    with store.Session.begin() as s:
        for year in YEARS:
            batch = []
            for i in range(per_year):
                when = dt.datetime(year, 1, 2, 7) + dt.timedelta(minutes=int(i * 525600 * 0.98 / per_year))
                d = demo.fake_incoming(rng, when)
                row = {k: getattr(d, k) for k in Draft.__dataclass_fields__}
                row.update(book_id=book_id, scope=f"incoming/{year}", year=year, number=i + 1,
                           status="registered", created_at=when, created_by="bench",
                           reg_date=when.date(), type_abbr="", void_reason="", pages=None)
                row["folded"] = service.folded_for(Entry(**row))
                batch.append(row)
                if len(batch) == 5000:
                    s.execute(insert(Entry), batch)
                    batch = []
            if batch:
                s.execute(insert(Entry), batch)
            s.add(Sequence(key=f"incoming/{year}", last=per_year))


def timed(fn, repeat=5):
    times, result = [], None
    for _ in range(repeat):
        t = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times), result


def add_deadlines(store) -> int:
    """30 % of entries get a deadline 5-15 days after transfer; everything received before
    October 2025 is done (a few days after transfer), the rest open or being worked on."""
    with store.Session.begin() as s:
        s.execute(text("UPDATE entry SET due_date = date(transfer_date, '+' || (5 + id % 11) || ' days') "
                       "WHERE id % 10 < 3 AND transfer_date IS NOT NULL"))
        s.execute(text("UPDATE tracking SET state = 'done', done_on = (SELECT date(e.transfer_date, "
                       "'+' || (id2 % 9) || ' days') FROM (SELECT id, id AS id2, transfer_date FROM entry) e "
                       "WHERE e.id = tracking.entry_id) WHERE entry_id IN "
                       "(SELECT id FROM entry WHERE reg_date < '2025-10-01')"))
        s.execute(text("UPDATE tracking SET state = 'doing' WHERE state = 'open' AND entry_id % 3 = 0"))
        return s.execute(text("SELECT count(*) FROM tracking WHERE state != 'done'")).scalar()


def write_sheet(path: Path, n: int, year: int = 2025) -> None:
    """An old register as Excel saves one (shared strings, the sheet's dimension, date cells),
    written with xlsxwriter; half the dates typed as text, as many old registers have them."""
    import xlsxwriter

    rng = random.Random(7)
    wb = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    ws = wb.add_worksheet("Sổ đến")
    day = wb.add_format({"num_format": "dd/mm/yyyy"})
    ws.write_row(0, 0, ["SỔ ĐĂNG KÝ VĂN BẢN ĐẾN"])
    ws.write_row(1, 0, ["Số đến", "Ngày đến", "Tác giả", "Số, ký hiệu", "Ngày tháng",
                        "Tên loại và trích yếu nội dung văn bản", "Đơn vị hoặc người nhận", "Ngày chuyển",
                        "Ghi chú"])
    start = dt.datetime(year, 1, 2, 7)
    for i in range(n):
        when = start + dt.timedelta(minutes=int(i * 525600 * 0.98 / n))
        d = demo.fake_incoming(rng, when)
        r = i + 2
        ws.write_number(r, 0, i + 1)
        if i % 2:
            ws.write_datetime(r, 1, when, day)
        else:
            ws.write_string(r, 1, when.strftime("%d/%m/%Y"))
        ws.write_string(r, 2, d.issuer)
        ws.write_string(r, 3, f"{d.number_symbol}.{i}")
        ws.write_datetime(r, 4, dt.datetime.combine(d.doc_date, dt.time()), day)
        ws.write_string(r, 5, f"{d.doc_type} {d.summary}")
        ws.write_string(r, 6, d.recipient_unit)
        ws.write_datetime(r, 7, dt.datetime.combine(d.transfer_date, dt.time()), day)
    wb.close()


def peak_mb() -> float:
    """VmHWM of this process: getrusage's ru_maxrss would carry the parent's peak over the
    exec on Linux, and the parent holds the 200,000-entry fill."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child_import(sheet: str, data_dir: str, dry: bool) -> None:
    from app import org
    from app.tracking import importer

    store = open_store(data_dir)
    with store.Session.begin() as s:
        org.save(s, org.Organisation(parent_org="UBND TỈNH THANH HÓA", org_name="SỞ NỘI VỤ",
                                     org_abbr="SNV", place="Thanh Hóa"))
    t0, c0 = time.perf_counter(), time.process_time()
    with store.Session() as s:
        plan = importer.plan_import(s, sheet)
    t1 = time.perf_counter()
    count = 0
    if not dry:
        with store.Session.begin() as s:
            count = importer.run_import(s, plan).count
    t2 = time.perf_counter()
    print(json.dumps({"plan": t1 - t0, "write": t2 - t1, "ok": plan.count("ok"), "cpu": time.process_time() - c0,
                      "refused": plan.count("refused"), "imported": count, "peak_mb": peak_mb()}))


def child_floor(sheet: str) -> None:
    """Only reading the sheet's cells with openpyxl read-only: what any import must pay."""
    import openpyxl

    t, c = time.perf_counter(), time.process_time()
    wb = openpyxl.load_workbook(sheet, read_only=True, data_only=True)
    n = sum(1 for _ in wb.active.iter_rows(values_only=True))
    print(json.dumps({"read": time.perf_counter() - t, "cpu": time.process_time() - c, "rows": n,
                      "peak_mb": peak_mb()}))


def run_child(*args) -> dict:
    out = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True,
                         env={**os.environ, "PYTHONPATH": str(ROOT)}, cwd=ROOT)
    if out.returncode:
        raise SystemExit(out.stderr[-2000:])
    return json.loads(out.stdout.splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--entries", type=int, default=200_000)
    ap.add_argument("--rows", type=int, default=40_000)
    ap.add_argument("--huge", type=int, default=100_000)
    ap.add_argument("--keep")
    args = ap.parse_args()
    work = Path(args.keep or tempfile.mkdtemp(prefix="vanthu-bench-tracking-"))
    store = open_store(work / "data")
    print(f"database: {work} ({args.entries:,} incoming entries over 5 years)")
    fill(store, args.entries)
    open_items = add_deadlines(store)

    from app.tracking import due, export, report_print
    from app.registers import query

    with store.ReadSession() as s:
        floor_ms, _ = timed(lambda: s.execute(text(
            "SELECT e.id, e.due_date, e.urgency, e.recipient_unit FROM tracking t JOIN entry e "
            "ON e.id = t.entry_id WHERE t.state IN ('open', 'doing')")).all())
        ms, items = timed(lambda: due.due_list(s, TODAY))
        unit_ms, _ = timed(lambda: due.due_list(s, TODAY, unit="Phòng Tổ chức"))
    late = sum(i.overdue for i in items)
    print(f"due/overdue list: {ms:.1f} ms for {len(items):,} items ({late:,} overdue) out of {open_items:,} "
          f"open of {args.entries:,} entries; filtered by unit {unit_ms:.1f} ms "
          f"(floor: bare SQL of the open rows {floor_ms:.1f} ms; goal <= 100 ms)")

    pdf = work / "bao-cao.pdf"
    with store.ReadSession() as s:
        floor_ms, rows = timed(lambda: s.execute(text(
            "SELECT * FROM entry WHERE reg_date BETWEEN '2025-01-01' AND '2025-12-31'")).all(), 3)
        t = time.perf_counter()
        result = report_print.print_report(s, "incoming", dt.date(2025, 1, 1), dt.date(2025, 12, 31), pdf)
        report_s = time.perf_counter() - t
    print(f"year's report to PDF: {report_s:.2f} s for {result.entries:,} entries, {result.pages} pages "
          f"(floor: reading the year's rows {floor_ms / 1000:.2f} s; goal <= 3 s)")

    xlsx = work / "so-den-ra.xlsx"
    with store.ReadSession() as s:
        f = query.Filter("incoming", year=2025, descending=False)
        ids = query.ids(s, f)
        t = time.perf_counter()
        for start in range(0, len(ids), 500):
            query.rows(s, ids[start:start + 500])
        floor_s = time.perf_counter() - t
        t = time.perf_counter()
        n = export.export(s, f, xlsx, ids=ids)
        export_s = time.perf_counter() - t
    print(f"export to .xlsx: {export_s:.2f} s for {n:,} rows ({xlsx.stat().st_size / 1e6:.1f} MB) "
          f"(floor: fetching the rows {floor_s:.2f} s; goal <= 5 s)")
    store.engine.dispose()

    sheet = work / f"so-cu-{args.rows}.xlsx"
    write_sheet(sheet, args.rows, 2024)
    floor = run_child("--child-floor", str(sheet))
    imp = run_child("--child-import", str(sheet), str(work / "import-data"))
    print(f"import of a {args.rows:,}-row sheet: {imp['plan'] + imp['write']:.1f} s (dry run "
          f"{imp['plan']:.1f} s + writing {imp['write']:.1f} s; CPU {imp['cpu']:.1f} s), "
          f"{imp['imported']:,} registered, peak {imp['peak_mb']:.0f} MB (floor: openpyxl reading the "
          f"cells {floor['read']:.1f} s, CPU {floor['cpu']:.1f} s, "
          f"{floor['peak_mb']:.0f} MB; goal <= 20 s, <= 300 MB)")
    if args.huge:
        big = work / f"so-cu-{args.huge}.xlsx"
        write_sheet(big, args.huge, 2024)
        floor = run_child("--child-floor", str(big))
        imp = run_child("--child-import", str(big), str(work / "huge-data"), "--dry")
        print(f"dry run of a {args.huge:,}-row sheet: {imp['plan']:.1f} s (CPU {imp['cpu']:.1f} s), "
              f"{imp['ok']:,} rows accepted, peak {imp['peak_mb']:.0f} MB (floor: openpyxl reading "
              f"{floor['read']:.1f} s, CPU {floor['cpu']:.1f} s, "
              f"{floor['peak_mb']:.0f} MB)")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child-import":
        child_import(sys.argv[2], sys.argv[3], "--dry" in sys.argv)
    elif len(sys.argv) > 1 and sys.argv[1] == "--child-floor":
        child_floor(sys.argv[2])
    else:
        main()
