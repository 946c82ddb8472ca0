"""Header fields from the lines of page 1. Only the header is trusted: the number must follow
"Số" in the left column, the date must be the "<place>, ngày … tháng … năm …" line of the right
column, stamps must stand alone; numbers and dates in the body or in a receiving office's
"ĐẾN" stamp are never taken."""
from __future__ import annotations

import re
import statistics
import unicodedata
from difflib import SequenceMatcher
from dataclasses import dataclass, replace

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from app.intake.ocr import fields as F, figures, names, spelling, symbols, vocabulary
from app.intake.ocr.lines import Line
from app.text import fold, nfc

HANDWRITTEN_NOTE = "Số viết tay, không đọc được — cần nhập tay."
MIN_NUMBER_CONF = 0.45  # below this the digits were guessed (handwriting, a smudge)


@dataclass(frozen=True)
class Field:
    value: str = ""
    confidence: float = 0.0
    box: tuple[int, int, int, int] | None = None
    note: str = ""


def _is_den_stamp(line: Line) -> bool:
    f = line.folded.strip(" .:;|")
    return (f.startswith(("den", "chuyen:", "chuyen :", "ngay:", "ngay :", "so va ky hieu", "so:", "so :"))
            and not F.parse_number(F.NUMBER_LINE.sub(r"\g<rest>", line.text) or ""))


def _regime(lines: list[Line]) -> tuple[Field, Line | None]:
    best, best_line, best_score = "", None, 0.0
    for line in lines[:25]:
        for regime, title in (("party", F.PARTY_TITLE), ("state", F.STATE_TITLE)):
            score = F.title_score(line.folded, title)
            if score > best_score and score >= 75:
                best, best_line, best_score = regime, line, score
    if not best:
        return Field(), None
    return Field(best, min(best_line.conf, best_score / 100), best_line.box), best_line


def _same_row(a: Line, b: Line) -> bool:
    overlap = min(a.bottom, b.bottom) - max(a.top, b.top)
    return overlap > 0.5 * min(a.bottom - a.top, b.bottom - b.top)


def _number(lines: list[Line], date_line: Line | None = None) -> tuple[Field, Line | None]:
    for line in map(_from_last_so, lines):
        if line.side == "right":
            continue
        m = F.NUMBER_LINE.match(line.text)
        if not m or _body_line(m.group("rest")):
            continue
        # A wide gap left for a handwritten number can split the line in two: join the row.
        row = [o for o in lines if o is not line and o.side != "right" and o.left > line.left
               and o.right < 0.6 * line.page_width and _same_row(o, line)]
        rest = " ".join([m.group("rest")] + [o.text for o in row])
        parsed = F.parse_number(rest)
        if row:  # the whole row is the number line: the issuer is centred over all of it
            line = Line(line.words + tuple(w for o in row for w in o.words), line.page_width, line.ink)
        if parsed:
            words = [w for o in [line] + row for w in o.words]
            digits = next((w for w in words if any(c.isdigit() for c in w.text)), None)
            conf = digits.conf / 100 if digits else 0.0
            # A printed number is one token with its symbol ("123/QĐ-UBND"); a number written
            # by hand into the blank left for it is read as a separate, doubtful token.
            separate = digits is not None and not F.TAIL.search(digits.text)
            figures = F.NUMBER_LINE.sub(r"\g<rest>", digits.text) if digits is not None else ""
            if separate and (conf < 0.85 or not figures.isdigit()):
                return Field("", 0.0, line.box, HANDWRITTEN_NOTE), line
            # The strict pattern in the place of "Số" is itself strong evidence; Tesseract's
            # word confidence is low for any token holding "Đ", however well it was read.
            if conf < MIN_NUMBER_CONF:  # printed, but smudged: show it, marked for checking
                return Field(parsed[0], 0.5 * conf + 0.3, line.box), line
            return Field(parsed[0], 0.5 + 0.5 * conf, line.box), line
        if F.TAIL.search(rest):
            return Field("", 0.0, line.box, HANDWRITTEN_NOTE), line
        # "Số: 1234" with no symbol is a receiving stamp's number, not the document's.
    if date_line is not None:
        # "Số" lost under a stamp or a smudge: the number stands on the row of the place and
        # date line in both State and Party layouts, so a whole number-symbol there is taken,
        # marked for checking.
        for line in lines:
            parsed = F.parse_number(line.text) if line.side == "left" and _same_row(line, date_line) else None
            if parsed:
                return Field(parsed[0], min(0.7, line.conf), line.box), line
    return Field(note="Không thấy dòng “Số …” trong phần đầu văn bản."), None


