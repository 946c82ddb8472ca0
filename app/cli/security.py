"""Commands of security: user, audit, backup, restore, check; and the --user login."""
from __future__ import annotations

import csv
import getpass
import os
import sys
from pathlib import Path

from app.cli.common import out
from app.errors import DomainError, ValidationError
from app.security import access, audit, events, users, verify
from app.security.actor import CLEARANCES, ROLES
from app.store import Store

PASSWORD_ENV, NEW_PASSWORD_ENV = "VANTHU_PASSWORD", "VANTHU_NEW_PASSWORD"
# Checked before the command runs (the services check again); the rest need only a login.
NEEDS = {"setup": "settings", "register": "write", "reserve": "write", "void": "write",
         "print": "print", "backup": "backup", "restore": "admin"}


def add_parsers(sub) -> None:
    u = sub.add_parser("user", help="người dùng: add, list, disable, passwd")
    us = u.add_subparsers(dest="user_command", metavar="VIỆC", required=True)
    a = us.add_parser("add", help="thêm người dùng (mật khẩu hỏi hoặc lấy từ VANTHU_NEW_PASSWORD)")
    a.add_argument("name")
    a.add_argument("--role", choices=ROLES, required=True)
    a.add_argument("--clearance", choices=CLEARANCES, default="none")
    a.add_argument("--full-name", default="")
    us.add_parser("list", help="liệt kê người dùng")
    d = us.add_parser("disable", help="khóa một người dùng (không xóa)")
    d.add_argument("name")
    p = us.add_parser("passwd", help="đổi mật khẩu")
    p.add_argument("name")

    au = sub.add_parser("audit", help="nhật ký: verify, list")
    aus = au.add_subparsers(dest="audit_command", metavar="VIỆC", required=True)
    v = aus.add_parser("verify", help="kiểm tra chuỗi nhật ký; --head: mã in trên giấy còn trong chuỗi?")
    v.add_argument("--head", help="mã đầu chuỗi in ở trang đóng sổ (có thể kèm /số sự kiện)")
    ls = aus.add_parser("list", help="liệt kê sự kiện")
    ls.add_argument("--user", dest="by_user")
    ls.add_argument("--kind")
    ls.add_argument("--from", dest="date_from", help="dd/mm/yyyy")
    ls.add_argument("--to", dest="date_to", help="dd/mm/yyyy")
    ls.add_argument("--entry", type=int)
    ls.add_argument("--format", choices=("json", "csv"), default="json")

    b = sub.add_parser("backup", help="sao lưu (dòng cuối: đường dẫn bản sao lưu)")
    b.add_argument("--to", required=True, type=Path, help="thư mục sao lưu (ổ USB…)")
    b.add_argument("--keep", type=int, default=10, help="giữ N bản mới nhất")
    r = sub.add_parser("restore", help="khôi phục một bản sao lưu vào thư mục dữ liệu mới")
    r.add_argument("backup", type=Path)
    r.add_argument("--to", required=True, type=Path, help="thư mục dữ liệu mới")
    sub.add_parser("check", help="kiểm tra toàn vẹn dữ liệu")


def _password(env: str, prompt: str, confirm: bool = False) -> str:
    if os.environ.get(env):
        return os.environ[env]
    if not sys.stdin.isatty():
        raise DomainError(f"Cần mật khẩu: đặt biến môi trường {env} hoặc chạy trong cửa sổ lệnh.")
    first = getpass.getpass(prompt)
    if confirm and getpass.getpass("Nhập lại mật khẩu: ") != first:
        raise ValidationError({"password": "Hai lần nhập mật khẩu không giống nhau."})
    return first


def login(store: Store, args) -> None:
    """Logs in --user before any command once users exist; the very first `user add` needs none."""
    if not users.needs_login(store):
        if args.command == "user" and args.user_command == "add" and args.role != "quan-tri":
            raise ValidationError({"role": "Người dùng đầu tiên phải là quản trị (--role quan-tri)."})
        return
    name = getattr(args, "user", None)
    if not name:
        raise access.LoginRequired("Đã có người dùng: cần đăng nhập bằng --user TÊN "
                                   f"(mật khẩu hỏi hoặc lấy từ biến {PASSWORD_ENV}).")
    who = users.login(store, name, _password(PASSWORD_ENV, f"Mật khẩu của {name}: "))
    if args.command in NEEDS:
        access.require_actor(who, NEEDS[args.command])


