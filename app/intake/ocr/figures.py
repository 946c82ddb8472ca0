"""Figures written by hand (or misread in italics) into the blanks of the header: the number
after "Số:" and the day and month of the place-date line. Tesseract's page pass reads a
handwritten figure as letters ("9ŸŸ", "0Š") or not at all. Here the blank alone is read again,
restricted to digits, by two differently trained looks (the `vie` model at the page's scale,
the `eng` model at 1.5×, at once on two cores), each over the blank as cut and over its pen
strokes alone (pen.figures_only), beside the page pass's own reading and the strokes' shapes
read against real handwritten digits (digits.py, which reads pen figures better than the
models trained on print do); a figure is taken only where two readings agree, or, for a date
on a digitally signed file, where the day and month read make a date that the signing time
allows. Even then it is a guess at handwriting: it is always shown for checking, never as
read. (Measured on the real set: the strokes alone and a signing-time bound read 30 of 54
handwritten dates where the cut alone read 18.)"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

from PIL import Image, ImageChops, ImageOps

from app.intake.ocr import digits, engine, errors, pen
from app.text import fold

LOOKS = (("vie", 1.0, 56), ("eng", 1.5, 32))  # (model, scale of the cut, height of the strokes)
LOOK_RUN = {"psm": 6, "dpi": 200, "only": "0123456789"}  # Tesseract's settings for every look
GAP = 0.5  # the gap between the pictures in a look, in their heights
GUESS = 0.6  # the confidence of a figure agreed by the looks: shown, marked for checking
NEED = {"number": 2, "day": 2, "month": 2}  # votes that must agree, of the looks and the page pass
# A handwritten figure is shown marked for checking, never as confident: the reading the most
# votes bear out is shown even when one vote alone carries it (a guess to check is less typing
# than an empty box), unless another bears it out as much.
SHOWN_NEED = 1
# A number needs a little more: part of a second reading bearing it out (a scribble in an
# empty blank reads as some figures to one reader alone), and the old agreement (NEED) where
# the shapes, the better reader, read another number.
SHOWN_NUMBER_NEED = 1.2
# The shape reading's votes (digits.py) per kind, as (most neighbours agreed, not): it is one
# more look, a better one at figures than Tesseract's; a number's figures are rarely printed
# beside it for a second look to read, so there its sure reading counts three times (on the
# real set's 51 pen numbers the shapes read 22 right, each of Tesseract's looks 5 to 9); a
# day's or month's sure reading counts twice (the looks read a pen "3" as "2" or "8" far
# more often than the shapes do).
SHAPE_VOTES = {"number": (3, 1), "day": (2, 1), "month": (2, 1)}
SHAPE_SURE = 0.8  # of the neighbours agreeing, for every figure of the reading


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
    found = _symbol_start(words, m.start("rest")) or _first_mark(words, m.start("rest"))
    if found is None:
        return None
    k, cut, tail = found
    end = _x_at(words[k], cut, len(words[k].text))
    if end - start < 0.4 * (line.bottom - line.top):
        return None  # no room for a figure: the symbol follows "Số" at once
    return _band(line, start, end), " ".join([tail] + [x.text for x in words[k + 1:]])


def _symbol_start(words, begin: int):
    """Where the printed symbol starts: a slash or dash followed by capitals or by the year
    ("/KH-UBND", "/2023/NQ-HĐND"), or a word that is a symbol whole ("QĐ-UBND", its slash
    lost), or a joint document's type and colon before such a word ("BCLN: SGDĐT-ĐPTTH").
    A handwritten figure is often read as a slash or a dash ("#⁄/", "Ä⁄-/GM-…"), but never as
    a slash with capitals after it. (word index, index in it, the symbol as read)."""
    from app.intake.ocr import fields as F

    mark = re.compile(rf"[/⁄-]\s*(?:(?:19|20)\d\d\s*/\s*)?{F.SYM}")
    whole = re.compile(rf"^{F.SYM}(?:[/-]{F.SYM})+$")
    joint = re.compile(rf"^[A-ZĐ][{F._UP}]+:$")
    for k, w in enumerate(words):
        if k and joint.match(w.text) and k + 1 < len(words) and whole.match(words[k + 1].text):
            return k, 0, "/" + w.text
        if k and whole.match(w.text):
            return k, 0, ("-" if "/" in w.text else "/") + w.text
        hit = mark.search(w.text, begin if k == 0 else 0)
        if hit:
            return k, hit.start(), w.text[hit.start():]
    return None


def _first_mark(words, begin: int):
    """The first slash or dash after "Số:", where no printed symbol was recognised."""
    for k, w in enumerate(words):
        hits = [i for i in (w.text.find(c, begin if k == 0 else 0) for c in "/⁄-") if i >= 0]
        if hits:
            return k, min(hits), w.text[min(hits):]
    return None


def _letters(text: str) -> str:
    return re.sub(r"[^a-z]", "", fold(text))


def _is_ngay(letters: str) -> bool:
    # "này", "ngài", "ngay04": the word is often misread next to a handwritten day
    return letters.startswith("ngay") or letters in ("nay", "ngai", "ngy", "ngav", "gay", "ngya")


def _is_thang(letters: str) -> bool:
    # "thảng", "th.im::", "tbáng": short words from "th" or one letter off "thang"
    return letters.startswith("thang") or (letters.startswith("th") and 2 <= len(letters) <= 5) \
        or (len(letters) == 5 and sum(a != b for a, b in zip(letters, "thang")) == 1)


def date_marks(words) -> dict[str, tuple[float, float]]:
    """Where "ngày", "tháng" and "năm" stand in a place-date row (x from, x to), each found in
    this order: inside a word too ("ngày34thángoanăm"), and the misreadings of the words
    beside a handwritten figure ("này", "th.im::") where the word is no more than that."""
    keys = ["ngay", "thang", "nam"]
    fuzzy = {"ngay": _is_ngay, "thang": _is_thang}
    marks = {}
    for w in words:
        letters, pos = fold(w.text), 0
        while keys:
            i = letters.find(keys[0], pos)
            if i >= 0:
                marks[keys[0]] = (_x_at(w, i, len(letters)), _x_at(w, i + len(keys[0]), len(letters)))
                pos = i + len(keys.pop(0))
                continue
            if pos == 0 and keys[0] in fuzzy and fuzzy[keys[0]](_letters(w.text)):
                marks[keys.pop(0)] = (float(w.left), float(w.left + w.width))
            break
    return marks


def row_year(folded: str) -> int | None:
    """The year of a folded place-date row ("nam 2020"), its zeros read as O letters too
    ("năm 202O"): a year is four figures, never letters."""
    found = re.search(r"nam\s*((?:19|20)[\do]{2})\b", folded)
    return int(found.group(1).replace("o", "0")) if found else None


def date_blanks(words) -> dict[str, tuple[int, int, int, int]]:
    """The blanks for the day (after "ngày") and the month (after "tháng") of a place-date row.
    A handwritten figure read into the box of the word before it ("ngày" boxed over the day,
    the day read as "D{" after it) still has its blank: from the word read in it."""
    marks = date_marks(words)
    out = {}
    row = _Row(words)
    for name, a, b in (("day", "ngay", "thang"), ("month", "thang", "nam")):
        if a not in marks or b not in marks:
            continue
        start, end, room = marks[a][1], marks[b][0], 0.3 * row.height
        if end - start <= room:
            start = min((w.left for w in words if marks[a][0] < w.left and w.left + w.width <= end + 1),
                        default=start)
        if end - start > room:
            out[name] = _band(row, start, end)
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


def prestart(ready, looks: tuple = LOOKS) -> None:
    """A Tesseract process started for each look, to wait for its sheet (engine.Prestarted)."""
    for lang, _scale, _height in looks:
        ready.start(("tsv",), lang=lang, **LOOK_RUN)


def read(gray, blanks: list[tuple[int, int, int, int]], rows: list | None = None,
         kinds: list[str] | None = None, looks: tuple = LOOKS, ready=None) -> list[tuple[list[str], list[str]]]:
    """Per blank, what each look read in it (digits only, "" for nothing): each look reads the
    blank as cut and its pen strokes alone (pen.figures_only, given the row's printed words in
    `rows`), returned with the shapes' votes apart: (the looks' readings, the shapes' votes).
    All of them at once, one under the other with a wide gap, in one picture per look.
    With `kinds` ("number", "day", "month" per blank), the strokes' shapes read by digits.py
    vote too (SHAPE_VOTES). `looks`: the Tesseract looks to run (LOOKS by default); with none,
    a sure shape reading carries its blank alone and an unsure one nothing (figures of printed
    type stamped as pictures, which the shapes read as Tesseract does, without its run)."""
    rows = rows or [None] * len(blanks)
    pieces = []  # per blank: the cut as it is, and the strokes alone (or None)
    for blank, row in zip(blanks, rows):
        strokes = None
        if row is not None:
            strokes = pen.figures_only(gray, blank, row.words, row.bottom - row.top)
        pieces.append((gray.crop(blank).convert("L"), strokes))

    def look(spec):
        lang, scale, height = spec
        images, owner = [], []
        for i, (cut, strokes) in enumerate(pieces):
            images.append(cut.resize((round(cut.width * scale), round(cut.height * scale)), Image.Resampling.LANCZOS)
                          if scale != 1 else cut)
            owner.append((i, 0))
            if strokes is not None:
                k = height / max(1, strokes.height)
                images.append(strokes.resize((max(1, round(strokes.width * k)), height), Image.Resampling.LANCZOS))
                owner.append((i, 1))
        gap = round(max(im.height for im in images) * GAP)
        sheet = Image.new("L", (max(im.width for im in images) + 2 * gap,
                                sum(im.height + gap for im in images) + gap), 255)
        spans, y = [], gap
        for im in images:
            sheet.paste(im, (gap, y))
            spans.append((y, y + im.height))
            y += im.height + gap
        found = [["", ""] for _ in blanks]
        try:
            out = engine.run(sheet, ("tsv",), lang=lang, ready=ready, **LOOK_RUN)
        except errors.OcrError:  # a model not installed, a look that failed: no vote
            return found
        for w in sorted(engine.words_from_tsv(out["tsv"]), key=lambda w: w.left):
            middle = w.top + w.height / 2
            for (i, kind), (a, b) in zip(owner, spans):
                if a - gap / 2 <= middle <= b + gap / 2:
                    found[i][kind] += re.sub(r"\D", "", w.text)
        return found

    with ThreadPoolExecutor(max_workers=2) as pool:
        running = pool.map(look, looks)
        # read while the looks' Tesseracts run
        shapes = [digits.read(pieces[i][1], kind=kinds[i]) for i in range(len(kinds or []))]
        per_look = list(running)
    out = [([r for found in per_look for r in found[i]], []) for i in range(len(blanks))]
    for i, (kind, (shape, share)) in enumerate(zip(kinds or [], shapes)):
        if shape:
            votes = SHAPE_VOTES[kind] if looks else (NEED[kind], 0)
            out[i][1].extend([shape] * votes[0 if share >= SHAPE_SURE else 1])
    return out


def _values(reading: str, highest: int | None) -> set[str]:
    """What a look's reading may stand for. A day or month is one or two figures; a look
    often adds a stroke of the printed word beside the blank as a "1" at an end ("1031" for
    03), so the two-figure runs inside a longer reading count too."""
    if not reading:
        return set()
    if highest is None:
        return {reading}
    runs = {reading} if len(reading) <= 2 else {reading[i:i + 2] for i in range(len(reading) - 1)}
    if len(reading) <= 2 and int(reading) > highest:
        # No day or month is read so ("34"): a pen 1 begun with a long up-stroke, as many
        # Vietnamese hands write it, is read by Tesseract as a 4.
        runs = {reading.replace("4", "1")}
    return {r for r in runs if 1 <= int(r) <= highest}


def agreed(readings: list[str], kind: str) -> str:
    """The value most looks agree on, if enough do and no other value ties; else ""."""
    return _plain(tally(readings, kind), NEED[kind])


NUMBER_NOTE = "Số viết tay, đọc thử — cần kiểm tra."
TITLE_NOTE = "Số viết tay, lấy theo tiêu đề tệp «{title}» — cần kiểm tra."
DATE_NOTE = "Ngày viết tay, đọc thử — cần kiểm tra."
DATE_SIGNED_NOTE = ("Ngày viết tay đọc ra {read}; theo ngày ký số {signed}, lấy ngày gần giống nét"
                    " — cần kiểm tra.")
DATE_UNREAD = "Ngày viết tay, không đọc được — cần nhập tay."
SURE = 0.8  # a field read at least this surely by the page pass is left alone


def _pen_over(gray, clean, blank, line) -> bool:
    """Coloured ink (a pen's) over a blank where print was read: a figure typed into the draft
    and corrected by hand ("tháng 7" with an 8 written over the 7), which the page pass, reading
    the page without its coloured ink, read as printed."""
    if clean is None:
        return False
    dark = gray.crop(blank).point(lambda v: 255 if v < 128 else 0)
    paper = clean.crop(blank).point(lambda v: 255 if v >= 200 else 0)
    coloured = ImageChops.multiply(dark, paper).histogram()[255]
    return coloured >= PEN_OVER * (line.bottom - line.top) ** 2


PEN_OVER = 0.1  # of a line's height squared, in pixels of coloured ink: a pen figure's worth


def fill(gray, lines, found: dict, signed_on=None, inked_only: bool = False, looks: tuple = LOOKS,
         clean=None, ready=None, file_title: str = "") -> dict:
    """`found` with the number and date that the page pass left empty or doubtful read again
    from their blanks in `gray` (the page with its ink, pen included). `signed_on`: the date
    of the file's first digital signature, if any, which bounds the date (signed on or after
    it, mostly within days): of the days and months the looks read, the pair that fits it.
    `inked_only`: a blank with no figure-like stroke in it is not read at all (a born-digital
    page's blank is either empty or holds a figure drawn as a picture). `looks`: as in read().
    `clean`: the page without its coloured ink, as the page pass read it (None for a page with
    none): where a pen wrote over a printed day or month, the print is no sure reading.
    `ready`: where the looks' Tesseract processes may be waiting (engine.Prestarted).
    `file_title`: the PDF's own title, which may hold the number as the sender typed it (filetitle)."""
    from app.intake.ocr import extract as E

    number, date = found["number_symbol"], found["date"]
    jobs, blanks, row = [], [], None
    if not number.value or number.confidence < SURE:
        line = E.number_line(lines)
        blank = number_blank(line) if line is not None else None
        if blank is not None:
            jobs.append(("number", line, blank[1]))
            blanks.append(blank[0])
    # A date read after the file's signing is a figure misread, however surely.
    late = bool(signed_on and date.value and date.value > signed_on.isoformat())
    if not date.value or date.confidence < SURE or late:
        title = found["doc_type"].box
        row = E.date_row(lines, title[1] if title else None)
        for kind, blank in (date_blanks(row.words) if row is not None else {}).items():
            jobs.append((kind, row, None))
            blanks.append(blank)
    if inked_only:
        kept = [i for i, (b, (_k, line, _t)) in enumerate(zip(blanks, jobs))
                if pen.figures_only(gray, b, line.words, line.bottom - line.top) is not None]
        kinds = {jobs[i][0] for i in kept}
        # A day and a month make a date together: one of them blank, neither is read.
        kept = [i for i in kept if jobs[i][0] == "number" or {"day", "month"} <= kinds]
        jobs, blanks = [jobs[i] for i in kept], [blanks[i] for i in kept]
    if not blanks:
        return found
    readings = read(gray, blanks, [line for _k, line, _t in jobs], [k for k, _l, _t in jobs], looks, ready)
    out, parts, sure = dict(found), {}, {}
    for (kind, line, tail), blank, (by_looks, by_shape) in zip(jobs, blanks, readings):
        printed = _printed(line, kind)
        if printed and printed[1] >= 0.9 and kind != "number" and not late \
                and not _pen_over(gray, clean, blank, line):
            # a printed day or month the page pass read surely
            parts[kind], sure[kind] = Counter({str(int(printed[0])): 9}), printed[1]
            continue
        seen = by_looks + ([printed[0]] if printed else [])
        if kind == "number":
            value = number_read(seen, by_shape)
            note = NUMBER_NOTE
            typed = _from_title(file_title, tail, lines, found, seen + by_shape, value)
            if typed:
                value, note = typed, TITLE_NOTE.format(title=file_title)
            parsed = E.F.parse_number(value + tail) if value else None
            if value and parsed is None:
                tail = _with_lost_part(line.text, tail, found)
                parsed = E.F.parse_number(value + tail)
            if value and parsed is None:
                # The type's abbreviation ends at its small letter (TTr, CTr): capitals right
                # after it are the issuer's, the dash between read as nothing ("/TTrBQLDA").
                parsed = E.F.parse_number(value + re.sub(r"^(/\s*[A-ZĐ]+[a-zđ])(?=[A-ZĐ])", r"\1-", tail))
            if parsed and fold(parsed[0]) != fold(number.value):
                out["number_symbol"] = E.Field(parsed[0], GUESS, line.box, note)
        else:
            parts[kind] = tally(seen + by_shape, kind)
    if "day" in parts and "month" in parts:
        out.update(_date(found, row, parts, min(sure.values()) if len(sure) == 2 else GUESS, signed_on))
    if row is not None and parts and not out["date"].value:
        # The row is there, its figures by hand are not read: not "no place-date line".
        out["date"] = E.Field("", 0.0, row.box, DATE_UNREAD)
    return out


def _from_title(title: str, tail: str, lines, found: dict, readings: list[str], value: str) -> str:
    """The number as the file's title has it, where it has it (filetitle), else ""."""
    from app.intake.ocr import filetitle

    if not title:
        return ""
    year = int(found["date"].value[:4]) if found["date"].value else \
        next((y for y in (row_year(fold(line.text)) for line in lines) if y), None)
    runs = filetitle.candidates(title, tail, year)
    return filetitle.pick(tally(readings, "number"), runs, value) if runs else ""


def _with_lost_part(text: str, tail: str, found: dict) -> str:
    """The symbol's `tail` ("-PTQĐ") with the part before it that was read as specks
    (",ueND" in "Số: 499 ,ueND-PTQĐ") put back from the issuer's initials (symbols.lost_part);
    the tail as it is when nothing fits."""
    from app.intake.ocr import symbols

    at = text.rfind(tail.split()[0]) if tail.strip() else -1
    issuer = found.get("issuer")
    if at <= 0 or tail[0] not in "/-" or issuer is None:
        return tail
    before = re.search(r"(\S*)$", text[:at]).group(1)
    part = symbols.lost_part(before, symbols.body_initials(issuer.value.split(" - ")[-1]))
    return ("/" if tail[0] == "-" else "-") + part + tail if part else tail


def number_read(seen: list[str], by_shape: list[str]) -> str:
    """The figures of a handwritten number from what Tesseract's looks and the page pass read
    (`seen`) and the shapes' votes, shown for checking; "" when two are borne out as much,
    when one reading stands alone (a scribble in an empty blank) or when the shapes, which
    read a pen number right far more often than the looks do, read another (not the same
    but for one figure) and the rest do not agree on it."""
    votes = tally(seen + by_shape, "number")
    value = _supported(votes, SHOWN_NUMBER_NEED)
    # The shapes reading it with one figure other ("4191" for a look's "2191") bear the rest
    # of it out, rather than read another number.
    if value and by_shape and value not in by_shape and not _one_figure_off(value, by_shape):
        value = _supported(votes, NEED["number"])
    # Two looks that read other numbers of two figures or more, neither a part of it, against
    # a reading borne out less than the old agreement: a scribble, or figures no reader can
    # tell; a guess there is more likely wrong than right.
    against = sum(1 for r in seen if len(r) >= 2 and r not in value and value not in r)
    if value and against >= 2 and _support(votes, value) < NEED["number"]:
        value = ""
    # Numbers start from 01 each year: a zero before three figures is a stroke misread.
    return value.lstrip("0") if len(value) > 3 else value


def _one_figure_off(value: str, readings: list[str]) -> bool:
    return any(len(r) == len(value) and sum(a != b for a, b in zip(r, value)) == 1 for r in readings)


def tally(readings: list[str], kind: str) -> Counter:
    highest = {"day": 31, "month": 12}.get(kind)
    votes = Counter()
    for r in readings:
        for v in _values(r, highest):
            votes[str(int(v)) if highest else v] += 1
    if kind == "day":
        # A look often misses the first of a day's two figures, the one by "ngày" ("1" where
        # the shapes read "31"): it agrees with the two-figure day it ends.
        for two in [v for v in votes if len(v) == 2]:
            votes[two] += votes.get(two[1], 0)
    return votes


def _plain(votes: Counter, need: int) -> str:
    """The value most looks agree on, if enough do and no other value ties; else ""."""
    if not votes:
        return ""
    (value, n), *rest = votes.most_common()
    return "" if n < need or (rest and rest[0][1] == n) else value


def _support(votes: Counter, value: str) -> float:
    """How much the readings bear `value` out: a reading that is a run of its figures by the
    share of its figures it holds."""
    return sum(n * (1 if v == value else len(v) / len(value)) for v, n in votes.items() if v in value)


def _supported(votes: Counter, need: float) -> str:
    """The number most readings bear out, if they bear it out enough and no other number as
    much, of those read most often. A reading that is a run of another's figures ("8" or "288"
    beside "2788") bears that one out by the share of its figures: a look misses some of a
    handwritten number's figures far more often than it makes up new ones."""
    # Only between the numbers read most often: a figure too many ("941" beside "94", a
    # stroke of the slash read as a 1) is borne out by every reading of the rest of it.
    most = max(votes.values(), default=0)
    scored = sorted(((_support(votes, v), v) for v, n in votes.items() if n == most), reverse=True)
    if not scored or scored[0][0] < need or (len(scored) > 1 and scored[1][0] == scored[0][0]):
        return ""
    return scored[0][1]


SIGNED_WITHIN = 60  # days: a document is signed on its date or soon after
# How likely a document is signed so many days after its date: most the same day (a scan
# re-signed to be sent), many within the week, a few later.
SIGNED_SAME_DAY, SIGNED_WEEK, SIGNED_LATER = 1.0, 0.5, 0.1
# The pairs of pen figures the shapes' own training digits are taken for one another in 0.6 %
# of them or more (leave-one-out on digits._model(): 4 as 9 or 6, 5 as 3 or 6, 7 as 1 or 9,
# 3 as 8, 9 as 3 or 8, 8 as 5). Where the signing leaves a week to choose from, a reading one
# such figure off bears a day out at LOOK_ALIKE_WEIGHT.
LOOK_ALIKE = frozenset(frozenset(p) for p in ("49", "46", "35", "56", "17", "79", "38", "39", "89", "58"))
LOOK_ALIKE_WEIGHT = 0.3  # under a week's weight: a day read as it is, within the week, comes first


def _pick_date(year: int, parts: dict, signed_on) -> "dt.date | None":
    import datetime as dt

    if signed_on is None:
        # A look that misses a figure of "15" reads "1": it bears out the day it is part of.
        day, month = _supported(parts["day"], SHOWN_NEED), _supported(parts["month"], SHOWN_NEED)
        try:
            return dt.date(year, int(month), int(day)) if day and month else None
        except ValueError:
            return None
    # Of the days the file can bear, the likeliest: by the share of the readings of its day and
    # of its month that bear it out, and by how soon it was signed after it.
    best = None
    for back in range(SIGNED_WITHIN + 1):
        when = signed_on - dt.timedelta(days=back)
        if when.year != year:
            continue
        near = back <= 7
        score = _share(parts["day"], str(when.day), near) * _share(parts["month"], str(when.month), near) \
            * (SIGNED_SAME_DAY if back == 0 else SIGNED_WEEK if near else SIGNED_LATER)
        if score > 0 and (best is None or score > best[0]):
            best = (score, when)
    return best[1] if best else None


def _share(votes: Counter, value: str, look_alikes: bool) -> float:
    """The share of the readings in `votes` that bear `value` out: those that read it, and with
    `look_alikes`, at LOOK_ALIKE_WEIGHT those one look-alike figure off."""
    total = sum(votes.values())
    return sum(n * (1.0 if r == value else LOOK_ALIKE_WEIGHT if look_alikes and _look_alike(r, value) else 0.0)
               for r, n in votes.items()) / total if total else 0.0


def _look_alike(read: str, value: str) -> bool:
    off = [frozenset(pair) for pair in zip(read, value) if pair[0] != pair[1]]
    return len(read) == len(value) and len(off) == 1 and off[0] in LOOK_ALIKE


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
        figures = _without_spacing_marks(text.split(key, 1)[1].split(stop, 1)[0]).strip(" ,.")
        confs = [w.conf for w in words[start:end + 1] if any(c.isdigit() for c in w.text)]
    if not figures.isdigit() or len(figures) > (6 if kind == "number" else 2):
        return None
    return figures, min(confs or [0.0]) / 100


def _without_spacing_marks(text: str) -> str:
    """`text` without the marks that stand alone beside a letter ("4ˆ", "f7´"): a tone mark
    Tesseract set off a word, never a figure."""
    return "".join(c for c in text if unicodedata.category(c) not in ("Sk", "Lm"))


def _date(found: dict, row, parts: dict, conf: float, signed_on=None) -> dict:
    from app.intake.ocr import extract as E

    folded = fold(row.text)
    # A year written by hand too ("năm 20,20") is the year a legal number carries (02/2020/QĐ-…).
    legal = re.match(r"^\d+/((?:19|20)\d\d)/", found["number_symbol"].value)
    year = row_year(folded) or (int(legal.group(1)) if legal else None)
    if not year:
        return {}
    day = _pick_date(year, parts, signed_on)
    if day is None:
        return {}
    if found["date"].value == day.isoformat():
        return {}
    place = found["place"]
    if not place.value:
        before = row.text[: len(folded.split("ngay", 1)[0])]
        place = E.Field(E.F.clean_caps(before.split(",")[0]), conf, row.box)
    note = DATE_NOTE if conf <= GUESS else ""
    if str(day.day) not in parts["day"] or str(day.month) not in parts["month"]:
        read = "/".join(max(parts[k], key=parts[k].get) for k in ("day", "month"))
        note = DATE_SIGNED_NOTE.format(read=read, signed=signed_on.strftime("%d/%m/%Y"))
    return {"date": E.Field(day.isoformat(), conf, row.box, note), "place": place}
