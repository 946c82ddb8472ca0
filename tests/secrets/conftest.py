"""Fixtures of the secret-document tests: an in-memory keyring, a cheap KDF, a machine offline.

(No __init__.py here: a package called `secrets` on sys.path would hide the standard library's.)"""
import keyring
import pytest

from secret_helpers import ADMIN, PASSWORD


@pytest.fixture(autouse=True)
def memory_keyring(monkeypatch):
    """Never the OS keychain in tests (design.md habit 9); a cheap KDF keeps tests fast."""
    from app.secrets import keys
    from app.secrets.keyvault import MemoryKeyring

    old = keyring.get_keyring()
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    monkeypatch.setitem(keys.KDF, "t", 1)
    monkeypatch.setitem(keys.KDF, "m", 1024)
    monkeypatch.setitem(keys.KDF, "p", 1)
    yield ring
    keyring.set_keyring(old)


@pytest.fixture
def offline():
    from app.secrets.airgap import fake_probe

    return fake_probe()


@pytest.fixture
def secret(state_store, offline):
    """(plain store, secret store, recovery key): set up by the administrator, offline."""
    from app.secrets import reference, store as secret_store

    sstore, recovery = secret_store.setup(state_store.data_dir, ADMIN, PASSWORD)
    for factory in (sstore.Session, sstore.ReadSession):
        factory.configure(info={**factory.kw.get("info", {}), "airgap_probe": offline})
    with state_store.ReadSession() as plain, sstore.Session.begin() as s:
        reference.sync(plain, s)
    yield state_store, sstore, recovery
    sstore.close()


