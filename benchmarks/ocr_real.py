"""OCR figures on the real documents of ../shared/ocr-real-dev/ (issue 11).

Usage: .venv/bin/python benchmarks/ocr_real.py [--only d001,d007] [--half odd|even] [--save F]
Reads the header of every document and prints, per field, exact accuracy and the precision of
the fields marked confident, the mean over the seven fields, the share of documents with all
seven right, and header time after loading (p50, p95) for scanned and born-digital pages apart,
with a floor measured in the same run: bare tesseract on every third scanned first page.
Scoring (issue 11, item 7): exact after NFC and whitespace normalisation; dates yyyy-mm-dd; the
number without "Số:" and spaces; an answer in the document's `alt` counts; an issuer written
with its superior body in front ("UBND TỈNH X - SỞ Y") counts too.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ["OMP_THREAD_LIMIT"] = "1"

from app.intake.ocr import CONFIDENT, OcrError, load, read_header  # noqa: E402

REAL = ROOT.parent / "shared" / "ocr-real-dev"
FIELDS = ("issuer", "number_symbol", "date", "doc_type", "summary", "secrecy", "urgency")
TRUTH_KEY = {"issuer": "org"}
FLOOR_EVERY = 3  # every third scanned page is also read bare, for the floor


def norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text or "").split())


def _number(text: str) -> str:
    return re.sub(r"\s+", "", re.sub(r"^\s*Số\s*[:.]?", "", norm(text)))


def answers(truth: dict, field: str) -> set[str]:
    key = TRUTH_KEY.get(field, field)
    values = [truth.get(key, "")] + list(truth.get("alt", {}).get(key, []))
    parents = [truth.get("org_parent", "")] + list(truth.get("alt", {}).get("org_parent", []))
    if field == "issuer" and parents[0]:
        values += [f"{p} - {v}" for p in parents for v in values]
    if field == "number_symbol":
        return {_number(v) for v in values}
    return {norm(v) for v in values}


def is_right(truth: dict, field: str, value: str) -> bool:
    got = _number(value) if field == "number_symbol" else norm(value)
    return got in answers(truth, field)


def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))] if values else 0.0


def report(rows: list[dict], title: str, whole: tuple[float, float, int] | None = None) -> None:
    """rows: {"file", "kind", "fields": {f: (value, confidence)}, "truth", "seconds"};
    `whole`: (whole intake seconds, bare tesseract seconds, pages) when measured."""
    n = len(rows)
    if not n:
        return
    print(f"\n{title}: {n} documents, confidence threshold {CONFIDENT}")
    print(f"  {'field':14s} {'exact':>7s} {'confident':>10s} {'conf. right':>12s}")
    total_right = confident = confident_wrong = 0
    for f in FIELDS:
        right = [is_right(r["truth"], f, r["fields"][f][0]) for r in rows]
        conf = [ok for r, ok in zip(rows, right) if r["fields"][f][1] >= CONFIDENT]
        total_right += sum(right)
        confident += len(conf)
        confident_wrong += len(conf) - sum(conf)
        prec = f"{sum(conf) / len(conf):.1%}" if conf else "—"
        print(f"  {f:14s} {sum(right) / n:7.1%} {len(conf):10d} {prec:>12s}")
    all7 = sum(all(is_right(r["truth"], f, r["fields"][f][0]) for f in FIELDS) for r in rows)
    print(f"  overall (mean of 7) {total_right / (7 * n):.1%}; all seven right {all7 / n:.1%}")
    print(f"  confident fields {confident}, wrong {confident_wrong} "
          f"({confident_wrong / max(1, confident):.1%}; confident-field precision "
          f"{1 - confident_wrong / max(1, confident):.1%}, goal ≥ 99 %)")
    for kind in ("scan", "digital"):
        times = [r["seconds"] for r in rows if r["kind"] == kind]
        if times:
            goal = 0.6 if kind == "scan" else 0.15
            print(f"  header after loading, {kind}: p50 {pct(times, 50):.2f} s, p95 {pct(times, 95):.2f} s"
                  f" ({len(times)} pages; goal p95 ≤ {goal} s)")
            if kind == "digital":
                alone = [max(0.0, r["seconds"] - r.get("signatures_s", 0.0)) for r in rows if r["kind"] == kind]
                print(f"    of which the fields from the text layer: p50 {pct(alone, 50):.2f} s, "
                      f"p95 {pct(alone, 95):.2f} s (the rest is checking the digital signatures)")
    floors = [r["floor_s"] for r in rows if r.get("floor_s")]
    scans = [r["seconds"] for r in rows if r["kind"] == "scan"]
    if floors and scans:
        # Shared machines run ±20 % apart from hour to hour (platform.md); the same code's p95
        # moves with them. Against a bare run of the same pages measured beside it, the figure
        # holds better from one run of a set to the next (not across sets: a bare run's time
        # depends on how much text a page holds).
        floor, p95 = pct(floors, 50), pct(scans, 95)
        print(f"  floor: bare tesseract on a scanned first page as loaded (PDFs at 300 dpi) p50 {floor:.2f} s ({len(floors)} pages, "
              f"same run); scan header p95 = {p95 / floor:.2f} × floor")
    if whole and whole[1]:
        intake, bare, pages = whole
        print(f"  whole intake {intake / pages:.2f} s/page; bare tesseract {bare / pages:.2f} s/page; "
              f"ratio {intake / bare:.2f} (goal ≤ 1.15)")


def read_one(path: Path):
    t0 = time.perf_counter()
    next(load.iter_pages(path))
    loaded = time.perf_counter() - t0
    t0 = time.perf_counter()
    h = read_header(path)
    spent = time.perf_counter() - t0
    kind = "digital" if getattr(h, "source", "ocr") == "text" else "scan"
    # A born-digital page is not rendered at all: its time is the whole read. Its digital
    # signatures' check (pyHanko, every signature's hash over the file) is timed apart too.
    if kind == "digital":
        from app.intake import signatures

        t0 = time.perf_counter()
        signatures.read(path, ())
        return h, kind, spent, time.perf_counter() - t0
    return h, kind, max(0.0, spent - loaded), 0.0


def truths(only: str = "", half: str | None = None) -> list[dict]:
    out = [json.loads(x) for x in (REAL / "truth.jsonl").read_text(encoding="utf-8").splitlines() if x.strip()]
    if only:
        wanted = set(only.split(","))
        out = [t for t in out if Path(t["file"]).stem in wanted]
    if half:
        out = [t for i, t in enumerate(out) if i % 2 == (half == "odd")]
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--only", default="")
    ap.add_argument("--half", choices=("odd", "even"))
    ap.add_argument("--save", default="")
    ap.add_argument("--misses", action="store_true")
    ap.add_argument("--whole", action="store_true", help="also time the whole intake against bare tesseract")
    args = ap.parse_args()
    rows, misses, whole = read_set(truths(args.only, args.half), REAL, args.whole)
    report(rows, "real set (shared/ocr-real-dev)", whole)
    report([r for i, r in enumerate(rows) if i % 2 == 0], "  first half (even positions)")
    report([r for i, r in enumerate(rows) if i % 2 == 1], "  second half (odd positions)")
    if args.misses:
        print("misses:\n" + "\n".join(misses))
    if args.save:
        Path(args.save).write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")


def read_set(items: list[dict], folder: Path, whole: bool = False):
    """Reads every document of `items` (truth records with "file"); returns (rows, misses,
    (whole intake s, bare tesseract s, pages) or None)."""
    import tempfile

    from app.intake.ocr import read_full

    # pyHanko's first import costs about half a second, once per run of the program, not per page.
    import pyhanko.sign.validation  # noqa: F401
    import pyhanko.pdf_utils.reader  # noqa: F401

    rows, misses, intake_s, bare_s, pages, scanned = [], [], 0.0, 0.0, 0, 0
    tmp = Path(tempfile.mkdtemp())
    for t in items:
        try:
            h, kind, spent, signing = read_one(folder / t["file"])
            got = {f: (getattr(h, f).value, getattr(h, f).confidence) for f in FIELDS}
        except OcrError as exc:  # counted as read wrong, every field empty
            print(f"{t['file']}: {exc.message}")
            h, kind, spent, signing, got = None, "scan", 0.0, 0.0, {f: ("", 0.0) for f in FIELDS}
        rows.append({"file": t["file"], "kind": kind, "fields": got, "truth": t, "seconds": spent,
                     "signatures_s": signing})
        if kind == "scan" and h is not None:
            scanned += 1
            if scanned % FLOOR_EVERY == 1:
                rows[-1]["floor_s"] = bare(folder / t["file"], tmp, first_only=True)
        for f in FIELDS:
            if not is_right(t, f, got[f][0]):
                misses.append(f"  {Path(t['file']).stem} {f}: {got[f][0]!r} ({got[f][1]:.2f})"
                              f" ≠ {t[TRUTH_KEY.get(f, f)]!r}")
        if whole and h is not None:
            t0 = time.perf_counter()
            h2 = read_header(folder / t["file"])
            read_full(folder / t["file"], header=h2)
            intake_s += time.perf_counter() - t0
            bare_s += bare(folder / t["file"], tmp)
            pages += h2.pages
        print(f"{Path(t['file']).stem} {kind} {spent:.2f} s", flush=True)
    return rows, misses, ((intake_s, bare_s, pages) if whole else None)


def bare(path: Path, tmp: Path, first_only: bool = False) -> float:
    """Bare Tesseract on the same pages (the first alone with `first_only`); PDFs are first
    rendered to PNG (not timed), since the tesseract command does not read PDF."""
    import subprocess

    inputs = [path]
    if first_only or load.sniff(path) == "pdf" or path.suffix.lower() == ".pdf":
        inputs = []
        for i, page in enumerate(load.iter_pages(path)):
            inputs.append(tmp / f"{path.stem}-{i}.png")
            page.save(inputs[-1])
            if first_only:
                break
    started = time.perf_counter()
    for p in inputs:
        subprocess.run(["tesseract", str(p), "-", "-l", "vie"], capture_output=True, check=False)
    return time.perf_counter() - started


if __name__ == "__main__":
    main()
