"""Digital signatures of an incoming PDF kept with its scan (issue 11): a PDF signed here with
pyHanko by a certificate of a CA made for the test is kept with an entry, and the stored rows
are read back from the SQLite file by a store opened afresh; verified only with the CA's root
imported into the data folder; a byte changed after signing is kept as "đã bị sửa"; a file
that is not a root certificate is refused and nothing is saved."""
import sqlite3

import pytest
from sqlalchemy import text

from app.errors import NotFound
from app.intake import scans, signatures, trust
from app.registers import service
from app.registers.draft import Draft
from app.security import access
from app.security.actor import Actor
from app.store import DB_NAME, open_store
from tests.core.signed_pdf import authority, changed_copy, signed_pdf

IN = dict(received_at="05/03/2026 08:15", issuer="UBND TỈNH QUẢNG BÌNH - SỞ THÔNG TIN VÀ TRUYỀN THÔNG",
          number_symbol="12/TB-STTTT", doc_date="02/03/2026", doc_type="Thông báo", summary="Về việc thử")


@pytest.fixture(scope="module")
def ca(tmp_path_factory):
    auth = authority()
    folder = tmp_path_factory.mktemp("ca")
    (folder / "root.cer").write_bytes(auth.root_der())
    (folder / "root.pem").write_bytes(auth.root_pem())
    (folder / "signer.pem").write_bytes(auth.signer_pem())
    return auth, folder, signed_pdf(folder, auth)


def _keep(store, path, **kw):
    with store.Session.begin() as s:
        entry = service.register(s, "incoming", Draft(**{**IN, **kw}), allow_duplicate=True)
        signed = signatures.read(path, trust.trust_roots(store.data_dir))
        scan = scans.keep_scan(s, store.files_dir, path, entry.id, pages=1, signatures=signed)
    return entry, scan


def _stored(store, entry_id):
    again = open_store(store.data_dir)  # a fresh engine: what the file holds, not a cache
    with again.ReadSession() as s:
        (scan,) = scans.scans_of(s, again.files_dir, entry_id)
    again.engine.dispose()
    return scan.signatures


def test_without_the_root_the_source_is_unverified(state_store, ca):
    _auth, _folder, path = ca
    entry, kept = _keep(state_store, path)
    (sig,) = _stored(state_store, entry.id)
    assert sig == kept.signatures[0]
    assert (sig.signer, sig.organisation, sig.intact, sig.trusted) == (
        "Sở Thông tin và Truyền thông", "Tỉnh Quảng Bình", True, False)
    assert sig.describe().endswith("— nguyên vẹn, chưa xác minh được nguồn cấp chứng thư")
    assert "hợp lệ" not in sig.describe()
    with sqlite3.connect(state_store.data_dir / DB_NAME) as db:
        rows = db.execute("SELECT position, signer, intact, trusted, signed_at FROM scan_signature").fetchall()
    assert [r[:4] for r in rows] == [(0, "Sở Thông tin và Truyền thông", 1, 0)]
    assert rows[0][4].startswith(sig.signed_at.strftime("%Y-%m-%d %H:%M"))  # Vietnam's time


def test_with_the_root_imported_the_signature_is_verified(state_store, ca):
    _auth, folder, path = ca
    with state_store.Session.begin() as s:
        root = trust.import_root(s, state_store.data_dir, folder / "root.pem")
    assert root.subject.startswith("Thử nghiệm Root CA") and not root.expired
    assert (state_store.data_dir / "trust" / root.name).is_file()
    entry, _kept = _keep(state_store, path)
    (sig,) = _stored(state_store, entry.id)
    assert sig.trusted and sig.intact
    assert sig.describe().endswith("— nguyên vẹn, " + signatures.VERIFIED)


def test_a_byte_changed_after_signing_is_stored_as_changed(state_store, ca, tmp_path):
    auth, folder, path = ca
    with state_store.Session.begin() as s:
        trust.import_root(s, state_store.data_dir, folder / "root.cer")
    changed = changed_copy(path, tmp_path / "changed.pdf")
    entry, _kept = _keep(state_store, changed)
    (sig,) = _stored(state_store, entry.id)
    assert sig.intact is False and not sig.trusted
    assert sig.describe().endswith("— " + signatures.CHANGED)


def test_keeping_the_same_file_again_without_reading_keeps_its_signatures(state_store, ca):
    _auth, _folder, path = ca
    entry, _kept = _keep(state_store, path)
    with state_store.Session.begin() as s:
        scans.keep_scan(s, state_store.files_dir, path, entry.id, pages=1)
    assert len(_stored(state_store, entry.id)) == 1


def _events(store):
    with store.ReadSession() as s:
        rows = s.execute(text("SELECT details FROM audit_event WHERE kind = 'settings'")).scalars()
        return [d for d in rows if "chứng thư gốc" in d]


