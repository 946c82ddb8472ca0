"""Printing figures for the incoming register (issue 4, item 7).

Usage: .venv/bin/python benchmarks/printing.py [--sizes 1000,16500,40000] [--keep DIR]
Each size runs in its own subprocess so that its peak RSS (getrusage ru_maxrss) is its own.
Prints per size: build time, pages, peak RSS and peak minus the RSS after the imports; then the
40,000 / 16,500 time ratio.  Goals: 16,500 entries ≤ 10 s and ≤ 150 MB peak; 40,000 ≤ 2.6× the
time of 16,500 (cost linear in the number of entries).
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOAL_TIME, GOAL_MB, GOAL_RATIO = 10.0, 150.0, 2.6


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def child(n: int, out: Path) -> None:
    sys.path.insert(0, str(ROOT))
    from app.printing import INCOMING, BookHeader, build_book
    from app.printing.fonts import register_fonts
    from app.printing.sample import sample_rows
    import reportlab.pdfgen.canvas  # noqa: F401  (counted in the baseline, as in the program)

    register_fonts()
    base = _rss_mb()
    header = BookHeader(parent_org="Ủy ban nhân dân tỉnh Thừa Thiên Huế",
                        org_name="Văn phòng Ủy ban nhân dân tỉnh", year=2026, number_from=1,
                        number_to=n, volume=1, place="Huế")
    t0 = time.perf_counter()
    # rows come from a generator, as print_service streams them from the database
    result = build_book(INCOMING, header, sample_rows(INCOMING, n, void_every=250), out,
                        total_rows=n)
    elapsed = time.perf_counter() - t0
    peak = _rss_mb()
    print(json.dumps({"n": n, "seconds": elapsed, "pages": result.pages, "peak_mb": peak,
                      "base_mb": base, "bytes": out.stat().st_size}))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,16500,40000")
    ap.add_argument("--keep", type=Path, help="keep the PDFs in this folder")
    ap.add_argument("--child", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.child, args.out)
        return 0

    folder = args.keep or Path(tempfile.mkdtemp(prefix="vanthu-print-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    figures = {}
    print(f"{'entries':>8} {'time s':>8} {'pages':>6} {'peak MB':>8} {'after imports MB':>17} "
          f"{'PDF MB':>7}")
    for n in (int(x) for x in args.sizes.split(",")):
        out = folder / f"incoming-{n}.pdf"
        proc = subprocess.run([sys.executable, __file__, "--child", str(n), "--out", str(out)],
                              capture_output=True, text=True, check=True)
        f = json.loads(proc.stdout.strip().splitlines()[-1])
        figures[n] = f
        print(f"{n:>8} {f['seconds']:>8.2f} {f['pages']:>6} {f['peak_mb']:>8.1f} "
              f"{f['peak_mb'] - f['base_mb']:>17.1f} {f['bytes'] / 2**20:>7.1f}")
        if not args.keep:
            out.unlink()
    ok = True
    if 16500 in figures:
        f = figures[16500]
        good = f["seconds"] <= GOAL_TIME and f["peak_mb"] <= GOAL_MB
        ok &= good
        print(f"16,500 entries: {f['seconds']:.2f} s (goal ≤ {GOAL_TIME:.0f} s), peak "
              f"{f['peak_mb']:.1f} MB (goal ≤ {GOAL_MB:.0f} MB): {'OK' if good else 'MISSED'}")
    if 16500 in figures and 40000 in figures:
        ratio = figures[40000]["seconds"] / figures[16500]["seconds"]
        good = ratio <= GOAL_RATIO
        ok &= good
        print(f"40,000 / 16,500 time ratio: {ratio:.2f} (goal ≤ {GOAL_RATIO}; rows ratio 2.42): "
              f"{'OK' if good else 'MISSED'}")
    if not args.keep:
        folder.rmdir()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
