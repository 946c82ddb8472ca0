"""The number that the sender's own software typed into the PDF's title. A records office that
scans its outgoing documents often names each file after the document: "gmdi-589-2020-01" (a
meeting invitation, number 589 of 2020, page 1), "107 BC-BCH", "69345-HAN"; the scanner and
the signing service keep that name as the PDF's Title. Where the number is written by hand,
those figures were typed by a clerk who read it, and they are a better witness than any
reading of the pen strokes. But a title is also a counter ("scan_0001", "001_party"), a
download's date and copy ("2020-08-03 (3)"), a timestamp ("08042026_173153") or just
"Scanned Image": so a title's figures are only taken where they are tied to the number, by
the printed symbol or the year after them, or by the pen's readings agreeing with them. They
are shown for checking, as every handwritten figure is, with the title named in the note."""
from __future__ import annotations

import re

from rapidfuzz.distance import Indel, Levenshtein

from app.text import fold

# Dates and times, in any order and with any separator, and a copy's "(3)": not a number.
_NOT_NUMBER = re.compile(r"\d{1,4}[-./_]\d{1,2}[-./_]\d{1,4}|\d{1,2}[:hH]\d{2}|\(\s*\d+\s*\)", re.ASCII)
MOST_FIGURES = 5  # a year's numbers reach tens of thousands, not millions
MOST_CHARS = 300  # a file's name, not a text: a longer title is cut (its figures are scanned one by one)
BONUS = 2.0  # a typed title against the pen readings, in readings' worth


def read(path) -> str:
    """The PDF's Title (the document information), else its Subject; "" for none or an
    unreadable file (the scan is read all the same)."""
    from app.pdflock import document

    try:
        with document(path) as pdf:
            meta = pdf.get_metadata_dict()
    except Exception:  # noqa: BLE001 - no title is no evidence
        return ""
    for key in ("Title", "Subject"):
        value = (meta.get(key) or "").replace("\x00", "").strip()
        if value:
            return value[:MOST_CHARS]
    return ""


def candidates(title: str, symbol: str, year: int | None) -> list[tuple[str, bool]]:
    """The runs of figures in `title` that may be the number, each with whether the title ties
    it to the number: the printed `symbol` ("/BC-BCH") or the document's `year` right after it.
    A run padded with zeros to three figures or more ("001") is a counter: numbers start from
    01 each year and are not padded further."""
    plain = _NOT_NUMBER.sub(" ", title)
    letters = re.sub(r"[^a-z0-9]", "", fold(symbol))
    out: list[tuple[str, bool]] = []
    for m in re.finditer(r"(?<![0-9])[0-9]+(?![0-9])", plain):
        run = m.group()
        # The document's year is no number; where the year is not known, neither is a run
        # that may be one (a number such as 2014 is then left out too).
        as_year = run == str(year) if year else re.fullmatch(r"(?:19|20)[0-9][0-9]", run) is not None
        if len(run) > MOST_FIGURES or as_year or (len(run) > 2 and run[0] == "0"):
            continue
        after = plain[m.end():]
        by_year = bool(year) and re.match(rf"\s*[-_ /.]\s*{year}(?!\d)", after) is not None
        folded_after = re.sub(r"[^a-z0-9]", "", fold(after))
        by_symbol = len(letters) >= 2 and folded_after.startswith(letters)
        if run not in (c for c, _ in out):
            out.append((run, by_year or by_symbol))
    return out


def agrees(run: str, reading: str) -> bool:
    """A pen reading bears a title's run out: half its figures or more, in order."""
    if not reading:
        return False
    common = (len(run) + len(reading) - Indel.distance(run, reading)) // 2
    return 2 * common >= len(run)


def _likeness(votes: dict, value: str) -> float:
    return sum(n * Levenshtein.normalized_similarity(v, value) for v, n in votes.items())


def pick(votes: dict, runs: list[tuple[str, bool]], value: str) -> str:
    """Of the title's `runs`, the one that is the number, if one is: tied to it or borne out by
    a reading, alone the likest to the readings (`votes`, reading -> count), and likelier with
    the title's weight than the readings' own `value`; "" otherwise."""
    kept = [run for run, tied in runs if tied or any(agrees(run, v) for v in votes)]
    if not kept:
        return ""
    scored = sorted(((_likeness(votes, run), len(run), run) for run in kept), reverse=True)
    if len(scored) > 1 and scored[0][:2] == scored[1][:2]:
        return ""
    best, _n, run = scored[0]
    return run if best + BONUS > (_likeness(votes, value) if value else 0.0) else ""
