"""What else a file tells about its header fields, beside the letters read: a born-digital
page's text is exact (only where a field was found can be wrong), and a PDF's digital
signatures name the signing body and bound the date (a document is signed on or after its
date). Signatures confirm or mark for checking; they never replace what the page says."""
from __future__ import annotations

import datetime as dt
from dataclasses import replace

from app.intake import signatures as sigs
from app.intake.ocr.extract import Field
from app.text import fold

TEXT_CONF = 0.9  # a field found in a text layer: letters exact, placement by the same rules
SIGNED_CONF = 0.97


def text_layer(found: dict[str, Field]) -> dict[str, Field]:
    """Confidence of fields read from a text layer: the letters are those typed, so only the
    structure can mislead (a field found where the rules expect it)."""
    out = dict(found)
    for key, f in found.items():
        if f.value and key in ("number_symbol", "date", "doc_type", "summary", "issuer", "place"):
            out[key] = replace(f, confidence=max(f.confidence, TEXT_CONF) if f.confidence >= 0.5 else f.confidence)
    return out


OCR_SURE = 0.75  # what OCR alone may claim for a field whose test below fails: "check it"
BODY_HEADS = {"so", "ban", "van phong", "cuc", "vien", "trung tam", "chi cuc", "thanh tra"}


def calibrate_ocr(found: dict[str, Field]) -> dict[str, Field]:
    """Confidence of fields read by OCR, as measured on real scans: a long line of words is
    right only if every letter and mark is; a handwritten figure read with 0.9 is often wrong."""
    out = dict(found)
    summary = found["summary"]
    if summary.value:  # one tone mark among fifteen words: always shown for checking
        out["summary"] = replace(summary, confidence=min(summary.confidence, OCR_SURE))
    number = found["number_symbol"]
    if number.value and number.confidence < 0.98:
        out["number_symbol"] = replace(number, confidence=min(number.confidence, OCR_SURE))
    date = found["date"]
    if date.value and date.confidence < 0.95:
        out["date"] = replace(date, confidence=min(date.confidence, OCR_SURE))
    issuer = found["issuer"]
    if issuer.value and not _plain_name(issuer.value):
        out["issuer"] = replace(issuer, confidence=min(issuer.confidence, OCR_SURE))
    return out


def _plain_name(name: str) -> bool:
    """Every word one of the built-in body and place words with its marks, and a body's head
    word (SỞ, BAN, VĂN PHÒNG…) only at the start of a part: otherwise a letter or the parting
    of superior and issuer may be wrong."""
    from app.intake.ocr.vocabulary import known_word, looks_like_body

    # A name that does not start with a body's word ("QUẢNG TRỊ" alone) lost its first line.
    first = name.split(" - ")[0]
    if not (looks_like_body(first) or fold(first).startswith(("ubnd", "hdnd", "dang bo", "tong cuc"))):
        return False
    for part in name.split(" - "):
        words = part.split()
        folded = fold(part).split()
        if not all(known_word(w) for w in words if w.isalpha()):
            return False
        for i in range(1, len(folded)):
            head = folded[i] in BODY_HEADS or " ".join(folded[i:i + 2]) in BODY_HEADS
            if head and folded[i - 1] not in ("uy", "va", "tong", "chi", "thuong"):
                return False  # a second body's name run into the first: "… HÀ NỘI SỞ Y TẾ"
    return True


def _bold_part(issuer: str) -> str:
    return issuer.split(" - ")[-1] if " - " in issuer else issuer


def from_signatures(found: dict[str, Field], signed: tuple) -> dict[str, Field]:
    if not signed:
        return found
    out = dict(found)
    issuer = found["issuer"]
    seal = sigs.seal(signed)
    note = "; ".join(dict.fromkeys(s.describe() for s in ([seal] if seal else []) + [signed[-1]]))
    if seal is not None and issuer.value:
        # The body that put its digital seal on the file is the issuer (or its superior signs
        # for it): a name read that folds to the seal's is the body's, marks and all.
        # The certificate spells the name with its marks: they are taken where OCR's differ.
        bold = _bold_part(issuer.value)
        if fold(bold) == fold(seal.signer):
            bold = seal.signer.upper()
            value = issuer.value[: len(issuer.value) - len(_bold_part(issuer.value))] + bold
            issuer = replace(issuer, value=value, confidence=max(issuer.confidence, SIGNED_CONF))
    if any(s.changed_after for s in signed):
        note = f"{note}. Cảnh báo: {sigs.CHANGED}."
    out["issuer"] = replace(issuer, note="; ".join(x for x in (issuer.note, note) if x))
    date = found["date"]
    first = min((s.signed_at for s in signed if s.signed_at), default=None)
    if date.value and first is not None:
        read = dt.date.fromisoformat(date.value)
        if read > first.date():  # dated after it was signed: a digit misread
            out["date"] = replace(date, confidence=min(date.confidence, 0.4),
                                  note=f"Ngày đọc được muộn hơn ngày ký số ({first:%d/%m/%Y}) — cần kiểm tra.")
        elif (first.date() - read).days > 60:
            out["date"] = replace(date, confidence=min(date.confidence, 0.7))
    return out
