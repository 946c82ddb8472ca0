"""Backups into a folder of the clerk's choice (a USB drive, typically).

    TARGET/vanthu-backups.json     which office the folder belongs to
    TARGET/files/ab/abcd…          attachment contents by SHA-256, shared by all backups:
                                   a file already there is never copied again
    TARGET/2026-12-01_203000/      one backup: vanthu.sqlite3 + manifest.json (written last),
                                   and settings/: the data folder's own settings (window.ini,
                                   the imported root certificates in trust/)
    TARGET/.partial-…/             a backup being written; never taken for a good one

The database is copied with SQLite's online backup API (a consistent copy while the program
runs and writes). A failure half-way (disk full, read-only, drive pulled out) leaves the
previous backups as they were: nothing but the partial folder and whole pool files is written
before the backup is complete, and old backups are rotated out only after that."""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import sqlite3
import uuid
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select, text

from app.errors import DomainError
from app.security import access, audit
from db import migrate
from db.models import Attachment, Setting

FORMAT = 1
MARK = "vanthu-backups.json"
MANIFEST = "manifest.json"
DB_NAME = "vanthu.sqlite3"
OFFICE_KEY = "security.office_id"
KEEP = 10
CHUNK = 1 << 20
SETTINGS_FILE = "window.ini"  # ui.settings.DATA_FILE (app/ never imports ui/)
TRUST_FOLDER = "trust"  # app.intake.trust.FOLDER


class BackupError(DomainError):
    pass


@dataclass(frozen=True)
class BackupResult:
    path: Path
    files: int
    files_copied: int
    bytes_copied: int
    warnings: tuple[str, ...] = ()
    secret: bool = False  # the secret store was backed up beside it (app/secrets/backup.py)


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(CHUNK):
            h.update(chunk)
    return h.hexdigest()


def _durable(fileobj) -> None:
    """Each file's own fsync where there is no whole-disk sync; on POSIX one os.sync() before the
    manifest does it for all (5,000 fsyncs cost seconds on a USB stick)."""
    fileobj.flush()
    if not hasattr(os, "sync"):
        os.fsync(fileobj.fileno())


