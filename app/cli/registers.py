"""Commands of the registers: setup, register, list, reserve, void, history."""
from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

from app import org as org_mod
from app.cli.common import BOOK_KEYS, out
from app.errors import DomainError, PossibleDuplicate, ValidationError
from app.registers import query, service
from app.registers.draft import Draft
from app.store import Store


def add_parsers(sub) -> None:
    s = sub.add_parser("setup", help="khai báo thông tin cơ quan")
    s.add_argument("--parent-org", default="")
    s.add_argument("--org-name", required=True)
    s.add_argument("--org-abbr", required=True)
    s.add_argument("--regime", choices=("state", "party"), default="state")
    s.add_argument("--term-start", default="", help="ngày bắt đầu nhiệm kỳ (yyyy-mm-dd), cơ quan Đảng")
    s.add_argument("--place", default="")
    s.add_argument("--state-scheme", choices=("all", "per_type"), default="all")

    r = sub.add_parser("register", help="đăng ký văn bản từ tệp JSON (một đối tượng hoặc danh sách)")
    r.add_argument("--book", choices=BOOK_KEYS, required=True)
    r.add_argument("--json", required=True, type=Path, help="tệp JSON, '-' để đọc stdin")
    r.add_argument("--allow-duplicate", action="store_true")

    ls = sub.add_parser("list", help="liệt kê văn bản trong sổ")
    ls.add_argument("--book", choices=BOOK_KEYS, required=True)
    ls.add_argument("--year", type=int)
    ls.add_argument("--search", default="")
    ls.add_argument("--format", choices=("json", "csv"), default="json")

    rs = sub.add_parser("reserve", help="lấy số trước cho văn bản đi chờ ký")
    rs.add_argument("--book", choices=("outgoing", "secret_outgoing"), default="outgoing")
    rs.add_argument("--type", required=True, dest="doc_type")
    rs.add_argument("--date", required=True, help="dd/mm/yyyy")
    rs.add_argument("--unit", default="", help="đơn vị soạn thảo (công văn)")
    rs.add_argument("--note", default="")

    v = sub.add_parser("void", help="hủy số (có lý do); số không bao giờ được cấp lại")
    v.add_argument("entry_id", type=int)
    v.add_argument("--reason", required=True)

    h = sub.add_parser("history", help="lịch sử sửa đổi của một văn bản")
    h.add_argument("entry_id", type=int)


def _setup(store: Store, args) -> int:
    with store.Session.begin() as s:
        org_mod.save(s, org_mod.Organisation(
            parent_org=args.parent_org, org_name=args.org_name, org_abbr=args.org_abbr,
            regime=args.regime, term_start=args.term_start, place=args.place,
            state_scheme=args.state_scheme))
    return 0


def _register(store: Store, args) -> int:
    text = sys.stdin.read() if str(args.json) == "-" else args.json.read_text(encoding="utf-8")
    items = json.loads(text)
    items = items if isinstance(items, list) else [items]
    failed = 0
    for i, item in enumerate(items):
        try:
            with store.Session.begin() as s:
                v = service.register(s, args.book, Draft.from_dict(item), year=item.get("year"),
                                     allow_duplicate=args.allow_duplicate or item.get("allow_duplicate", False))
            out({"index": i, "id": v.id, "number": v.number, "number_symbol": v.number_symbol})
        except (DomainError, ValueError, TypeError) as exc:
            failed += 1
            detail = exc.errors if isinstance(exc, ValidationError) else {}
            if isinstance(exc, PossibleDuplicate):
                detail = {"existing_id": exc.existing.id}
            out({"index": i, "error": getattr(exc, "message", str(exc)), "fields": detail})
    return 1 if failed else 0


def _list(store: Store, args) -> int:
    with store.ReadSession() as s:
        ids = query.ids(s, query.Filter(args.book, year=args.year, text=args.search, descending=False))
        rows = [r.as_json() for r in query.rows(s, ids)]
    if args.format == "json":
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        fields = list(rows[0]) if rows else ["id"]
        w = csv.DictWriter(sys.stdout, fieldnames=fields)
        w.writeheader()
        w.writerows(rows)
    return 0


def _reserve(store: Store, args) -> int:
    with store.Session.begin() as s:
        v = service.reserve(s, args.book, args.doc_type, args.date, args.note, args.unit)
        out({"id": v.id, "number": v.number, "number_symbol": v.number_symbol})
    return 0


def _void(store: Store, args) -> int:
    with store.Session.begin() as s:
        v = service.void(s, args.entry_id, args.reason)
        out({"id": v.id, "number": v.number, "status": v.status})
    return 0


def _history(store: Store, args) -> int:
    with store.Session.begin() as s:
        for c in service.history(s, args.entry_id):
            out({"at": c.at.isoformat(), "user": c.user, "field": c.field, "old": c.old, "new": c.new})
    return 0


COMMANDS = {"setup": _setup, "register": _register, "list": _list, "reserve": _reserve,
            "void": _void, "history": _history}
