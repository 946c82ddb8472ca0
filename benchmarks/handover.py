"""Handover figures for a provincial office's quarter (issue 10, item 9).

Usage: .venv/bin/python benchmarks/handover.py [--scale 1.0] [--rounds 3] [--keep DIR] [--zip]
Builds 5,000 documents in 400 closed files, 4,000 scans of 1-3 pages (about 1.7 GB of
originals and searchable PDFs), then prints, each against a floor measured in the same run:
  export  — package.export (copy, bag with bagit-python, write PDFs, full re-check) against
            copying the same files to the same places (one folder per hồ sơ) while computing
            their SHA-256 in one pass; the same copy into one flat folder is shown beside it;
  verify  — verify.verify against `sha256sum -c manifest-sha256.txt` over the same payload;
  memory  — peak RSS of the export and verify processes at half and at full size;
  suggest — filing-suggestion latency (p50/p95) against the query of the filed history alone.
"""
from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import insert, select, update  # noqa: E402

from app import demo, org  # noqa: E402
from app.registers import service  # noqa: E402
from app.registers.draft import Draft, clean  # noqa: E402
from app.store import open_store  # noqa: E402
from db.models import Attachment, Book, Entry, Sequence  # noqa: E402
from db.models_archive import FilePlan, Hoso, HosoEntry  # noqa: E402

YEAR = 2026
PAGE_ORIGINAL, PAGE_PDF = 150_000, 60_000  # bytes per page: a 200 dpi JPEG, its text-layer PDF