def number_line(lines: list[Line]) -> Line | None:
    """The "Số …" line of the header, whatever its figures were read as."""
    return _number(lines)[1]


def date_row(lines: list[Line], above: int | None = None) -> Line | None:
    """The place-date row ("Hà Nội, ngày … tháng … năm 2020") even where its figures were
    not read, above the type title (`above`); None where there is none."""
    right = [ln for ln in lines if ln.side != "left" and (above is None or ln.bottom <= above)]
    for line in right:
        row = sorted([o for o in right if _same_row(o, line)], key=lambda o: o.left)
        whole = Line(tuple(w for o in row for w in o.words), line.page_width, line.ink)
        marks = figures.date_marks(whole.words)
        # The year's century is printed even where its end is written by hand ("năm 20,20").
        if len(marks) < 3 or not (figures.row_year(whole.folded) or re.search(r"nam\s*(?:19|20)", whole.folded)):
            continue
        # The place: the words before "ngày" (the mark's word may carry the day: "ngày04").
        place = " ".join(fold(w.text) for w in whole.words if w.left + w.width / 2 < marks["ngay"][0]).strip(" ,.")
        if place and len(place.split()) <= 5 and not place.startswith("can cu"):
            return whole
    return None


def _body_line(rest: str) -> bool:
    """Whether the words after a "Sở" are a department's name ("SỞ LAO ĐỘNG - THƯƠNG BINH"),
    not a number line's: a whole word of letters follows, and no slash is on the line (a
    State symbol follows "/", a Party one "-…/…")."""
    first = rest.split()[0] if rest.split() else ""
    return "/" not in rest and len(first) >= 2 and first.isalpha()


def _from_last_so(line: Line) -> Line:
    """The line from its last "Số" that a number-symbol follows: a receiving stamp's words
    ("Số và ký hiệu HS:", "Chuyển: PGĐ Hùng") read into the same row are left out."""
    for k in range(len(line.words) - 1, 0, -1):
        rest = Line(line.words[k:], line.page_width, line.ink)
        m = F.NUMBER_LINE.match(rest.text)
        if m and F.TAIL.search(m.group("rest")):
            return rest
    return line


def _centred(line: Line, centre: float, tolerance: float) -> Line | None:
    """The part of a row centred on the header column: words of a receiving stamp read into
    the same row push its middle aside, so they are taken off the side it leans to."""
    words = list(line.words)
    while words:
        part = Line(tuple(words), line.page_width, line.ink)
        whole = len(words) == len(line.words)
        stamp = _is_den_stamp(part)
        # A part left after trimming must sit closer: the stamp's own lines end near the column.
        if not stamp and abs(part.center - centre) <= (tolerance if whole else tolerance / 2):
            if whole:
                return part
            # Names in the header are printed in capitals; a stamp's "PGĐ Hùng" is not: the
            # longest run of capitalised words is the name.
            runs, run = [], []
            for w in words:
                if any(c.islower() for c in w.text):
                    runs.append(run)
                    run = []
                else:
                    run.append(w)
            words = max(runs + [run], key=lambda r: sum(len(w.text) for w in r))
            part = Line(tuple(words), line.page_width, line.ink) if len(words) >= 2 else None
            return part if part is not None and part.letters >= 3 else None
        words.pop(0 if stamp or part.center < centre else -1)
    return None


