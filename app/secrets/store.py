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
from app.text import nfc
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
        secret, how = password, "password"
        pending = (kf.pending or {}).get("users", {}).get(user or "")
    elif recovery is not None:
        wrap, secret, how = kf.recovery, keys.normalise_recovery(recovery), "recovery"
        pending = (kf.pending or {}).get("recovery")
    else:
        wrap = secret = pending = None
        key, how = keyvault.load_key(kf.store_id), "keyring"
        if key is None:
            raise KeyProblem(_why_no_keyring(kf))
    if wrap is not None:
        key = keys.unseal(wrap, secret, kf.store_id)
        if key is None:
            raise KeyProblem("Mật khẩu không đúng: kho văn bản mật không mở được." if how == "password"
                             else "Khóa khôi phục không đúng: kho văn bản mật không mở được.")
    key = _working_key(d, kf, key, pending, secret)
    store = _engine_up(d / FILE_NAME, key, kf, how)
    if how == "password":
        with store.ReadSession() as s:
            m = s.get(SecretMember, user)
        if m is None or not m.active:
            store.close()
            raise NotCleared(f"“{user}” không còn được phép mở kho văn bản mật.")
        act_as(store, Actor(m.name, m.role, m.clearance))
    if wrap is not None and keys.legacy(wrap):  # rewritten in the public-key form (keys.py)
        if how == "password":
            kf.users[user] = keys.seal(key, secret, kf.store_id)
        else:
            kf.recovery = keys.seal(key, secret, kf.store_id)
        kf.save()
    return store


def _working_key(d: Path, kf: keys.KeyFile, key: bytes, pending: dict | None, secret) -> bytes:
    """The key that opens the file. After a re-key stopped half-way (keys.json still holding the
    new wraps as pending), the new key may be the one: then the re-key is completed here."""
    try:
        secret_store.check_key(d / FILE_NAME, key)
        if kf.pending:  # a re-key that stopped before the file changed: not needed any more
            kf.pending = None
            kf.save()
        return key
    except secret_store.WrongKey:
        new = keys.unseal(pending, secret, kf.store_id) if pending and secret is not None else None
    if new is None and kf.pending and secret is None:
        raise KeyProblem("Việc đổi khóa kho văn bản mật chưa xong: hãy mở bằng mật khẩu hoặc khóa "
                         "khôi phục để hoàn tất.")
    try:
        if new is None:
            raise secret_store.WrongKey("")
        secret_store.check_key(d / FILE_NAME, new)
    except secret_store.WrongKey:
        raise KeyProblem("Khóa không mở được tệp kho mật: tệp đã bị thay hoặc hỏng. "
                         "Hãy khôi phục từ bản sao lưu.") from None
    kf.users, kf.recovery, kf.pending = kf.pending["users"], kf.pending["recovery"], None
    kf.save()
    keyvault.store_key(kf.store_id, new)
    return new


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


def revoke(store: SecretStore, name: str) -> list[str]:
    """Takes the store away from `name`: their member row is closed and the file is re-keyed
    under a fresh random key, sealed again for every remaining holder and the recovery key
    (keys.py: no password needed for that). Whatever `name` could have kept (their password,
    an old keys.json, the key itself) no longer opens the store. Returns the holders whose wraps
    were in the old form and could not be sealed again: they must be granted anew."""
    from app.secrets import events
    from app.secrets.access import require_admin

    kf = store.key_file
    with store.Session.begin() as s:
        who = require_admin(s)
        if nfc(name) == who.name:
            raise KeyProblem("Không tự thu hồi khóa của chính mình: hãy nhờ người quản trị khác.")
        m = s.get(SecretMember, nfc(name))
        if m is None and nfc(name) not in kf.users:
            raise NotCleared(f"“{name}” không được giao khóa kho văn bản mật.")
        if m is not None:
            m.active = False
        events.record(s, "secret_revoke", None, {"người dùng": nfc(name)})
    key = keys.new_key()
    kept = {u: keys.reseal(w, key, kf.store_id) for u, w in kf.users.items() if u != nfc(name)}
    lost = sorted(u for u, w in kept.items() if w is None)
    recovery = keys.reseal(kf.recovery, key, kf.store_id)
    if recovery is None:
        raise KeyProblem("Khóa khôi phục của kho này ở dạng cũ: hãy mở kho một lần bằng khóa khôi "
                         "phục (để ghi lại ở dạng mới) rồi thu hồi.")
    store.engine.dispose()
    kf.users.pop(nfc(name), None)
    kf.pending = {"users": {u: w for u, w in kept.items() if w is not None}, "recovery": recovery}
    kf.save()  # before the file changes key: a stop half-way is completed at the next opening
    try:
        secret_store.rekey(store.path, store._key, key)
    except secret_store.InUse:
        kf.pending = None
        kf.save()
        raise KeyProblem("Kho văn bản mật đang mở ở chương trình khác: hãy đóng chương trình đó "
                         "rồi thu hồi lại (khóa chưa được đổi).") from None
    kf.users, kf.recovery, kf.pending = kf.pending["users"], recovery, None
    kf.save()
    _rebind(store, key)
    store.in_keyring = keyvault.store_key(kf.store_id, key)
    return lost


def _rebind(store: SecretStore, key: bytes) -> None:
    engine = secret_store.make_engine(store.path, key)
    store.engine, store._key = engine, key
    store.Session.configure(bind=engine)
    store.ReadSession.configure(bind=read_engine(engine))


def members(session: Session) -> list[tuple[str, str, str, bool]]:
    return [(m.name, m.role, m.clearance, m.active)
            for m in session.scalars(select(SecretMember).order_by(SecretMember.name))]
