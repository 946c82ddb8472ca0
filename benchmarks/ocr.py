"""OCR figures on both evaluation sets (issue 3 item 9, issue 11 item 7).

Usage: .venv/bin/python benchmarks/ocr.py [--set generated|real|both] [--limit N] [--no-whole]
The generated set (benchmarks/ocr_set/make_set.py, made if missing) and the real documents of
../shared/ocr-real-dev/: per set, per-field exact accuracy, the mean over the seven fields, the
share of documents with all seven right, the precision of the fields marked confident per
field, header time after loading (p50, p95; scanned and born-digital pages apart), and the
whole intake (header and full pass) against bare `tesseract FILE - -l vie` in the same run.
Scoring is ocr_real.is_right: NFC and whitespace normalised, dates yyyy-mm-dd, numbers without
"Số:" and spaces, `alt` answers and "SUPERIOR - ISSUER" accepted.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import ocr_real  # noqa: E402

SET = ROOT / "benchmarks" / "ocr_set" / "out"


def generated_items(limit: int) -> list[dict]:
    if not (SET / "labels.json").exists():
        subprocess.run([sys.executable, str(ROOT / "benchmarks/ocr_set/make_set.py")], check=True)
    labels = json.loads((SET / "labels.json").read_text(encoding="utf-8"))
    items = [{**lab, "org": lab["issuer"], "org_parent": "", "alt": {}} for lab in labels]
    return items[:limit] if limit else items


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--set", choices=("generated", "real", "both"), default="both")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--no-whole", action="store_true", help="skip the whole-intake timing")
    ap.add_argument("--misses", action="store_true")
    args = ap.parse_args()
    results = []
    if args.set in ("generated", "both"):
        rows, misses, whole = ocr_real.read_set(generated_items(args.limit), SET, not args.no_whole)
        results.append(("generated set (benchmarks/ocr_set)", rows, misses, whole))
    if args.set in ("real", "both"):
        items = ocr_real.truths()
        items = items[: args.limit] if args.limit else items
        rows, misses, whole = ocr_real.read_set(items, ocr_real.REAL, not args.no_whole)
        results.append(("real set (shared/ocr-real-dev)", rows, misses, whole))
    for title, rows, misses, whole in results:
        ocr_real.report(rows, title, whole)
        if args.misses:
            print("misses:\n" + "\n".join(misses))


if __name__ == "__main__":
    main()
