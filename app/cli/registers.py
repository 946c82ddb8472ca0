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
from app.cli.input import entry_object, items_of, read_json
from app.storage import explain, is_storage_error
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
    s.add_argument("--continue-numbers", action="store_true",
                   help="đổi cách đánh số ngay trong năm, mỗi dãy tiếp sau số lớn nhất đã cấp")

    r = sub.add_parser("register", help="đăng ký văn bản từ tệp JSON (một đối tượng hoặc danh sách)")
    r.add_argument("--book", choices=BOOK_KEYS, required=True)
    r.add_argument("--json", required=True, type=Path, help="tệp JSON, '-' để đọc stdin")
    r.add_argument("--allow-duplicate", action="store_true")
    r.add_argument("--each", action="store_true",
                   help="ghi từng mục một (mặc định: cả lô hoặc không gì)")

    c = sub.add_parser("complete", help="dùng số đã lấy trước cho văn bản đã ký (tệp JSON)")
    c.add_argument("entry_id", type=int)
    c.add_argument("--json", required=True, type=Path, help="tệp JSON: trích yếu, người ký, nơi nhận…")

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
    import datetime as dt

    from app.registers import periods

    today = dt.date.today()
    with store.Session.begin() as s:
        saved = org_mod.save(s, org_mod.Organisation(
            parent_org=args.parent_org, org_name=args.org_name, org_abbr=args.org_abbr,
            regime=args.regime, term_start=args.term_start, place=args.place,
            state_scheme=args.state_scheme), continue_numbers=args.continue_numbers, today=today)
        from_year = periods.effective_year(s, saved, today)
    if saved.regime == "state" and from_year > today.year:
        sys.stderr.write(f"Cách đánh số mới áp dụng từ 01/01/{from_year}: năm {today.year} đã có số văn "
                         "bản đi, nên năm nay vẫn đánh số như cũ (dùng --continue-numbers để đổi ngay, "
                         "mỗi dãy tiếp sau số lớn nhất đã cấp).\n")
    out({"org_abbr": saved.org_abbr, "state_scheme": saved.state_scheme, "scheme_from_year": from_year})
    return 0


def _one(s, args, item, index):
    item = entry_object(item, index)
    year = item.get("year")
    if year is not None and not isinstance(year, int):
        raise ValidationError({"year": "Năm phải là một số nguyên, ví dụ 2025."})
    return service.register(s, args.book, Draft.from_dict(item), year=year,
                            allow_duplicate=args.allow_duplicate or item.get("allow_duplicate") is True,
                            allow_out_of_order=True)  # a batch keeps the order it was given


def _refusal(index: int, exc: Exception) -> dict:
    detail = exc.errors if isinstance(exc, ValidationError) else {}
    if isinstance(exc, PossibleDuplicate):
        detail = {"existing_id": exc.existing.id}
    return {"index": index, "error": getattr(exc, "message", str(exc)), "fields": detail,
            "duplicate": isinstance(exc, PossibleDuplicate)}


def _registered(index: int, v) -> dict:
    return {"index": index, "id": v.id, "number": v.number, "number_symbol": v.number_symbol}


REFUSED = (DomainError, ValueError, TypeError)


def _register(store: Store, args) -> int:
    """All or nothing by default: every item is checked inside one transaction, and if any is
    refused nothing is kept. --each commits item by item. One summary line ends every run."""
    items = items_of(read_json(args.json))
    done, refused = [], []
    try:
        if args.each:
            for i, item in enumerate(items):
                try:
                    with store.Session.begin() as s:
                        done.append(_one(s, args, item, i))
                    out(_registered(i, done[-1]))
                except REFUSED as exc:
                    refused.append(_refusal(i, exc))
                    out(refused[-1])
        else:
            with store.Session.begin() as s:
                for i, item in enumerate(items):
                    try:
                        with s.begin_nested():
                            done.append(_one(s, args, item, i))
                    except REFUSED as exc:
                        refused.append(_refusal(i, exc))
                        out(refused[-1])
                if refused:
                    s.rollback()
            for i, v in enumerate(done if not refused else []):
                out(_registered(i, v))
    except Exception as exc:
        if not is_storage_error(exc):
            raise
        kept = len(done) if args.each else 0
        _summary(len(items), kept, refused, stopped=explain(exc))
        return 2
    kept = len(done) if (args.each or not refused) else 0
    _summary(len(items), kept, refused)
    return 1 if refused else 0


def _summary(total: int, kept: int, refused: list, stopped: str = "") -> None:
    dups = sum(1 for r in refused if r["duplicate"])
    line = (f"Tổng {total} mục: đã đăng ký {kept}, bị từ chối {len(refused)}"
            f" (trong đó có thể trùng {dups}).")
    if refused and not kept and total > len(refused):
        line += " Không mục nào được ghi (cả lô hoặc không gì; sửa các mục lỗi, hoặc dùng --each)."
    if stopped:
        line = f"Dừng giữa chừng: {stopped} Đã ghi {kept} mục đầu; các mục sau chưa được ghi."
    sys.stderr.write(line + "\n")
    out({"summary": {"total": total, "registered": kept, "refused": len(refused), "duplicates": dups}})


def _complete(store: Store, args) -> int:
    """Uses a number taken ahead (lấy số trước) for the signed document."""
    item = entry_object(read_json(args.json), 0)
    with store.Session.begin() as s:
        v = service.use_reservation(s, args.entry_id, Draft.from_dict(item))
    out({"id": v.id, "number": v.number, "number_symbol": v.number_symbol, "status": v.status})
    return 0


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
    with store.ReadSession() as s:
        service.get(s, args.entry_id)  # an unknown id is an error, not an empty history
        for c in service.history(s, args.entry_id):
            out({"at": c.at.isoformat(), "user": c.user, "field": c.field, "old": c.old, "new": c.new})
    return 0


COMMANDS = {"setup": _setup, "register": _register, "complete": _complete, "list": _list, "reserve": _reserve,
            "void": _void, "history": _history}
