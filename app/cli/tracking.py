"""Commands of tracking: deadlines, state, answers, due list, reports, statistics, calendar,
Excel import and export — the same services as the window."""
from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

from app.cli.common import BOOK_KEYS, out
from app.dates import parse_date
from app.errors import ValidationError
from app.registers import query
from app.store import Store
from app.tracking import calendar as cal_mod
from app.tracking import deadlines, due, export, follow, import_report, importer, report_print, reports
from app.tracking.headings import FIELDS


def add_parsers(sub) -> None:
    d = sub.add_parser("deadline", help="đặt thời hạn giải quyết văn bản đến")
    d.add_argument("entry_id", type=int)
    how = d.add_mutually_exclusive_group(required=True)
    how.add_argument("--date", help="hạn là ngày dd/mm/yyyy")
    how.add_argument("--days", type=int, help="N ngày làm việc kể từ ngày chuyển")
    how.add_argument("--urgent", action="store_true", help="hạn mặc định của văn bản hỏa tốc/thượng khẩn")

    st = sub.add_parser("state", help="tình trạng giải quyết: open (chưa), doing (đang), done (đã)")
    st.add_argument("entry_id", type=int)
    st.add_argument("state", choices=("open", "doing", "done"))
    st.add_argument("--note", help="tiến độ giải quyết")
    st.add_argument("--date", help="ngày giải quyết xong (mặc định hôm nay)")

    du = sub.add_parser("due", help="văn bản sắp đến hạn / quá hạn")
    du.add_argument("--date", help="tính đến ngày (mặc định hôm nay)")
    du.add_argument("--unit", default="", help="lọc theo đơn vị hoặc người nhận")
    du.add_argument("--overdue", action="store_true", help="chỉ văn bản quá hạn")
    du.add_argument("--format", choices=("json", "csv"), default="json")

    a = sub.add_parser("answer", help="văn bản đi OUT_ID trả lời các văn bản đến IN_ID…")
    a.add_argument("out_id", type=int)
    a.add_argument("in_ids", type=int, nargs="+")

    r = sub.add_parser("report", help="báo cáo tình hình giải quyết văn bản đến/đi ra PDF")
    r.add_argument("kind", choices=("incoming", "outgoing"))
    r.add_argument("--from", dest="date_from", required=True, help="dd/mm/yyyy")
    r.add_argument("--to", dest="date_to", required=True, help="dd/mm/yyyy")
    r.add_argument("--unit", default="")
    r.add_argument("--out", required=True, type=Path)

    s = sub.add_parser("stats", help="thống kê văn bản đến/đi của một năm")
    s.add_argument("--year", type=int, required=True)
    s.add_argument("--unit", default="")
    s.add_argument("--format", choices=("json", "csv"), default="json")

    c = sub.add_parser("calendar", help="lịch làm việc: ngày nghỉ/làm bù của cơ quan")
    c.add_argument("action", choices=("list", "add", "remove"))
    c.add_argument("day", nargs="?", help="dd/mm/yyyy (add, remove)")
    c.add_argument("kind", nargs="?", choices=("off", "work"), help="off = nghỉ, work = làm việc")
    c.add_argument("--year", type=int)
    c.add_argument("--note", default="")

    i = sub.add_parser("import", help="nhập sổ cũ từ Excel (.xlsx) hoặc .csv")
    i.add_argument("file", type=Path)
    i.add_argument("--book", choices=("incoming",), default="incoming")
    i.add_argument("--sheet")
    i.add_argument("--header-row", type=int)
    i.add_argument("--map", nargs="*", default=[], metavar="COL=FIELD",
                   help="ghép cột (chữ cột A, B… hoặc tiêu đề) với trường: " + ", ".join(FIELDS))
    i.add_argument("--dry-run", action="store_true", help="chạy thử: chỉ báo cáo, không đăng ký")

    e = sub.add_parser("export", help="xuất sổ ra .xlsx hoặc .csv")
    e.add_argument("--book", choices=BOOK_KEYS, default="incoming")
    e.add_argument("--year", type=int)
    e.add_argument("--search", default="")
    e.add_argument("--out", required=True, type=Path)


def _day(text, name):
    try:
        return parse_date(text)
    except ValueError as exc:
        raise ValidationError({name: str(exc)}) from None


def _deadline(store: Store, args) -> int:
    with store.Session.begin() as s:
        v = deadlines.set_deadline(s, args.entry_id, on=_day(args.date, "date") if args.date else None,
                                   working_days=args.days, urgent=args.urgent)
    out({"id": v.entry_id, "due_date": v.due_date.isoformat(), "rule": v.rule, "text": v.describe()})
    return 0


def _state(store: Store, args) -> int:
    with store.Session.begin() as s:
        v = follow.set_state(s, args.entry_id, args.state, args.note, _day(args.date, "date"))
    out({"id": v.entry_id, "state": v.state, "label": v.state_label, "progress_note": v.progress_note})
    return 0


def _due(store: Store, args) -> int:
    with store.ReadSession() as s:
        items = due.due_list(s, _day(args.date, "date"), unit=args.unit, overdue_only=args.overdue)
    rows = [i.as_json() for i in items]
    _table(rows, args.format, list(due.DueItem.__dataclass_fields__) + ["overdue"])
    return 0


