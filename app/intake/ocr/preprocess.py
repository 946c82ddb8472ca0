"""Making a scan readable: grayscale, contrast, small skew, and a clean place to cut the page
between the header pass and the rest. Pillow, and numpy for the skew; each step works on a small
copy first."""
from __future__ import annotations

import math
import threading
import weakref

from PIL import Image, ImageChops, ImageFilter, ImageOps, ImageStat

SMALL_WIDTH = 620  # about 75 dpi for an A4 page: enough to see text lines, cheap to rotate
MAX_SKEW = 5.0


# Specks in the blank margin: the mean change a 3×3 median makes there. Heavy speckle (a few
# in a hundred pixels) makes Tesseract crawl; a scanner's dark edge, a stamp or a line of text
# in the margin are kept by a median, and on the real set no page comes near (at most 1.1).
SPECKLE = 10


CHROMA = 12  # Cb or Cr further than this from the print's own: coloured ink, not the print
PAPER_CAST = 4  # paper further from neutral than this: a photo under coloured light
PRINT_DARK = 96  # luma under which a pixel of the page at an eighth of its size is print
PRINT_CAST = 24  # the most a scanner tints black print; beyond it the print is not black


def _table(cast: int) -> list[int]:
    return [255 if abs(v - 128 - cast) > CHROMA else 0 for v in range(256)]


