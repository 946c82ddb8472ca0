"""Item 9: the encrypted store, its key wraps, keyring, recovery key, and what goes wrong."""
import shutil

import pytest
from sqlalchemy import text

from app.secrets import books, keys, store as secret_store
from app.secrets.errors import KeyProblem, NotCleared
from secret_helpers import ADMIN, PASSWORD, incoming


def test_setup_opens_from_keyring_and_the_file_is_not_plain_sqlite(secret):
    plain, sstore, recovery = secret
    path = sstore.path
    assert path.read_bytes()[:16] != b"SQLite format 3\x00"
    assert len(keys.normalise_recovery(recovery).replace("-", "")) == 32
    sstore.close()
    again = secret_store.open_store(plain.data_dir)  # from the keyring, no password
    assert again.opened_by == "keyring"
    with again.ReadSession() as s:
        assert s.execute(text("SELECT count(*) FROM book")).scalar() == 2
    again.close()


def test_wrong_password_and_wrong_recovery_key_are_refused(secret):
    plain, sstore, recovery = secret
    with pytest.raises(KeyProblem, match="Mật khẩu không đúng"):
        secret_store.open_store(plain.data_dir, user=ADMIN.name, password="sai-mat-khau")
    with pytest.raises(KeyProblem, match="Khóa khôi phục không đúng"):
        secret_store.open_store(plain.data_dir, recovery="AAAAA-BBBBB-CCCCC-DDDDD-EEEEE")
    with pytest.raises(NotCleared):
        secret_store.open_store(plain.data_dir, user="nguoi-la", password=PASSWORD)


def test_keyring_entry_deleted_then_recovery_key_opens_and_puts_it_back(secret, memory_keyring):
    plain, sstore, recovery = secret
    with sstore.Session.begin() as s:
        books.register(s, "secret_incoming", incoming())
    sstore.close()
    memory_keyring.items.clear()
    with pytest.raises(KeyProblem, match="mục khóa đã bị xóa"):
        secret_store.open_store(plain.data_dir)
    back = secret_store.open_store(plain.data_dir, recovery=recovery.lower().replace("-", " "))
    assert back.opened_by == "recovery" and back.in_keyring
    with back.ReadSession() as s:
        assert s.execute(text("SELECT count(*) FROM entry")).scalar() == 1
    back.close()
    secret_store.open_store(plain.data_dir).close()  # the keyring has it again


def test_store_copied_to_another_machine_is_explained(secret, memory_keyring, tmp_path, monkeypatch):
    plain, sstore, _ = secret
    sstore.close()
    other = tmp_path / "other"
    shutil.copytree(plain.data_dir, other)
    memory_keyring.items.clear()  # the other machine's keyring never had it
    monkeypatch.setattr(keys, "machine_id", lambda: "another-machine")
    with pytest.raises(KeyProblem, match="máy khác"):
        secret_store.open_store(other)
    opened = secret_store.open_store(other, user=ADMIN.name, password=PASSWORD)
    assert opened.opened_by == "password"
    opened.close()


def test_no_secure_keyring_asks_for_the_password_and_never_writes_the_key(secret, tmp_path):
    import keyring
    from keyring.backends import fail

    plain, sstore, _ = secret
    sstore.close()
    keyring.set_keyring(fail.Keyring())
    with pytest.raises(KeyProblem, match="không có kho khóa an toàn"):
        secret_store.open_store(plain.data_dir)
    opened = secret_store.open_store(plain.data_dir, user=ADMIN.name, password=PASSWORD)
    assert not opened.in_keyring
    opened.close()
    key_file = (secret_store.folder(plain.data_dir) / "keys.json").read_text()
    assert "box" in key_file and PASSWORD not in key_file


def test_grant_gives_a_cleared_user_their_own_wrap(secret):
    plain, sstore, _ = secret
    secret_store.grant(sstore, "vanthu", "mat-khau-van-thu", "mat")
    sstore.close()
    opened = secret_store.open_store(plain.data_dir, user="vanthu", password="mat-khau-van-thu")
    with opened.ReadSession() as s:
        assert s.info["actor"].clearance == "mat"
    opened.close()
    with pytest.raises(NotCleared):
        secret_store.grant(opened, "x", "mat-khau-dai-du", "none")


def test_setup_twice_is_refused(secret):
    plain, _, _ = secret
    with pytest.raises(KeyProblem, match="đã được lập"):
        secret_store.setup(plain.data_dir, ADMIN, PASSWORD)


def _raw_opens(path, key) -> bool:
    from db import secret_store as db_store

    try:
        db_store.check_key(path, key)
        return True
    except db_store.WrongKey:
        return False


