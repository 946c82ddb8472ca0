"""Tone marks put back in a read summary from the words around it. Tesseract's `vie` model
reads the letters of a line well but often takes one tone mark for a neighbour ("tống kết" for
"tổng kết", "chuyến đối số" for "chuyển đổi số"). A word is replaced only by a word that differs
from it in its marks alone, and only when the pairs of words around the replacement are known
(from the wording of administrative documents and from the office's own register) while the
pairs around the word as read are not. Words run together ("nhànước") are parted the same way."""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from app.intake.ocr import names
from app.text import fold, nfc

_WORD = re.compile(r"^(\W*)(.*?)(\W*)$")
_PHRASES = Path(__file__).with_name("phrases.txt")


@dataclass
class Lexicon:
    # (word, folded next word) and (folded previous word, word): context is folded, because the
    # neighbours may be misread in their marks too.
    after: Counter = field(default_factory=Counter)
    before: Counter = field(default_factory=Counter)
    forms: dict[str, set[str]] = field(default_factory=dict)  # folded word -> written forms
    joined: dict[str, tuple[str, str]] = field(default_factory=dict)  # folded "nhanuoc" -> pair

    def add(self, text: str) -> None:
        for chunk in re.split(r"[,.;:()\"“”]| - ", nfc(text).lower()):
            words = [w for w in (_core(t) for t in chunk.split()) if w and w.isalpha()]
            for w in words:
                self.forms.setdefault(fold(w), set()).add(w)
            for a, b in zip(words, words[1:]):
                self.before[(fold(a), b)] += 1
                self.after[(a, fold(b))] += 1
                self.joined.setdefault(fold(a) + fold(b), (a, b))

    def support(self, prev: str, word: str, nxt: str) -> int:
        return (self.before[(fold(prev), word)] if prev else 0) + (self.after[(word, fold(nxt))] if nxt else 0)

    def correct(self, text: str) -> str:
        # A comma with a speck after it (",:"), or with the space after it lost, is one comma.
        text = re.sub(r",(?=[^\W\d_])", ", ", re.sub(r",[:;.']+", ",", text))
        # A lone mark between words (" : ", " ' ", " ˆ ") is a speck read as punctuation or as
        # a tone mark of its own; " - " is not.
        tokens = [t for t in text.split() if t == "-" or not set(t) <= set(":;'`,._|~ˆ˜´¨^")]
        tokens = [part for t in tokens for part in self._part(t)]
        out = list(tokens)
        for i, token in enumerate(tokens):
            pre, core, post = _WORD.match(token).groups()
            low = core.lower()
            if not core or not low.isalpha():
                continue
            # The previous word as already corrected; the next as read. Punctuation ends context.
            prev = _core(out[i - 1]).lower() if i and not _ends(out[i - 1]) else ""
            nxt = _core(tokens[i + 1]).lower() if i + 1 < len(tokens) and not post else ""
            if core.isupper() and len(core) > 1:
                fixed = _abbreviation(core)
                if fixed:
                    out[i] = pre + fixed + post
                    continue
                # Names in capitals stay as printed; a common word read in capitals in the
                # middle of a lower-case phrase ("làm VIỆC của") is put back in lower case.
                best = max(sorted(self.forms.get(fold(low), ())), default="",
                           key=lambda c: self.support(prev, c, nxt))
                lower_around = i and i + 1 < len(tokens) and out[i - 1].islower() and tokens[i + 1].islower()
                if best and lower_around and self.before[(fold(prev), best)] and self.after[(best, fold(nxt))]:
                    out[i] = pre + best + post
                continue
            if _tones(low) > 1:
                # Two tone marks on one syllable ("dựá"): a mark read as a letter of its own.
                # The syllable without one of its marked letters, where that is a known word.
                fixed = [low[:k] + low[k + 1:] for k in range(len(low)) if _tones(low[k])]
                fixed = [f for f in fixed if f in self.forms.get(fold(f), ())]
                if fixed:
                    best = max(sorted(fixed), key=lambda c: self.support(prev, c, nxt))
                    out[i] = pre + _case_like(core, best) + post
                    continue
            candidates = self.forms.get(fold(low), set()) - {low}
            if not self.support(prev, low, nxt) and prev and nxt:
                # A letter lost ("ơ cấu" under a stamp's edge): a word one letter longer,
                # known with the words on both sides of it, where the word as read is known
                # with neither.
                folded, known = fold(low), low in self.forms.get(fold(low), ())
                lost = [c for c in self._one_longer(folded) if _may_lose(c, folded, known)
                        and self.before[(fold(prev), c)] and self.after[(c, fold(nxt))]]
                if lost and not any(self.before[(fold(prev), c)] and self.after[(c, fold(nxt))]
                                    for c in candidates):
                    best = max(sorted(lost), key=lambda c: self.support(prev, c, nxt))
                    out[i] = pre + _case_like(core, best) + post
                    continue
            if not candidates:
                continue
            best = max(sorted(candidates), key=lambda c: self.support(prev, c, nxt))
            if self.support(prev, best, nxt) > self.support(prev, low, nxt):
                out[i] = pre + _case_like(core, best) + post
        return " ".join(out)

    def _one_longer(self, folded: str) -> set[str]:
        """The known words whose folded form is `folded` with one letter more."""
        index = self.__dict__.get("_longer")
        if index is None:
            index = {}
            for key, forms in self.forms.items():
                for k in range(len(key)):
                    index.setdefault(key[:k] + key[k + 1:], set()).update(forms)
            self.__dict__["_longer"] = index
        return index.get(folded, set())

    def _part(self, token: str) -> list[str]:
        pre, core, post = _WORD.match(token).groups()
        low = core.lower()
        if len(low) < 4 or not low.isalpha() or fold(low) in self.forms:
            return [token]
        pair = self.joined.get(fold(low))
        if pair is None:
            return [token]
        # Keep the marks as read where they agree in place: "nhànước" -> "nhà nước".
        cut = len(pair[0])
        return [pre + core[:cut], core[cut:] + post]


