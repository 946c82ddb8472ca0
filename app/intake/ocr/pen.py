"""The pen strokes of a blank alone. A handwritten figure's blank, cut from the page, holds the
ends of the printed words around it (the comma of "ngày,", the "t" of "tháng", the ":" of
"Số:", the "/" of the symbol) and often the rule under the issuer's name; Tesseract then reads
those as figures or reads nothing. Here the printed words' boxes are painted out, the ink is
parted into connected strokes and specks, rules and punctuation are dropped, and what is left
is cut tight: the figures alone, for a look at a fixed height. Pillow only: the blanks are
small (about 150 by 100 pixels), so a plain flood fill costs a few milliseconds."""
from __future__ import annotations

from PIL import Image, ImageDraw


def otsu(gray: Image.Image) -> int:
    """The gray level parting ink from paper (Otsu's threshold over the histogram)."""
    hist = gray.histogram()[:256]
    total = sum(hist)
    weighted = sum(i * n for i, n in enumerate(hist))
    below = below_sum = 0
    best, level = -1.0, 128
    for t, n in enumerate(hist):
        below += n
        if not below:
            continue
        above = total - below
        if not above:
            break
        below_sum += t * n
        mean_b, mean_a = below_sum / below, (weighted - below_sum) / above
        spread = below * above * (mean_b - mean_a) ** 2
        if spread > best:
            best, level = spread, t
    return level


def strokes(ink: Image.Image) -> list[tuple[list[tuple[int, int]], tuple[int, int, int, int]]]:
    """Connected pieces of ink (8-neighbours) of a picture where ink is 0: (pixels, box)."""
    w, h = ink.size
    data = ink.tobytes()
    seen = bytearray(w * h)
    out = []
    for start in range(w * h):
        if data[start] or seen[start]:
            continue
        seen[start] = 1
        stack, pixels = [start], []
        while stack:
            i = stack.pop()
            pixels.append(i)
            x, y = i % w, i // w
            for nx in (x - 1, x, x + 1):
                if not 0 <= nx < w:
                    continue
                for ny in (y - 1, y, y + 1):
                    j = ny * w + nx
                    if 0 <= ny < h and not seen[j] and not data[j]:
                        seen[j] = 1
                        stack.append(j)
        xs = [i % w for i in pixels]
        ys = [i // w for i in pixels]
        out.append(([(i % w, i // w) for i in pixels], (min(xs), min(ys), max(xs) + 1, max(ys) + 1)))
    return out


EDGE = 8  # pixels: a blank is cut 4 beyond the print on each side (figures._band)


def figures_only(gray: Image.Image, blank: tuple[int, int, int, int], words, height: int) -> Image.Image | None:
    """The blank `blank` of `gray` with only its figures' strokes, cut tight, in gray; None when
    nothing like a figure is there. `words`: the printed words of the row (their boxes in the
    page's pixels); `height`: the printed line's height."""
    x0, y0, x1, _y1 = blank
    crop = gray.crop(blank).convert("L")
    draw = ImageDraw.Draw(crop)
    for w in words:
        # A word mostly outside the blank is print beside it; one inside is what the page pass
        # made of the handwriting itself ("9ŸŸ"), which is kept.
        inside = max(0, min(w.left + w.width, x1) - max(w.left, x0))
        if inside < 0.3 * w.width:
            # A word that begins well inside the blank and runs on past it is the handwriting
            # read run into the print after it ("Ä⁄-/GM-…"): rubbed out from the blank's end only.
            left = w.left if not x0 + EDGE < w.left < x1 - EDGE else x1 - EDGE
            draw.rectangle((left - x0 - 1, w.top - y0 - 1, w.left + w.width - x0 + 1, w.top + w.height - y0 + 1),
                           fill=255)
    if crop.getextrema()[0] > 128:
        return None  # no ink as dark as a pen's
    level = min(otsu(crop), 200)
    ink = crop.point(lambda v: 0 if v <= level else 255)
    kept = []
    for pixels, (a, b, c, d) in strokes(ink):
        wide, tall = c - a, d - b
        if len(pixels) < max(6, height * height // 60):
            continue  # a speck
        if wide > 3 * tall and tall < 0.35 * height:
            continue  # a rule, or a stroke of the frame
        if tall < 0.3 * height and wide < 0.3 * height:
            continue  # a comma, a colon's dot
        kept.append((a, b, c, d))
    if not kept:
        return None
    box = (min(k[0] for k in kept), min(k[1] for k in kept), max(k[2] for k in kept), max(k[3] for k in kept))
    out = crop.crop(box)
    # Whatever lies outside the kept strokes' boxes inside the cut (a speck) is paper.
    mask = Image.new("L", out.size, 255)
    paint = ImageDraw.Draw(mask)
    for a, b, c, d in kept:
        paint.rectangle((a - box[0], b - box[1], c - box[0] - 1, d - box[1] - 1), fill=0)
    out.paste(255, mask=mask)
    return out
