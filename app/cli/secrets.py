"""`vanthu secret …`: the secret services from the command line, on the encrypted store.

Who acts is proven by the password that unwraps the store key (--user; the password is read
from VANTHU_SECRET_PASSWORD or asked for, never taken on the command line). Every refusal for
lack of clearance is logged before the error is shown."""
from __future__ import annotations

import getpass
import os
from pathlib import Path

from app.cli.common import out
from app.errors import ValidationError
from app.secrets import airgap
from app.secrets.errors import NotCleared

PROBE = airgap.system_probe  # tests put a fake here
PASSWORD_ENV, NEW_PASSWORD_ENV = "VANTHU_SECRET_PASSWORD", "VANTHU_SECRET_NEW_PASSWORD"
PRINTABLE = ("secret-transfer", "secret-copies", "secret-stats", "secret_incoming", "secret_outgoing",
             "secret-declassified")


def add_parsers(sub) -> None:
    p = sub.add_parser("secret", help="sổ và nghiệp vụ văn bản mật (kho mã hóa)")
    p.add_argument("--user", help="người dùng được giao khóa kho mật")
    a = p.add_subparsers(dest="secret_action", metavar="VIỆC", required=True)
    a.add_parser("setup", help="lập kho văn bản mật (một lần); in khóa khôi phục")
    g = a.add_parser("grant", help="giao khóa kho mật cho một người dùng")
    g.add_argument("name")
    g.add_argument("--clearance", choices=("mat", "toi-mat", "tuyet-mat"), required=True)
    g.add_argument("--role", default="van-thu", choices=("van-thu", "lanh-dao", "quan-tri"))
    rv = a.add_parser("revoke", help="thu hồi khóa kho mật của một người dùng (đổi khóa kho)")
    rv.add_argument("name")
    bk = a.add_parser("backup", help="sao lưu kho mật (vẫn mã hóa) vào một thư mục")
    bk.add_argument("--to", required=True, type=Path)
    a.add_parser("move", help="chuyển văn bản mật từ kho thường sang kho mã hóa")
    r = a.add_parser("register", help="đăng ký văn bản mật từ tệp JSON")
    r.add_argument("--book", choices=("secret_incoming", "secret_outgoing"), required=True)
    r.add_argument("--json", required=True, type=Path)
    ls = a.add_parser("list", help="liệt kê / tìm trong sổ mật")
    ls.add_argument("--book", choices=("secret_incoming", "secret_outgoing"), default="secret_incoming")
    ls.add_argument("--year", type=int)
    ls.add_argument("--search", default="")
    t = a.add_parser("transfer", help="chuyển giao (ghi sổ chuyển giao)")
    t.add_argument("entry_id", type=int)
    t.add_argument("--to", required=True)
    t.add_argument("--copies", type=int, default=1)
    t.add_argument("--unit", default="")
    t.add_argument("--date")
    sh = a.add_parser("show", help="một văn bản mật: bì, thời hạn bảo vệ, bản sao, người đang giữ")
    sh.add_argument("entry_id", type=int)
    sh.add_argument("--format", choices=("json", "text"), default="json")
    h = a.add_parser("holdings", help="tài liệu mật một người đang giữ")
    h.add_argument("name", nargs="?")
    c = a.add_parser("copy", help="sao, chụp theo cho phép của người có thẩm quyền")
    c.add_argument("entry_id", type=int)
    c.add_argument("--authorised-by", required=True)
    c.add_argument("--copies", type=int, required=True)
    c.add_argument("--form", choices=("sao-y", "sao-luc", "trich-sao", "chup"), required=True)
    c.add_argument("--receiver", default="")
    au = a.add_parser("authoriser", help="thêm người có thẩm quyền cho phép sao, chụp")
    au.add_argument("name")
    au.add_argument("--title", default="")
    au.add_argument("--level", choices=("Mật", "Tối mật", "Tuyệt mật"), required=True)
    au.add_argument("--max-copies", type=int, default=10)
    rc = a.add_parser("recall", help="thu hồi: --person lập danh sách, --returned đánh dấu đã trả")
    grp = rc.add_mutually_exclusive_group(required=True)
    grp.add_argument("--person")
    grp.add_argument("--returned", type=int, metavar="DÒNG")
    rc.add_argument("--reason", default="")
    rc.add_argument("--note", default="")
    rc.add_argument("--out", type=Path, help="in biên bản thu hồi ra PDF")
    d = a.add_parser("due", help="hạn thu hồi và hạn bảo vệ sắp đến")
    d.add_argument("--days", type=int, default=30)
    dc = a.add_parser("declassify", help="giải mật theo quyết định")
    dc.add_argument("entry_id", type=int)
    dc.add_argument("--decision", required=True)
    dc.add_argument("--date", required=True)
    dc.add_argument("--by", default="")
    lv = a.add_parser("level", help="tăng, giảm độ mật theo quyết định")
    lv.add_argument("entry_id", type=int)
    lv.add_argument("--to", required=True, choices=("Mật", "Tối mật", "Tuyệt mật"))
    lv.add_argument("--decision", required=True)
    lv.add_argument("--date", required=True)
    dp = a.add_parser("destroy-propose", help="lập danh sách đề nghị tiêu hủy")
    dp.add_argument("entry_ids", type=int, nargs="+")
    dp.add_argument("--reason", default="")
    ex = a.add_parser("extend", help="gia hạn thời hạn bảo vệ theo quyết định")
    ex.add_argument("entry_id", type=int)
    ex.add_argument("--years", type=int, required=True)
    ex.add_argument("--decision", required=True)
    ex.add_argument("--date", required=True)
    eo = a.add_parser("expire", help="xác nhận hết thời hạn bảo vệ (giải mật, có ghi nhận)")
    eo.add_argument("entry_id", type=int)
    dd = a.add_parser("destroy-decide", help="ghi quyết định tiêu hủy của hội đồng")
    dd.add_argument("proposal", type=int)
    dd.add_argument("--decision", required=True)
    dd.add_argument("--date", required=True)
    dd.add_argument("--by", required=True)
    dd.add_argument("--council", required=True, help="thành viên hội đồng, cách nhau bởi ';'")
    dn = a.add_parser("destroy-done", help="ghi đã tiêu hủy; --out in biên bản tiêu hủy")
    dn.add_argument("proposal", type=int)
    dn.add_argument("--date", required=True)
    dn.add_argument("--method", required=True)
    dn.add_argument("--out", type=Path)
    ag = a.add_parser("airgap", help="kiểm tra kết nối mạng; ghi nhận mạng LAN độc lập")
    ag.add_argument("--independent-lan", help="(quản trị) ghi nhận máy ở mạng LAN độc lập; '' để bỏ")
    pr = a.add_parser("print", help="in sổ, biểu mẫu văn bản mật ra PDF")
    pr.add_argument("form", choices=PRINTABLE)
    pr.add_argument("--year", type=int, required=True)
    pr.add_argument("--out", required=True, type=Path)


