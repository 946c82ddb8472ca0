"""`vanthu secret …`: the secret services from the command line, on the encrypted store.

Who acts is proven by the password that unwraps the store key (--user; the password is read
from VANTHU_SECRET_PASSWORD or asked for, never taken on the command line). Every refusal for
lack of clearance is logged before the error is shown."""
from __future__ import annotations

import datetime as dt
import getpass
import json
import os
from pathlib import Path

from app.cli.common import out
from app.dates import parse_date
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
    with store.ReadSession() as plain, s.Session.begin() as sess:
        reference.sync(plain, sess)
    return s


def _date(text, default=None):
    return parse_date(text) if text else default


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
    out({"recovery_key": recovery, "in_keyring": s.in_keyring,
         "note": "Khóa khôi phục chỉ hiện một lần: in ra, niêm phong và cất vào két."})
    return 0


def _grant(sstore, store, args) -> int:
    from app.secrets import store as secret_store

    secret_store.grant(sstore, args.name, _password(NEW_PASSWORD_ENV, f"Mật khẩu cho {args.name}: "),
                       args.clearance, args.role)
    out({"granted": args.name, "clearance": args.clearance})
    return 0


def _move(sstore, store, args) -> int:
    from app.secrets import move

    out({"moved": move.move_out(store, sstore)})
    return 0


def _register(sstore, store, args) -> int:
    from app.registers.draft import Draft
    from app.secrets import books

    data = json.loads(args.json.read_text(encoding="utf-8"))
    extra = ("envelope", "named_only", "named_person", "copy_no", "summary_agreed_by", "recall_by")
    code = 0
    for item in data if isinstance(data, list) else [data]:
        kw = {k: item.pop(k) for k in extra if k in item}
        if "recall_by" in kw:
            kw["recall_by"] = parse_date(kw["recall_by"])
        try:
            with sstore.Session.begin() as s:
                it = books.register(s, args.book, Draft.from_dict(item), **kw)
            out({"id": it.id, "number": it.entry.number, "number_symbol": it.entry.number_symbol,
                 "secrecy": it.entry.secrecy, "envelope": it.envelope})
        except ValidationError as exc:
            out({"error": exc.message, "fields": exc.errors})
            code = 1
    return code


def _list(sstore, store, args) -> int:
    from app.registers import query
    from app.secrets import books, events

    with sstore.Session.begin() as s:
        ids = books.find(s, query.Filter(args.book, year=args.year, text=args.search))
        rows = books.items(s, ids)
        events.record(s, "export", None, {"sổ": args.book, "số dòng": len(rows)})
    out([{**it.entry.as_json(), "envelope": it.envelope, "state": it.state,
          "protected_until": it.protected_until.isoformat()} for it in rows])
    return 0


def _transfer(sstore, store, args) -> int:
    from app.secrets import transfer

    with sstore.Session.begin() as s:
        t = transfer.hand_over(s, args.entry_id, args.to, args.copies, unit=args.unit,
                               on=_date(args.date))
    out({"transfer": t.id, "entry": t.entry_id, "to": t.receiver, "copies": t.copies})
    return 0


def _transfer_json(t) -> dict:
    return {"transfer": t.id, "entry": t.entry_id, "label": t.label, "secrecy": t.secrecy,
            "receiver": t.receiver, "copies": t.copies, "on": t.on.isoformat(),
            "returned_on": t.returned_on.isoformat() if t.returned_on else None}


def _holdings(sstore, store, args) -> int:
    from app.secrets import transfer

    with sstore.ReadSession() as s:
        out([_transfer_json(t) for t in transfer.holdings(s, args.name)])
    return 0


def _copy(sstore, store, args) -> int:
    from app.secrets import copies

    with sstore.Session.begin() as s:
        c = copies.make_copies(s, args.entry_id, authorised_by=args.authorised_by, copies=args.copies,
                               form=args.form, receiver=args.receiver)
    out({"copy": c.id, "entry": c.entry_id, "numbers": c.numbers, "form": c.form})
    return 0


def _authoriser(sstore, store, args) -> int:
    from app.secrets import copies

    with sstore.Session.begin() as s:
        copies.add_authoriser(s, args.name, args.title, args.level, args.max_copies)
    out({"authoriser": args.name, "level": args.level})
    return 0


def _recall(sstore, store, args) -> int:
    from app.secrets import printing, recall

    with sstore.Session.begin() as s:
        if args.person:
            r = recall.open_recall(s, args.person, args.reason)
        else:
            r = recall.tick(s, args.returned, note=args.note)
    if args.out:
        with sstore.Session.begin() as s:
            printing.print_recall(s, r.id, args.out)
    out({"recall": r.id, "person": r.person, "outstanding": r.outstanding,
         "closed": r.closed_on.isoformat() if r.closed_on else None,
         "items": [_transfer_json(t) for t in r.items]})
    return 0


