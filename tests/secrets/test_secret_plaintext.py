"""Item 9: no secret content in plain text anywhere on disk. A unique summary is registered,
searched, opened, handed over, copied, printed, backed up (by the program's own backups, plain
and secret) and the store closed; then every byte under the data folder, the backup folders and
the temporary folder (WAL and journals included) is searched, and the print folder holds only the
PDFs asked for."""
import datetime as dt
import os
import tempfile
import uuid
from pathlib import Path

import pytest
from sqlalchemy import text

from app.registers import query, service
from app.secrets import books, copies, move, printing, store as secret_store, transfer
from app.text import fold
from secret_helpers import incoming


def _needles(summary: str) -> list[bytes]:
    words = summary.encode("utf-8")
    return [words, fold(summary).encode("utf-8"), summary.encode("utf-16-le"),
            fold(summary).split()[-1].encode()]


def _find(roots: list[Path], needles: list[bytes]) -> list[str]:
    found = []
    for root in roots:
        for path in root.rglob("*"):
            if path.is_file():
                data = path.read_bytes()
                found += [f"{path}: {n!r}" for n in needles if n in data]
    return found


def test_unique_secret_summary_never_reaches_the_disk_in_clear(secret, tmp_path, monkeypatch):
    plain, sstore, _ = secret
    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    monkeypatch.setenv("TMPDIR", str(temp))
    token = uuid.uuid4().hex[:12]
    summary = f"Phương án tác chiến bí mật mã {token} quyết định"
    with sstore.Session.begin() as s:
        copies.add_authoriser(s, "Giám đốc Sở", "Giám đốc", "Tuyệt mật")
        it = books.register(s, "secret_incoming", incoming(summary=summary, level="Tối mật"))
        transfer.hand_over(s, it.id, f"Người nhận {token}", 1)
        copies.make_copies(s, it.id, authorised_by="Giám đốc Sở", copies=1, form="sao-y",
                           note=f"ghi chú {token}")
    with sstore.ReadSession() as s:  # search and open: reads must leave nothing behind either
        assert books.find(s, query.Filter("secret_incoming", text=token)) == [it.id]
        assert books.item(s, it.id, audit=False).entry.summary == summary
    wal = sstore.path.with_name(sstore.path.name + "-wal")
    assert wal.exists() and wal.stat().st_size > 0  # the WAL is searched while it holds pages
    needles = _needles(summary) + [token.encode(), sstore._key, sstore._key.hex().encode()]
    backup = plain.data_dir.parent / "backup"
    backup.mkdir(exist_ok=True)
    _backup(plain, sstore, backup)
    usb = plain.data_dir.parent / "usb"  # the program's own backups: the plain one, the secret one
    from app.secrets import backup as secret_backup
    from app.security import backup as plain_backup

    plain_backup.backup(plain, usb)
    saved = secret_backup.backup(sstore, usb)
    assert (saved / secret_store.FILE_NAME).stat().st_size > 0
    printed = plain.data_dir.parent / "in"  # printed books and forms: only the files asked for
    printed.mkdir()
    with sstore.Session.begin() as s:
        printing.print_register(s, "secret_incoming", 2026, printed / "so-mat-den.pdf")
        printing.print_transfer(s, dt.date.today().year, printed / "chuyen-giao.pdf")
        printing.print_copies(s, dt.date.today().year, printed / "sao-chup.pdf")
    assert sorted(p.name for p in printed.iterdir()) == ["chuyen-giao.pdf", "sao-chup.pdf", "so-mat-den.pdf"]
    roots = [plain.data_dir, backup, usb, temp]
    assert _find(roots, needles) == []
    sstore.close()
    assert _find(roots, needles) == []


def _backup(plain, sstore, backup: Path) -> None:
    """The backup the office would make: the data folder's files copied as they are."""
    import shutil

    for path in plain.data_dir.rglob("*"):
        if path.is_file():
            target = backup / path.relative_to(plain.data_dir)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, target)


def test_entries_of_the_old_plain_secret_books_are_moved_and_wiped(secret):
    plain, sstore, _ = secret
    token = uuid.uuid4().hex[:12]
    with plain.Session.begin() as p:  # as an earlier version registered them
        service.register(p, "secret_incoming", incoming(summary=f"Kế hoạch {token}", level="Mật",
                                                        number_symbol="7/X"))
        service.register(p, "incoming", incoming(summary="Văn bản thường", level="",
                                                 number_symbol="8/X"))
    with plain.ReadSession() as p:
        assert move.pending(p) == 1
    assert move.move_out(plain, sstore) == 1
    assert move.move_out(plain, sstore) == 0
    with sstore.ReadSession() as s:
        moved = books.find(s, query.Filter("secret_incoming", text=token))
        assert len(moved) == 1 and books.item(s, moved[0], audit=False).entry.number == 1
    with plain.ReadSession() as p:
        assert query.ids(p, query.Filter("incoming", text="van ban thuong"))
    plain.engine.dispose()
    assert _find([plain.data_dir], [token.encode(), fold(f"Kế hoạch {token}").encode()]) == []
    # numbering continues after the moved numbers: never reused
    with sstore.Session.begin() as s:
        nxt = books.register(s, "secret_incoming", incoming(number_symbol="9/X",
                                                            received_at=dt.datetime(2026, 3, 3, 8)))
    assert nxt.entry.number == 2
    assert os.path.exists(sstore.path)
    secret_store.exists(plain.data_dir)


def test_a_backup_of_the_secret_store_is_encrypted_and_restores(secret, tmp_path):
    from app.secrets import backup as secret_backup
    from secret_helpers import ADMIN, PASSWORD

    plain, sstore, recovery = secret
    token = uuid.uuid4().hex[:12]
    with sstore.Session.begin() as s:
        it = books.register(s, "secret_incoming", incoming(summary=f"Kế hoạch {token}"))
    saved = secret_backup.backup(sstore, tmp_path / "usb")
    data = (saved / secret_store.FILE_NAME).read_bytes()
    assert data[:16] != b"SQLite format 3\x00" and token.encode() not in data
    assert sorted(p.name for p in saved.iterdir()) == ["keys.json", "manifest.json", secret_store.FILE_NAME]
    with pytest.raises(secret_backup.SecretBackupError, match="đã có kho"):
        secret_backup.restore(saved, plain.data_dir)
    other = tmp_path / "may-moi"
    secret_backup.restore(saved, other)
    for how in ({"user": ADMIN.name, "password": PASSWORD}, {"recovery": recovery}):
        back = secret_store.open_store(other, **how)
        with back.ReadSession() as s:
            assert s.execute(text("SELECT summary FROM entry WHERE id = :i"), {"i": it.id}).scalar() \
                == f"Kế hoạch {token}"
        back.close()
    with sstore.ReadSession() as s:
        from app.secrets import events
        assert events.kinds(s)[-1] == "backup"
    newer = secret_backup.backup(sstore, tmp_path / "usb", now=dt.datetime(2099, 1, 1), keep=1)
    assert [p.name for p in (tmp_path / "usb" / "kho-mat").iterdir()] == [newer.name]  # rotated
    saved = newer
    data = (saved / secret_store.FILE_NAME).read_bytes()
    (saved / secret_store.FILE_NAME).write_bytes(data[:-10] + b"x" * 10)
    with pytest.raises(secret_backup.SecretBackupError, match="SHA-256"):
        secret_backup.restore(saved, tmp_path / "may-khac")
