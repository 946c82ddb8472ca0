"""A PDF signed here with pyHanko (a certificate made for the test): the signer, the signing
time and integrity are read; a byte changed after signing is caught; without the office's
root certificate the source is never called valid; the seal confirms the issuer read."""
import datetime as dt

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID

from app.intake import signatures
from app.intake.ocr import read_header

from tests.ocr.real_set import REAL, needs_real_set
from tests.ocr.test_born_digital import _pdf


def _certificate():
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Sở Thông tin và Truyền thông"),
                      x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Tỉnh Quảng Bình"),
                      x509.NameAttribute(NameOID.COUNTRY_NAME, "VN")])
    now = dt.datetime.now(dt.timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=30))
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .add_extension(x509.KeyUsage(True, True, False, False, False, True, True, False, False), critical=True)
            .sign(key, hashes.SHA256()))
    return key, cert


def _sign(src, dst, key, cert):
    from asn1crypto import keys, x509 as asn1_x509
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import signers
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    signer = signers.SimpleSigner(
        signing_cert=asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER)),
        signing_key=keys.PrivateKeyInfo.load(key.private_bytes(
            serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())),
        cert_registry=SimpleCertificateStore())
    with open(src, "rb") as f:
        out = signers.sign_pdf(IncrementalPdfFileWriter(f), signers.PdfSignatureMetadata(field_name="Seal"),
                               signer=signer)
    dst.write_bytes(out.getvalue())
    return dst


@pytest.fixture(scope="module")
def signed(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("signed")
    key, cert = _certificate()
    return _sign(_pdf(tmp / "plain.pdf"), tmp / "signed.pdf", key, cert), cert


def test_signer_time_and_integrity_read(signed):
    path, _cert = signed
    (sig,) = signatures.read(path)
    assert sig.signer == "Sở Thông tin và Truyền thông"
    assert sig.organisation == "Tỉnh Quảng Bình"
    assert sig.intact is True and sig.whole_file
    assert abs(sig.signed_at - dt.datetime.now(signatures.VN)) < dt.timedelta(minutes=5)
    assert not sig.trusted  # no root certificate imported
    assert sig.describe().endswith("nguyên vẹn, " + signatures.UNVERIFIED)


def test_trusted_only_with_the_imported_root(signed):
    path, cert = signed
    (sig,) = signatures.read(path, trust_roots=(cert.public_bytes(serialization.Encoding.PEM),))
    assert sig.trusted and sig.intact


def test_a_byte_changed_after_signing_is_detected(signed, tmp_path):
    path, _cert = signed
    data = bytearray(path.read_bytes())
    at = data.index(b"ReportLab")  # a comment in the file's header: signed, yet not structure
    data[at] = ord("r")
    changed = tmp_path / "changed.pdf"
    changed.write_bytes(bytes(data))
    sigs = signatures.read(changed)
    assert sigs and sigs[0].intact is False
    assert signatures.CHANGED in sigs[0].describe()


def test_seal_confirms_the_issuer_and_is_shown(signed):
    path, _cert = signed
    h = read_header(path)
    assert h.source == "text"
    assert h.issuer.value == "UBND TỈNH QUẢNG BÌNH - SỞ THÔNG TIN VÀ TRUYỀN THÔNG"
    assert h.issuer.confidence >= 0.95
    assert "Chữ ký số: Sở Thông tin và Truyền thông" in h.issuer.note
    assert len(h.signatures) == 1


def test_a_local_clock_marked_utc_is_read_in_the_zone_the_pdf_states():
    from types import SimpleNamespace

    vn = dt.timezone(dt.timedelta(hours=7))
    # Software in use in Vietnamese offices writes 15:59 "Z" into signingTime where the
    # signature's /M says 15:59+07:00 (d004): the time is 15:59 in Vietnam, not 22:59.
    local_as_utc = SimpleNamespace(self_reported_timestamp=dt.datetime(2020, 8, 3, 15, 59, 12, tzinfo=dt.timezone.utc),
                                   sig_object={"/M": "D:20200803155912+07'00'"})
    assert signatures._signing_time(local_as_utc) == dt.datetime(2020, 8, 3, 15, 59, 12, tzinfo=vn)
    # The same instant written in two zones, as pyHanko signs: the signingTime stands.
    same = SimpleNamespace(self_reported_timestamp=dt.datetime(2020, 8, 3, 8, 59, 12, tzinfo=dt.timezone.utc),
                           sig_object={"/M": "D:20200803155912+07'00'"})
    assert signatures._signing_time(same) == dt.datetime(2020, 8, 3, 8, 59, 12, tzinfo=dt.timezone.utc)
    # Clocks far apart (a timestamp hours after the /M): the signingTime stands; no /M: it too.
    apart = SimpleNamespace(self_reported_timestamp=dt.datetime(2020, 8, 4, 2, 0, tzinfo=dt.timezone.utc),
                            sig_object={"/M": "D:20200803155912+07'00'"})
    assert signatures._signing_time(apart).day == 4
    bare = SimpleNamespace(self_reported_timestamp=same.self_reported_timestamp, sig_object={})
    assert signatures._signing_time(bare) == same.self_reported_timestamp


@needs_real_set
def test_a_real_signature_s_time_is_its_local_time():
    (sig,) = signatures.read(REAL / "docs" / "d004.pdf")
    assert sig.signed_at.strftime("%d/%m/%Y %H:%M") == "03/08/2020 15:59"