def _user(store: Store, args) -> int:
    if args.user_command == "list":
        with store.ReadSession() as s:
            out([{"name": u.name, "full_name": u.full_name, "role": u.role, "clearance": u.clearance,
                  "active": u.active} for u in users.list_users(s)])
        return 0
    with store.Session.begin() as s:
        if args.user_command == "add":
            pw = _password(NEW_PASSWORD_ENV, f"Mật khẩu cho {args.name}: ", confirm=True)
            v = users.add(s, args.name, pw, args.role, args.clearance, args.full_name)
            out({"name": v.name, "role": v.role, "clearance": v.clearance})
        elif args.user_command == "disable":
            users.disable(s, args.name)
            _still_holds_secret_key(store, args.name)
        else:
            users.set_password(s, args.name, _password(NEW_PASSWORD_ENV, "Mật khẩu mới: ", confirm=True))
    return 0


def _still_holds_secret_key(store: Store, name: str) -> None:
    """The locked account can no longer log in, but the key sealed for their password still opens
    the encrypted file until the store is re-keyed, which needs an administrator's own key."""
    from app.secrets import keys, store as secret_store

    if not secret_store.exists(store.data_dir):
        return
    holders = keys.KeyFile.load(secret_store.folder(store.data_dir) / secret_store.KEY_FILE).users
    if name in holders:
        print(f"Lưu ý: “{name}” còn giữ khóa kho văn bản mật; hãy chạy `vanthu secret revoke {name}` "
              "để thu hồi và đổi khóa kho.", file=sys.stderr)


def _audit(store: Store, args) -> int:
    with store.ReadSession() as s:
        if args.audit_command == "list":
            return _list(s, args)
        v = verify.verify(s)
        head = verify.check_head(s, args.head) if args.head else None
    for line in v.problems:
        sys.stdout.write(line + "\n")
    if v.ok:
        sys.stdout.write(f"Chuỗi nhật ký nguyên vẹn: {v.count} sự kiện, đầu chuỗi {v.head}.\n")
    if head is not None:
        sys.stdout.write(head.message + "\n")
    return 0 if v.ok and (head is None or head.found) else 1


def _list(s, args) -> int:
    f = events.EventFilter(user=args.by_user, kind=args.kind, date_from=args.date_from,
                           date_to=args.date_to, entry_id=args.entry)
    rows = events.find(s, f)
    if args.format == "json":
        out([r.as_dict() for r in rows])
    else:
        w = csv.writer(sys.stdout)
        w.writerow(events.HEADERS)
        w.writerows(r.cells() for r in rows)
    return 0


def _backup(store: Store, args) -> int:
    from app.security.backup import backup

    result = backup(store, args.to, keep=args.keep)
    for line in result.warnings:
        sys.stderr.write(f"Cảnh báo: {line}\n")
    sys.stdout.write(f"Đã sao lưu {result.files} tệp đính kèm ({result.files_copied} tệp mới).\n")
    sys.stdout.write(f"{result.path}\n")
    return 0


def _restore(store: Store, args) -> int:
    from app.security.restore import restore

    r = restore(store, args.backup, args.to)
    sys.stdout.write(f"Đã khôi phục {r.entries} văn bản, {r.events} sự kiện, {r.files} tệp vào {r.data_dir}.\n")
    return 0


def _check(store: Store, args) -> int:
    from app.security.check import run_check

    problems = run_check(store)
    for line in problems:
        sys.stdout.write(line + "\n")
    sys.stdout.write("Không phát hiện vấn đề nào.\n" if not problems else f"Có {len(problems)} vấn đề.\n")
    return 1 if problems else 0


COMMANDS = {"user": _user, "audit": _audit, "backup": _backup, "restore": _restore, "check": _check}
