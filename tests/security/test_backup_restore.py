"""Backup and restore: the drill, the incremental pool, rotation, and every way it can go wrong."""
import json
import os
import sqlite3

import pytest
from sqlalchemy import text

from app.intake import scans
from app.security import backup as B, restore as R
from app.security.backup import BackupError
from app.store import open_store
from tests.security.conftest import register

TABLES = ("entry", "entry_change", "audit_event", "attachment", "sequence")


def dump(data_dir):
    con = sqlite3.connect(data_dir / "vanthu.sqlite3")
    out = {t: con.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall() for t in TABLES}
    con.close()
    files = data_dir / "files"
    out["files"] = {p.relative_to(files).as_posix(): p.read_bytes()
                    for p in sorted(files.rglob("*")) if p.is_file()} if files.is_dir() else {}
    return out


def attach(store, tmp_path, entry_id, content: bytes, name="scan.png"):
    src = tmp_path / name
    src.write_bytes(content)
    with store.Session.begin() as s:
        scans.keep_scan(s, store.files_dir, src, entry_id, pages=1, ocr_text="văn bản quét",
                        searchable_pdf=b"%PDF-1.4 " + content)


def test_restore_drill(filled, tmp_path):
    attach(filled, tmp_path, filled.views[0].id, b"first scan")
    made = B.backup(filled, tmp_path / "usb")
    assert made.files == 2 and made.files_copied == 2
    with filled.ReadSession() as s:
        attached = s.execute(text("SELECT entry_id FROM audit_event WHERE kind='attach'")).scalars().all()
    assert attached == [filled.views[0].id]
    before = dump(filled.data_dir)
    # Work goes on after the backup: new entries, an edit, another scan.
    extra = register(filled, number_symbol="77/QĐ-UBND")
    attach(filled, tmp_path, extra.id, b"second scan", "b.png")
    assert dump(filled.data_dir) != before
    result = R.restore(filled, made.path, tmp_path / "restored")
    restored = dump(tmp_path / "restored")
    events, backed_up = restored.pop("audit_event"), before.pop("audit_event")
    # The backup's own event is written once the copy is complete, so it is not in the copy;
    # the restore is the copy's next event.
    assert backed_up[-1][3] == "backup" and events[-1][3] == "restore"
    assert events[:-1] == backed_up[:-1]
    assert restored == before
    assert result.entries == 3 and result.files == 2
    assert (filled.data_dir / "vanthu.sqlite3").is_file()  # the folder in use is untouched
    from app.security.check import run_check
    assert run_check(open_store(tmp_path / "restored")) == []


def test_second_backup_copies_only_new_files_and_old_ones_rotate(filled, tmp_path):
    import datetime as dt

    attach(filled, tmp_path, filled.views[0].id, b"first scan")
    first = B.backup(filled, tmp_path / "usb", keep=2, now=dt.datetime(2026, 12, 1, 8))
    attach(filled, tmp_path, filled.views[1].id, b"another", "c.png")
    second = B.backup(filled, tmp_path / "usb", keep=2, now=dt.datetime(2026, 12, 2, 8))
    assert (second.files, second.files_copied) == (4, 2)
    third = B.backup(filled, tmp_path / "usb", keep=2, now=dt.datetime(2026, 12, 3, 8))
    assert third.files_copied == 0
    assert B.complete_backups(tmp_path / "usb") == [second.path, third.path]
    assert not first.path.exists()


def test_backup_of_another_office_is_refused(filled, state_store, tmp_path):
    B.backup(filled, tmp_path / "usb")
    other = open_store(tmp_path / "other")
    with pytest.raises(BackupError, match="cơ quan khác"):
        B.backup(other, tmp_path / "usb")


def test_target_failing_half_way_leaves_earlier_backups_intact(filled, tmp_path, monkeypatch):
    attach(filled, tmp_path, filled.views[0].id, b"first scan")
    good = B.backup(filled, tmp_path / "usb")
    attach(filled, tmp_path, filled.views[1].id, b"more", "d.png")

    def full_disk(*_a, **_k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(B, "_copy_hashing", full_disk)
    with pytest.raises(BackupError, match="vẫn nguyên vẹn"):
        B.backup(filled, tmp_path / "usb")
    assert B.complete_backups(tmp_path / "usb") == [good.path]
    assert not [p for p in (tmp_path / "usb").iterdir() if p.name.startswith(".partial")]
    R.restore(filled, good.path, tmp_path / "again")


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_read_only_target(filled, tmp_path):
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o500)
    with pytest.raises(BackupError):
        B.backup(filled, ro)


