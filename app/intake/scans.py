"""Keeping scanned originals: stored once under their SHA-256, linked to an entry, with
their OCR text (searchable like the register) and a searchable PDF for viewing."""
from __future__ import annotations

import datetime as dt
import hashlib
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import DomainError, NotFound
from app.intake.signatures import VN, Signature, read as read_signatures
from app.registers import service
from app.registers.views import EntryView
from app.security import access
from app.text import fold, nfc
from db.models import Attachment, Book, Entry, ScanSignature


class ScanNotAllowed(DomainError):
    pass


@dataclass(frozen=True)
class ScanView:
    id: int
    sha256: str
    original_name: str
    stored_path: Path
    pdf_path: Path | None
    pages: int
    entry_id: int | None
    signatures: tuple[Signature, ...] = ()  # as read when the scan was kept, in signing order


def _view(session: Session, a: Attachment, files_dir: Path) -> ScanView:
    return ScanView(a.id, a.sha256, a.original_name, files_dir / a.stored_path,
                    files_dir / a.pdf_path if a.pdf_path else None, a.pages, a.entry_id,
                    signatures_of(session, a.id))


def signatures_of(session: Session, scan_id: int) -> tuple[Signature, ...]:
    rows = session.scalars(select(ScanSignature).where(ScanSignature.attachment_id == scan_id)
                           .order_by(ScanSignature.position))
    return tuple(Signature(r.field, r.signer, r.organisation, r.unit,
                           r.signed_at.replace(tzinfo=VN) if r.signed_at else None,
                           r.intact, r.whole_file, r.trusted) for r in rows)


def _store_signatures(session: Session, a: Attachment, signed: tuple[Signature, ...]) -> None:
    """The file's signatures as read now replace any read before (the same file kept again)."""
    for old in session.scalars(select(ScanSignature).where(ScanSignature.attachment_id == a.id)):
        session.delete(old)
    session.flush()
    for i, sig in enumerate(signed):
        # Stored naive, in Vietnam's time, as every other time in the store.
        when = sig.signed_at.astimezone(VN).replace(tzinfo=None) if sig.signed_at else None
        session.add(ScanSignature(attachment_id=a.id, position=i, field=sig.field, signer=sig.signer,
                                  organisation=sig.organisation, unit=sig.unit, signed_at=when,
                                  intact=sig.intact, whole_file=sig.whole_file, trusted=sig.trusted))


def check_book_accepts_scans(session: Session, book_key: str) -> None:
    if service.book(session, book_key).secret:
        raise ScanNotAllowed(
            "Không nhận bản quét vào sổ mật: sao, chụp tài liệu mật phải có văn bản cho phép và "
            "được ghi vào Sổ quản lý sao, chụp bí mật nhà nước (NĐ 26/2020 Điều 3). "
            "Hãy đăng ký văn bản mật bằng tay từ bản giấy.")


def sha256_of(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def find_earlier(session: Session, sha256: str) -> EntryView | None:
    """The entry an identical file was registered with before, if any."""
    a = session.scalar(select(Attachment).where(Attachment.sha256 == sha256))
    if a is None or a.entry_id is None:
        return None
    return service.get(session, a.entry_id)


def _atomic_copy(src: Path, dest: Path) -> None:
    dest.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=dest.parent, prefix=".part-")
    try:
        with os.fdopen(fd, "wb") as out, open(src, "rb") as inp:
            shutil.copyfileobj(inp, out, 1 << 20)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, dest)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _atomic_write(dest: Path, data: bytes) -> None:
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(f".part-{dest.name}")
    tmp.write_bytes(data)
    os.replace(tmp, dest)


def _keep_pdf(files_dir: Path, digest: str, pdf: bytes) -> tuple[str, str]:
    """The searchable PDF stored beside its original (named by the original's digest); its
    path and its own SHA-256, which the handover's manifest takes."""
    rel = str(Path(digest[:2]) / f"{digest}.ocr.pdf")
    _atomic_write(files_dir / rel, pdf)
    return rel, hashlib.sha256(pdf).hexdigest()


def keep_scan(session: Session, files_dir: Path, source: Path, entry_id: int, *, pages: int,
              ocr_text: str = "", searchable_pdf: bytes = b"",
              signatures: tuple[Signature, ...] | None = None) -> ScanView:
    """Stores the original (once per content) and links it to the entry, with the digital
    signatures read from it (app.intake.signatures.read; None: not read, those stored before
    stay). The files are written before the
    row, so a crash leaves at worst an unreferenced file, never a row pointing at nothing."""
    entry = session.get(Entry, entry_id)
    if entry is None:
        raise NotFound(f"Không tìm thấy văn bản #{entry_id}.")
    if session.get(Book, entry.book_id).secret:
        raise ScanNotAllowed("Không lưu bản quét cho văn bản mật.")
    digest = sha256_of(source)
    existing = session.scalar(select(Attachment).where(Attachment.sha256 == digest))
    if existing is not None and existing.entry_id not in (None, entry_id):
        raise DomainError(f"Tệp này đã được đăng ký với văn bản số {service.get(session, existing.entry_id).number}.")
    rel = Path(digest[:2]) / f"{digest}{source.suffix.lower()}"
    if not (files_dir / rel).exists():
        _atomic_copy(source, files_dir / rel)
    pdf_rel, pdf_digest = _keep_pdf(files_dir, digest, searchable_pdf) if searchable_pdf else ("", "")
    a = existing or Attachment(sha256=digest, created_at=dt.datetime.now())
    a.original_name, a.stored_path, a.pdf_path = nfc(source.name), str(rel), pdf_rel
    a.pdf_sha256 = pdf_digest
    a.pages, a.ocr_text, a.ocr_folded = pages, nfc(ocr_text), fold(ocr_text)
    a.entry_id = entry_id
    session.add(a)
    session.flush()
    if signatures is not None:
        _store_signatures(session, a, tuple(signatures))
        session.flush()
    service.refold(session, entry)
    return _view(session, a, files_dir)


def set_ocr_text(session: Session, files_dir: Path, scan_id: int, text: str, pdf: bytes) -> ScanView:
    """The full-text pass finishes after the clerk saved: add its text and PDF then."""
    a = session.get(Attachment, scan_id)
    if a is None:
        raise NotFound(f"Không tìm thấy bản quét #{scan_id}.")
    if pdf:
        a.pdf_path, a.pdf_sha256 = _keep_pdf(files_dir, a.sha256, pdf)
    a.ocr_text, a.ocr_folded = nfc(text), fold(text)
    if a.entry_id:
        service.refold(session, session.get(Entry, a.entry_id))
    return _view(session, a, files_dir)


def recheck_signatures(session: Session, files_dir: Path, scan_id: int,
                       trust_roots: tuple[bytes, ...] = ()) -> ScanView:
    """Reads the kept original's signatures again, against the roots imported by now (one
    imported after the scan was kept verifies it; a stored file changed since shows so)."""
    access.require(session, "write")
    a = session.get(Attachment, scan_id)
    if a is None:
        raise NotFound(f"Không tìm thấy bản quét #{scan_id}.")
    path = files_dir / a.stored_path
    if not path.is_file():
        raise DomainError(f"Không thấy tệp của bản quét trong thư mục dữ liệu: {path}")
    _store_signatures(session, a, read_signatures(path, trust_roots))
    session.flush()
    return _view(session, a, files_dir)


def scans_of(session: Session, files_dir: Path, entry_id: int) -> list[ScanView]:
    rows = session.scalars(select(Attachment).where(Attachment.entry_id == entry_id))
    return [_view(session, a, files_dir) for a in rows]