def _date(lines: list[Line]) -> tuple[Field, Field, Line | None]:
    right = [ln for ln in lines if ln.side != "left"]
    for line in right:
        # The line may come in pieces where the day and month were left blank for the pen.
        row = sorted([o for o in right if _same_row(o, line)], key=lambda o: o.left)
        if len(row) > 1 and row[0] is line:
            line = Line(tuple(w for o in row for w in o.words), line.page_width, line.ink)
        parsed = F.parse_date(line.folded)
        if parsed:
            place_folded, day = parsed
            place = _original_place(line, place_folded)
            # As sure as its least sure figure: the day is often written by hand.
            figures = [w.conf / 100 for w in line.words if any(c.isdigit() for c in w.text)]
            conf = min([line.conf] + figures)
            if "," not in line.folded.split("ngay", 1)[0]:
                # No comma after the place: taken only in the right column, for checking.
                if line.side != "right":
                    continue
                conf = min(conf, 0.7)
            return (Field(day.isoformat(), conf, line.box), Field(place, conf, line.box), line)
    return Field(note="Không thấy dòng địa danh, ngày tháng."), Field(), None


def _original_place(line: Line, place_folded: str) -> str:
    text = line.text.split(",")[0]
    return F.clean_caps(text) if fold(F.clean_caps(text)) == place_folded else F.clean_caps(text)


def _anchor(lines: list[Line], regime: Field, date_line: Line | None) -> Line | None:
    """Where the "Số" line is missing (a programme, a document with no number): the left
    column's lines down to the date line's row (or two lines under the title) stand over
    this point, centred on the name's own middle."""
    if not regime.value:
        return None
    title_bottom = regime.box[1] + regime.box[3]
    limit = date_line.bottom if date_line is not None else title_bottom + 3 * regime.box[3]
    left = [ln for ln in lines if ln.side == "left" and ln.top < limit and ln.letters >= 3]
    if not left:
        return None
    last = max(left, key=lambda ln: ln.bottom)
    return Line((replace(left[0].words[0], top=last.bottom + 1, height=1, left=round(left[0].center) - 1,
                         width=2),), left[0].page_width, left[0].ink)


CUT_SHORT_NOTE = "Tên cơ quan có thể thiếu dòng cuối — cần kiểm tra."
COMPLETED_NOTE = "Tên cơ quan đọc thiếu dòng cuối, đã bổ sung theo danh mục tên — cần kiểm tra."


