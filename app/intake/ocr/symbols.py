"""The letters of a number-symbol put back where Tesseract took one capital for another that
looks like it. A symbol is made of the type's abbreviation and the issuer's initials (NĐ 30
Phụ lục I: 15/TTr-SGTVT is a Tờ trình of the Sở Giao thông vận tải); small serif capitals are
misread I for T and the like ("TIr-SGTVI"), and nothing else checks them. A part is put back
only where it differs from what the type or the issuer says by such letters alone, in the same
places, and the number is then marked for checking."""
from __future__ import annotations

import re
import unicodedata

from rapidfuzz.distance import Levenshtein

# Pairs of letters a scan's small capitals are read as each other, either way.
LOOK_ALIKE = {frozenset(p) for p in ("IT", "Il", "I1", "l1", "O0", "OQ", "OD", "ĐD")}
_SMALL_WORDS = {"VÀ", "CỦA", "VỀ", "THUỘC"}  # not in a body's initials: Sở Thông tin và …


_PLACE_WORDS = {"TỈNH", "THÀNH", "HUYỆN", "QUẬN", "THỊ", "XÃ", "PHƯỜNG"}


def initials(body: str) -> str:
    """A body's initials as its symbols write them: "SỞ THÔNG TIN VÀ TRUYỀN THÔNG" -> STTTT,
    "ỦY BAN NHÂN DÂN" -> UBND (Đ stays Đ)."""
    words = [w for w in re.findall(r"[^\W\d_]+", body.upper()) if w not in _SMALL_WORDS]
    return "".join(unicodedata.normalize("NFD", w[0])[0] for w in words)


def body_initials(body: str) -> tuple[str, ...]:
    """The initials a body's symbols may carry: of its whole name, and of its kind without its
    place (HĐND for HỘI ĐỒNG NHÂN DÂN TỈNH BÌNH ĐỊNH, UBND for ỦY BAN NHÂN DÂN QUẬN 1)."""
    words = re.findall(r"[^\W\d_]+", body.upper())
    cut = next((i for i, w in enumerate(words) if w in _PLACE_WORDS), len(words))
    return tuple(dict.fromkeys(i for i in (initials(body), initials(" ".join(words[:cut]))) if i))


def alike(read: str, meant: str) -> bool:
    """`read` is `meant` with look-alike letters only, at least one of them, in the same places."""
    if len(read) != len(meant) or read == meant:
        return False
    return all(a == b or frozenset((a, b)) in LOOK_ALIKE for a, b in zip(read, meant))


def repaired(symbol: str, meant: tuple[str, ...]) -> str:
    """`symbol` (the letters after the number: "TIr-SGTVI") with each part that is one of
    `meant` (the type's abbreviation, the issuer's initials) with look-alike letters put back."""
    parts = re.split(r"([/-])", symbol)
    for i, part in enumerate(parts):
        fits = [m for m in meant if m and alike(part, m)]
        if len(fits) == 1:
            parts[i] = fits[0]
    return "".join(parts)


def lost_part(read: str, meant: tuple[str, ...]) -> str:
    """What a part of the symbol read as letters and specks (",ueND" for "/UBND") was meant
    to be: the one of `meant` (the type's abbreviation, the issuer's initials) that its letters
    are with one letter misread at most; "" when none or several are."""
    letters = re.sub(r"[^\w]|\d|_", "", read).upper()
    if len(letters) < 3:
        return ""
    fits = {m for m in meant if len(m) >= 3 and Levenshtein.distance(letters, m.upper()) <= 1}
    return fits.pop() if len(fits) == 1 else ""