def _due(sstore, store, args) -> int:
    from app.secrets import protection

    with sstore.ReadSession() as s:
        out([{"entry": d.entry_id, "label": d.label, "secrecy": d.secrecy, "kind": d.kind,
              "due": d.due.isoformat(), "overdue": d.overdue} for d in protection.due(s, args.days)])
    return 0


def _declassify(sstore, store, args) -> int:
    from app.secrets import protection

    with sstore.Session.begin() as s:
        it = protection.declassify(s, args.entry_id, decision_no=args.decision,
                                   decision_date=parse_date(args.date), decided_by=args.by)
    out({"entry": it.id, "state": it.state})
    return 0


def _level(sstore, store, args) -> int:
    from app.secrets import protection

    with sstore.Session.begin() as s:
        it = protection.change_level(s, args.entry_id, args.to, decision_no=args.decision,
                                     decision_date=parse_date(args.date))
    out({"entry": it.id, "secrecy": it.entry.secrecy, "protected_until": it.protected_until.isoformat()})
    return 0


def _destroy_propose(sstore, store, args) -> int:
    from app.secrets import destruction

    with sstore.Session.begin() as s:
        d = destruction.propose(s, args.entry_ids, args.reason)
    out({"proposal": d.id, "entries": [i.id for i in d.items]})
    return 0


def _extend(sstore, store, args) -> int:
    from app.secrets import protection

    with sstore.Session.begin() as s:
        it = protection.extend(s, args.entry_id, years=args.years, decision_no=args.decision,
                               decision_date=parse_date(args.date))
    out({"entry": it.id, "protected_until": it.protected_until.isoformat()})
    return 0


def _expire(sstore, store, args) -> int:
    from app.secrets import protection

    with sstore.Session.begin() as s:
        it = protection.confirm_expiry(s, args.entry_id)
    out({"entry": it.id, "state": it.state})
    return 0


def _destroy_decide(sstore, store, args) -> int:
    from app.secrets import destruction

    with sstore.Session.begin() as s:
        d = destruction.decide(s, args.proposal, decision_no=args.decision,
                               decision_date=parse_date(args.date), decided_by=args.by,
                               council="\n".join(args.council.split(";")))
    out({"proposal": d.id, "state": d.state})
    return 0


def _destroy_done(sstore, store, args) -> int:
    from app.secrets import destruction, printing

    with sstore.Session.begin() as s:
        d = destruction.carry_out(s, args.proposal, on=parse_date(args.date), method=args.method)
    if args.out:
        with sstore.Session.begin() as s:
            printing.print_destruction(s, d.id, args.out)
    out({"proposal": d.id, "state": d.state, "entries": [i.id for i in d.items]})
    return 0


def _airgap(sstore, store, args) -> int:
    with sstore.Session.begin() as s:
        if args.independent_lan is not None:
            airgap.record_lan(s, args.independent_lan)
        g = airgap.state(s, PROBE)
    out({"connected": list(g.connected), "independent_lan": g.independent_lan,
         "writes_allowed": g.writes_allowed, "notice": g.notice})
    return 0


def _print(sstore, store, args) -> int:
    from app.secrets import printing

    with sstore.Session.begin() as s:
        if args.form in ("secret_incoming", "secret_outgoing"):
            result = printing.print_register(s, args.form, args.year, args.out)
        else:
            fn = {"secret-transfer": printing.print_transfer, "secret-copies": printing.print_copies,
                  "secret-stats": printing.print_stats,
                  "secret-declassified": printing.print_declassified}[args.form]
            result = fn(s, args.year, args.out)
    out(result)
    return 0


def print_secret(store, args) -> int:
    """`vanthu print secret-…`: the same as `vanthu secret print …`."""
    args.secret_action = "print"
    args.form = args.book
    args.user = getattr(args, "user", None)
    if not args.year:
        raise ValidationError({"year": "In sổ, biểu mẫu mật cần --year."})
    return handle(store, args)


ACTIONS = {"grant": _grant, "move": _move, "register": _register, "list": _list,
           "transfer": _transfer, "holdings": _holdings, "copy": _copy, "authoriser": _authoriser,
           "recall": _recall, "due": _due, "declassify": _declassify, "level": _level,
           "destroy-propose": _destroy_propose, "destroy-decide": _destroy_decide,
           "destroy-done": _destroy_done, "extend": _extend, "expire": _expire,
           "airgap": _airgap, "print": _print}
COMMANDS = {"secret": handle}
__all__ = ["COMMANDS", "add_parsers", "print_secret", "dt"]