def _table(rows: list[dict], fmt: str, fields: list[str]) -> None:
    if fmt == "json":
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return
    w = csv.DictWriter(sys.stdout, fieldnames=fields)
    w.writeheader()
    w.writerows(rows)


def _answer(store: Store, args) -> int:
    with store.Session.begin() as s:
        views = follow.answer(s, args.out_id, args.in_ids)
    for v in views:
        out({"id": v.entry_id, "state": v.state, "reply_symbol": v.reply_symbol})
    return 0


def _report(store: Store, args) -> int:
    with store.ReadSession() as s:
        result = report_print.print_report(s, args.kind, _day(args.date_from, "from"),
                                           _day(args.date_to, "to"), args.out, unit=args.unit)
    out({"pages": result.pages, "entries": result.entries, "path": str(result.path)})
    return 0


def _stats(store: Store, args) -> int:
    with store.ReadSession() as s:
        pair = reports.year_stats(s, args.year, args.unit)
    if args.format == "json":
        json.dump([r.as_json() for r in pair], sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0
    w = csv.writer(sys.stdout)
    w.writerow(["sổ", "nhóm", "mục", "giá trị"])
    for r in pair:
        for k, v in r.figures:
            w.writerow([r.kind, "Tổng hợp", k, v])
        for heading, items in r.groups:
            for k, v in items:
                w.writerow([r.kind, heading, k, v])
    return 0


def _calendar(store: Store, args) -> int:
    if args.action == "list":
        with store.ReadSession() as s:
            cal = cal_mod.WorkCalendar.load(s)
        year = args.year or __import__("datetime").date.today().year
        for day, reason in cal.days_off(year):
            out({"day": day.isoformat(), "working": cal.is_working(day), "reason": reason})
        return 0
    if not args.day:
        raise ValidationError({"day": "Cần ghi ngày (dd/mm/yyyy)."})
    day = _day(args.day, "day")
    with store.Session.begin() as s:
        if args.action == "add":
            if not args.kind:
                raise ValidationError({"kind": "Cần ghi loại ngày: off (nghỉ) hoặc work (làm việc)."})
            cal_mod.set_office_day(s, day, args.kind, args.note)
        else:
            cal_mod.clear_office_day(s, day)
    out({"day": day.isoformat(), "action": args.action})
    return 0


def _mapping(pairs: list[str], headings: tuple[str, ...]) -> dict[int, str] | None:
    """COL=FIELD pairs over the guessed mapping; COL is a column letter or a heading."""
    if not pairs:
        return None
    from openpyxl.utils.cell import column_index_from_string

    from app.tracking.headings import folded_heading, guess_mapping

    mapping = guess_mapping(None, list(headings))
    for pair in pairs:
        col, sep, field = pair.partition("=")
        if not sep:
            raise ValidationError({"map": f"“{pair}”: cần dạng COT=TRUONG, ví dụ C=received_at."})
        folded = [folded_heading(h) for h in headings]
        if folded_heading(col) in folded:
            index = folded.index(folded_heading(col))
        else:
            try:
                index = column_index_from_string(col.strip().upper()) - 1
            except ValueError:
                raise ValidationError({"map": f"Không có cột “{col}”."}) from None
        mapping = {i: f for i, f in mapping.items() if i != index and f != field}
        if field not in ("", "-"):
            mapping[index] = field
    return mapping


def _import(store: Store, args) -> int:
    from app.tracking.sheet import inspect

    def progress(done, total):
        sys.stderr.write(f"\rĐã đọc {done}/{total or '?'} dòng")

    info = inspect(args.file, args.sheet, args.header_row)
    mapping = _mapping(args.map, info.headings)
    with store.Session() as s:
        plan = importer.plan_import(s, args.file, args.book, sheet=info.sheet, header_row=info.header_row,
                                    mapping=mapping, progress=progress)
    sys.stderr.write("\n")
    for r in plan.rows:
        if r.outcome == "refused":
            out({"row": r.row, "refused": r.reason_text})
    if args.dry_run or not plan.can_import:
        path = import_report.write_report(plan, imported=False)
        out({"dry_run": True, "can_import": plan.can_import, "summary": plan.summary(), "report": str(path)})
        return 0 if plan.can_import else 1
    with store.Session.begin() as s:
        result = importer.run_import(s, plan)
    path = import_report.write_report(plan, imported=True, numbers=result.numbers)
    out({"imported": result.count, "batch": result.batch_id, "summary": plan.summary(), "report": str(path)})
    return 0


def _export(store: Store, args) -> int:
    with store.ReadSession() as s:
        n = export.export(s, query.Filter(args.book, year=args.year, text=args.search, descending=False),
                          args.out)
    with store.Session.begin() as s:
        export.record(s, args.book, args.out, n)
    out({"rows": n, "path": str(args.out)})
    return 0


COMMANDS = {"deadline": _deadline, "state": _state, "due": _due, "answer": _answer, "report": _report,
            "stats": _stats, "calendar": _calendar, "import": _import, "export": _export}
