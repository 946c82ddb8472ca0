"""The secret store's key: random, kept only wrapped (design.md "Two stores").

keys.json beside the store holds, per cleared user and for the recovery key, the store key
sealed with AES-GCM under a key derived from the password (Argon2id, argon2-cffi). It holds no
key in clear and no clearance (those live inside the encrypted store). The machine it was set
up on is recorded so that a store copied elsewhere is recognised and explained."""
from __future__ import annotations

import base64
import json
import os

import uuid
from dataclasses import dataclass
from pathlib import Path

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

# Argon2id cost: about 0.1 s per unlock on the office PC; tests lower it through KDF.
KDF = {"t": 3, "m": 65536, "p": 2}


def _b64(b: bytes) -> str:
    return base64.b64encode(b).decode()


def _unb64(s: str) -> bytes:
    return base64.b64decode(s)


def machine_id() -> str:
    for path in ("/etc/machine-id", "/var/lib/dbus/machine-id"):
        try:
            value = Path(path).read_text().strip()
            if value:
                return value
        except OSError:
            pass
    return f"{uuid.getnode():012x}"


def new_key() -> bytes:
    return os.urandom(32)


def new_recovery_key() -> str:
    """160 random bits as 32 base32 characters in groups of four: easy to print, to type back."""
    raw = base64.b32encode(os.urandom(20)).decode()
    return "-".join(raw[i:i + 4] for i in range(0, 32, 4))


def normalise_recovery(text: str) -> str:
    raw = "".join(c for c in text.upper() if c.isalnum())
    return "-".join(raw[i:i + 4] for i in range(0, len(raw), 4))


def _kek(secret: str, salt: bytes, kdf: dict) -> bytes:
    return hash_secret_raw(secret.encode("utf-8"), salt, time_cost=kdf["t"], memory_cost=kdf["m"],
                           parallelism=kdf["p"], hash_len=32, type=Type.ID)


def seal(key: bytes, secret: str, store_id: str) -> dict:
    salt, nonce = os.urandom(16), os.urandom(12)
    box = AESGCM(_kek(secret, salt, KDF)).encrypt(nonce, key, store_id.encode())
    return {"salt": _b64(salt), "nonce": _b64(nonce), "box": _b64(box), "kdf": dict(KDF)}


def unseal(wrap: dict, secret: str, store_id: str) -> bytes | None:
    kek = _kek(secret, _unb64(wrap["salt"]), wrap["kdf"])
    try:
        return AESGCM(kek).decrypt(_unb64(wrap["nonce"]), _unb64(wrap["box"]), store_id.encode())
    except InvalidTag:
        return None


@dataclass
class KeyFile:
    path: Path
    store_id: str
    machine: str
    users: dict[str, dict]
    recovery: dict

    @classmethod
    def load(cls, path: Path) -> "KeyFile":
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(path, data["store_id"], data["machine"], data["users"], data["recovery"])

    def save(self) -> None:
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps({"store_id": self.store_id, "machine": self.machine,
                                   "users": self.users, "recovery": self.recovery}, indent=1),
                       encoding="utf-8")
        os.replace(tmp, self.path)
