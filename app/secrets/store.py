"""Setting up and opening the encrypted secret store (item 9 of issue 13).

Opening tries, in order: the password of a cleared user, the recovery key, the OS keyring.
Nothing ever falls back to a key in clear: with no secure keyring the password is asked for."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker

from app.secrets import keys, keyvault
from app.secrets.errors import KeyProblem, NotCleared, StoreMissing
from app.security.actor import CLEARANCES, ROLES, Actor
from db import secret_store
from db.engine import read_engine, session_factory
from db.models_secret import SecretMember

DIR_NAME = "mat"
FILE_NAME = "vanthu-mat.sqlcipher"
KEY_FILE = "keys.json"


@dataclass
class SecretStore:
    path: Path
    engine: Engine
    Session: sessionmaker[Session]
    ReadSession: sessionmaker[Session]
    key_file: keys.KeyFile
    opened_by: str  # "keyring" | "password" | "recovery"
    in_keyring: bool
    _key: bytes = field(repr=False, default=b"")

    @property
    def files_dir(self) -> Path:
        """Where the window looks for attached scans: none are kept for secret books (the
        intake refuses them), so this folder stays empty; it is not the plain files folder."""
        return self.path.parent / "files"

    def close(self) -> None:
        self.engine.dispose()


def folder(data_dir: Path | str) -> Path:
    return Path(data_dir) / DIR_NAME


def exists(data_dir: Path | str) -> bool:
    return (folder(data_dir) / KEY_FILE).exists()


def act_as(store, actor: Actor | None) -> None:
    """Every session of `store` now carries `actor` in session.info (as app.security does)."""
    for factory in (store.Session, store.ReadSession):
        factory.configure(info={**(factory.kw.get("info") or {}), "actor": actor})


def act_as_member(store, actor: Actor) -> Actor:
    """For a store opened from the keyring by a user the program logged in: they act only if
    given a key to this store, and with the lower of the two clearances recorded for them."""
    with store.ReadSession() as s:
        m = s.get(SecretMember, actor.name)
    if m is None or not m.active:
        raise NotCleared(f"“{actor.name}” chưa được giao khóa kho văn bản mật.")
    low = min(CLEARANCES.index(m.clearance), CLEARANCES.index(actor.clearance))
    acting = Actor(actor.name, actor.role, CLEARANCES[low])
    act_as(store, acting)
    return acting


def _member(name: str, role: str, clearance: str) -> SecretMember:
    if clearance not in CLEARANCES[1:]:
        raise NotCleared(f"“{name}” chưa được cấp độ mật: không thể giao khóa kho mật.")
    if role not in ROLES:
        raise NotCleared(f"Vai trò “{role}” không hợp lệ.")
    return SecretMember(name=name, role=role, clearance=clearance, active=True)


def setup(data_dir: Path | str, admin: Actor, password: str) -> tuple[SecretStore, str]:
    """Creates the store under a fresh random key; returns it and the recovery key, which is
    shown this once to be printed and locked away."""
    d = folder(data_dir)
    if exists(data_dir):
        raise KeyProblem("Kho văn bản mật đã được lập; không lập lại (dữ liệu cũ sẽ mất).")
    if len(password) < 8:
        raise KeyProblem("Mật khẩu mở kho mật cần ít nhất 8 ký tự.")
    member = _member(admin.name, admin.role, admin.clearance)
    d.mkdir(parents=True, exist_ok=True)
    key, recovery = keys.new_key(), keys.new_recovery_key()
    import uuid

    store_id = uuid.uuid4().hex
    kf = keys.KeyFile(d / KEY_FILE, store_id, keys.machine_id(),
                      {admin.name: keys.seal(key, password, store_id)},
                      keys.seal(key, recovery, store_id))
    store = _engine_up(d / FILE_NAME, key, kf, "password")
    with store.Session.begin() as s:
        s.add(member)
    kf.save()  # last: a failed setup leaves no key file, so it can be run again
    act_as(store, Actor(member.name, member.role, member.clearance))
    return store, recovery


def _engine_up(path: Path, key: bytes, kf: keys.KeyFile, how: str) -> SecretStore:
    from app.secrets import guard, reference

    engine = secret_store.make_engine(path, key)
    secret_store.upgrade(engine)
    factory, reader = session_factory(engine), session_factory(read_engine(engine))
    with factory.begin() as s:
        reference.seed(s)
    guard.install(factory, reader)
    in_keyring = keyvault.store_key(kf.store_id, key) if how != "keyring" else True
    return SecretStore(path, engine, factory, reader, kf, how, in_keyring, key)


def open_store(data_dir: Path | str, *, user: str | None = None, password: str | None = None,
               recovery: str | None = None) -> SecretStore:
    d = folder(data_dir)
    if not exists(data_dir):
        raise StoreMissing("Chưa lập kho văn bản mật trên máy này (Cài đặt → Kho văn bản mật).")
    kf = keys.KeyFile.load(d / KEY_FILE)
    if password is not None:
        wrap = kf.users.get(user or "")
        if wrap is None:
            raise NotCleared(f"Người dùng “{user}” không được giao khóa kho văn bản mật.")
        key, how = keys.unseal(wrap, password, kf.store_id), "password"
        if key is None:
            raise KeyProblem("Mật khẩu không đúng: kho văn bản mật không mở được.")
    elif recovery is not None:
        key, how = keys.unseal(kf.recovery, keys.normalise_recovery(recovery), kf.store_id), "recovery"
        if key is None:
            raise KeyProblem("Khóa khôi phục không đúng: kho văn bản mật không mở được.")
    else:
        key, how = keyvault.load_key(kf.store_id), "keyring"
        if key is None:
            raise KeyProblem(_why_no_keyring(kf))
    try:
        secret_store.check_key(d / FILE_NAME, key)
    except secret_store.WrongKey:
        raise KeyProblem("Khóa không mở được tệp kho mật: tệp đã bị thay hoặc hỏng. "
                         "Hãy khôi phục từ bản sao lưu.") from None
    store = _engine_up(d / FILE_NAME, key, kf, how)
    if how == "password":
        with store.ReadSession() as s:
            m = s.get(SecretMember, user)
        if m is None or not m.active:
            store.close()
            raise NotCleared(f"“{user}” không còn được phép mở kho văn bản mật.")
        act_as(store, Actor(m.name, m.role, m.clearance))
    return store


def _why_no_keyring(kf: keys.KeyFile) -> str:
    if not keyvault.secure():
        return ("Máy này không có kho khóa an toàn của hệ điều hành (keyring): "
                "hãy nhập mật khẩu để mở kho văn bản mật.")
    if kf.machine != keys.machine_id():
        return ("Kho văn bản mật này được lập trên một máy khác và đã được sao chép sang đây: "
                "khóa không có trong keyring của máy này. Hãy mở bằng mật khẩu hoặc khóa khôi phục.")
    return ("Không tìm thấy khóa kho văn bản mật trong keyring (mục khóa đã bị xóa?). "
            "Hãy mở bằng mật khẩu hoặc khóa khôi phục; khóa sẽ được lưu lại vào keyring.")


def grant(store: SecretStore, name: str, password: str, clearance: str, role: str = "van-thu") -> None:
    """Gives a cleared user their own wrap of the key (admin only, checked by the caller's actor)."""
    from app.secrets.access import require_admin

    with store.Session.begin() as s:
        require_admin(s)
        if len(password) < 8:
            raise KeyProblem("Mật khẩu mở kho mật cần ít nhất 8 ký tự.")
        s.merge(_member(name, role, clearance))
    store.key_file.users[name] = keys.seal(store._key, password, store.key_file.store_id)
    store.key_file.save()


def revoke(store: SecretStore, name: str) -> None:
    from app.secrets.access import require_admin

    with store.Session.begin() as s:
        require_admin(s)
        m = s.get(SecretMember, name)
        if m is not None:
            m.active = False
    store.key_file.users.pop(name, None)
    store.key_file.save()


def members(session: Session) -> list[tuple[str, str, str, bool]]:
    return [(m.name, m.role, m.clearance, m.active)
            for m in session.scalars(select(SecretMember).order_by(SecretMember.name))]