def fill(data: Path, docs: int, files: int, scans: int, rng: random.Random) -> tuple[object, int]:
    store = open_store(data)
    with store.Session.begin() as s:
        org.save(s, org.Organisation(parent_org="UBND TỈNH THANH HÓA", org_name="SỞ NỘI VỤ", org_abbr="SNV",
                                     place="Thanh Hóa"))
        book_id = s.scalar(select(Book.id).where(Book.key == "incoming"))
        s.add(FilePlan(year=YEAR, numbering="continuous", decision_number="01/QĐ-SNV", organ_id="H26.01",
                       period="quarter", created_at=dt.datetime.now()))
    total = 0
    with store.Session.begin() as s:
        rows = []
        for i in range(docs):
            when = dt.datetime(YEAR, 1, 2, 7) + dt.timedelta(minutes=int(i * 120_000 / docs))
            d = clean(demo.fake_incoming(rng, when), "in", False)
            row = {k: getattr(d, k) for k in Draft.__dataclass_fields__}
            row.update(book_id=book_id, scope=f"incoming/{YEAR}", year=YEAR, number=i + 1, status="registered",
                       created_at=when, created_by="bench", reg_date=when.date(), type_abbr="", void_reason="")
            row["folded"] = service.folded_for(Entry(**row))
            rows.append(row)
        s.execute(insert(Entry), rows)
        s.add(Sequence(key=f"incoming/{YEAR}", last=docs))
        ids = list(s.scalars(select(Entry.id).order_by(Entry.id)))
        atts = []
        for n, entry_id in enumerate(ids[:scans]):
            pages = rng.randint(1, 3)
            raw, pdf = rng.randbytes(pages * PAGE_ORIGINAL), rng.randbytes(pages * PAGE_PDF)
            digest = hashlib.sha256(raw).hexdigest()
            rel, pdf_rel = Path(digest[:2]) / f"{digest}.jpg", Path(digest[:2]) / f"{digest}.ocr.pdf"
            (store.files_dir / rel).parent.mkdir(parents=True, exist_ok=True)
            (store.files_dir / rel).write_bytes(raw)
            (store.files_dir / pdf_rel).write_bytes(pdf)
            total += len(raw) + len(pdf)
            atts.append(dict(entry_id=entry_id, sha256=digest, original_name=f"scan{n:05d}.jpg",
                             stored_path=str(rel), pdf_path=str(pdf_rel), pdf_sha256=hashlib.sha256(pdf).hexdigest(),
                             pages=pages, ocr_text="", ocr_folded="", created_at=dt.datetime.now()))
        if atts:
            s.execute(insert(Attachment), atts)
        for f in range(files):
            s.add(Hoso(year=YEAR, ordinal=f + 1, code=f"{f + 1:03d}.VP", title=f"Hồ sơ công việc số {f + 1}",
                       retention=rng.choice(("Vĩnh viễn", "20 năm", "10 năm")), creator="Văn thư", rights="Công khai",
                       language="Tiếng Việt", description="", in_plan=True, state="open", opened_on=dt.date(YEAR, 1, 1),
                       closing_note=""))
        s.flush()
        hoso_ids = list(s.scalars(select(Hoso.id).order_by(Hoso.id)))
        links = [dict(hoso_id=hoso_ids[i * files // docs], entry_id=entry_id, position=i, added_at=dt.datetime.now(),
                      added_by="bench") for i, entry_id in enumerate(ids)]
        s.execute(insert(HosoEntry), links)
        s.execute(update(Hoso).values(state="closed", closed_on=dt.date(YEAR, 3, 28), start_date=dt.date(YEAR, 1, 2),
                                      end_date=dt.date(YEAR, 3, 27), pages=10))
    return store, total


def payload_paths(store) -> list[tuple[str, str]]:
    """(stored file, its path in the package) of every original and searchable PDF of the
    year's files, named as package.layout names them: one folder per hồ sơ, filing order."""
    from app.archive import filing, package

    with store.ReadSession() as s:
        files = list(s.execute(select(Hoso.id, Hoso.code).where(Hoso.year == YEAR).order_by(Hoso.ordinal)))
        filed = filing.documents_of_files(s, [h.id for h in files], store.files_dir)
    return [(src, f"{h.code}/{name}") for h in files for d in filed[h.id] for src, name, _ in package._payload_names(d)]


def floor_copy_and_hash(paths: list[tuple[str, str]], dest: Path, flat: bool = False) -> tuple[float, float]:
    """Every payload source read once, hashed and written once, into the package's own folders
    (one a hồ sơ), or with `flat` into one folder: the physical floor. Writing into 400 folders
    costs ext4 about a fifth more than into one, and the package cannot avoid it.
    Returns (wall seconds, CPU seconds)."""
    dest.mkdir()
    started, cpu = time.perf_counter(), time.process_time()
    made = set()
    for i, (src, rel) in enumerate(paths):
        if flat:
            target = dest / f"{i:06d}"
        else:
            target = dest / rel
            if target.parent not in made:
                target.parent.mkdir()
                made.add(target.parent)
        h = hashlib.sha256()
        with open(src, "rb") as inp, open(target, "wb") as out:
            while chunk := inp.read(1 << 20):
                h.update(chunk)
                out.write(chunk)
    return time.perf_counter() - started, time.process_time() - cpu


CHILD = r"""
import json, resource, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from app.store import open_store
from app.archive import package, verify
what = sys.argv[2]
t, cpu = time.perf_counter(), time.process_time()
if what == "export":
    store = open_store(sys.argv[3])
    r = package.export(store, 2026, "Q1", Path(sys.argv[4]), as_zip=sys.argv[5] == "zip", codes=json.loads(sys.argv[6]) or None)
    out = {"path": str(r.path), "files": r.files, "documents": r.documents, "payload": r.payload_files, "bytes": r.bytes}
else:
    report = verify.verify(sys.argv[3])
    out = {"ok": report.ok}
out["seconds"] = time.perf_counter() - t
out["cpu"] = time.process_time() - cpu  # every thread's CPU time: the work done, whatever else runs
out["maxrss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps(out))
"""


def child(*args: str) -> dict:
    p = subprocess.run([sys.executable, "-c", CHILD, str(ROOT), *args], capture_output=True, text=True)
    if p.returncode:
        raise SystemExit(p.stderr)
    return json.loads(p.stdout.strip().splitlines()[-1])


def suggest_latency(store, rng: random.Random, n: int = 60) -> tuple[float, float, float]:
    from app.archive import suggest

    with store.Session.begin() as s:
        s.execute(update(Hoso).where(Hoso.id % 2 == 0).values(state="open"))  # half the files still open
    with store.Session.begin() as s:
        new = [service.register(s, "incoming", demo.fake_incoming(rng, dt.datetime(YEAR, 12, 1, 8) + dt.timedelta(minutes=k)),
                                year=YEAR, allow_duplicate=True).id for k in range(n)]
    times, floors = [], []
    with store.ReadSession() as s:
        for entry_id in new:
            t = time.perf_counter()
            s.execute(select(Entry.issuer, Entry.doc_type, Entry.summary, Hoso.code).join(
                HosoEntry, HosoEntry.entry_id == Entry.id).join(Hoso, Hoso.id == HosoEntry.hoso_id)
                .limit(suggest.HISTORY)).all()
            floors.append(time.perf_counter() - t)
            t = time.perf_counter()
            suggest.suggest(s, entry_id)
            times.append(time.perf_counter() - t)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95) - 1], statistics.median(floors)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--scale", type=float, default=1.0)
    ap.add_argument("--keep", type=Path)
    ap.add_argument("--zip", action="store_true", help="also time a .zip export")
    ap.add_argument("--rounds", type=int, default=3, help="exports, each followed by a floor run (medians are shown)")
    a = ap.parse_args()
    rng = random.Random(10)
    docs, files, scans = int(5000 * a.scale), max(2, int(400 * a.scale)), int(4000 * a.scale)
    work = a.keep or Path(tempfile.mkdtemp(prefix="vanthu-bench-handover-", dir=ROOT.parent if os.access(ROOT.parent, os.W_OK) else None))
    work.mkdir(parents=True, exist_ok=True)
    try:
        t = time.perf_counter()
        store, size = fill(work / "data", docs, files, scans, rng)
        print(f"quarter: {docs:,} documents in {files} files, {scans:,} scans, {size / 1e9:.2f} GB "
              f"(built in {time.perf_counter() - t:.1f} s); {os.cpu_count()} CPUs, load average "
              f"{os.getloadavg()[0]:.1f} at the start")
        # Each timed phase starts with the page cache's dirty pages written out (os.sync, not
        # timed): otherwise a phase pays for the write-back of the one before it.
        floors, flat_floors, exports, rehash, floor_cpu, export_cpu = [], [], [], [], [], []
        paths = payload_paths(store)

        def floor_run() -> None:
            os.sync()
            wall, cpu = floor_copy_and_hash(paths, work / "floor")
            floors.append(wall)
            floor_cpu.append(cpu)
            t = time.perf_counter()  # what the re-check after writing adds at the least: one more read + hash
            for folder, _dirs, names in os.walk(work / "floor"):
                for name in names:
                    with open(os.path.join(folder, name), "rb") as f:
                        hashlib.file_digest(f, "sha256")
            rehash.append(time.perf_counter() - t)
            shutil.rmtree(work / "floor")
            os.sync()
            flat_floors.append(floor_copy_and_hash(paths, work / "floor", flat=True)[0])
            shutil.rmtree(work / "floor")

        def export_run(codes: list[str], target: str, kind: str = "dir") -> dict:
            os.sync()
            with store.Session.begin() as s:  # the files go back to closed: the same batch again
                s.execute(update(Hoso).values(state="closed", handover_id=None))
            (work / target).mkdir(exist_ok=True)
            return child("export", str(work / "data"), str(work / target), kind, json.dumps(codes))

        floor_run()
        h = export_run([f"{i + 1:03d}.VP" for i in range(files // 2)], "out-half")
        hv = child("verify", h["path"])
        shutil.rmtree(work / "out-half")
        for _ in range(a.rounds):
            e = export_run([], "out")
            exports.append(e["seconds"])
            export_cpu.append(e["cpu"])
            if len(exports) == 1:
                os.sync()
                t = time.perf_counter()
                subprocess.run("sha256sum -c --quiet manifest-sha256.txt", shell=True, cwd=e["path"], check=True)
                sha = time.perf_counter() - t
                v = child("verify", e["path"])
            shutil.rmtree(e["path"])
            floor_run()
        f_med, e_med = statistics.median(floors), statistics.median(exports)
        print(f"floor (copy + SHA-256 in one pass into the package's folders, {size / 1e9:.2f} GB): "
              + ", ".join(f"{x:.2f} s" for x in floors))
        ff_med = statistics.median(flat_floors)
        print(f"  the same into one folder: " + ", ".join(f"{x:.2f} s" for x in flat_floors)
              + f"; export median {e_med / ff_med:.2f}x that")
        r_med = statistics.median(rehash)
        print(f"  + one more read and hash of the copies (the least a re-check costs): " + ", ".join(f"{x:.2f} s" for x in rehash))
        print(f"export {e['files']} files / {e['documents']:,} documents / {e['payload']:,} payload files: "
              + ", ".join(f"{x:.2f} s" for x in exports)
              + f"; median {e_med / f_med:.2f}x the median floor, best {min(exports) / min(floors):.2f}x the best "
              "(includes bagging, PDFs, and the full re-check after writing); "
              f"{e_med / (f_med + r_med):.2f}x floor + re-check")
        print(f"CPU time (all threads; steadier than wall time on a busy machine): export median "
              f"{statistics.median(export_cpu):.2f} s, floor median {statistics.median(floor_cpu):.2f} s = "
              f"{statistics.median(export_cpu) / statistics.median(floor_cpu):.2f}x")
        print(f"verify: {v['seconds']:.2f} s (ok={v['ok']}) vs sha256sum -c {sha:.2f} s = {v['seconds'] / sha:.2f}x")
        print(f"peak RSS export: {h['maxrss_mb']:.0f} MB at half size, {e['maxrss_mb']:.0f} MB at full size; "
              f"verify: {hv['maxrss_mb']:.0f} MB / {v['maxrss_mb']:.0f} MB")
        if a.zip:
            z = export_run([], "out", "zip")
            print(f"zip export (the bag checked in full as a folder, zipped stored, the zip read back against its CRCs and the folder): {z['seconds']:.2f} s = "
                  f"{z['seconds'] / f_med:.2f}x the median floor; peak {z['maxrss_mb']:.0f} MB")
        print(f"load average {os.getloadavg()[0]:.1f} at the end (other work on the machine makes the "
              "wall-clock figures vary; the floor runs between the exports to share their conditions)")
        p50, p95, qfloor = suggest_latency(store, rng)
        print(f"suggest: p50 {p50 * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms over {docs:,} filed documents "
              f"(history query alone: {qfloor * 1000:.1f} ms)")
    finally:
        if not a.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
