"""Draws an A4 page with a Vietnamese official-document header, the way NĐ 30 / HD 36 lay it out."""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import lru_cache

from PIL import Image, ImageChops, ImageDraw, ImageFont

FONT_DIR = "/usr/share/fonts/truetype/liberation2/LiberationSerif-"
INK = (20, 20, 20)
RED = (205, 32, 40)
STAMP_BLUE = (60, 50, 150)


@lru_cache(maxsize=None)
def font(style: str, pt: float, dpi: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(f"{FONT_DIR}{style}.ttf", round(pt * dpi / 72))


@dataclass
class Doc:
    regime: str                      # "party" | "state"
    parent: str
    issuer_lines: list[str]
    number_line: str                 # as printed, e.g. "Số: 123/QĐ-UBND"; "" = handwritten
    symbol_tail: str                 # printed part after a handwritten number, e.g. "/QĐ-UBND"
    date_line: str
    type_line: str                   # "" for công văn
    summary_lines: list[str]
    vv_lines: list[str]
    secrecy: str
    urgency: str
    body: list[str]
    sign: tuple[str, str]
    signer: str
    den_stamp: dict | None = None
    extra_pages: int = 0
    seed: int = 0
    wobble: list[float] = field(default_factory=list)


def _center(d: ImageDraw.ImageDraw, cx: float, y: float, text: str, f, fill=INK) -> tuple[float, float]:
    w = d.textlength(text, font=f)
    d.text((cx - w / 2, y), text, font=f, fill=fill)
    return cx - w / 2, w


def _wrap(d, text: str, f, width: float) -> list[str]:
    lines, cur = [], ""
    for word in text.split():
        cand = f"{cur} {word}".strip()
        if d.textlength(cand, font=f) <= width or not cur:
            cur = cand
        else:
            lines.append(cur)
            cur = word
    return lines + [cur] if cur else lines


def _scribble(d, x: float, y: float, h: float, rng, n: int) -> float:
    """Hand-written digits: loops and hooks in ballpoint blue that no font reproduces."""
    for _ in range(n):
        pts = []
        for k in range(14):
            t = k / 13 * 2 * math.pi * rng.uniform(0.8, 1.3)
            pts.append((x + h * 0.28 * (1 + math.sin(t + rng.random())) + rng.uniform(-3, 3),
                        y + h * (0.5 - 0.45 * math.cos(t * rng.uniform(0.5, 1.0))) + rng.uniform(-4, 4)))
        d.line(pts, fill=(25, 35, 140), width=max(3, int(h / 16)), joint="curve")
        x += h * 0.62
    return x


def _stamp(d, cx: float, y: float, text: str, dpi: int) -> float:
    f = font("Bold", 14, dpi)
    w = d.textlength(text, font=f)
    pad = 0.12 * f.size
    x0, x1 = cx - w / 2 - 3 * pad, cx + w / 2 + 3 * pad
    d.rectangle((x0, y, x1, y + f.size * 1.45), outline=RED, width=max(3, dpi // 90))
    d.text((cx - w / 2, y + f.size * 0.18), text, font=f, fill=RED)
    return y + f.size * 1.45


def _den_stamp(d, x: float, y: float, st: dict, dpi: int, rng) -> None:
    f, fb, s = font("Regular", 10, dpi), font("Bold", 16, dpi), dpi / 300
    w, h = 50 / 25.4 * dpi, 35 / 25.4 * dpi
    d.rectangle((x, y, x + w, y + h), outline=STAMP_BLUE, width=max(3, dpi // 100))
    d.text((x + 18 * s, y + 12 * s), st["org"], font=f, fill=STAMP_BLUE)
    d.text((x + 25 * s, y + 95 * s), "ĐẾN", font=fb, fill=STAMP_BLUE)
    d.line((x + 170 * s, y + 60 * s, x + 170 * s, y + 200 * s), fill=STAMP_BLUE, width=3)
    d.text((x + 190 * s, y + 70 * s), "Số: ", font=f, fill=STAMP_BLUE)
    hw = font("Italic", 13, dpi)
    d.text((x + 270 * s, y + 60 * s), st["number"], font=hw, fill=(30, 40, 160))
    d.text((x + 190 * s, y + 140 * s), "Ngày: ", font=f, fill=STAMP_BLUE)
    d.text((x + 290 * s, y + 130 * s), st["date"], font=hw, fill=(30, 40, 160))
    d.text((x + 18 * s, y + 215 * s), "Chuyển: " + st["to"], font=f, fill=STAMP_BLUE)
    d.text((x + 18 * s, y + 290 * s), "Số và ký hiệu HS: ", font=f, fill=STAMP_BLUE)


def render(doc: Doc, dpi: int, rng) -> list[Image.Image]:
    mm = dpi / 25.4
    W, H = round(210 * mm), round(297 * mm)
    left, right, top = 30 * mm, W - 15 * mm, 20 * mm
    split = left + (right - left) * 0.41
    lcx, rcx = (left + split) / 2, (split + right) / 2
    img = Image.new("RGB", (W, H), "white")
    d = ImageDraw.Draw(img)
    reg, bold, ital = (font(s, 13, dpi) for s in ("Regular", "Bold", "Italic"))
    lh = reg.size * 1.25

    # Left column: parent, issuer, short rule or star, Số, V/v, stamps
    y = top
    if doc.parent:
        _center(d, lcx, y, doc.parent, font("Regular", 12.5, dpi))
        y += lh
    for line in doc.issuer_lines:
        x0, w = _center(d, lcx, y, line, font("Bold", 12.5, dpi))
        y += lh
    if doc.regime == "party":
        _center(d, lcx, y, "*", font("Regular", 13, dpi))
        y += lh * 0.9
    else:
        rw = w * rng.uniform(0.35, 0.5)
        d.line((lcx - rw / 2, y + 2, lcx + rw / 2, y + 2), fill=INK, width=max(2, dpi // 120))
        y += lh * 0.55
    y_num = y
    if doc.number_line:
        _center(d, lcx, y, doc.number_line, reg)
    else:  # handwritten number in a gap left for it
        head = "Số " if doc.regime == "party" else "Số: "
        wt = d.textlength(head + "          " + doc.symbol_tail, font=reg)
        x = lcx - wt / 2
        d.text((x, y), head, font=reg, fill=INK)
        xs = x + d.textlength(head, font=reg)
        _scribble(d, xs + 10, y - 6, reg.size, rng, rng.randint(2, 3))
        d.text((xs + d.textlength("          ", font=reg), y), doc.symbol_tail, font=reg, fill=INK)
    y += lh
    vfont = font("Italic", 12, dpi) if doc.regime == "party" else font("Regular", 12.5, dpi)
    for line in doc.vv_lines:
        _center(d, lcx, y, line, vfont)
        y += lh * 0.95
    y += lh * 0.3
    for stamp in (doc.secrecy, doc.urgency):
        if stamp:
            y = _stamp(d, lcx, y, stamp.upper(), dpi) + lh * 0.3

    # Right column: national title, motto + rule (State) / Party title + rule, date
    ry = top
    if doc.regime == "party":
        f = font("Bold", 14.5, dpi)
        x0, w = _center(d, rcx, ry, "ĐẢNG CỘNG SẢN VIỆT NAM", f)
        d.line((x0, ry + f.size * 1.2, x0 + w, ry + f.size * 1.2), fill=INK, width=max(2, dpi // 120))
        _center(d, rcx + 40 * mm / 10, max(y_num - lh * rng.choice([0, 0, 1]), ry + 2.2 * lh), doc.date_line, ital)
    else:
        _center(d, rcx, ry, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", font("Bold", 12, dpi))
        ry += lh
        x0, w = _center(d, rcx, ry, "Độc lập - Tự do - Hạnh phúc", font("Bold", 13, dpi))
        d.line((x0, ry + lh * 1.02, x0 + w, ry + lh * 1.02), fill=INK, width=max(2, dpi // 120))
        # Same line as Số, but never above the motto's rule (one-line issuers sit high).
        _center(d, rcx, max(y_num, ry + lh * 1.45), doc.date_line, ital)

    # Title block, centred under the header
    y = max(y, y_num + 2 * lh) + lh * 0.6
    cx = (left + right) / 2
    if doc.type_line:
        _center(d, cx, y, doc.type_line, font("Bold", 14, dpi))
        y += lh * 1.1
        for line in doc.summary_lines:
            _center(d, cx, y, line, font("Bold", 14, dpi))
            y += lh * 1.05
        d.line((cx - 0.08 * W, y + 8, cx + 0.08 * W, y + 8), fill=INK, width=max(2, dpi // 120))
        y += lh * 0.8
    else:
        _center(d, cx, y, "Kính gửi: Các sở, ban, ngành tỉnh", reg)
        y += lh * 1.6
    stamp_at = None
    if doc.den_stamp:
        st = doc.den_stamp
        sx, sy = (left + rng.uniform(0, 200), max(y, H * 0.35)) if st["where"] == "body" else (left - 20 * mm * 0.8, 4 * mm)
        if st["where"] == "body":
            y = sy + 35 * mm + lh
        stamp_at = (sx, sy, st)

    def body_page(d, y, paras):
        for p in paras:
            for i, line in enumerate(_wrap(d, p, reg, right - left - 12 * mm)):
                d.text((left + (12 * mm if i == 0 else 0), y), line, font=reg, fill=INK)
                y += lh * 1.15
            y += lh * 0.4
            if y > H - 90 * mm:
                break
        return y

    y = body_page(d, y, doc.body)
    if stamp_at:
        # Stamped last, in ink that darkens what is under it, as a stamp on printed paper does:
        # where it crosses the print, the print stays black.
        layer = Image.new("RGB", img.size, "white")
        _den_stamp(ImageDraw.Draw(layer), *stamp_at, dpi, rng)
        img = ImageChops.multiply(img, layer)
    pages = [img]
    for k in range(doc.extra_pages):
        p2 = Image.new("RGB", (W, H), "white")
        d2 = ImageDraw.Draw(p2)
        _center(d2, W / 2, 10 * mm, str(k + 2), reg)
        body_page(d2, top + lh, list(reversed(doc.body)))
        pages.append(p2)
    # Signature and Nơi nhận on the last page
    last = pages[-1]
    d = ImageDraw.Draw(last)
    sy = H - 85 * mm
    d.text((left, sy), "Nơi nhận:", font=font("BoldItalic", 12, dpi), fill=INK)
    for i, r in enumerate(["- Như trên;", "- Lưu: VT."]):
        d.text((left, sy + lh * (1 + i)), r, font=font("Regular", 11, dpi), fill=INK)
    scx = left + (right - left) * 0.72
    for i, s in enumerate(x for x in doc.sign if x):
        _center(d, scx, sy + lh * i, s, font("Bold", 13, dpi))
    _center(d, scx, sy + lh * 5, doc.signer, font("Bold", 13, dpi))
    r = 17 * mm
    d.ellipse((scx - 1.7 * r, sy + lh * 1.5, scx - 1.7 * r + 2 * r, sy + lh * 1.5 + 2 * r),
              outline=RED, width=max(4, dpi // 60))
    return pages
