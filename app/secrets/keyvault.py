"""The one place that talks to the operating system's keyring (design.md habit 9).

Only a secure backend is accepted: the "fail" backend (no keyring at all) and the plain-file
backends of keyrings.alt would leave the key readable on disk, so with them the program says
there is no secure keyring and asks for the password every time instead."""
from __future__ import annotations

import keyring
from keyring.backend import KeyringBackend
from keyring.errors import KeyringError

SERVICE = "vanthu-kho-mat"
_INSECURE = ("keyring.backends.fail", "keyrings.alt.file", "keyring.backends.null")


def secure() -> bool:
    backend = keyring.get_keyring()
    names = [type(b).__module__ for b in getattr(backend, "backends", [backend])]
    return bool(names) and not any(n.startswith(_INSECURE) for n in names) and backend.priority > 0


def store_key(store_id: str, key: bytes) -> bool:
    """True when the key is now in a secure keyring; False when there is none (never plain text)."""
    if not secure():
        return False
    try:
        keyring.set_password(SERVICE, store_id, key.hex())
    except KeyringError:
        return False
    return True


def load_key(store_id: str) -> bytes | None:
    if not secure():
        return None
    try:
        value = keyring.get_password(SERVICE, store_id)
    except KeyringError:
        return None
    try:
        return bytes.fromhex(value) if value else None
    except ValueError:
        return None


def forget_key(store_id: str) -> None:
    try:
        keyring.delete_password(SERVICE, store_id)
    except KeyringError:
        pass


class MemoryKeyring(KeyringBackend):
    """A keyring that lives in this process only: for tests and for the demo data folder, set
    with keyring.set_keyring(). Never chosen by keyring itself: every KeyringBackend subclass
    is a candidate, and on a machine with no real keyring this one (priority 1) won, so setup
    said the key was in the keyring when it was only in memory until exit."""
    priority = 1
    viable = False

    def __init__(self):
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.items.get((service, username))

    def set_password(self, service, username, password):
        self.items[(service, username)] = password

    def delete_password(self, service, username):
        from keyring.errors import PasswordDeleteError

        if self.items.pop((service, username), None) is None:
            raise PasswordDeleteError(username)