def _copy_hashing(src: Path, dest: Path) -> str:
    """Copies to a temporary name, then renames: the pool never holds half a file under its name."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(f".part-{dest.name}")
    h = hashlib.sha256()
    with open(src, "rb") as fi, open(tmp, "wb") as fo:
        while chunk := fi.read(CHUNK):
            h.update(chunk)
            fo.write(chunk)
        _durable(fo)
    os.replace(tmp, dest)
    return h.hexdigest()


def settings_files(data_dir: Path) -> list[Path]:
    """The settings that belong to a data folder and live in it: lost with it, so backed up too."""
    found = [data_dir / SETTINGS_FILE] if (data_dir / SETTINGS_FILE).is_file() else []
    trust = data_dir / TRUST_FOLDER
    found += sorted(p for p in trust.iterdir() if p.is_file()) if trust.is_dir() else []
    return found


def _copy_settings(data_dir: Path, partial: Path) -> list[dict]:
    copied = []
    for path in settings_files(data_dir):
        rel = path.relative_to(data_dir).as_posix()
        digest = _copy_hashing(path, partial / "settings" / rel)
        copied.append({"path": rel, "sha256": digest, "size": path.stat().st_size})
    return copied


def seal(partial: Path, manifest: dict, folder: Path, stamp: str) -> Path:
    """The manifest written last and made durable, then the partial folder renamed into place:
    a backup without its manifest is never taken for a good one."""
    tmp = partial / f".{MANIFEST}"
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(manifest, f, ensure_ascii=False, indent=1)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, partial / MANIFEST)
    final = free_name(folder, stamp)
    os.replace(partial, final)
    return final


def free_name(folder: Path, stamp: str) -> Path:
    """folder/stamp, or stamp-2, -3… for a second backup in the same second (Sao lưu ngay
    right after the daily one): renaming onto a finished backup would fail."""
    final, n = folder / stamp, 1
    while final.exists():
        n += 1
        final = folder / f"{stamp}-{n}"
    return final


def office_id(store) -> str:
    with store.Session.begin() as s:
        row = s.get(Setting, OFFICE_KEY)
        if row is None:
            row = Setting(key=OFFICE_KEY, value=uuid.uuid4().hex)
            s.add(row)
        return row.value


def complete_backups(target: Path) -> list[Path]:
    """Finished backups (those with a manifest), oldest first."""
    if not target.is_dir():
        return []
    return sorted(p for p in target.iterdir() if p.is_dir() and not p.name.startswith(".")
                  and (p / MANIFEST).is_file())


def _check_mark(target: Path, office: str, office_name: str) -> None:
    mark = target / MARK
    if mark.is_file():
        try:
            found = json.loads(mark.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            raise BackupError(f"Tệp {mark} bị hỏng; không dám ghi vào thư mục sao lưu này.")
        if found.get("office_id") != office:
            raise BackupError(f"Thư mục {target} chứa bản sao lưu của cơ quan khác "
                              f"(“{found.get('office_name', '?')}”); hãy chọn thư mục khác.")
    else:
        mark.write_text(json.dumps({"office_id": office, "office_name": office_name},
                                   ensure_ascii=False), encoding="utf-8")


def _previous_sums(target: Path) -> dict[tuple, str]:
    """(path, size, mtime_ns) -> sha256 from the newest manifest: unchanged files are not read."""
    backups = complete_backups(target)
    if not backups:
        return {}
    try:
        files = json.loads((backups[-1] / MANIFEST).read_text(encoding="utf-8"))["files"]
    except (OSError, ValueError, KeyError):
        return {}
    return {(f["path"], f["size"], f["mtime_ns"]): f["sha256"] for f in files}


def _online_copy(src: Path, dest: Path) -> None:
    source = sqlite3.connect(src, timeout=15)
    copy = sqlite3.connect(dest)
    try:
        source.backup(copy)
        copy.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, no -wal beside it
    finally:
        copy.close()
        source.close()


def backup(store, target: Path | str, keep: int = KEEP, now: dt.datetime | None = None) -> BackupResult:
    target = Path(target).absolute()
    with store.ReadSession() as s:
        access.require(s, "backup")
        known = dict(s.execute(select(Attachment.stored_path, Attachment.sha256)).all())
        org_name = s.execute(text("SELECT value FROM setting WHERE key='org_name'")).scalar() or ""
        rev = migrate.current_revision(store.engine)
    office = office_id(store)
    stamp = (now or dt.datetime.now()).strftime("%Y-%m-%d_%H%M%S")
    partial = target / f".partial-{stamp}"
    warnings: list[str] = []
    copied = nbytes = 0
    try:
        target.mkdir(parents=True, exist_ok=True)
        _check_mark(target, office, org_name)
        sums = _previous_sums(target)
        shutil.rmtree(partial, ignore_errors=True)
        partial.mkdir()
        _online_copy(store.data_dir / DB_NAME, partial / DB_NAME)
        files = []
        root = store.files_dir
        for path in sorted(root.rglob("*")) if root.is_dir() else []:
            if not path.is_file() or path.name.startswith(".part-"):
                continue
            rel, st = path.relative_to(root).as_posix(), path.stat()
            digest = known.get(rel) or sums.get((rel, st.st_size, st.st_mtime_ns))
            pooled = target / "files" / digest[:2] / digest if digest else None
            if pooled is None or not pooled.is_file():
                tmp = target / "files" / f".new-{stamp}"
                actual = _copy_hashing(path, tmp)
                if digest and actual != digest:
                    warnings.append(f"Tệp {rel} không khớp mã SHA-256 đã ghi (tệp gốc bị hỏng?).")
                digest = actual
                pooled = target / "files" / digest[:2] / digest
                pooled.parent.mkdir(parents=True, exist_ok=True)
                os.replace(tmp, pooled)
                copied, nbytes = copied + 1, nbytes + st.st_size
            files.append({"path": rel, "sha256": digest, "size": st.st_size, "mtime_ns": st.st_mtime_ns})
        manifest = {"format": FORMAT, "office_id": office, "office_name": org_name,
                    "created_at": stamp, "schema": rev,
                    "database": {"name": DB_NAME, "sha256": sha256_file(partial / DB_NAME),
                                 "size": (partial / DB_NAME).stat().st_size},
                    "audit": _head_of(partial / DB_NAME), "files": files,
                    "settings": _copy_settings(Path(store.data_dir), partial)}
        if hasattr(os, "sync"):
            os.sync()  # every copied byte on the medium before the manifest says it is there
        final = seal(partial, manifest, target, stamp)
    except OSError as exc:
        shutil.rmtree(partial, ignore_errors=True)
        raise BackupError(f"Không sao lưu được vào {target}: {exc.strerror or exc} (ổ đầy, chỉ đọc "
                          "hoặc đã bị rút ra?). Các bản sao lưu trước vẫn nguyên vẹn.") from exc
    _rotate(target, keep)
    with store.Session.begin() as s:
        audit.record(s, "backup", details={"to": str(final), "files": len(files), "copied": copied})
    return BackupResult(final, len(files), copied, nbytes, tuple(warnings))


def _head_of(db: Path) -> dict:
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        row = con.execute("SELECT id, hash FROM audit_event ORDER BY id DESC LIMIT 1").fetchone()
    finally:
        con.close()
    return {"count": row[0], "head": row[1]} if row else {"count": 0, "head": ""}


def _rotate(target: Path, keep: int) -> None:
    """Keeps the newest `keep` backups; pool files no kept backup names go with the rest."""
    backups = complete_backups(target)
    for old in backups[:max(0, len(backups) - max(keep, 1))]:
        shutil.rmtree(old, ignore_errors=True)
    wanted: set[str] = set()
    for b in complete_backups(target):
        try:
            wanted.update(f["sha256"] for f in json.loads((b / MANIFEST).read_text("utf-8"))["files"])
        except (OSError, ValueError, KeyError):
            return  # an unreadable manifest: keep every file rather than guess
    pool = target / "files"
    for f in pool.glob("*/*") if pool.is_dir() else []:
        if f.name not in wanted and not f.name.startswith("."):
            f.unlink(missing_ok=True)