def test_corrupted_backup_file_is_named(filled, tmp_path):
    attach(filled, tmp_path, filled.views[0].id, b"first scan")
    made = B.backup(filled, tmp_path / "usb")
    manifest = json.loads((made.path / "manifest.json").read_text())
    pooled = tmp_path / "usb" / "files" / manifest["files"][0]["sha256"][:2] / manifest["files"][0]["sha256"]
    pooled.write_bytes(b"rotten")
    with pytest.raises(BackupError, match=manifest["files"][0]["path"]):
        R.restore(filled, made.path, tmp_path / "restored")
    assert not (tmp_path / "restored").exists()
    db = made.path / "vanthu.sqlite3"
    db.write_bytes(db.read_bytes()[:-10] + b"0123456789")
    with pytest.raises(BackupError, match="vanthu.sqlite3"):
        R.restore(filled, made.path, tmp_path / "restored")


def test_half_written_newer_or_tampered_backups_are_refused(filled, tmp_path):
    made = B.backup(filled, tmp_path / "usb")
    (tmp_path / "usb" / ".partial-x").mkdir()
    with pytest.raises(BackupError, match="hoàn chỉnh"):
        R.restore(filled, tmp_path / "usb" / ".partial-x", tmp_path / "r1")
    m = json.loads((made.path / "manifest.json").read_text())
    (made.path / "manifest.json").write_text(json.dumps({**m, "schema": "9999"}))
    with pytest.raises(BackupError, match="mới hơn"):
        R.restore(filled, made.path, tmp_path / "r2")
    # An entry edited inside the backup, its checksum in the manifest made to match.
    db = made.path / "vanthu.sqlite3"
    con = sqlite3.connect(db)
    con.execute("UPDATE entry SET summary = 'khác' WHERE id = 1")
    con.commit()
    con.close()
    (made.path / "manifest.json").write_text(json.dumps(
        {**m, "database": {**m["database"], "sha256": B.sha256_file(db)}}))
    with pytest.raises(BackupError, match="nhật ký"):
        R.restore(filled, made.path, tmp_path / "r3")
    with pytest.raises(BackupError, match="đã có dữ liệu"):
        R.restore(filled, made.path, filled.data_dir)


def test_settings_of_the_data_folder_come_back_with_a_restore(filled, tmp_path):
    # The window's per-folder settings and the imported root certificates live in the data
    # folder; a restore that brought back the books but not them would silently unverify
    # every digital signature and forget the scan folder.
    from app.intake import trust
    from ui.settings import DATA_FILE
    assert (B.SETTINGS_FILE, B.TRUST_FOLDER) == (DATA_FILE, trust.FOLDER)
    (filled.data_dir / DATA_FILE).write_text("[scan]\nfolder=/srv/quet\n", encoding="utf-8")
    (filled.data_dir / trust.FOLDER).mkdir()
    (filled.data_dir / trust.FOLDER / "goc-bo-ttt.der").write_bytes(b"\x30\x82 root bytes")
    made = B.backup(filled, tmp_path / "usb")
    R.restore(filled, made.path, tmp_path / "restored")
    assert (tmp_path / "restored" / DATA_FILE).read_text(encoding="utf-8") == "[scan]\nfolder=/srv/quet\n"
    assert (tmp_path / "restored" / "trust" / "goc-bo-ttt.der").read_bytes() == b"\x30\x82 root bytes"

    (made.path / "settings" / DATA_FILE).write_text("[scan]\nfolder=/tmp/khac\n", encoding="utf-8")
    with pytest.raises(BackupError, match=f"settings/{DATA_FILE}.*bị hỏng"):
        R.restore(filled, made.path, tmp_path / "restored-2")
    assert not (tmp_path / "restored-2").exists()

    manifest = json.loads((made.path / "manifest.json").read_text(encoding="utf-8"))
    manifest["settings"][0]["path"] = "../../ngoai.ini"
    (made.path / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    with pytest.raises(BackupError, match="đường dẫn không hợp lệ"):
        R.restore(filled, made.path, tmp_path / "restored-3")
    assert not (tmp_path / "ngoai.ini").exists()


def test_two_backups_in_the_same_second_are_both_kept(filled, tmp_path):
    import datetime as dt
    at = dt.datetime(2026, 12, 1, 9, 30, 0)
    first = B.backup(filled, tmp_path / "usb", now=at)
    second = B.backup(filled, tmp_path / "usb", now=at)
    assert first.path != second.path
    assert B.complete_backups(tmp_path / "usb") == [first.path, second.path]