@pytest.mark.parametrize("bad, message", [
    ("text", "không phải chứng thư số"),
    ("signer", "không phải chứng thư gốc"),
    ("two", "đúng một chứng thư"),
    ("truncated", "không phải chứng thư số"),
])
def test_a_file_that_is_not_a_root_certificate_is_refused(state_store, ca, tmp_path, bad, message):
    auth, folder, _path = ca
    source = tmp_path / f"{bad}.cer"
    source.write_bytes({"text": "đây không phải chứng thư".encode(), "signer": auth.signer_pem(),
                        "two": auth.root_pem() + auth.signer_pem(),
                        "truncated": auth.root_der()[:300]}[bad])
    with pytest.raises(trust.BadCertificate) as err, state_store.Session.begin() as s:
        trust.import_root(s, state_store.data_dir, source)
    assert message in err.value.message
    assert trust.roots(state_store.data_dir) == [] and trust.trust_roots(state_store.data_dir) == ()
    assert not list(trust.folder(state_store.data_dir).glob("*"))
    assert _events(state_store) == []


def test_import_twice_refused_remove_and_audit(state_store, ca):
    _auth, folder, _path = ca
    with state_store.Session.begin() as s:
        root = trust.import_root(s, state_store.data_dir, folder / "root.cer")
    with pytest.raises(trust.BadCertificate, match="đã được nhập"), state_store.Session.begin() as s:
        trust.import_root(s, state_store.data_dir, folder / "root.pem")  # the same certificate as PEM
    assert [r.name for r in trust.roots(state_store.data_dir)] == [root.name]
    with pytest.raises(NotFound), state_store.Session.begin() as s:
        trust.remove_root(s, state_store.data_dir, "khong-co.cer")
    with state_store.Session.begin() as s:
        trust.remove_root(s, state_store.data_dir, root.name)
    assert trust.roots(state_store.data_dir) == []
    details = _events(state_store)
    assert len(details) == 2 and '"nhập"' in details[0] and '"bỏ"' in details[1]
    assert root.sha256 in details[0] and root.sha256 in details[1]


def test_only_the_administrator_imports_roots(state_store, ca):
    _auth, folder, _path = ca
    access.set_actor(state_store, Actor("lanhdao", "lanh-dao"))
    with pytest.raises(access.NotAllowed), state_store.Session.begin() as s:
        trust.import_root(s, state_store.data_dir, folder / "root.cer")
    access.set_actor(state_store, Actor("vanthu", "van-thu"))
    with pytest.raises(access.NotAllowed), state_store.Session.begin() as s:
        trust.import_root(s, state_store.data_dir, folder / "root.cer")
    access.set_actor(state_store, Actor("admin", "quan-tri"))
    with state_store.Session.begin() as s:
        trust.import_root(s, state_store.data_dir, folder / "root.cer")
    assert len(trust.roots(state_store.data_dir)) == 1


def test_a_file_at_0005_upgrades_with_its_scans_kept(tmp_path):
    from alembic import command

    from db import engine as db_engine, migrate

    engine = db_engine.make_engine(tmp_path / DB_NAME)
    cfg = migrate.alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0005")
        conn.execute(text("INSERT INTO attachment (id, sha256, original_name, stored_path, pdf_path, pages, "
                          "ocr_text, ocr_folded, created_at) VALUES (1, 'ab', 'a.pdf', 'ab/a.pdf', '', 1, "
                          "'', '', '2026-03-01')"))
    engine.dispose()
    store = open_store(tmp_path)
    with store.ReadSession() as s:
        assert s.execute(text("SELECT version_num FROM alembic_version")).scalar() == migrate.HEAD
        assert scans.signatures_of(s, 1) == ()
        assert s.execute(text("SELECT pdf_sha256 FROM attachment")).scalar() == ""  # 0007: not known before
        assert s.execute(text("SELECT original_name FROM attachment")).scalar() == "a.pdf"


def test_a_damaged_file_in_the_trust_folder_does_not_hide_the_good_root(state_store, ca):
    _auth, folder, path = ca
    with state_store.Session.begin() as s:
        trust.import_root(s, state_store.data_dir, folder / "root.cer")
    (trust.folder(state_store.data_dir) / "000-hong.cer").write_bytes(b"\x30\x03 damaged")
    assert [r.name for r in trust.roots(state_store.data_dir)] == ["root.cer"]
    (sig,) = signatures.read(path, trust.trust_roots(state_store.data_dir))
    assert sig.trusted


def test_recheck_verifies_against_a_root_imported_later_and_sees_a_changed_stored_file(state_store, ca):
    _auth, folder, path = ca
    entry, kept = _keep(state_store, path)
    assert not kept.signatures[0].trusted
    with state_store.Session.begin() as s:
        trust.import_root(s, state_store.data_dir, folder / "root.cer")
        again = scans.recheck_signatures(s, state_store.files_dir, kept.id, trust.trust_roots(state_store.data_dir))
    assert again.signatures[0].trusted and _stored(state_store, entry.id)[0].trusted
    stored = kept.stored_path
    data = bytearray(stored.read_bytes())
    data[data.index(b"ReportLab")] = ord("r")
    stored.write_bytes(bytes(data))  # the kept original altered in the data folder
    with state_store.Session.begin() as s:
        scans.recheck_signatures(s, state_store.files_dir, kept.id, trust.trust_roots(state_store.data_dir))
    (sig,) = _stored(state_store, entry.id)
    assert sig.intact is False and sig.describe().endswith(signatures.CHANGED)
    access.set_actor(state_store, Actor("lanhdao", "lanh-dao"))
    with pytest.raises(access.NotAllowed), state_store.Session.begin() as s:
        scans.recheck_signatures(s, state_store.files_dir, kept.id)
