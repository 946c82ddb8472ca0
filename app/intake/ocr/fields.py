"""Patterns of the header of a Vietnamese official document (NĐ 30 Phụ lục I; HD 36)."""
from __future__ import annotations

import datetime as dt
import re

from rapidfuzz import fuzz

from app.text import fold

PARTY_TITLE = "dang cong san viet nam"
STATE_TITLE = "cong hoa xa hoi chu nghia viet nam"
MOTTO = "doc lap - tu do - hanh phuc"
SECRECY = {"mat": "Mật", "toi mat": "Tối mật", "tuyet mat": "Tuyệt mật"}
URGENCY = {"khan": "Khẩn", "thuong khan": "Thượng khẩn", "hoa toc": "Hỏa tốc",
           "hoa toc hen gio": "Hỏa tốc hẹn giờ"}

# OCR slips inside numbers: letters that look like digits.
_DIGITS = str.maketrans({"O": "0", "o": "0", "D": "0", "l": "1", "I": "1", "|": "1", "i": "1",
                         "S": "5", "B": "8", "Z": "2", "z": "2"})
_UP = r"A-ZĐÀ-Ỹa-zđ"
SYM = rf"[{_UP}](?:[{_UP}0-9]|&(?=[{_UP}]))*"  # "KH&ĐT" (Kế hoạch và Đầu tư) is one body
NUMBER_LINE = re.compile(r"^\W*S[ốoóôồổ6ỗộéếơớở]\s*[:.;,]?\s*(?P<rest>.*)$", re.IGNORECASE)
LEGAL = re.compile(rf"(?P<n>\d+)\s*/\s*(?P<y>(?:19|20)\d\d)\s*/\s*(?P<t>{SYM})\s*-\s*(?P<o>{SYM}(?:-{SYM})*)")
# A joint document of several bodies may part its type from their initials by a colon
# ("69345/TTrLN:CT-STC-TP-KBNN", a tờ trình liên ngành): kept as printed.
STATE = re.compile(rf"(?P<n>\d+)\s*/\s*(?P<t>{SYM})\s*(?P<s>[-:])\s*(?P<o>{SYM}(?:-{SYM})*)")
PARTY = re.compile(rf"(?P<n>\d+)\s*-\s*(?P<t>{SYM})\s*/\s*(?P<o>{SYM}(?:-{SYM})*)")
TAIL = re.compile(rf"[/⁄-]\s*{SYM}")
DATE = re.compile(r"(?P<place>[^,]{2,40}),\s*ngay\s*(?P<d>[0-9OolI]{1,2})\s*thang\s*(?P<m>[0-9OolI]{1,2})"
                  r"\s*nam\s*(?P<y>[0-9OolI]{4})")
# "V/w" and "V/y" are the v read with a flourish, as Tesseract often does in italics.
VV = re.compile(r"^\W*V\s*[/⁄∕|\\lIXx7]?\s*(?:%[vVy]|[vVywW%])(?=[\s.:])\.?\s*[:.]?\s*")


# The text block a signing service prints over a re-signed scan ("Ký bởi: Sở Y tế",
# "Email: …", "Cơ quan: …", "Thời gian ký: 03.08.2020 11:49:05 +07:00"): never a header line.
# An "@" alone is not an address: a handwritten figure is often read as one ("Số: 4@† /TTg").
_SIGNATURE_BLOCK = re.compile(r"(ky boi|ky ngay|thoi gian ky|nguoi ky|signed by|signing time|"
                              r"\bemail\b|e-mail|[\w.]@[\w-]+\.\w|\bco quan\s*:|\bdate\s*:|\breason\b|"
                              r"\d\d:\d\d:\d\d|[+]\s?0?7\s?:\s?00)")


def is_signature_block(folded_line: str) -> bool:
    return bool(_SIGNATURE_BLOCK.search(folded_line))


def title_score(folded: str, title: str) -> float:
    return fuzz.partial_ratio(title, folded) if len(folded) >= len(title) * 0.6 else 0.0


def parse_number(text: str) -> tuple[str, str] | None:
    """(normalised number-symbol, form) from what follows "Số", or None."""
    compact = re.sub(r"\s+", " ", text.strip())
    for form, pattern in (("legal", LEGAL), ("party", PARTY), ("state", STATE)):
        m = pattern.search(compact)
        if m and m.start() <= 3:
            n = m.group("n")  # as printed: "05" stays "05", "3" stays "3"
            if form == "state" and compact[m.start() - 1:m.start()] == "/" and re.fullmatch(r"(?:19|20)\d\d", n):
                return None  # "AØ/2017/QĐ-UBND": the year of a legal number, its figures unread
            organ = _capitals(m.group("o") + _organ_rest(compact[m.end():]))
            kind = _capitals(m.group("t"))
            if form == "legal":
                return f"{n}/{m.group('y')}/{kind}-{organ}", form
            if form == "party":
                return f"{n}-{kind}/{organ}", form
            return f"{n}/{kind}{m.group('s')}{organ}", form
    return None


