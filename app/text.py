"""Text normalisation: NFC on the way in, a folded copy for search."""
from __future__ import annotations

import re
import unicodedata

_FOLD_EXTRA = str.maketrans({"đ": "d", "Đ": "d"})
_TOKEN = re.compile(r"[0-9a-z]+")


def nfc(text: str | None) -> str:
    return unicodedata.normalize("NFC", text or "").strip()


def fold(text: str | None) -> str:
    """Lower case, no diacritics, đ→d: 'Quyết định' and 'quyet dinh' fold alike."""
    decomposed = unicodedata.normalize("NFD", (text or "").translate(_FOLD_EXTRA).lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def fts_query(text: str) -> str:
    """An FTS5 query: typed words must all occur; the last one, still being typed, as a prefix."""
    tokens = _TOKEN.findall(fold(text))
    if not tokens:
        return ""
    return " ".join([f'"{t}"' for t in tokens[:-1]] + [f'"{tokens[-1]}"*'])
