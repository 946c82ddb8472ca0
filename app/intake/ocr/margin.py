"""An urgency stamp set sideways in the left margin (the arrow-shaped HỎA TỐC stamp, pressed at
an angle of 20-80 degrees beside the header or over the first lines of the body). Tesseract's
page pass reads only horizontal lines, so the stamp is found by its frame: one large piece of
connected ink in the margin, as tall as it is wide and slanted (a line of print is many small
pieces, a rule is flat, a receiving stamp's frame is level). The frame's long axis gives the
angle; the frame is painted out, the inside turned upright and read as one line. Only pages
with such a frame pay for a Tesseract run (about a tenth of a second on a small crop)."""
from __future__ import annotations

import math

from PIL import Image, ImageFilter

from app.intake.ocr import engine, fields as F, pen
from app.intake.ocr.lines import build_lines

BAND = (0.0, 0.12, 0.22, 0.6)  # left, top, right, bottom: shares of the page
MIN_SIDE = 0.035  # the frame's box at least this share of the page's width on each side
SLANT = (20.0, 80.0)  # degrees from the horizontal: a level frame is read by the page pass
STAMP_CONF = 0.7  # read from a turned crop: shown, marked for checking


def _axis(pixels) -> float:
    """The angle of the long axis of a piece of ink (degrees, image y downward)."""
    n = len(pixels)
    mx = sum(p[0] for p in pixels) / n
    my = sum(p[1] for p in pixels) / n
    sxx = sum((p[0] - mx) ** 2 for p in pixels) / n
    syy = sum((p[1] - my) ** 2 for p in pixels) / n
    sxy = sum((p[0] - mx) * (p[1] - my) for p in pixels) / n
    return math.degrees(0.5 * math.atan2(2 * sxy, sxx - syy))


def frame(gray) -> tuple[list, tuple[int, int, int, int], float] | None:
    """The slanted frame in the margin band at half size: (its pixels, its box, both in the
    half-size band's pixels, and the angle), or None."""
    w, h = gray.size
    box = (round(w * BAND[0]), round(h * BAND[1]), round(w * BAND[2]), round(h * BAND[3]))
    small = gray.crop(box).reduce(2)
    ink = small.point(lambda v: 0 if v < 160 else 255)
    side = MIN_SIDE * w / 2
    best = None
    for pixels, (a, b, c, d) in pen.strokes(ink):
        if c - a < side or d - b < side or len(pixels) < 100:
            continue
        if best is None or len(pixels) > len(best[0]):
            best = (pixels, (a, b, c, d))
    if best is None:
        return None
    angle = _axis(best[0])
    if not SLANT[0] <= abs(angle) <= SLANT[1]:
        return None
    return best[0], best[1], angle


def urgency(gray, dpi: int):
    """(value, confidence) of a slanted urgency stamp in the left margin, or None."""
    found = frame(gray)
    if found is None:
        return None
    pixels, (a, b, c, d), angle = found
    w, h = gray.size
    x0, y0 = round(w * BAND[0]) + 2 * a, round(h * BAND[1]) + 2 * b
    crop = gray.crop((x0, y0, x0 + 2 * (c - a), y0 + 2 * (d - b)))
    mask = Image.new("L", (c - a, d - b), 0)
    for x, y in pixels:
        mask.putpixel((x - a, y - b), 255)
    mask = mask.resize(crop.size)
    turned = crop.rotate(angle, expand=True, fillcolor=255, resample=Image.Resampling.BILINEAR)
    mask = mask.rotate(angle, expand=True, fillcolor=0)
    fx0, fy0, fx1, fy1 = mask.getbbox() or (0, 0, turned.width, turned.height)
    # The frame painted out (a little wider than drawn): its strokes beside the letters are
    # read as letters otherwise.
    turned.paste(255, mask=mask.reduce(2).filter(ImageFilter.MaxFilter(3)).resize(turned.size))
    fw, fh = fx1 - fx0, fy1 - fy0
    inside = turned.crop((fx0 + fw * 8 // 100, fy0 + fh * 12 // 100, fx1 - fw * 8 // 100, fy1 - fh * 12 // 100))
    out = engine.run(inside, ("tsv",), psm=7, dpi=dpi)
    for line in build_lines(engine.words_from_tsv(out["tsv"]), inside.width):
        hit = F.stamp_word(line.folded, F.URGENCY)
        if hit:
            return hit[0], min(STAMP_CONF, line.conf, hit[1])
    return None
