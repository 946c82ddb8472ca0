"""The real set as small pictures (issue 11: screenshots and phone pictures 600-800 pixels
wide read every field empty): each document's first page scaled to WIDTH pixels and saved
as a JPEG of quality 70, then scored as benchmarks/ocr_real.py scores the originals.

Usage: .venv/bin/python benchmarks/ocr_small.py [--width 800] [--photo] [--misses]
`--photo` makes each page look photographed rather than scanned first: lit from one side
(the paper's brightness falling from 100 % to 55 % across it, 80 % down it), turned 4 degrees
on a dark desk, a little out of focus (Gaussian blur, radius 1.2).
A whole A4 page 800 pixels wide is about 95 dpi, far below a scan's 200-300: the figures
show what is lost, and that what is marked confident stays right.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from PIL import Image, ImageFilter  # noqa: E402

import ocr_real  # noqa: E402
from app.intake.ocr import load  # noqa: E402


def photographed(page: Image.Image) -> Image.Image:
    import numpy as np

    pixels = np.asarray(page, dtype=np.float32)
    h, w = pixels.shape[:2]
    light = np.linspace(0.55, 1.0, w)[None, :, None] * np.linspace(0.8, 1.0, h)[:, None, None]
    lit = Image.fromarray((pixels * light).clip(0, 255).astype(np.uint8))
    return lit.rotate(4, expand=True, fillcolor=(60, 50, 40)).filter(ImageFilter.GaussianBlur(1.2))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--width", type=int, default=800)
    ap.add_argument("--photo", action="store_true")
    ap.add_argument("--misses", action="store_true")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="ocr-small-") as tmp:
        run(Path(tmp), args)


def run(folder: Path, args) -> None:
    items = []
    for t in ocr_real.truths():
        page = next(load.iter_pages(ocr_real.REAL / t["file"])).convert("RGB")
        page = photographed(page) if args.photo else page
        small = page.resize((args.width, round(page.height * args.width / page.width)))
        name = f"{Path(t['file']).stem}.jpg"
        small.save(folder / name, quality=70)
        items.append({**t, "file": name})
    rows, misses, _ = ocr_real.read_set(items, folder)
    ocr_real.report(rows, f"real set as {args.width}-pixel JPEGs{' photographed' if args.photo else ''}", None)
    if args.misses:
        print("misses:\n" + "\n".join(misses))


if __name__ == "__main__":
    main()