def _issuer(lines: list[Line], number_line: Line | None, known: list[str], exact: bool = False) -> Field:
    if number_line is None:
        return Field()
    centre = number_line.center
    width = number_line.page_width
    parts, originals = [], []
    for line in lines:
        if line.top >= number_line.top or line.side == "right":
            continue
        part = _centred(_left_of_title(line), centre, width * 0.09)
        if part is None:
            continue  # the receiving stamp sits elsewhere; header lines are centred together
        if part.letters >= 3 and all(F.title_score(part.folded, t) < 75
                                     for t in (F.STATE_TITLE, F.PARTY_TITLE, F.MOTTO)):
            parts.append(part)
            originals.append(line)
    # The Party header's "*" under the name is read as a short word ("sét"): far too small.
    # Against the median, not the tallest: a stamp's frame line through a row makes its words
    # look tall, and the next row must not then look like a speck.
    heights = [_letter_height(p) for p in parts]
    # A line of many letters is no speck, however small its letters were measured (a seal or
    # a signature block over a line beside it makes that one look tall).
    keep = [i for i, h in enumerate(heights)
            if h >= 0.6 * statistics.median(heights) or parts[i].letters >= 8] if heights else []
    parts, originals = [parts[i] for i in keep], [originals[i] for i in keep]
    if not parts:
        return Field()
    # Specks and the rule's ends come out as lone marks ("ˆ", "\\"): never part of a name.
    texts = [F.clean_caps(" ".join(_without_title_word(_caps_ends(p.text.split())))) for p in parts]
    unmerged = texts if exact else [names.unmerge(t) for t in texts]
    parted_words = unmerged != texts
    if not exact:
        texts = [vocabulary.correct_caps(t) for t in unmerged]
    # NĐ 30 / HD 36: the parent body is regular, the issuing body bold; a name too long for
    # one line continues in bold. So regular lines are the parent, bold ones the issuer.
    boldest = max(p.ink for p in parts)
    regular = [t for p, t in zip(parts, texts) if p.ink < boldest * 0.8]
    bold = [t for p, t in zip(parts, texts) if p.ink >= boldest * 0.8]
    conf = min(p.weakest for p in parts)
    if parted_words:
        conf = min(conf, 0.79)  # words parted where a built-in name parts them: have it checked
    joined, parted = " ".join(texts), ""
    if not exact:
        # Marks and a lost letter put back from the built-in names, over the lines joined (a
        # name may run onto the next line); then the superior body parted from the issuer
        # where the next body's head word (SỞ, BAN, VĂN PHÒNG…) starts.
        repaired, letters = names.repair(joined)
        if repaired != joined:
            conf = min(conf, 0.6 if letters else 0.79)
        joined = repaired
        parted = names.part(joined) if names.part(joined) != joined else ""
    if parted:
        value = parted
    elif regular and bold and parts[0].ink < boldest * 0.8:
        words = joined.split()
        n = sum(len(t.split()) for t in regular)
        value = f"{' '.join(words[:n])} - {' '.join(words[n:])}"
    else:
        value = joined
    if any(p.words != o.words for p, o in zip(parts, originals)):
        conf = min(conf, 0.6)  # a stamp's words shared a row with the name: have it checked
    note = ""
    rest = None if exact else names.rest_of(value)
    if rest is not None:
        # Its last line lost (an underline through it, a seal): where one built-in name ends
        # it, that name's end is put back; either way it is to be checked.
        value = f"{value} {rest}" if rest else value
        conf, note = min(conf, 0.6), COMPLETED_NOTE if rest else CUT_SHORT_NOTE
    box = (min(p.left for p in parts), parts[0].top,
           max(p.right for p in parts) - min(p.left for p in parts), parts[-1].bottom - parts[0].top)
    if known:
        for _folded, score, name in process.extract(fold(value), {k: fold(k) for k in known},
                                                     scorer=fuzz.ratio, score_cutoff=90, limit=5):
            if _slips_only(value, name):
                return Field(name, max(conf, score / 100 - 0.05), box)
    return Field(value, conf, box, note)


def _slips_only(read: str, name: str) -> bool:
    """Whether a known name differs from what was read by OCR slips only: letters within words,
    or one word lost or added (UBND under a stamp, a stamp's word in the row). A whole name
    close in letters is not enough: TỈNH ỦY ĐÀ NẴNG and TỈNH ỦY TÂY NINH differ by two
    characters of ten but are two bodies."""
    a, b = fold(read).split(), fold(name).split()
    added = 0
    for op, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "replace":
            x, y = " ".join(a[i1:i2]), " ".join(b[j1:j2])
            if Levenshtein.distance(x, y) > 1 and fuzz.ratio(x, y) < 75:
                return False
        elif op != "equal":
            added += max(i2 - i1, j2 - j1)
    return added <= 1


def _state_parent(issuer: Field) -> Field:
    """Under the State title a province or city is never the parent body by itself: it is its
    People's Committee (UBND TỈNH X). A line that starts at TỈNH lost its UBND, mostly under a
    receiving stamp; put it back, marked for checking."""
    head = fold(issuer.value).split(" - ")[0].split()
    if head[:1] == ["tinh"] or head[:2] == ["thanh", "pho"]:
        if "uy" not in head[1:3]:  # not TỈNH ỦY, THÀNH ỦY (a Party body)
            return replace(issuer, value="UBND " + issuer.value, confidence=min(issuer.confidence, 0.6))
    return issuer


def _left_of_title(line: Line) -> Line:
    """The words of a left-column line before the State title or the motto run into its row
    ("THÀNH PHỐ HÀ NỘI........ - Độc lập-"), and a dotted leader off a name's last word."""
    words = list(line.words)
    for k in range(1, len(words)):
        rest = fold(" ".join(w.text for w in words[k:k + 2]))
        if rest.startswith(("doc lap", "cong hoa", "cong hoa")) or rest.split()[0] in ("-doc", "doc-"):
            words = words[:k]
            break
    while len(words) > 1 and words[-1].text.strip("-–—_.") == "":
        words.pop()
    last = words[-1]
    core = last.text.rstrip(".")
    if len(last.text) - len(core) >= 3 and core:
        words[-1] = replace(last, text=core, width=max(1, round(last.width * len(core) / len(last.text))))
    return line if words == list(line.words) else Line(tuple(words), line.page_width, line.ink)


