"""The root certificates the office imports from the certification authorities (Ban Cơ yếu
Chính phủ and others), against which incoming signatures are verified. They belong to one data
folder, so they live in it (<data>/trust/), one DER file each; importing and removing are the
office's settings (quản trị) and audit events."""
from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from app.errors import DomainError, NotFound
from app.intake import signatures
from app.security import access, audit
from app.text import nfc

FOLDER = "trust"
MAX_BYTES = 1 << 20  # a certificate is a few kilobytes; anything larger is not one


class BadCertificate(DomainError):
    pass


@dataclass(frozen=True)
class Root:
    name: str  # the file's name in the folder, which `remove` takes
    subject: str  # the certificate's common name (and organisation)
    issuer: str
    valid_from: dt.date
    valid_to: dt.date
    sha256: str  # of the DER bytes: the fingerprint an authority publishes

    @property
    def expired(self) -> bool:
        return self.valid_to < dt.date.today()

    def describe(self) -> str:
        until = self.valid_to.strftime("%d/%m/%Y")
        return f"{self.subject} — hiệu lực đến {until}{' (đã hết hạn)' if self.expired else ''}"


def folder(data_dir: Path | str) -> Path:
    return Path(data_dir) / FOLDER


def trust_roots(data_dir: Path | str) -> tuple[bytes, ...]:
    """What the reader is given (app.intake.signatures.read's `trust_roots`)."""
    return signatures.load_roots(folder(data_dir))


def _parse(data: bytes):
    """The one certificate in `data` (PEM or DER), or BadCertificate with what is wrong."""
    from asn1crypto import pem, x509

    try:
        if pem.detect(data):
            found = [der for kind, _h, der in pem.unarmor(data, multiple=True) if kind == "CERTIFICATE"]
            if len(found) != 1:
                raise BadCertificate("Tệp PEM phải chứa đúng một chứng thư (CERTIFICATE); tệp này có "
                                     f"{len(found)}. Hãy tách mỗi chứng thư ra một tệp.")
            data = found[0]
        cert = x509.Certificate.load(data)
        cert.native  # parses the whole structure: a truncated file fails here, not later
    except BadCertificate:
        raise
    except Exception:  # noqa: BLE001 - asn1crypto raises many kinds for a file that is not one
        raise BadCertificate("Tệp không phải chứng thư số (X.509, dạng PEM hoặc DER .cer/.crt). "
                             "Không có gì được lưu.") from None
    if not cert.ca:
        raise BadCertificate(f"“{_subject(cert)}” là chứng thư của người ký, không phải chứng thư gốc "
                             "của tổ chức cấp chứng thư (CA). Không có gì được lưu.")
    return cert


def _subject(cert) -> str:
    names = cert.subject.native
    parts = [names.get("common_name", ""), names.get("organization_name", "")]
    parts = [" ".join(p) if isinstance(p, list) else str(p or "") for p in parts]
    return " — ".join(dict.fromkeys(p for p in parts if p)) or cert.subject.human_friendly


def _root(path: Path) -> Root:
    from asn1crypto import x509

    der = path.read_bytes()
    cert = x509.Certificate.load(der)
    validity = cert["tbs_certificate"]["validity"]
    return Root(path.name, _subject(cert), cert.issuer.human_friendly,
                validity["not_before"].native.date(), validity["not_after"].native.date(),
                hashlib.sha256(der).hexdigest())


def roots(data_dir: Path | str) -> list[Root]:
    where = folder(data_dir)
    if not where.is_dir():
        return []
    out = []
    for p in sorted(where.iterdir()):
        if p.suffix.lower() in (".cer", ".crt", ".der", ".pem") and p.is_file():
            try:
                out.append(_root(p))
            except Exception:  # noqa: BLE001 - a file put there by hand is skipped, not fatal
                continue
    return out


def _file_name(source: Path, taken: set[str]) -> str:
    stem = re.sub(r"[^\w.-]+", "-", nfc(source.stem)).strip("-.") or "chung-thu-goc"
    name, n = f"{stem}.cer", 2
    while name.lower() in taken:
        name, n = f"{stem}-{n}.cer", n + 1
    return name


def import_root(session: Session, data_dir: Path | str, source: Path | str) -> Root:
    """Checks the file is a CA certificate, then keeps it (as DER) in the data folder. The
    file is written last, after every check, so a refused import leaves nothing behind."""
    access.require(session, "settings")
    source = Path(source)
    try:
        if source.stat().st_size > MAX_BYTES:
            raise BadCertificate("Tệp quá lớn để là một chứng thư số. Không có gì được lưu.")
        data = source.read_bytes()
    except OSError as exc:
        raise BadCertificate(f"Không đọc được tệp “{source.name}”: {exc.strerror or exc}.") from None
    cert = _parse(data)
    der = cert.dump()
    digest = hashlib.sha256(der).hexdigest()
    existing = roots(data_dir)
    for r in existing:
        if r.sha256 == digest:
            raise BadCertificate(f"Chứng thư gốc này đã được nhập (tệp {r.name}).")
    where = folder(data_dir)
    where.mkdir(parents=True, exist_ok=True)
    taken = {p.name.lower() for p in where.iterdir()}
    target = where / _file_name(source, taken)
    audit.record(session, "settings", None, {"chứng thư gốc": target.name, "nhập": _subject(cert),
                                             "sha256": digest})
    tmp = target.with_name(f".part-{target.name}")
    tmp.write_bytes(der)
    tmp.replace(target)
    return _root(target)


def remove_root(session: Session, data_dir: Path | str, name: str) -> Root:
    access.require(session, "settings")
    found = next((r for r in roots(data_dir) if r.name == name), None)
    if found is None:
        raise NotFound(f"Không có chứng thư gốc “{name}”. Xem danh sách: vanthu trust list.")
    audit.record(session, "settings", None, {"chứng thư gốc": name, "bỏ": found.subject,
                                             "sha256": found.sha256})
    (folder(data_dir) / name).unlink()
    return found