def _password(env: str, prompt: str) -> str:
    value = os.environ.get(env)
    if value is None:
        value = getpass.getpass(prompt)
    return value


def open_for(store, args):
    from app.secrets import reference, store as secret_store

    if not args.user:
        raise NotCleared("Cần --user: người dùng được giao khóa kho văn bản mật.")
    s = secret_store.open_store(store.data_dir, user=args.user,
                                password=_password(PASSWORD_ENV, "Mật khẩu kho mật: "))
    for f in (s.Session, s.ReadSession):
        f.configure(info={**f.kw["info"], "airgap_probe": PROBE})
    try:
        _as_plain_user(store, s, args.user)
    except NotCleared:
        s.close()
        raise
    with store.ReadSession() as plain, s.Session.begin() as sess:
        reference.sync(plain, sess)
    return s


def _as_plain_user(store, sstore, name: str) -> None:
    """A user disabled, or whose clearance was lowered, in the ordinary users list acts no
    further than that list now says, even while their key to the secret store still works."""
    from sqlalchemy import select

    from app.secrets import store as secret_store
    from app.security import access
    from app.security.actor import Actor
    from db.models_security import User

    with store.ReadSession() as p:
        if not access.has_users(p):
            return
        u = p.scalar(select(User).where(User.name == name))
        if u is None or not u.active or u.clearance == "none":
            raise NotCleared(f"“{name}” không còn được tiếp cận văn bản mật (đã khóa hoặc bỏ mức mật).")
        actor = Actor(u.name, u.role, u.clearance)
    secret_store.act_as_member(sstore, actor)


def handle(store, args) -> int:
    from app.secrets import access

    if args.secret_action == "setup":
        return _setup(store, args)
    try:
        sstore = open_for(store, args)
    except NotCleared as exc:
        _log_plain(store, args, exc)
        raise
    try:
        from app.cli.secret_actions import ACTIONS

        return ACTIONS[args.secret_action](sstore, store, args)
    except NotCleared as exc:
        access.log_refusal(sstore.Session, exc, f"secret {args.secret_action}")
        raise
    finally:
        sstore.close()


def _log_plain(store, args, exc) -> None:
    """A refusal before the store opens is logged in the ordinary audit: who and which command."""
    from app.secrets import events

    if events._audit is None:
        return
    with store.Session.begin() as s:
        events.record(s, "secret_refused", None, {"lệnh": f"secret {args.secret_action}"},
                      user=args.user or getpass.getuser())


def _setup(store, args) -> int:
    from app.secrets import store as secret_store
    from app.security.actor import Actor

    if not args.user:
        raise NotCleared("Cần --user: người quản trị lập kho văn bản mật.")
    s, recovery = secret_store.setup(store.data_dir, Actor(args.user, "quan-tri", "tuyet-mat"),
                                     _password(PASSWORD_ENV, "Đặt mật khẩu kho mật: "))
    s.close()
    note = "Khóa khôi phục chỉ hiện một lần: in ra, niêm phong và cất vào két."
    if not s.in_keyring:
        note += (" Máy này không có kho khóa an toàn của hệ điều hành (keyring): mỗi lần mở kho mật "
                 "cần nhập mật khẩu.")
    out({"recovery_key": recovery, "in_keyring": s.in_keyring, "note": note})
    return 0


def print_secret(store, args) -> int:
    """`vanthu print secret-…`: the same as `vanthu secret print …`."""
    args.secret_action = "print"
    args.form = args.book
    args.user = getattr(args, "user", None)
    if not args.year:
        raise ValidationError({"year": "In sổ, biểu mẫu mật cần --year."})
    return handle(store, args)


COMMANDS = {"secret": handle}
__all__ = ["COMMANDS", "add_parsers", "print_secret"]