def _letter_height(line: Line) -> float:
    """Median height of the words with letters: a speck above a line does not make it taller."""
    return statistics.median([w.height for w in line.words if _has_letter(w.text)] or [line.bottom - line.top])


def _caps_ends(tokens: list[str]) -> list[str]:
    """A header name is printed in capitals: a lower-case token at either end of a line that is
    otherwise in capitals is a speck or a stamp's word ("NINH BÌNH sét")."""
    tokens = [t for t in tokens if _has_letter(t) or t in ("-", "–", "&")]
    caps = sum(not any(c.islower() for c in t) for t in tokens)
    if caps * 2 > len(tokens):
        while tokens and any(c.islower() for c in tokens[-1]):
            tokens.pop()
        while tokens and any(c.islower() for c in tokens[0]):
            tokens.pop(0)
    return tokens


def _without_title_word(tokens: list[str]) -> list[str]:
    """The State title's first words ("CỘNG HÒA") read into the name's row, off its end."""
    while len(tokens) > 2 and tokens[-1].strip(",.") in ("CỘNG", "HÒA", "HOÀ") and "CỘNG" in tokens[-2:]:
        tokens = tokens[:-1]
    return tokens


def _has_letter(token: str) -> bool:
    # "ˆ" (a modifier letter, category Lm) is a speck read as a circumflex, not a letter.
    return any(c.isdigit() or c.isalpha() and unicodedata.category(c) != "Lm" for c in token)


def _stamps(lines: list[Line], below: Line | None, title: Line | None, table) -> Field:
    top = below.bottom if below else 0
    bottom = title.top if title else 10 ** 9
    for line in lines:
        if line.side == "right" or not (top <= line.top < bottom):
            continue
        found = F.stamp_word(line.folded, table)
        if found:
            return Field(found[0], min(line.conf, found[1]), line.box)
    return Field()


def _type_and_summary(lines, after: int, types, number: str, cong_van_line: Line | None, exact: bool = False):
    names = {fold(name): name for name, _abbr in types}
    for i, line in enumerate(lines):
        if line.top <= after or line.side != "centre":
            continue
        title = line.folded.strip(" .:")
        match = process.extractOne(title, names.keys(), scorer=fuzz.ratio)
        if not (match and match[1] >= 85):
            # A title with a word after the type's name ("GIẤY MỜI HỌP", "THÔNG BÁO KHẨN").
            longest = max((k for k in names if title.startswith(k + " ")), key=len, default="")
            match = (longest, 85.0) if longest else match
        if match and match[1] >= 85 and len(line.words) <= 6:
            summary = _summary_lines(lines[i + 1:], line, exact)
            return (Field(names[match[0]], min(line.conf, match[1] / 100), line.box), summary)
        break  # the first centred line under the header is the type name, or there is none
    if cong_van_line is not None:
        return Field("Công văn", 0.9, cong_van_line.box), Field()
    by_abbr = _type_from_symbol(number, types)
    return by_abbr, Field()


