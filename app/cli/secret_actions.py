"""The handlers of `vanthu secret …` (parsers and dispatch in app/cli/secrets.py): each takes
the open secret store, the ordinary store and the parsed arguments, and prints JSON."""
from __future__ import annotations

import json

from app.cli.common import out
from app.dates import parse_date
from app.errors import ValidationError
from app.secrets import airgap


def _probe():
    from app.cli import secrets

    return secrets.PROBE  # tests put a fake there


def _date(text, default=None):
    return parse_date(text) if text else default


def _grant(sstore, store, args) -> int:
    from app.cli import secrets as secrets_cli
    from app.secrets import store as secret_store

    secret_store.grant(sstore, args.name, secrets_cli._password(secrets_cli.NEW_PASSWORD_ENV, f"Mật khẩu cho {args.name}: "),
                       args.clearance, args.role)
    out({"granted": args.name, "clearance": args.clearance})
    return 0


def _revoke(sstore, store, args) -> int:
    from app.secrets import store as secret_store

    lost = secret_store.revoke(sstore, args.name)
    out({"revoked": args.name, "rekeyed": True, "grant_again": lost})
    return 0


def _backup(sstore, store, args) -> int:
    from app.secrets import backup

    out({"backup": str(backup.backup(sstore, args.to))})
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
            # the plain transaction inside: it commits first (Party numbers shared, see shared_numbers)
            with sstore.Session.begin() as s, store.Session.begin() as p:
                it = books.register(s, args.book, Draft.from_dict(item), plain=p, **kw)
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


def _show(sstore, store, args) -> int:
    """Opening an entry on the command line is an opening like the window's: recorded."""
    from app.secrets import books, card

    with sstore.Session.begin() as s:
        it = books.item(s, args.entry_id)  # audited
        lines = card.lines(s, args.entry_id)
    if args.format == "text":
        e = it.entry
        print(f"{e.number_symbol or 'Số đến ' + str(e.number)} — {e.doc_type}: {e.summary}")
        print("\n".join(lines))
    else:
        e = it.entry
        out({"id": e.id, "book": e.book_key, "number": e.number, "number_symbol": e.number_symbol,
             "secrecy": e.secrecy, "summary": e.summary, "lines": list(lines)})
    return 0


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
        g = airgap.state(s, _probe())
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

ACTIONS = {"grant": _grant, "revoke": _revoke, "backup": _backup, "move": _move,
           "register": _register, "list": _list, "transfer": _transfer, "show": _show, "holdings": _holdings,
           "copy": _copy, "authoriser": _authoriser, "recall": _recall, "due": _due,
           "declassify": _declassify, "level": _level, "extend": _extend, "expire": _expire,
           "destroy-propose": _destroy_propose, "destroy-decide": _destroy_decide,
           "destroy-done": _destroy_done, "airgap": _airgap, "print": _print}
