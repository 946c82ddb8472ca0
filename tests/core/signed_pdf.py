"""A certification authority made for the test (its root certificate, as an office imports it)
and a body's certificate it issued, signing a born-digital PDF with pyHanko."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID

from tests.ocr.test_born_digital import _pdf
from tests.ocr.test_signatures import _sign


@dataclass(frozen=True)
class Authority:
    root: x509.Certificate
    signer_key: object
    signer: x509.Certificate

    def root_pem(self) -> bytes:
        return self.root.public_bytes(serialization.Encoding.PEM)

    def root_der(self) -> bytes:
        return self.root.public_bytes(serialization.Encoding.DER)

    def signer_pem(self) -> bytes:
        return self.signer.public_bytes(serialization.Encoding.PEM)

    def sign(self, src: Path, dst: Path) -> Path:
        return _sign(src, dst, self.signer_key, self.signer)


def _name(cn: str, org: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn),
                      x509.NameAttribute(NameOID.ORGANIZATION_NAME, org),
                      x509.NameAttribute(NameOID.COUNTRY_NAME, "VN")])


def authority() -> Authority:
    now = dt.datetime.now(dt.timezone.utc)
    ca_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    ca_name = _name("Thử nghiệm Root CA", "Ban Cơ yếu thử nghiệm")
    root = (x509.CertificateBuilder().subject_name(ca_name).issuer_name(ca_name)
            .public_key(ca_key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=365))
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .add_extension(x509.KeyUsage(False, False, False, False, False, True, True, False, False), critical=True)
            .sign(ca_key, hashes.SHA256()))
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    signer = (x509.CertificateBuilder().subject_name(_name("Sở Thông tin và Truyền thông", "Tỉnh Quảng Bình"))
              .issuer_name(ca_name).public_key(key.public_key()).serial_number(x509.random_serial_number())
              .not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=30))
              .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
              .add_extension(x509.KeyUsage(True, True, False, False, False, False, False, False, False), critical=True)
              .sign(ca_key, hashes.SHA256()))
    return Authority(root, key, signer)


def signed_pdf(folder: Path, auth: Authority, name: str = "signed.pdf") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    return auth.sign(_pdf(folder / f"plain-{name}"), folder / name)


def changed_copy(path: Path, dst: Path) -> Path:
    """The signed file with one byte of its signed content changed (a comment in the header)."""
    data = bytearray(path.read_bytes())
    at = data.index(b"ReportLab")
    data[at] = ord("r")
    dst.write_bytes(bytes(data))
    return dst