def _summary_lines(lines: list[Line], title: Line, exact: bool = False) -> Field:
    taken: list[Line] = []
    prev = title
    height = max(1, title.bottom - title.top)
    for line in lines:
        if not exact:
            line = _without_stamp_ends(line)
        if not line.letters and (line.right - line.left) < height:
            continue  # a speck between the lines
        if not exact and line.conf < 0.5 and line.letters <= 4 and (line.right - line.left) < 3 * height:
            continue  # a receiving stamp's scrawl or a seal's edge, read as a mark or two
        if not exact and line.conf < 0.5 and line.bottom - line.top < 0.3 * height:
            continue  # specks far smaller than a letter, read as a word ("êxaion")
        # The rule under the summary leaves a wider gap than the summary's own line spacing.
        # Body lines run the full width of the text block; a centred summary never does.
        # The trích yếu may stand a little further under the type name than its own lines.
        gap = (2.0 if prev is title else 0.9) * height
        # A text layer's lines are where they are typed: a long summary line centred under the
        # title is told from the body by the gap above; a scan's by its width too.
        # A long line centred under the title continues the summary when it continues its
        # sentence (a lower-case word first): the body's first line starts a new one.
        first = next((w.text for w in line.words if any(c.isalpha() for c in w.text)), "")
        wide = 0.76 if exact and abs(line.center - title.center) < 0.03 * line.page_width else 0.66
        if taken and first[:1].islower() and abs(line.center - title.center) < 0.03 * line.page_width:
            wide = 0.8
        if prev is title and line.top - title.bottom < 0.5 * height:
            wide = 0.82  # right under the title, with no gap: the summary, however long its line
        centred = abs(line.center - title.center) < 0.03 * line.page_width
        if taken and centred and line.top - prev.bottom < 0.35 * height:
            wide = 0.82  # at the summary's own line spacing: its next line, however long
        if prev is title and centred and not exact and line.top - title.bottom < 0.8 * height \
                and not line.folded.startswith(("kinh gui", "can cu", "tran trong")):
            wide = 0.82  # close under the title and centred on it: a long first line
        if prev is title and not exact and abs(line.center - title.center) < 0.01 * line.page_width \
                and line.top - title.bottom < 1.5 * height \
                and not line.folded.startswith(("kinh gui", "can cu", "tran trong")):
            # Centred on the title to a letter's width: a long first line of a trích yếu (a
            # body's first line is indented, which moves its middle by half the indent).
            wide = 0.82
        if line.side != "centre" and (line.right < title.left or line.left > title.right) \
                and (line.conf < 0.75 or line.letters <= 3 or _is_den_stamp(line)):
            continue  # a receiving stamp's or a seal's fragment in the margin beside the title
        if line.side != "centre" or line.top - prev.bottom > gap \
                or (line.right - line.left) > wide * line.page_width \
                or line.folded.startswith(("kinh gui", "can cu")):
            break
        if set(line.text.strip()) <= set("-_—–~. "):
            break  # the short rule under the summary
        if taken and _all_caps(line) and not _all_caps(taken[-1]):
            break  # the authority line under a summary ("ỦY BAN NHÂN DÂN …", "GIÁM ĐỐC SỞ …")
        if taken and line.text.lstrip().startswith("(") and (exact or line.top - prev.bottom > 0.35 * height):
            # An addendum in brackets under the summary (often in red, set apart) is not its
            # wording; on a scan, a bracket at the summary's own line spacing is ("(tại phiên
            # họp số 45)"); a text layer's spacing is as typed and tells nothing.
            break
        taken.append(line)
        prev = line
    if not taken:
        return Field()
    # A comma at a line's end is the summary's own ("quy trình, / định mức …").
    text = F.summary_text([x.text for x in taken])
    # The addressee's "Kính gửi" read into the summary's last row: never a summary's words.
    text = re.split(r"\s+Kính\s+gửi\b", nfc(text), maxsplit=1)[0]
    return Field(text, min(x.weakest for x in taken), _union(taken))


def _without_stamp_ends(line: Line) -> Line:
    """A line without the words of a receiving stamp read into its row at either end (the
    stamp's framed "CÔNG THÔNG TIN ĐIỆN TỬ …" beside a trích yếu): Tesseract gives them the
    frame's height and doubts them, or hardly trusts them at all. (Height alone is no sign:
    a word with a descender and stacked marks, "dụng", stands twice as tall as "sở".)"""
    words = list(line.words)
    if len(words) < 4:
        return line
    normal = statistics.median(w.height for w in words)

    def stamp(w) -> bool:
        return (w.height > 1.5 * normal and w.conf < 70) or w.conf < 30

    # Only a run of two or more such words at an end, and only where the line's own remain.
    def run(ws) -> int:
        n = 0
        while n < len(ws) and stamp(ws[n]):
            n += 1
        return n if n >= 2 else 0

    head = run(words)
    words = words[head:]
    tail = run(words[::-1])
    words = words[:len(words) - tail]
    if len(words) == len(line.words) or len(words) < 3:
        return line
    return Line(tuple(words), line.page_width, line.ink)


