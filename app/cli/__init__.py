"""The command line: the same services as the window, for scripting and tests."""
from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

from app import org as org_mod
from app.dates import BadDate
from app.printing import PrintError
from app.errors import DomainError, PossibleDuplicate, ValidationError
from app.registers import query, service
from app.registers.draft import Draft
from app.store import Store

BOOK_KEYS = ("incoming", "outgoing", "secret_incoming", "secret_outgoing")


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="vanthu", description="Văn thư: sổ đăng ký văn bản đến/đi.")
    p.add_argument("--data-dir", help="thư mục dữ liệu (mặc định: thư mục dữ liệu người dùng; "
                   "hoặc biến môi trường VANTHU_DATA_DIR)")
    p.add_argument("--demo", action="store_true", help="mở cơ sở dữ liệu thử với dữ liệu mẫu")
    sub = p.add_subparsers(dest="command", metavar="LỆNH")

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

    pr = sub.add_parser("print", help="in sổ đăng ký ra PDF")
    pr.add_argument("book", choices=("incoming", "outgoing", "tracking", "secret_incoming",
                                     "secret_outgoing"))
    pr.add_argument("--year", type=int)
    pr.add_argument("--from", dest="date_from", help="từ ngày dd/mm/yyyy")
    pr.add_argument("--to", dest="date_to", help="đến ngày dd/mm/yyyy")
    pr.add_argument("--numbers", help="khoảng số A-B (cùng với --year)")
    pr.add_argument("--paper", choices=("A4", "A3"), default="A4")
    pr.add_argument("--volume", type=int, help="quyển số (mặc định: tiếp theo lần in trước)")
    pr.add_argument("--out", required=True, type=Path)

    o = sub.add_parser("ocr", help="đọc phần đầu văn bản quét (OCR tiếng Việt)")
    o.add_argument("files", nargs="+", type=Path)
    o.add_argument("--json", action="store_true", help="một đối tượng JSON mỗi tệp (mặc định)")
    return p


def _out(obj) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")


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
            _out({"index": i, "id": v.id, "number": v.number, "number_symbol": v.number_symbol})
        except (DomainError, ValueError, TypeError) as exc:
            failed += 1
            detail = exc.errors if isinstance(exc, ValidationError) else {}
            if isinstance(exc, PossibleDuplicate):
                detail = {"existing_id": exc.existing.id}
            _out({"index": i, "error": getattr(exc, "message", str(exc)), "fields": detail})
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


def _print(store: Store, args) -> int:
    from app.dates import parse_date
    from app.printing.service import PrintRequest, print_book

    low = high = None
    if args.numbers:
        try:
            low, high = (int(x) for x in args.numbers.split("-"))
        except ValueError:
            raise ValidationError({"numbers": "Khoảng số phải có dạng A-B, ví dụ 1-500."}) from None
    req = PrintRequest(args.book, year=args.year, date_from=parse_date(args.date_from),
                       date_to=parse_date(args.date_to), number_from=low, number_to=high,
                       paper=args.paper, volume=args.volume)
    result = print_book(store.Session, store.ReadSession, req, args.out)
    _out({"file": str(args.out), "pages": result.pages, "entries": result.entries})
    return 0


def _ocr(store: Store, args) -> int:
    from app import catalogue
    from app.intake import ocr

    with store.ReadSession() as s:
        issuers = query.completions(s, "issuer", limit=5000)
        lexicon = ocr.spelling.with_texts(query.recent_summaries(s))
        types = sorted({(t.name, t.abbr) for regime in ("state", "party")
                        for t in catalogue.doc_types(s, regime)})
    failed = 0
    for path in args.files:
        try:
            _out(ocr.ocr_file_json(path, known_issuers=issuers, doc_types=types, lexicon=lexicon))
        except ocr.OcrError as exc:
            failed += 1
            _out({"file": str(path), "error": exc.message})
    return 1 if failed else 0


def run(store: Store, args) -> int:
    try:
        if args.command == "setup":
            with store.Session.begin() as s:
                org_mod.save(s, org_mod.Organisation(
                    parent_org=args.parent_org, org_name=args.org_name, org_abbr=args.org_abbr,
                    regime=args.regime, term_start=args.term_start, place=args.place,
                    state_scheme=args.state_scheme))
            return 0
        if args.command == "register":
            return _register(store, args)
        if args.command == "list":
            return _list(store, args)
        if args.command == "print":
            return _print(store, args)
        if args.command == "ocr":
            return _ocr(store, args)
        with store.Session.begin() as s:
            if args.command == "reserve":
                v = service.reserve(s, args.book, args.doc_type, args.date, args.note, args.unit)
                _out({"id": v.id, "number": v.number, "number_symbol": v.number_symbol})
            elif args.command == "void":
                v = service.void(s, args.entry_id, args.reason)
                _out({"id": v.id, "number": v.number, "status": v.status})
            elif args.command == "history":
                for c in service.history(s, args.entry_id):
                    _out({"at": c.at.isoformat(), "user": c.user, "field": c.field,
                          "old": c.old, "new": c.new})
        return 0
    except DomainError as exc:
        sys.stderr.write(f"Lỗi: {exc.message}\n")
        if isinstance(exc, ValidationError):
            for field, message in exc.errors.items():
                sys.stderr.write(f"  {field}: {message}\n")
        return 2
    except (BadDate, PrintError) as exc:
        sys.stderr.write(f"Lỗi: {exc}\n")
        return 2
