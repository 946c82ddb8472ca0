"""The secret store's key: random, kept only wrapped (design.md "Two stores").

keys.json beside the store holds, per cleared user and for the recovery key, the store key
sealed for that holder. The holder's password (Argon2id, argon2-cffi) derives an X25519 private
key; only its public half is kept, and the store key is sealed to it (X25519 + HKDF + AES-GCM).
So the administrator can seal a NEW store key for every remaining holder without knowing their
passwords: that is what revoking a user does (store.revoke re-keys the file). It holds no key
in clear and no clearance (those live inside the encrypted store). The machine it was set up on
is recorded so that a store copied elsewhere is recognised and explained.

Wraps written before the public-key form (no "pub") still open; they are rewritten in the new
form the next time their password is given."""
from __future__ import annotations

import base64
import json
import os

import uuid
from dataclasses import dataclass
from pathlib import Path

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

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


def _raw(public: X25519PublicKey) -> bytes:
    return public.public_bytes(Encoding.Raw, PublicFormat.Raw)


def _box_key(shared: bytes, eph: bytes, pub: bytes, store_id: str) -> bytes:
    return HKDF(hashes.SHA256(), 32, salt=eph + pub, info=b"vanthu-kho-mat " + store_id.encode()
                ).derive(shared)


def _seal_to(pub: bytes, key: bytes, store_id: str) -> dict:
    eph = X25519PrivateKey.generate()
    eph_pub, nonce = _raw(eph.public_key()), os.urandom(12)
    kek = _box_key(eph.exchange(X25519PublicKey.from_public_bytes(pub)), eph_pub, pub, store_id)
    return {"eph": _b64(eph_pub), "nonce": _b64(nonce),
            "box": _b64(AESGCM(kek).encrypt(nonce, key, store_id.encode()))}


def seal(key: bytes, secret: str, store_id: str) -> dict:
    salt = os.urandom(16)
    pub = _raw(X25519PrivateKey.from_private_bytes(_kek(secret, salt, KDF)).public_key())
    return {"v": 2, "salt": _b64(salt), "kdf": dict(KDF), "pub": _b64(pub), **_seal_to(pub, key, store_id)}


def reseal(wrap: dict, key: bytes, store_id: str) -> dict | None:
    """The same holder's wrap for a new store key, without their secret; None for an old-form wrap."""
    if "pub" not in wrap:
        return None
    return {**wrap, **_seal_to(_unb64(wrap["pub"]), key, store_id)}


def legacy(wrap: dict) -> bool:
    return "pub" not in wrap


def unseal(wrap: dict, secret: str, store_id: str) -> bytes | None:
    derived = _kek(secret, _unb64(wrap["salt"]), wrap["kdf"])
    try:
        if legacy(wrap):
            return AESGCM(derived).decrypt(_unb64(wrap["nonce"]), _unb64(wrap["box"]), store_id.encode())
        eph, pub = _unb64(wrap["eph"]), _unb64(wrap["pub"])
        kek = _box_key(X25519PrivateKey.from_private_bytes(derived).exchange(
            X25519PublicKey.from_public_bytes(eph)), eph, pub, store_id)
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
    # While the file is being re-keyed: the wraps of the NEW key ({"users": …, "recovery": …}).
    # Should the program stop half-way, opening tries them when the current wraps' key fails.
    pending: dict | None = None

    @classmethod
    def load(cls, path: Path) -> "KeyFile":
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(path, data["store_id"], data["machine"], data["users"], data["recovery"],
                   data.get("pending"))

    def save(self) -> None:
        data = {"store_id": self.store_id, "machine": self.machine, "users": self.users,
                "recovery": self.recovery}
        if self.pending:
            data["pending"] = self.pending
        tmp = self.path.with_suffix(".tmp")
        with open(tmp, "w", encoding="utf-8") as fh:
            fh.write(json.dumps(data, indent=1))
            fh.flush()
            os.fsync(fh.fileno())  # the wraps must be on disk before the file is re-keyed
        os.replace(tmp, self.path)
