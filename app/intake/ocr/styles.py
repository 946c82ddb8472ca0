"""Ways of writing a figure that the MNIST sample (American school hands) hardly has and the
hands of Vietnamese offices often use: the flat-topped 3 (a bar, a stroke down to the middle,
one bowl), the 7 crossed at its middle, the 1 begun with a long up-stroke, the 2 with a loop
at its foot. The shape reader (digits.py) took a flat-topped 3 for an 8. These are drawn
here, jittered, a few hundred of each, and join the training digits."""
from __future__ import annotations

from PIL import Image, ImageDraw

EACH = 300  # drawings per way of writing
SEED = 7  # the same drawings in every run: the prepared features are cached


def _curve(p0, p1, p2, n: int = 10):
    """A quadratic Bézier from p0 to p2 pulled towards p1, as points."""
    return [((1 - t) ** 2 * p0[0] + 2 * (1 - t) * t * p1[0] + t * t * p2[0],
             (1 - t) ** 2 * p0[1] + 2 * (1 - t) * t * p1[1] + t * t * p2[1])
            for t in (i / (n - 1) for i in range(n))]


# Per figure, its strokes; a stroke is a list of parts, each a corner point or a curve given by
# its three control points, in a unit box (x right, y down).
WAYS = {
    3: [[(0.15, 0.05), (0.85, 0.05), (0.4, 0.42), ((1.05, 0.5), (0.55, 0.95)), ((0.3, 1.02), (0.1, 0.82))]],
    2: [[(0.12, 0.3), ((0.45, -0.15), (0.85, 0.3)), (0.2, 0.85), ((0.02, 1.05), (0.3, 0.95)), (0.9, 0.92)]],
    7: [[(0.1, 0.08), (0.9, 0.08), (0.4, 0.97)], [(0.3, 0.52), (0.8, 0.5)]],
    1: [[(0.15, 0.35), (0.6, 0.03), (0.55, 0.97)]],
}


def _points(stroke, jitter):
    """A stroke's points, each control point moved a little (no two hands are alike)."""
    out = [jitter(stroke[0])]
    for part in stroke[1:]:
        if isinstance(part[0], tuple):  # a curve from the last point
            out += _curve(out[-1], jitter(part[0]), jitter(part[1]))[1:]
        else:
            out.append(jitter(part))
    return out


def drawn(strokes, rng, size: int = 80) -> Image.Image:
    """One figure drawn as a pen would: ink 255 on 0, leaning, narrower or wider, thinner or
    bolder each time (rng: numpy's Generator)."""
    import math

    turn = rng.normal(0, 0.12)
    cos, sin = math.cos(turn), math.sin(turn)
    aspect = rng.uniform(0.55, 0.9)
    width = max(2, int(rng.uniform(0.07, 0.14) * size))
    picture = Image.new("L", (2 * size, 2 * size), 0)
    pen = ImageDraw.Draw(picture)
    for stroke in strokes:
        placed = []
        shake = lambda p: (p[0] + rng.normal(0, 0.035), p[1] + rng.normal(0, 0.035))  # noqa: E731
        # the control points moved, then every point a little: a hand's line is never smooth
        for x, y in map(shake, _points(stroke, shake)):
            x, y = (x - 0.5) * aspect, y - 0.5
            placed.append((size + (cos * x - sin * y) * size, size + (sin * x + cos * y) * size))
        pen.line(placed, fill=255, width=width, joint="curve")
        for x, y in (placed[0], placed[-1]):  # round ends, as a pen leaves them
            pen.ellipse((x - width / 2, y - width / 2, x + width / 2, y + width / 2), fill=255)
    return picture.crop(picture.getbbox())


def sample(normalise, each: int = EACH):
    """(pictures normalised by `normalise` as the read figures are, their labels) as numpy
    arrays: `each` drawings of every way of writing in WAYS."""
    import numpy as np

    rng = np.random.default_rng(SEED)
    pictures, labels = [], []
    for label, strokes in WAYS.items():
        for _ in range(each):
            pictures.append(normalise(drawn(strokes, rng)))
            labels.append(label)
    if not pictures:
        return np.zeros((0, 28, 28), np.float32), np.zeros(0, np.int8)
    return np.stack(pictures).astype(np.float32), np.array(labels, np.int8)
