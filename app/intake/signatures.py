"""Digital signatures of an incoming PDF, read with pyHanko: who signed (the person or the
body named in the certificate), when, and whether the signed bytes are intact. NĐ 30 Điều 21
asks the clerk to check the authenticity and integrity of an incoming electronic document;
trusting the certificate needs the issuing authority's root certificate, which the office
imports (`trust_roots`): without it the source is never called valid."""
from __future__ import annotations

import binascii
import datetime as dt
import logging
from dataclasses import dataclass
from pathlib import Path

VN = dt.timezone(dt.timedelta(hours=7))
UNVERIFIED = "chưa xác minh được nguồn cấp chứng thư"
VERIFIED = "chứng thư hợp lệ theo chứng thư gốc đã nhập"
CHANGED = "văn bản đã bị sửa sau khi ký"
UNCHECKED = "không kiểm tra được chữ ký"

# pyHanko logs every certificate path it cannot build at ERROR with a traceback; without the
# root certificate that is every signature, and the reason is in the result anyway.
for _name in ("pyhanko", "pyhanko_certvalidator"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)


@dataclass(frozen=True)
class Signature:
    field: str
    signer: str  # the certificate's common name: a person, or the body itself (its seal)
    organisation: str  # the certificate's organisation (the body, or its superior)
    unit: str
    signed_at: dt.datetime | None  # in Vietnam's time
    intact: bool | None  # the signed bytes unchanged; None when it could not be checked
    whole_file: bool  # this signature covers the whole file as received
    trusted: bool  # the certificate chains to a root the office imported

    @property
    def changed_after(self) -> bool:
        return self.intact is False

    def describe(self) -> str:
        """"Chữ ký số: Sở Tài chính, 12/01/2021 16:37 — nguyên vẹn" and the like."""
        when = self.signed_at.strftime("%d/%m/%Y %H:%M") if self.signed_at else "không rõ thời gian"
        if self.intact is None:
            state = UNCHECKED
        elif not self.intact:
            state = CHANGED
        else:
            state = f"nguyên vẹn, {VERIFIED if self.trusted else UNVERIFIED}"
        return f"Chữ ký số: {self.signer}, {when} — {state}"

    def as_json(self) -> dict:
        """The command line's record: the facts and the sentence a clerk reads."""
        return {"signer": self.signer, "organisation": self.organisation, "unit": self.unit,
                "signed_at": self.signed_at.isoformat() if self.signed_at else None,
                "intact": self.intact, "whole_file": self.whole_file, "trusted": self.trusted,
                "text": self.describe()}


def _name(cert, key: str) -> str:
    value = cert.subject.native.get(key, "") if cert is not None else ""
    return " ".join(value) if isinstance(value, list) else str(value or "")


def _roots(trust_roots):
    from asn1crypto import pem, x509

    out = []
    for data in trust_roots:
        try:
            if pem.detect(data):
                _type, _headers, data = pem.unarmor(data)
            cert = x509.Certificate.load(data)
            cert.native  # a damaged file fails here, alone: the other roots still count
        except Exception:  # noqa: BLE001 - asn1crypto raises many kinds for a damaged file
            continue
        out.append(cert)
    return out


_WHITESPACE = b" \n\r\t\f\x00"  # PDF's, as pyHanko's misc.PDF_WHITESPACE
_HEX = b"0123456789abcdefABCDEF"


def hex_string(stream):
    """pyHanko's generic.read_hex_string_from_stream, the same result, a block at a time: it
    reads byte by byte in Python, and a signature's /Contents is a hex string of 10-60 kB
    (eight signatures on a file cost 0.45 s before its fields could show; now a few ms)."""
    from pyhanko.pdf_utils.generic import pdf_string
    from pyhanko.pdf_utils.misc import PdfStreamError

    stream.read(1)  # the '<'
    start, parts, taken = stream.tell(), [], 0
    while True:
        block = stream.read(1 << 16)
        if not block:
            raise PdfStreamError("Stream ended prematurely")
        end = block.find(b">")
        if end >= 0:
            parts.append(block[:end])
            stream.seek(start + taken + end + 1)
            break
        parts.append(block)
        taken += len(block)
    digits = b"".join(parts).translate(None, _WHITESPACE)
    stray = digits.translate(None, _HEX)
    if stray:
        raise PdfStreamError("Unexpected token in hex string: " + repr(stray[:1]))
    if len(digits) % 2:
        digits += b"0"
    return pdf_string(binascii.unhexlify(digits))