def _print_cast(y: Image.Image, cb: Image.Image, cr: Image.Image) -> tuple[int, int]:
    """How far the page's black print is from neutral in Cb and Cr. Some scanners tint dark
    print (a teal black, Cr about -12) on neutral paper: measured from neutral, the letters
    themselves were taken for stamp ink and half rubbed out. The body text is most of the dark
    ink on a page, so the median of the dark pixels is the print's colour."""
    dark = y.point(lambda v: 255 if v < PRINT_DARK else 0)
    if dark.histogram()[255] < dark.width * dark.height // 500:
        return 0, 0
    cast = [round(ImageStat.Stat(c, dark).median[0]) - 128 for c in (cb, cr)]
    # A few steps off is JPEG noise and pen or seal ink among the print: left as neutral.
    return tuple(0 if abs(v) < CHROMA // 2 else max(-PRINT_CAST, min(PRINT_CAST, v)) for v in cast)


def gray_and_colour_ink(page: Image.Image, share: float = 1.0) -> tuple[Image.Image, Image.Image | None]:
    """The page in gray and, on a colour scan, a mask of its coloured ink in the top `share` of
    the page (at half size).
    Official documents are printed in black; what is coloured on them came later: the receiving
    office's ĐẾN stamp (often right over the header), the secrecy and urgency stamps, seals,
    pen. Reading the text without it keeps a stamp's words out of the header's rows. A page
    whose paper is not neutral (a phone photo under warm light) gets no mask: its black print
    is not neutral either. A look at a copy an eighth the size first, so gray scans pay
    almost nothing."""
    if page.mode not in ("RGB", "RGBA", "CMYK", "P", "PA", "YCbCr"):
        return page.convert("L"), None
    rgb = page.convert("RGB")
    gray = rgb.convert("L")
    y, cb, cr = rgb.reduce(8).convert("YCbCr").split()
    paper = [ImageStat.Stat(c).median[0] for c in (cb, cr)]
    cast = _print_cast(y, cb, cr)
    coloured = _coloured(cb, cr, cast)
    if any(abs(m - 128) > PAPER_CAST for m in paper) or \
            coloured.histogram()[255] < coloured.width * coloured.height // 2000:
        return gray, None
    # Colour at half size, as JPEG keeps it anyway; the caller scales the mask to its page.
    top = rgb.crop((0, 0, rgb.width, round(rgb.height * share))) if share < 1 else rgb
    _y, cb, cr = top.reduce(2).convert("YCbCr").split()
    return gray, _coloured(cb, cr, cast)


def _coloured(cb: Image.Image, cr: Image.Image, cast: tuple[int, int] = (0, 0)) -> Image.Image:
    return ImageChops.lighter(cb.point(_table(cast[0])), cr.point(_table(cast[1])))


def without_ink(gray: Image.Image, ink: Image.Image) -> Image.Image:
    """`gray` with the coloured ink of mask `ink` made paper. A stroke's soft edge is paler
    than its colour can be told (and JPEG keeps colour at half size): within a few pixels of
    the ink, what is lighter than print goes too, or the stamp's letters stay as outlines."""
    # Spread by shrinking with a box and growing back smoothly: a tenth of a MaxFilter's cost.
    near = ink.reduce(8).resize(ink.size, Image.Resampling.BILINEAR).point(lambda v: 255 if v else 0)
    pale = gray.point(lambda v: 255 if v > 110 else 0)
    clean = gray.copy()
    clean.paste(255, mask=ImageChops.lighter(ink, ImageChops.multiply(near, pale)))
    return clean


def speckle(gray: Image.Image) -> float:
    return ImageStat.Stat(ImageChops.difference(gray, gray.filter(ImageFilter.MedianFilter(3)))).mean[0]


def grayscale(page: Image.Image) -> Image.Image:
    gray = even_lighting(page.convert("L"))
    margin = gray.crop((0, 0, max(1, gray.width // 16), gray.height))
    if speckle(margin) > SPECKLE:
        # A speckled page costs Tesseract a minute and reads badly; a median filter costs
        # half a second and gives back clean strokes. Only there: the margin's spread of gray
        # alone (its earlier test) filtered pages with a dark edge, for nothing.
        gray = gray.filter(ImageFilter.MedianFilter(5))
    # Photocopies and phone photos come washed out; stretch so the darkest ink is black.
    return ImageOps.autocontrast(gray, cutoff=(1, 0))


# A phone picture lit from one side, or a page photographed on a dark desk: paper darker than
# this share of the page's usual paper somewhere. A scanner lights the whole page alike.
UNEVEN = 0.8
PAPER_STEP = 16  # the paper's brightness is looked at on the page this many times smaller


def even_lighting(gray: Image.Image) -> Image.Image:
    """`gray` as if lit evenly, where it is not: each pixel divided by the brightness of the
    paper around it (the brightest of about 80 pixels around, smoothed). A single threshold
    otherwise turns the dim side into black, or the dark desk around the page into ink."""
    import numpy as np

    small = gray.reduce(PAPER_STEP) if min(gray.size) >= PAPER_STEP * 8 else gray
    paper = small.filter(ImageFilter.MaxFilter(5)).filter(ImageFilter.GaussianBlur(2))
    seen = np.asarray(paper, dtype=np.float32)
    if np.percentile(seen, 5) >= UNEVEN * np.percentile(seen, 50):
        return gray
    paper = np.asarray(paper.resize(gray.size, Image.Resampling.BILINEAR), dtype=np.float32)
    even = np.asarray(gray, dtype=np.float32) * 255.0 / np.maximum(paper, 1.0)
    return Image.fromarray(even.clip(0, 255).astype(np.uint8))


_last_small: tuple = (None, None)  # (weak reference to a page, its small copy)
_small_lock = threading.Lock()


def _small(gray: Image.Image) -> Image.Image:
    """The page SMALL_WIDTH wide, for finding its lines. The blank check, the cut and the split
    of one page all look at it: made once (about 15 ms on an A4 page at 200 dpi)."""
    global _last_small
    with _small_lock:
        page, small = _last_small
        if page is not None and page() is gray:
            return small
    small = gray.resize((SMALL_WIDTH, max(1, gray.height * SMALL_WIDTH // gray.width)))
    with _small_lock:
        _last_small = (weakref.ref(gray), small)
    return small


def _ink(small: Image.Image) -> Image.Image:
    """White text on black: row sums then measure how much ink each row holds."""
    return ImageOps.invert(small).point(lambda v: 255 if v > 100 else 0)


def _line_contrast(ys, xs, height: int, width: int, angle: float) -> float:
    """How sharply the rows of the ink at (ys, xs), turned by `angle` about the centre, part
    into lines and gaps: straight text lines make rows alternate ink / no ink. Each pixel's
    row after the turn is computed (the one a nearest-pixel rotation would put it in), which
    costs a fifth of rotating the picture for every angle tried."""
    import numpy as np

    r = math.radians(angle)
    rows = np.rint(height / 2 + (ys - height / 2) * math.cos(r) - (xs - width / 2) * math.sin(r))
    rows = rows[(rows >= 0) & (rows < height)].astype(np.int64)
    return float((np.bincount(rows, minlength=height) * 255.0 / width).var())


def skew_angle(gray: Image.Image) -> float:
    """The angle (degrees, counter-clockwise) that makes the text lines horizontal."""
    import numpy as np

    ink = np.asarray(_ink(_small(gray)))
    height, width = ink.shape
    ys, xs = (v.astype(np.float64) for v in np.nonzero(ink))

    def contrast(a: float) -> float:
        return _line_contrast(ys, xs, height, width, a)

    best = max((a / 2 for a in range(int(-MAX_SKEW * 2), int(MAX_SKEW * 2) + 1)), key=contrast)
    fine = [best + d / 8 for d in range(-3, 4)]
    return max(fine, key=contrast)


def deskew(gray: Image.Image, angle: float | None = None) -> tuple[Image.Image, float]:
    angle = skew_angle(gray) if angle is None else angle
    if abs(angle) < 0.3:  # Tesseract reads a line this straight as it is
        return gray, 0.0
    return gray.rotate(angle, resample=Image.Resampling.BILINEAR, expand=False, fillcolor=255), angle


def quarter_turns(page: Image.Image) -> int:
    """Quarter turns (counter-clockwise) that put a landscape-scanned A4 page upright: official
    documents are portrait, so a page wider than tall was scanned on its side. A picture far
    wider than a page on its side (a crop of the header, a screenshot) is upright."""
    return 1 if page.height * 1.15 < page.width < page.height * 1.7 else 0


def cut_row(gray: Image.Image, low: float = 0.27, high: float = 0.37) -> int:
    """A blank row between `low` and `high` of the page height, nearest the middle of the band,
    so that no text line is split between two OCR passes. The header, type name and summary
    of an A4 document end near 30 % of the page; Tesseract's time grows with the band."""
    small = _small(gray)
    rows = _ink(small).resize((1, small.height), Image.Resampling.BOX)
    values = list(rows.tobytes())
    a, b = int(small.height * low), int(small.height * high)
    mid = (a + b) / 2
    best = min(range(a, b), key=lambda y: (values[y], abs(y - mid)))
    return int(best * gray.height / small.height)


def balanced_row(gray: Image.Image, bottom: int) -> int | None:
    """A row above `bottom` with no ink at all (two small rows high) that parts the ink above it
    about evenly, so that two Tesseract runs, one on each part, take about the same time; None
    when no such row lies in the middle half of the ink."""
    small = _small(gray)
    k = gray.height / small.height
    ink = _ink(small).crop((0, 0, SMALL_WIDTH, max(1, int(bottom / k))))
    rows = list(ink.resize((1, ink.height), Image.Resampling.BOX).tobytes())
    total = sum(rows) or 1
    best, best_gap, above = None, 0.25, 0
    for y in range(ink.height - 1):
        above += rows[y]
        gap = abs(above / total - 0.5)
        if gap < best_gap and ink.crop((0, y + 1, ink.width, y + 3)).getbbox() is None:
            best, best_gap = y + 2, gap
    return int(best * k) if best else None


def text_rows(gray: Image.Image, min_ink: int = 6) -> int:
    """How many pixel rows of a region hold at least `min_ink` inked pixels: rows through
    letters do; a rule (one or two rows) and specks do not add up to a letter's height."""
    ink = gray.point(lambda v: 255 if v < 128 else 0)
    rows = ink.resize((1, ink.height), Image.Resampling.BOX).tobytes()
    return sum(1 for v in rows if v * ink.width / 255 >= min_ink)


def is_blank(gray: Image.Image) -> bool:
    small = _small(gray)
    ink = _ink(small)
    return ImageStat.Stat(ink).mean[0] < 0.4  # under ~0.15 % of the page inked: no text
