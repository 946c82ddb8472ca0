"""Restore (quản trị only): from a backup into a NEW data folder, checked against its manifest
and its audit chain, and only then put in place; the data folder in use is never touched."""
from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.orm import sessionmaker

from app.security import access, audit, verify
from app.security.backup import DB_NAME, FORMAT, MANIFEST, BackupError, sha256_file
from db import engine as db_engine, migrate


@dataclass(frozen=True)
class RestoreResult:
    data_dir: Path
    entries: int
    events: int
    files: int


def read_manifest(backup_dir: Path) -> dict:
    path = backup_dir / MANIFEST
    if not path.is_file():
        raise BackupError(f"{backup_dir} không phải một bản sao lưu hoàn chỉnh (thiếu {MANIFEST}).")
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
        manifest["database"]["sha256"], manifest["files"]  # noqa: B018  (the keys must be there)
    except (OSError, ValueError, KeyError, TypeError):
        raise BackupError(f"Tệp {path} bị hỏng: không đọc được danh mục của bản sao lưu.")
    if manifest.get("format", 0) > FORMAT:
        raise BackupError("Bản sao lưu được tạo bởi phiên bản chương trình mới hơn; hãy cập nhật chương trình.")
    if str(manifest.get("schema") or "0") > migrate.HEAD:
        raise BackupError(f"Cơ sở dữ liệu trong bản sao lưu có cấu trúc mới hơn ({manifest['schema']}) "
                          f"phiên bản chương trình này ({migrate.HEAD}); hãy cập nhật chương trình.")
    return manifest


def _inside(root: Path, rel: str) -> Path:
    """A manifest edited to name ../somewhere must not write outside the new data folder."""
    path = (root / rel).resolve()
    if not path.is_relative_to(root.resolve()):
        raise BackupError(f"Danh mục của bản sao lưu ghi một đường dẫn không hợp lệ: {rel}.")
    return path


def _copy_checked(src: Path, dest: Path, expected: str, what: str) -> None:
    if not src.is_file():
        raise BackupError(f"Bản sao lưu thiếu tệp {what}.")
    dest.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(src, dest)
    if sha256_file(dest) != expected:
        raise BackupError(f"Tệp {what} trong bản sao lưu bị hỏng (mã SHA-256 không khớp danh mục).")


def restore(store, backup_dir: Path | str, to: Path | str) -> RestoreResult:
    """`store` is the data folder in use (for who may restore); `to` must be new or empty."""
    backup_dir, to = Path(backup_dir), Path(to)
    if store is not None:
        with store.ReadSession() as s:
            access.require(s, "admin")
    if to.exists() and any(to.iterdir()):
        raise BackupError(f"Thư mục {to} đã có dữ liệu; hãy khôi phục vào một thư mục mới.")
    if store is not None and to.resolve() == Path(store.data_dir).resolve():
        raise BackupError("Không khôi phục đè lên thư mục dữ liệu đang dùng.")
    manifest = read_manifest(backup_dir)
    work = to.parent / f".restoring-{to.name}"
    shutil.rmtree(work, ignore_errors=True)
    try:
        work.mkdir(parents=True)
        _copy_checked(backup_dir / DB_NAME, work / DB_NAME, manifest["database"]["sha256"], DB_NAME)
        pool = backup_dir.parent / "files"
        for f in manifest["files"]:
            _copy_checked(pool / f["sha256"][:2] / f["sha256"], work / "files" / f["path"],
                          f["sha256"], f"files/{f['path']}")
        for f in manifest.get("settings", []):  # backups made before settings were kept have none
            _copy_checked(backup_dir / "settings" / f["path"], _inside(work, f["path"]), f["sha256"],
                          f"settings/{f['path']}")
        entries, events = _check_database(work / DB_NAME, manifest)
        if to.exists():
            to.rmdir()
        os.replace(work, to)
    except OSError as exc:
        raise BackupError(f"Không khôi phục được vào {to}: {exc.strerror or exc}.") from exc
    finally:
        shutil.rmtree(work, ignore_errors=True)
    from app.store import open_store  # migrates a backup made by an older version

    restored = open_store(to)
    access.set_actor(restored, store and _actor(store))
    with restored.Session.begin() as s:
        audit.record(s, "restore", details={"from": str(backup_dir), "events": events})
    return RestoreResult(to, entries, events, len(manifest["files"]))


def _actor(store):
    with store.ReadSession() as s:
        return access.actor(s)


def _check_database(path: Path, manifest: dict) -> tuple[int, int]:
    engine = db_engine.make_engine(path)
    try:
        with sessionmaker(engine)() as s:
            if s.execute(text("PRAGMA integrity_check")).scalar() != "ok":
                raise BackupError(f"Cơ sở dữ liệu {DB_NAME} trong bản sao lưu bị hỏng (integrity_check).")
            v = verify.verify(s)
            if not v.ok:
                raise BackupError("Bản sao lưu không qua kiểm tra nhật ký: " + v.problems[0])
            expected = manifest.get("audit", {}).get("count")
            if expected is not None and v.count != expected:
                raise BackupError(f"Bản sao lưu có {v.count} sự kiện nhật ký, danh mục ghi {expected}.")
            entries = s.execute(text("SELECT count(*) FROM entry")).scalar()
        return entries, v.count
    finally:
        engine.dispose()