# Abbreviations common in the summaries of administrative documents. Tesseract often reads a
# capital's stem or a speck beside it as one more I ("TNIDN" for TNDN, "GTGIT").
ABBREVIATIONS = frozenset("""
TNDN TNCN GTGT TTĐB BVMT BHXH BHYT BHTN NSNN NSĐP KBNN XDCB GPMB QSDĐ ĐTXD ĐTC ODA PPP
UBND HĐND MTTQ ĐBQH TANDTC VKSNDTC CNTT PCCC ATGT ATTP ATVSTP KT-XH THPT THCS GDĐT GDNN
DNNN DNNVV HTX OCOP TTHC CCHC CBCCVC CBCC QPPL VBQPPL KH&CN KH&ĐT TN&MT GTVT NN&PTNT
LĐ-TB&XH VH-TT&DL TT&TT ĐTM MTQG CTMTQG COVID-19
""".split())


def _abbreviation(core: str) -> str:
    """A known abbreviation that `core` (in capitals, none itself) is with one I too many."""
    if core in ABBREVIATIONS or len(core) < 4:
        return ""
    fixed = {core[:k] + core[k + 1:] for k in range(len(core)) if core[k] in "IL1|"}
    found = sorted(fixed & ABBREVIATIONS)
    return found[0] if len(found) == 1 else ""


def _may_lose(word: str, folded: str, known: bool) -> bool:
    """Whether `word` read as `folded` (it with one letter fewer) is a letter lost as Tesseract
    loses them: a first or last letter, cut by an edge or a speck, of what is no word as read
    (a plain letter missing inside a word read whole makes a word of its own: "tống" is not
    "trong"), or, even from a word, a vowel heavy with marks that the model dropped ("gia" for
    "giữa": "ữ" is lost far more often than a plain letter is)."""
    lost = {k for k in range(len(word)) if fold(word[:k] + word[k + 1:]) == folded}
    return any((not known and k in (0, len(word) - 1)) or word[k] not in "abcdefghijklmnopqrstuvwxyz"
               for k in lost)


_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}  # grave, acute, tilde, hook, dot


def _tones(text: str) -> int:
    return sum(c in _TONES for c in unicodedata.normalize("NFD", text))


def _core(token: str) -> str:
    return _WORD.match(token).group(2)


def _ends(token: str) -> bool:
    return bool(_WORD.match(token).group(3))


def _case_like(model: str, word: str) -> str:
    return word[0].upper() + word[1:] if model[0].isupper() else word


@lru_cache(maxsize=1)
def built_in() -> Lexicon:
    lexicon = Lexicon()
    for line in _PHRASES.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            lexicon.add(line)
    for name in names.in_text():
        lexicon.add(name)
    return lexicon


def with_texts(texts: Iterable[str]) -> Lexicon:
    """The built-in wording and the office's own registered texts (summaries, issuers)."""
    base = built_in()
    lexicon = Lexicon(Counter(base.after), Counter(base.before),
                      {k: set(v) for k, v in base.forms.items()}, dict(base.joined))
    for t in texts:
        lexicon.add(t)
    return lexicon
