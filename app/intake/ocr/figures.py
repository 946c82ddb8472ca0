"""Figures written by hand (or misread in italics) into the blanks of the header: the number
after "Số:" and the day and month of the place-date line. Tesseract's page pass reads a
handwritten figure as letters ("9ŸŸ", "0Š") or not at all. Here the blank alone is read again,
restricted to digits, by two differently trained looks (the `vie` model at the page's scale,
the `eng` model at 1.5×, at once on two cores), beside the page pass's own reading; a figure
is taken only where two of them agree. Even then it is a guess at handwriting: it is always
shown for checking, never as read. (Measured on the real set: two looks agreeing are right
as often as three of four, at half the time.)"""
from __future__ import annotations

import re
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

from PIL import Image, ImageOps

from app.intake.ocr import engine, errors
from app.text import fold

LOOKS = (("vie", 1.0), ("eng", 1.5))
GUESS = 0.6  # the confidence of a figure agreed by the looks: shown, marked for checking
NEED = {"number": 2, "day": 2, "month": 2}  # votes that must agree, of the looks and the page pass


def _x_at(word, text_index: int, folded_len: int) -> float:
    return word.left + word.width * text_index / max(1, folded_len)


def number_blank(line) -> tuple[tuple[int, int, int, int], str] | None:
    """The blank between "Số:" and the symbol ("/GM-UBND", "-TB/TU") of a number line, and
    the symbol as printed; None when the line has no symbol after a blank."""
    from app.intake.ocr import fields as F

    words = list(line.words)
    m = F.NUMBER_LINE.match(words[0].text)
    if not m:
        return None
    start = _x_at(words[0], m.start("rest"), len(words[0].text))
    for k, w in enumerate(words):
        begin = m.start("rest") if k == 0 else 0
        hits = [i for i in (w.text.find(c, begin) for c in "/⁄-") if i >= 0]
        if not hits:
            continue
        cut = min(hits)
        end = _x_at(w, cut, len(w.text))
        tail = " ".join([w.text[cut:]] + [x.text for x in words[k + 1:]])
        height = line.bottom - line.top
        if end - start < 0.4 * height:
            return None  # no room for a figure: the symbol follows "Số" at once
        return _band(line, start, end), tail
    return None


def date_blanks(words) -> dict[str, tuple[int, int, int, int]]:
    """The blanks for the day (after "ngày") and the month (after "tháng") of a place-date row."""
    marks = {}
    for key in ("ngay", "thang", "nam"):
        for w in words:
            i = fold(w.text).find(key)
            if i >= 0:
                marks[key] = (_x_at(w, i, len(w.text)), _x_at(w, i + len(key), len(w.text)))
                break
    out = {}
    row = _Row(words)
    for name, a, b in (("day", "ngay", "thang"), ("month", "thang", "nam")):
        if a in marks and b in marks and marks[b][0] - marks[a][1] > 0.3 * row.height:
            out[name] = _band(row, marks[a][1], marks[b][0])
    return out


class _Row:
    def __init__(self, words):
        self.top = min(w.top for w in words)
        self.bottom = max(w.top + w.height for w in words)
        self.height = self.bottom - self.top


def _band(line, start: float, end: float) -> tuple[int, int, int, int]:
    """Handwriting stands taller than the print and above its line: room is left for it."""
    height = line.bottom - line.top
    return (round(start) - 4, round(line.top - 0.5 * height), round(end) + 4, round(line.bottom + 0.4 * height))