PYHANKO_HEX = None  # pyHanko's own, kept for the test that holds the two to the same answers


def _read_hex_fast() -> None:
    global PYHANKO_HEX
    from pyhanko.pdf_utils import generic

    if generic.read_hex_string_from_stream is not hex_string:
        PYHANKO_HEX = generic.read_hex_string_from_stream
        generic.read_hex_string_from_stream = hex_string


def _signing_time(emb) -> dt.datetime | None:
    """The signing time the signer's software reported. Some signing software used in
    Vietnamese offices writes the local clock into the signature's signingTime marked as UTC
    (15:59 "Z" where the signature dictionary's /M says 15:59+07:00), which shown in Vietnam's
    time is 7 hours late. Where the two read the same clock but for a whole-hour zone, /M,
    which states its zone and is signed too, is the time."""
    from pyhanko.pdf_utils.generic import parse_pdf_date

    cms = emb.self_reported_timestamp
    try:
        stated = parse_pdf_date(str(emb.sig_object["/M"]), strict=False)
    except Exception:  # noqa: BLE001 - no /M, or one unreadable: the signingTime alone
        return cms
    if cms is None:
        return stated if stated.tzinfo else None
    if stated.tzinfo is None:
        return cms
    same_clock = abs((cms.replace(tzinfo=None) - stated.replace(tzinfo=None)).total_seconds()) <= 120
    zone_apart = abs((cms - stated).total_seconds()) >= 3600
    return stated if same_clock and zone_apart else cms


def read(path: Path | str, trust_roots: tuple[bytes, ...] = ()) -> tuple[Signature, ...]:
    """Every signature of the PDF in signing order; () for an unsigned or unreadable file
    (a file pyHanko cannot parse is still read as a scan)."""
    try:
        from pyhanko.pdf_utils.reader import PdfFileReader
        from pyhanko.sign.validation import SignatureCoverageLevel, validate_pdf_signature
        from pyhanko_certvalidator import ValidationContext
    except ImportError:
        return ()
    _read_hex_fast()
    roots = _roots(trust_roots)
    out = []
    try:
        with open(path, "rb") as f:
            reader = PdfFileReader(f, strict=False)
            embedded = list(reader.embedded_signatures)
            for emb in embedded:
                cert = emb.signer_cert
                when = _signing_time(emb)
                intact, whole, trusted = None, False, False
                try:
                    context = ValidationContext(trust_roots=roots, allow_fetching=False)
                    status = validate_pdf_signature(emb, context, skip_diff=True)
                    intact = bool(status.intact and status.valid)
                    whole = status.coverage == SignatureCoverageLevel.ENTIRE_FILE
                    trusted = bool(roots) and bool(status.trusted)
                except Exception:  # noqa: BLE001 - a malformed signature is reported, not raised
                    pass
                out.append(Signature(emb.field_name or "", _name(cert, "common_name"),
                                     _name(cert, "organization_name"),
                                     _name(cert, "organizational_unit_name"),
                                     when.astimezone(VN) if when else None, intact, whole, trusted))
    except Exception:  # noqa: BLE001 - unreadable structure: no signature can be shown
        return tuple(out)
    return tuple(out)


def load_roots(folder: Path | str) -> tuple[bytes, ...]:
    """The root certificates kept in a folder (.cer, .crt, .der, .pem), as the office imports
    them from the certification authority (Ban Cơ yếu Chính phủ and others)."""
    folder = Path(folder)
    if not folder.is_dir():
        return ()
    return tuple(p.read_bytes() for p in sorted(folder.iterdir())
                 if p.suffix.lower() in (".cer", ".crt", ".der", ".pem") and p.is_file())


def seal(signatures: tuple[Signature, ...]) -> Signature | None:
    """The body's own signature (its digital seal): the last one whose name is a body's, not a
    person's; issuing bodies sign last, after the person who signed for them."""
    from app.intake.ocr.vocabulary import looks_like_body

    for sig in reversed(signatures):
        if looks_like_body(sig.signer):
            return sig
    return None