def _speck(line: Line, height: int) -> bool:
    """Dust or a rule's end read as a mark or two: hardly wider than a letter (`height`) is high."""
    return line.letters <= 1 and (line.right - line.left) < 1.5 * max(1, height)


def _blot(line: Line, height: int) -> bool:
    """A seal's or stamp's edge read as a few doubtful letters: narrower than two letters, or
    far taller than the lines of text around it."""
    width, tall = line.right - line.left, line.bottom - line.top
    return line.conf < 0.6 and (width < 2 * height or tall > 1.8 * height)


def _all_caps(line: Line) -> bool:
    letters = [c for c in line.text if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters)


def _vv(lines: list[Line], number_line: Line | None) -> tuple[Field, Line | None]:
    if number_line is None:
        return Field(), None
    for i, line in enumerate(lines):
        if line.top > number_line.top and line.side == "left" and F.VV.match(line.text) is None \
                and line.folded.startswith("ve viec ") and line.top - number_line.bottom < 3 * (line.bottom - line.top):
            # A công văn's trích yếu written out ("Về việc …") under the number, as printed.
            taken = _left_block(lines, i)
            text = F.summary_text([x.text for x in taken])
            return Field(nfc(text), min(x.weakest for x in taken), _union(taken)), line
        if line.top > number_line.top and line.side == "left" and F.VV.match(line.text):
            taken = _left_block(lines, i)
            text = F.summary_text([F.VV.sub("", taken[0].text)] + [x.text for x in taken[1:]])
            # Kept as printed, "V/v" and all: the register of a công văn writes it so.
            return Field(nfc("V/v " + text), min(x.weakest for x in taken), _union(taken)), line
    return Field(), None


def _left_block(lines: list[Line], i: int) -> list[Line]:
    """Line i of the left column and those under it, to a gap, a stamp or the centre."""
    line = lines[i]
    taken = [line]
    for nxt in lines[i + 1:]:
        if nxt.side == "right" or _speck(nxt, line.bottom - line.top) or _blot(nxt, line.bottom - line.top):
            continue  # the date line or the motto beside it; a speck or a seal's blot
        if nxt.side != "left" or nxt.top - taken[-1].bottom > (line.bottom - line.top) * 1.2:
            break
        if F.stamp_word(nxt.folded, F.SECRECY) or F.stamp_word(nxt.folded, F.URGENCY):
            break
        taken.append(nxt)
    return taken


def _known_share(text: str, lexicon) -> float:
    """The share of the words of `text` that are words of administrative wording or names."""
    words = re.findall(r"[^\W\d_]+", text)
    known = sum(fold(w.lower()) in lexicon.forms or vocabulary.known_word(w) for w in words)
    return known / len(words) if words else 0.0


def _symbol_only(line: Line | None) -> str:
    """The printed symbol of a number line whose figures were not read ("9ŸŸ/GM-UBND"), with
    a stand-in figure, for the type its abbreviation names."""
    m = F.NUMBER_LINE.match(line.text) if line is not None else None
    if not m:
        return ""
    rest = m.group("rest")
    cuts = [i for i in (rest.find(c) for c in "/⁄-") if i >= 0]
    parsed = F.parse_number("1" + rest[min(cuts):]) if cuts else None
    return parsed[0] if parsed else ""


def _symbol_type(number: str) -> str:
    """The type abbreviation inside a number-symbol ("QĐ" in 123/QĐ-UBND and 1881-QĐ/TU)."""
    if "-" in number and "/" in number:
        parts = number.split("/")
        if number.index("-") < number.index("/"):  # Party: n-TYPE/ORG
            return number.split("-", 1)[1].split("/", 1)[0]
        return parts[-1].split("-", 1)[0]  # State and legal: n/[year/]TYPE-ORG
    return ""