def read(gray, blanks: list[tuple[int, int, int, int]]) -> list[list[str]]:
    """Per blank, what each look read in it (digits only, "" for nothing). All blanks are read
    at once: laid side by side, far apart, in one picture per look."""
    crops = [gray.crop(b) for b in blanks]
    height = max(c.height for c in crops)
    gap = 2 * height
    width = sum(c.width for c in crops) + gap * (len(crops) + 1)
    strip = Image.new("L", (width, height + 30), 255)
    spans, x = [], gap
    for c in crops:
        strip.paste(c.convert("L"), (x, 15 + (height - c.height) // 2))
        spans.append((x, x + c.width))
        x += c.width + gap

    def look(lang_scale):
        lang, scale = lang_scale
        img = strip if scale == 1 else strip.resize((round(strip.width * scale), round(strip.height * scale)),
                                                     Image.Resampling.LANCZOS)
        found = [""] * len(spans)
        try:
            out = engine.run(ImageOps.expand(img, border=15, fill=255), ("tsv",), psm=7, dpi=200,
                             only="0123456789", lang=lang)
        except errors.OcrError:  # a model not installed, a look that failed: no vote
            return found
        for w in sorted(engine.words_from_tsv(out["tsv"]), key=lambda w: w.left):
            middle = (w.left - 15 + w.width / 2) / scale
            for i, (a, b) in enumerate(spans):
                if a - gap / 2 <= middle <= b + gap / 2:
                    found[i] += re.sub(r"\D", "", w.text)
        return found

    with ThreadPoolExecutor(max_workers=2) as pool:
        per_look = list(pool.map(look, LOOKS))
    return [[found[i] for found in per_look] for i in range(len(blanks))]


def _values(reading: str, highest: int | None) -> set[str]:
    """What a look's reading may stand for. A day or month is one or two figures; a look
    often adds a stroke of the printed word beside the blank as a "1" at an end ("1031" for
    03), so the two-figure runs inside a longer reading count too."""
    if not reading:
        return set()
    if highest is None:
        return {reading}
    runs = {reading} if len(reading) <= 2 else {reading[i:i + 2] for i in range(len(reading) - 1)}
    return {r for r in runs if 1 <= int(r) <= highest}


def agreed(readings: list[str], kind: str) -> str:
    """The value most looks agree on, if enough do and no other value ties; else ""."""
    highest = {"day": 31, "month": 12}.get(kind)
    votes = Counter()
    for r in readings:
        for v in _values(r, highest):
            votes[str(int(v)) if highest else v] += 1
    if not votes:
        return ""
    (value, n), *rest = votes.most_common()
    if n < NEED[kind] or (rest and rest[0][1] == n):
        return ""
    return value


NUMBER_NOTE = "Số viết tay, đọc thử — cần kiểm tra."
DATE_NOTE = "Ngày viết tay, đọc thử — cần kiểm tra."
SURE = 0.8  # a field read at least this surely by the page pass is left alone


def fill(gray, lines, found: dict) -> dict:
    """`found` with the number and date that the page pass left empty or doubtful read again
    from their blanks in `gray` (the page with its ink, pen included)."""
    from app.intake.ocr import extract as E

    number, date = found["number_symbol"], found["date"]
    jobs, blanks, row = [], [], None
    if not number.value or number.confidence < SURE:
        line = E.number_line(lines)
        blank = number_blank(line) if line is not None else None
        if blank is not None:
            jobs.append(("number", line, blank[1]))
            blanks.append(blank[0])
    if not date.value or date.confidence < SURE:
        title = found["doc_type"].box
        row = E.date_row(lines, title[1] if title else None)
        for kind, blank in (date_blanks(row.words) if row is not None else {}).items():
            jobs.append((kind, row, None))
            blanks.append(blank)
    if not blanks:
        return found
    readings = read(gray, blanks)
    out, parts = dict(found), {}
    for (kind, line, tail), reading in zip(jobs, readings):
        printed = _printed(line, kind)
        if printed and printed[1] >= 0.9 and kind != "number":
            parts[kind] = printed  # a printed day or month the page pass read surely
            continue
        value = agreed(reading + ([printed[0]] if printed else []), kind)
        if not value:
            continue
        if kind == "number":
            parsed = E.F.parse_number(value + tail)
            if parsed and fold(parsed[0]) != fold(number.value):
                out["number_symbol"] = E.Field(parsed[0], GUESS, line.box, NUMBER_NOTE)
        else:
            parts[kind] = (value, GUESS)
    if "day" in parts and "month" in parts:
        out.update(_date(found, row, parts))
    return out


def _printed(line, kind: str) -> tuple[str, float] | None:
    """What the page pass read in the blank, when it is figures alone, and how surely."""
    words = list(line.words)
    folded = [fold(w.text) for w in words]
    if kind == "number":
        rest = " ".join([re.sub(r"^\W*s\w\s*[:.;,]?", "", folded[0])] + folded[1:])
        figures = re.split(r"[/⁄-]", rest)[0].replace(" ", "")
        confs = [w.conf for w in words[:2]]
    else:
        key, stop = ("ngay", "thang") if kind == "day" else ("thang", "nam")
        start = next((i for i, f in enumerate(folded) if key in f), None)
        end = next((i for i in range(start or 0, len(folded)) if stop in folded[i]), None)
        if start is None or end is None:
            return None
        text = " ".join(folded[start:end + 1])
        figures = text.split(key, 1)[1].split(stop, 1)[0].strip(" ,.")
        confs = [w.conf for w in words[start:end + 1] if any(c.isdigit() for c in w.text)]
    if not figures.isdigit() or len(figures) > (6 if kind == "number" else 2):
        return None
    return figures, min(confs or [0.0]) / 100


def _date(found: dict, row, parts: dict) -> dict:
    import datetime as dt

    from app.intake.ocr import extract as E

    folded = fold(row.text)
    year = re.search(r"nam\s*((?:19|20)\d\d)\b", folded)
    if not year:
        return {}
    try:
        day = dt.date(int(year.group(1)), int(parts["month"][0]), int(parts["day"][0]))
    except ValueError:
        return {}
    conf = min(p[1] for p in parts.values())
    if found["date"].value == day.isoformat():
        return {}
    place = found["place"]
    if not place.value:
        before = row.text[: len(folded.split("ngay", 1)[0])]
        place = E.Field(E.F.clean_caps(before.split(",")[0]), conf, row.box)
    note = DATE_NOTE if conf <= GUESS else ""
    return {"date": E.Field(day.isoformat(), conf, row.box, note), "place": place}