def test_revoking_a_user_rekeys_the_store_and_their_password_no_longer_opens_it(secret):
    import json

    plain, sstore, recovery = secret
    with sstore.Session.begin() as s:
        kept = books.register(s, "secret_incoming", incoming(summary="Kế hoạch riêng của Ban")).id
    secret_store.grant(sstore, "vanthu", "mat-khau-van-thu", "toi-mat")
    secret_store.grant(sstore, "lanhdao", "mat-khau-lanh-dao", "mat", role="lanh-dao")
    key_path = secret_store.folder(plain.data_dir) / "keys.json"
    before = json.loads(key_path.read_text())  # what the departing clerk could have copied
    old_key = keys.unseal(before["users"]["vanthu"], "mat-khau-van-thu", before["store_id"])
    assert _raw_opens(sstore.path, old_key)

    assert secret_store.revoke(sstore, "vanthu") == []
    with pytest.raises(NotCleared, match="không được giao khóa"):
        secret_store.open_store(plain.data_dir, user="vanthu", password="mat-khau-van-thu")
    assert not _raw_opens(sstore.path, old_key)  # the key they may have kept opens nothing now
    assert keys.unseal(before["users"]["vanthu"], "mat-khau-van-thu", before["store_id"]) == old_key
    with sstore.ReadSession() as s:  # the open store goes on under the new key
        assert books.item(s, kept, audit=False).entry.summary == "Kế hoạch riêng của Ban"
    sstore.close()
    for how in ({"user": ADMIN.name, "password": PASSWORD},
                {"user": "lanhdao", "password": "mat-khau-lanh-dao"}, {"recovery": recovery}, {}):
        opened = secret_store.open_store(plain.data_dir, **how)  # {}: from the keyring
        with opened.ReadSession() as s:
            assert s.execute(text("SELECT summary FROM entry WHERE id = :i"), {"i": kept}).scalar() \
                == "Kế hoạch riêng của Ban"
        opened.close()
    opened = secret_store.open_store(plain.data_dir, user=ADMIN.name, password=PASSWORD)
    with opened.ReadSession() as s:
        assert [m for m in secret_store.members(s) if m[0] == "vanthu"] == [("vanthu", "van-thu", "toi-mat", False)]
        from app.secrets import events
        assert "secret_revoke" in events.kinds(s)
    opened.close()


def test_revoke_refused_to_a_non_admin_and_while_another_program_has_the_store_open(secret):
    from secret_helpers import as_actor, CLERK

    plain, sstore, _ = secret
    secret_store.grant(sstore, "vanthu", "mat-khau-van-thu", "mat")
    other = secret_store.open_store(plain.data_dir, user="vanthu", password="mat-khau-van-thu")
    with other.ReadSession() as s:  # the window of another program, its connection open
        s.execute(text("SELECT count(*) FROM entry")).scalar()
        with pytest.raises(KeyProblem, match="chương trình khác"):
            secret_store.revoke(sstore, "vanthu")
    with pytest.raises(KeyProblem, match="chương trình khác"):  # idle, kept in its pool
        secret_store.revoke(sstore, "vanthu")
    other.close()
    assert secret_store.revoke(sstore, "vanthu") == []  # once it is closed: done
    with pytest.raises(NotCleared):
        secret_store.open_store(plain.data_dir, user="vanthu", password="mat-khau-van-thu")
    as_actor(sstore, CLERK)
    with pytest.raises(NotCleared, match="quản trị"):
        secret_store.revoke(sstore, "quantri")


def test_a_rekey_stopped_half_way_is_completed_at_the_next_opening(secret, monkeypatch):
    from db import secret_store as db_store

    plain, sstore, recovery = secret
    secret_store.grant(sstore, "vanthu", "mat-khau-van-thu", "mat")
    real = db_store.rekey

    def then_stop(path, old, new):
        real(path, old, new)
        raise SystemExit("power cut")  # after the file changed key, before keys.json was finished

    monkeypatch.setattr(db_store, "rekey", then_stop)
    with pytest.raises(SystemExit):
        secret_store.revoke(sstore, "vanthu")
    monkeypatch.setattr(db_store, "rekey", real)
    with pytest.raises(KeyProblem, match="chưa xong"):
        secret_store.open_store(plain.data_dir)  # the keyring still holds the old key
    with pytest.raises(NotCleared):
        secret_store.open_store(plain.data_dir, user="vanthu", password="mat-khau-van-thu")
    opened = secret_store.open_store(plain.data_dir, user=ADMIN.name, password=PASSWORD)
    opened.close()
    assert "pending" not in (secret_store.folder(plain.data_dir) / "keys.json").read_text()
    secret_store.open_store(plain.data_dir).close()  # the keyring has the new key now
    secret_store.open_store(plain.data_dir, recovery=recovery).close()


def test_a_wrap_of_the_old_form_still_opens_and_is_rewritten(secret):
    import json
    import os

    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    plain, sstore, _ = secret
    kf = sstore.key_file
    salt, nonce = os.urandom(16), os.urandom(12)
    box = AESGCM(keys._kek(PASSWORD, salt, keys.KDF)).encrypt(nonce, sstore._key, kf.store_id.encode())
    kf.users[ADMIN.name] = {"salt": keys._b64(salt), "nonce": keys._b64(nonce), "box": keys._b64(box),
                            "kdf": dict(keys.KDF)}
    kf.save()
    sstore.close()
    secret_store.open_store(plain.data_dir, user=ADMIN.name, password=PASSWORD).close()
    data = json.loads((secret_store.folder(plain.data_dir) / "keys.json").read_text())
    assert "pub" in data["users"][ADMIN.name]
    secret_store.open_store(plain.data_dir, user=ADMIN.name, password=PASSWORD).close()


def test_the_in_memory_keyring_is_never_picked_by_keyring_itself():
    # Found in use: `vanthu secret setup` said "in_keyring": true on a machine with no keyring.
    import subprocess
    import sys
    from pathlib import Path

    code = ("import app.secrets.keyvault as kv, keyring; "
            "print(type(keyring.get_keyring()).__module__, kv.secure())")
    got = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).resolve().parents[2]).stdout.split()
    assert got[0] != "app.secrets.keyvault"
    if got[0] == "keyring.backends.fail":  # this machine has none: the password is asked for
        assert got[1] == "False"