# A symbol's part starts with a capital ("VP", "TTr", "QĐ-TTg"): a small letter there whose
# shape is its capital's, smaller ("vP", "sCT"), is that capital, read at the wrong height.
_LIKE_CAPITAL = re.compile(rf"(?<![{_UP}])([cosvwxz])(?=[A-ZĐ])")


def _capitals(symbol: str) -> str:
    return _LIKE_CAPITAL.sub(lambda m: m.group(1).upper(), symbol)


_STAMP_WORDS = {"khan", "mat", "den", "hoa", "toc", "toi", "so"}


def _organ_rest(after: str) -> str:
    """Capitals typed after a space at the end of the number line are the rest of the issuer's
    initials ("Số 09-CV/ĐTN CCQ"): a symbol has no space. Not a stamp's word pressed beside it."""
    m = re.fullmatch(r"\s([A-ZĐ]{2,6})\s*", after)
    return m.group(1) if m and fold(m.group(1)) not in _STAMP_WORDS else ""


# The comma after the place lost (read as nothing or a stop): only with the place first on
# the line and short, so that a date in a sentence of the body is never taken.
DATE_NO_COMMA = re.compile(r"^\W*(?P<place>(?!can cu)[^\W\d][^,\d]{1,30}?)[.]?\s+" + DATE.pattern.split(r",\s*", 1)[1])


def parse_date(folded_line: str) -> tuple[str, dt.date] | None:
    m = DATE.search(folded_line) or DATE_NO_COMMA.search(folded_line)
    if m and m.re is DATE_NO_COMMA and len(m.group("place").split()) > 4:
        return None
    if not m:
        return None
    try:
        d, mo, y = (int(m.group(k).translate(_DIGITS)) for k in ("d", "m", "y"))
        return m.group("place").strip(" .:-_'\""), dt.date(y, mo, d)
    except ValueError:
        return None


def stamp_word(folded_line: str, table: dict[str, str]) -> tuple[str, float] | None:
    """A stand-alone stamp line ('TỐI MẬT', 'HỎA TỐC'): short, nothing but the stamp words."""
    letters = re.sub(r"[^a-z ]", " ", folded_line)
    # A letter read twice with two marks ("MẬẶT") folds to a double: no stamp word has one.
    core = re.sub(r"([a-z])\1+", r"\1", " ".join(letters.split()))
    if not core or len(core.split()) > 4:
        return None
    best = max(table, key=lambda k: fuzz.ratio(k, core))
    score = fuzz.ratio(best, core)
    return (table[best], score / 100) if score >= 88 else None


def summary_text(parts: list[str]) -> str:
    """A trích yếu from its lines as read: specks off, the lines joined (a word broken at a
    hyphen at a line's end joined again), the full stop ending it kept as printed, and a
    number-symbol broken at its hyphen ("117/KH- UBND") joined again."""
    text = ""
    for part in parts:
        line = re.sub(r"\s+", " ", re.sub(r"[_~`|¿]+", " ", part)).strip()
        if text.endswith("-") and text[-2:-1].isalnum() and line[:1].isalnum():
            text += line
        elif line:
            text = f"{text} {line}" if text else line
    stop = re.search(r"(?:[^\W\d_]|\d|[)\"”])\.$", text) is not None
    text = text.strip(" .,:;-–—'\"") + ("." if stop else "")
    return re.sub(rf"(\d+/{SYM})- (?={SYM})", r"\1-", text)


_CLOSE = {'"': '"', "“": "”"}


def paired_quotes(text: str) -> str:
    """A quotation closed in the style it was opened in: a document prints one style, and
    Tesseract reads a straight quote as a curly one now and then ('"Nâng cấp … CNTT”')."""
    out, opened = [], None
    for ch in text:
        if ch in '"“”':
            if opened is None and ch in _CLOSE:
                opened = ch
            elif opened is not None:
                ch, opened = _CLOSE[opened], None
        out.append(ch)
    return "".join(out)


def cap_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def clean_caps(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[_~`|¿]+", " ", text)).strip(" .,:;-'\"")


def folded_eq(a: str, b: str) -> float:
    return fuzz.ratio(fold(a), fold(b))
