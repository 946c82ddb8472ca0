"""Generates the labelled OCR evaluation set: scan-like pages of Vietnamese official documents.

Deterministic: the same seed gives the same files and labels.json, so figures can be compared
between runs.  Usage: python benchmarks/ocr_set/make_set.py [OUT_DIR] [--n 64] [--seed 7]
"""
from __future__ import annotations

import argparse
import io
import json
import random
import sys
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageOps

sys.path.insert(0, str(Path(__file__).resolve().parent))
import data  # noqa: E402
from render import Doc, render  # noqa: E402

OUT = Path(__file__).resolve().parent / "out"
SECRECY = ["Mật", "Tối mật", "Tuyệt mật"]
URGENCY = ["Khẩn", "Thượng khẩn", "Hỏa tốc"]


def _date(rng, year: int) -> tuple[int, int, int]:
    return rng.randint(1, 28), rng.randint(1, 12), year


def _fill(s: str, ctx: dict) -> str:
    for k, v in ctx.items():
        s = s.replace("{" + k + "}", v)
    return s


def make_doc(i: int, rng: random.Random) -> tuple[Doc, dict]:
    prov = rng.choice(data.PROVINCES)
    year = rng.randint(2019, 2026)
    ctx = {"P": prov.upper(), "X": rng.choice(data.COMMUNES).upper(), "Y": str(year), "Y1": str(year - 1)}
    party = rng.random() < 0.38
    legal = not party and rng.random() < 0.1
    if legal:
        tname, abbr, (parent, iss), org, summ = rng.choice(data.LEGAL)
        summary = summ
    else:
        parent, iss, org = rng.choice(data.PARTY_ISSUERS if party else data.STATE_ISSUERS)
        tname, abbr = rng.choice([t for t in data.TYPES if not (t[0] == "Kết luận" and not party)])
        summary = _fill(rng.choice(data.SUMMARIES), ctx)
    parent, iss = _fill(parent, ctx), _fill(iss, ctx)
    issuer_lines = iss.split("|")
    n = rng.choice([rng.randint(1, 99), rng.randint(100, 999), rng.randint(1000, 4999)])
    if party:
        symbol = f"{n}-{abbr or 'CV'}/{org}"
    elif legal:
        symbol = f"{n}/{year}/{abbr}-{org}"
    elif abbr:
        symbol = f"{n}/{abbr}-{org}"
    else:
        symbol = f"{n}/{org}-{rng.choice(['VP', 'TCCB', 'KHTC', 'VX', 'NC', 'KT'])}"
    handwritten = not legal and rng.random() < 0.1
    colon = not party or rng.random() < 0.3
    number_line = "" if handwritten else f"Số{':' if colon else ''} {symbol}"
    tail = symbol[len(str(n)):]
    dd, mm, yy = _date(rng, year)
    central = parent in ("BAN CHẤP HÀNH TRUNG ƯƠNG",) or iss in ("CHÍNH PHỦ", "BỘ TÀI CHÍNH", "BỘ NỘI VỤ") \
        or parent == "BỘ NỘI VỤ"
    place = "Hà Nội" if central else prov
    ds = f"{dd:02d}" if dd < 10 else str(dd)
    ms = f"{mm:02d}" if mm < 3 else str(mm)
    date_line = f"{place}, ngày {ds} tháng {ms} năm {yy}"
    cong_van = tname == "Công văn"
    if cong_van:  # a V/v line never repeats "về việc"
        summary = summary.removeprefix("Về việc ")
        summary = summary[0].upper() + summary[1:]
    vv = f"V/v {summary[0].lower()}{summary[1:]}" if cong_van else ""
    vv_lines = _split(vv, 40) if vv else []
    summary_lines = [] if cong_van else _split(summary, 58)
    secrecy = rng.choice(SECRECY) if rng.random() < 0.22 else ""
    urgency = rng.choice(URGENCY) if rng.random() < 0.28 else ""
    nums = {f"N{k}": str(rng.randint(2, 2999)) for k in range(2, 8)}
    dates = {f"D{k}": f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{year - 1}" for k in range(2, 6)}
    body = [_fill(p, {**ctx, **nums, **dates}) for p in rng.sample(data.BODY, 5)]
    den = None
    if rng.random() < 0.3:
        den = {"org": f"SỞ NỘI VỤ TỈNH {prov.upper()}"[:34], "number": str(rng.randint(100, 9999)),
               "date": f"{rng.randint(1, 28)}/{rng.randint(1, 12)}/{year}", "to": "PGĐ Hùng",
               "where": rng.choice(["top", "body"])}
    doc = Doc("party" if party else "state", parent, issuer_lines, number_line, tail, date_line,
              "" if cong_van else tname.upper(), summary_lines, vv_lines, secrecy, urgency, body,
              rng.choice(data.SIGN_PARTY if party else data.SIGN_STATE), rng.choice(data.PEOPLE),
              den, extra_pages=1 if rng.random() < 0.15 else 0, seed=i)
    joined = " ".join(issuer_lines)
    label = {
        "regime": doc.regime,
        "issuer": f"{parent} - {joined}" if parent else joined,
        "number_symbol": "" if handwritten else symbol,
        "date": f"{yy:04d}-{mm:02d}-{dd:02d}",
        "place": place,
        "doc_type": tname,
        "summary": vv if cong_van else summary,  # a công văn's trích yếu is registered with its V/v
        "secrecy": secrecy,
        "urgency": urgency,
        "pages": 1 + doc.extra_pages,
    }
    return doc, label


def _split(text: str, width: int) -> list[str]:
    lines, cur = [], ""
    for w in text.split():
        if len(cur) + len(w) + 1 > width and cur:
            lines.append(cur)
            cur = w
        else:
            cur = f"{cur} {w}".strip()
    return lines + [cur]


def degrade(img: Image.Image, rng: random.Random, spec: dict) -> Image.Image:
    if spec.get("skew"):
        img = img.rotate(spec["skew"], resample=Image.BICUBIC, fillcolor="white", expand=False)
    if spec.get("photocopy"):
        g = ImageOps.autocontrast(img.convert("L"), cutoff=2)
        g = g.point(lambda v: 0 if v < spec["photocopy"] else 255)
        d = ImageDraw.Draw(g)
        for _ in range(rng.randint(800, 3000)):  # toner specks and dust
            x, y, r = rng.uniform(0, g.width), rng.uniform(0, g.height), rng.choice([1, 1, 2, 3])
            d.ellipse((x, y, x + r, y + r), fill=0)
        img = g.convert("RGB")
    if spec.get("blur"):
        img = img.filter(ImageFilter.GaussianBlur(spec["blur"]))
    if spec.get("noise"):
        noise = Image.effect_noise(img.size, spec["noise"]).convert("RGB")
        img = Image.blend(img, noise, 0.18)
        img = ImageOps.autocontrast(img, cutoff=0.5)
    if spec.get("rot"):
        img = img.rotate(spec["rot"], expand=True)
    return img


def make(out: Path = OUT, n: int = 64, seed: int = 7) -> list[dict]:
    out.mkdir(parents=True, exist_ok=True)
    labels = []
    for i in range(n):
        rng = random.Random(seed * 100003 + i)
        doc, label = make_doc(i, rng)
        dpi = 200 if rng.random() < 0.2 else 300
        spec = {
            "skew": rng.uniform(-3, 3) if rng.random() < 0.45 else 0,
            "rot": rng.choice([90, 180, 270]) if rng.random() < 0.1 else 0,
            "blur": rng.uniform(0.6, 1.2) if rng.random() < 0.2 else 0,
            "noise": rng.uniform(25, 60) if rng.random() < 0.25 else 0,
            "photocopy": rng.randint(120, 170) if rng.random() < 0.15 else 0,
        }
        pages = [degrade(p, rng, spec) for p in render(doc, dpi, rng)]
        kind = rng.random()
        if len(pages) > 1:
            fmt = "tif" if kind < 0.3 else "pdf"
        else:
            fmt = "jpg" if kind < 0.35 else ("pdf" if kind < 0.5 else ("photo" if kind < 0.56 else "png"))
        name = f"{i:03d}_{doc.regime}.{ 'jpg' if fmt == 'photo' else fmt}"
        path = out / name
        if fmt == "jpg":
            pages[0].save(path, quality=rng.randint(35, 80), dpi=(dpi, dpi))
        elif fmt == "photo":  # phone photo: pixels stored sideways, EXIF says how to turn them
            exif = Image.Exif()
            exif[0x0112] = 6
            pages[0].transpose(Image.Transpose.ROTATE_90).save(path, quality=85, exif=exif)
        elif fmt == "pdf":
            pages[0].save(path, save_all=True, append_images=pages[1:], resolution=dpi)
        elif fmt == "tif":
            pages = [p.convert("L") for p in pages]
            pages[0].save(path, save_all=True, append_images=pages[1:], compression="tiff_lzw", dpi=(dpi, dpi))
        else:
            pages[0].convert("L").save(path, dpi=(dpi, dpi))
        labels.append({"file": name, "dpi": dpi, **{k: v for k, v in spec.items() if v},
                       "den_stamp": bool(doc.den_stamp), "handwritten": not doc.number_line, **label})
    (out / "labels.json").write_text(json.dumps(labels, ensure_ascii=False, indent=1), encoding="utf-8")
    return labels


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("out", nargs="?", default=str(OUT))
    ap.add_argument("--n", type=int, default=64)
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    labels = make(Path(a.out), a.n, a.seed)
    print(f"{len(labels)} documents, {sum(x['pages'] for x in labels)} pages -> {a.out}")