def check_symbol(number: Field, doc_type: Field, types, issuer: Field | None = None) -> Field:
    """The abbreviation must agree with the type name printed under the header: a slip such as
    "TT" for "TTr" is put right from the catalogue; an unknown abbreviation is marked for checking.
    With the `issuer` (on a scan), capitals misread as look-alikes are put back in the type's
    abbreviation and the issuer's initials (symbols.py)."""
    abbr = _symbol_type(number.value)
    if not abbr:
        return number
    known = {a for _n, a in types if a}
    expected = next((a for n, a in types if n == doc_type.value and a), "")
    if issuer is not None:
        head = re.match(r"^(\d+(?:/(?:19|20)\d\d)?[/-])(.+)$", number.value)
        body = issuer.value.split(" - ")[-1]
        fixed = symbols.repaired(head.group(2), (expected,) + symbols.body_initials(body)) if head else ""
        if head and fixed != head.group(2):
            number = replace(number, value=head.group(1) + fixed, confidence=min(number.confidence, 0.75))
            abbr = _symbol_type(number.value)
    # A dropped last letter is restored: the lower-case tail (TTr, CTr), which Tesseract often
    # drops, or any letter when what was read is no abbreviation at all ("H" for HD, cut by a
    # stamp's frame). A known abbreviation is kept: Party documents lawfully write QĐ for a
    # Quy định.
    if doc_type.box is not None and expected.startswith(abbr) and len(expected) == len(abbr) + 1 \
            and (expected[-1].islower() or abbr not in known):
        fixed = number.value.replace(abbr, expected, 1)
        return replace(number, value=fixed, confidence=min(number.confidence, 0.75))
    if abbr not in known and fold(abbr) not in {fold(a) for a in known}:
        # công văn symbols carry the issuer first (12/UBND-VP): no type abbreviation to check
        if doc_type.value != "Công văn":
            return replace(number, confidence=min(number.confidence, 0.75))
    return number


def _type_from_symbol(number: str, types) -> Field:
    abbr = _symbol_type(number)
    for name, ab in types:
        if ab and ab == abbr:
            return Field(name, 0.6)
    return Field()


def _union(lines: list[Line]) -> tuple[int, int, int, int]:
    left, top = min(x.left for x in lines), min(x.top for x in lines)
    return (left, top, max(x.right for x in lines) - left, max(x.bottom for x in lines) - top)


def extract(lines: list[Line], doc_types, known_issuers=(), lexicon=None, exact: bool = False) -> dict[str, Field]:
    """`exact`: the lines are a text layer's, whose letters and marks are those typed: nothing
    is put back in them."""
    lines = [ln for ln in lines if not F.is_signature_block(ln.folded)]
    regime, _title = _regime(lines)
    date, place, date_line = _date(lines)
    number, number_line = _number(lines, date_line)
    issuer = _issuer(lines, number_line or _anchor(lines, regime, date_line), list(known_issuers), exact)
    if regime.value == "state":
        issuer = _state_parent(issuer)
    summary_vv, vv_line = _vv(lines, number_line)
    header_bottom = max([x.bottom for x in (number_line, date_line, vv_line) if x is not None] or [0])
    symbol = number.value or _symbol_only(number_line)
    doc_type, summary = _type_and_summary(lines, header_bottom, doc_types, symbol, vv_line, exact)
    if summary_vv.value:
        summary = summary_vv
    if summary.value and not exact:
        summary = replace(summary, value=F.paired_quotes((lexicon or spelling.built_in()).correct(summary.value)))
        if _known_share(summary.value, lexicon or spelling.built_in()) < 0.25:
            summary = Field()  # a seal's or a picture's texture read as letters, not wording
    number = check_symbol(number, doc_type, doc_types, None if exact else issuer)
    # A công văn's type comes from its V/v line, which is above the stamps, not below them.
    title_line = next((x for x in lines if doc_type.box and x.box == doc_type.box
                       and x.side == "centre"), None)
    secrecy = _stamps(lines, number_line, title_line, F.SECRECY)
    urgency = _stamps(lines, number_line, title_line, F.URGENCY)
    return {"regime": regime, "issuer": issuer, "number_symbol": number, "date": date,
            "place": place, "doc_type": doc_type, "summary": summary, "secrecy": secrecy,
            "urgency": urgency}
