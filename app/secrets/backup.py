"""Backups of the secret store: the ordinary backup (app.security.backup) copies the plain file
only, so the encrypted books are saved here, and stay encrypted on the medium.

    TARGET/kho-mat/2026-12-01_203000/   vanthu-mat.sqlcipher (same key, one self-contained file),
                                         keys.json (the wraps: no key in clear), manifest.json last

The copy is SQLite's online backup API on SQLCipher connections keyed alike, so every page is
written to the medium as it is on disk here: encrypted. Nothing is decrypted into a temporary
file on the way. A restore puts the two files back into a data folder that has no secret store;
it opens with a holder's password or the recovery key as before the loss."""
from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

from app.errors import DomainError
from app.secrets import access, events, store as secret_store
from app.security.backup import seal, sha256_file

FOLDER = "kho-mat"
MANIFEST = "manifest.json"
KEEP = 10


class SecretBackupError(DomainError):
    pass


def backup(sstore, target: Path | str, now: dt.datetime | None = None, keep: int = KEEP) -> Path:
    """One backup folder under TARGET/kho-mat/, the newest `keep` kept; its path. Cleared clerks
    and administrators."""
    with sstore.ReadSession() as s:
        who = access.require(s)
    if who.role == "lanh-dao":
        raise SecretBackupError("Sao lưu kho văn bản mật là việc của văn thư hoặc quản trị.")
    stamp = (now or dt.datetime.now()).strftime("%Y-%m-%d_%H%M%S")
    root = Path(target).absolute() / FOLDER
    partial = root / f".partial-{stamp}"
    try:
        root.mkdir(parents=True, exist_ok=True)
        shutil.rmtree(partial, ignore_errors=True)
        partial.mkdir()
        dest = partial / secret_store.FILE_NAME
        _online_copy(sstore, dest)
        shutil.copy2(sstore.key_file.path, partial / secret_store.KEY_FILE)
        manifest = {"store_id": sstore.key_file.store_id, "created_at": stamp,
                    "file": {"name": dest.name, "sha256": sha256_file(dest), "size": dest.stat().st_size}}
        final = seal(partial, manifest, root, stamp)
    except OSError as exc:
        shutil.rmtree(partial, ignore_errors=True)
        raise SecretBackupError(f"Không sao lưu được kho văn bản mật vào {target}: "
                                f"{exc.strerror or exc}. Các bản sao lưu trước vẫn nguyên vẹn.") from exc
    done = sorted(p for p in root.iterdir() if p.is_dir() and (p / MANIFEST).is_file())
    for old in done[:max(0, len(done) - max(keep, 1))]:
        shutil.rmtree(old, ignore_errors=True)
    with sstore.Session.begin() as s:
        events.record(s, "backup", None, {"kho": "mật", "tới": str(final)})
    return final


def _online_copy(sstore, dest: Path) -> None:
    import sqlcipher3.dbapi2 as sqlcipher

    copy = sqlcipher.connect(str(dest))
    try:
        copy.execute(f"PRAGMA key = \"x'{sstore._key.hex()}'\"")
        with sstore.engine.connect() as conn:
            conn.connection.driver_connection.backup(copy)
        copy.execute("PRAGMA journal_mode=DELETE")  # one file, no -wal beside it
    finally:
        copy.close()


def restore(backup_dir: Path | str, data_dir: Path | str) -> Path:
    """Puts a backup's store and key file into a data folder without a secret store."""
    src = Path(backup_dir)
    try:
        manifest = json.loads((src / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise SecretBackupError(f"“{src}” không phải một bản sao lưu kho mật trọn vẹn.") from None
    if secret_store.exists(data_dir):
        raise SecretBackupError("Thư mục dữ liệu này đã có kho văn bản mật: không ghi đè. "
                                "Hãy khôi phục vào một thư mục dữ liệu khác.")
    if sha256_file(src / manifest["file"]["name"]) != manifest["file"]["sha256"]:
        raise SecretBackupError("Tệp kho mật trong bản sao lưu không khớp mã SHA-256 (đã hỏng).")
    d = secret_store.folder(data_dir)
    d.mkdir(parents=True, exist_ok=True)
    shutil.copy2(src / manifest["file"]["name"], d / secret_store.FILE_NAME)
    shutil.copy2(src / secret_store.KEY_FILE, d / secret_store.KEY_FILE)  # last: then it exists
    return d / secret_store.FILE_NAME


__all__ = ["backup", "restore", "SecretBackupError"]
