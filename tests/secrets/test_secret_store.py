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
