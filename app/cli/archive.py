"""Commands of the archive: `vanthu hoso …` (file plan, files, filing, closing) and
`vanthu handover …` (export, verify, due). The same services as the window."""
from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

from app.cli.common import out
from app.errors import ValidationError
from app.store import Store


def add_parsers(sub) -> None:
    h = sub.add_parser("hoso", help="danh mục hồ sơ, lập hồ sơ, đóng/mở lại hồ sơ")
    hs = h.add_subparsers(dest="hoso_command", metavar="VIỆC", required=True)
    p = hs.add_parser("plan", help="tạo danh mục hồ sơ của năm (hoặc chép từ năm trước)")
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--from-year", type=int)
    p.add_argument("--numbering", choices=("continuous", "per_heading"))
    p.add_argument("--decision-number")
    p.add_argument("--decision-date", help="dd/mm/yyyy")
    p.add_argument("--organ-id", help="mã định danh cơ quan (OrganId)")
    p.add_argument("--period", choices=("quarter", "half", "year"), help="kỳ nộp lưu")
    hd = hs.add_parser("heading", help="thêm đề mục (lớn, hoặc nhỏ với --parent)")
    hd.add_argument("--year", type=int, required=True)
    hd.add_argument("--title", required=True)
    hd.add_argument("--abbr", default="")
    hd.add_argument("--parent", help="chữ viết tắt hoặc tên đề mục lớn")
    c = hs.add_parser("create", help="mở hồ sơ (theo danh mục hoặc ngoài danh mục)")
    c.add_argument("--year", type=int, required=True)
    c.add_argument("--code", default="", help="số và ký hiệu, ví dụ 01.TCCB (mặc định: số tiếp theo)")
    c.add_argument("--title", required=True)
    c.add_argument("--retention", required=True, help="Vĩnh viễn, 70, 50, 30, 20, 10, 5 (năm)")
    c.add_argument("--heading", help="đề mục (chữ viết tắt hoặc tên); chưa có thì tạo đề mục lớn")
    c.add_argument("--creator", default="", help="người lập hồ sơ")
    c.add_argument("--note", default="")
    c.add_argument("--outside-plan", action="store_true", help="hồ sơ lập ngoài danh mục")
    for name, helptext in (("add", "đưa văn bản vào hồ sơ"), ("remove", "bỏ văn bản khỏi hồ sơ đang lập")):
        a = hs.add_parser(name, help=helptext)
        a.add_argument("code")
        a.add_argument("entry_ids", type=int, nargs="+", metavar="ENTRY_ID")
        a.add_argument("--year", type=int, required=True)
        a.add_argument("--reason", default="")
    cl = hs.add_parser("close", help="đóng hồ sơ")
    cl.add_argument("code")
    cl.add_argument("--year", type=int, required=True)
    cl.add_argument("--sheets", type=int, help="số tờ (hồ sơ giấy)")
    cl.add_argument("--pages", type=int, help="số trang (mặc định: từ bản quét)")
    cl.add_argument("--retention", help="thời hạn bảo quản sau khi kiểm tra lại")
    cl.add_argument("--date", help="ngày đóng dd/mm/yyyy (mặc định: hôm nay)")
    ro = hs.add_parser("reopen", help="mở lại hồ sơ đã đóng (có lý do)")
    ro.add_argument("code")
    ro.add_argument("--year", type=int, required=True)
    ro.add_argument("--reason", required=True)
    kp = hs.add_parser("keep", help="đơn vị giữ lại hồ sơ đã đóng quá hạn nộp lưu (có lý do, thời hạn)")
    kp.add_argument("code")
    kp.add_argument("--year", type=int, required=True)
    kp.add_argument("--reason", required=True, help="lý do giữ lại")
    kp.add_argument("--until", required=True, help="giữ lại đến ngày dd/mm/yyyy (không quá 2 năm sau hạn nộp lưu)")
    kp.add_argument("--approval", default="", help="ý kiến đồng ý của thủ trưởng (ví dụ: số, ngày văn bản)")
    rl = hs.add_parser("release", help="thôi giữ lại: hồ sơ trở lại đã đóng, chờ nộp lưu")
    rl.add_argument("code")
    rl.add_argument("--year", type=int, required=True)
    rl.add_argument("--note", default="")
    kl = hs.add_parser("kept", help="danh mục hồ sơ, tài liệu giữ lại (in PDF với --out)")
    kl.add_argument("--year", type=int, required=True)
    kl.add_argument("--quarter", type=int, choices=(1, 2, 3, 4))
    kl.add_argument("--period", help="Q1-Q4, H1, H2 hoặc Y (mặc định: cả năm)")
    kl.add_argument("--out", type=Path, help="tệp PDF")
    ls = hs.add_parser("list", help="các hồ sơ của năm")
    ls.add_argument("--year", type=int, required=True)
    ls.add_argument("--format", choices=("json", "csv"), default="json")
    sh = hs.add_parser("show", help="một hồ sơ: văn bản theo thứ tự, lịch sử")
    sh.add_argument("code")
    sh.add_argument("--year", type=int, required=True)
    sg = hs.add_parser("suggest", help="gợi ý hồ sơ cho một văn bản")
    sg.add_argument("entry_id", type=int)
    sg.add_argument("--year", type=int)
    ix = hs.add_parser("index", help="in Mục lục văn bản và chứng từ kết thúc của hồ sơ")
    ix.add_argument("code")
    ix.add_argument("--year", type=int, required=True)
    ix.add_argument("--out", type=Path, required=True)

    ho = sub.add_parser("handover", help="nộp lưu: xuất gói, kiểm tra gói, hồ sơ đến hạn")
    hs = ho.add_subparsers(dest="handover_command", metavar="VIỆC", required=True)
    e = hs.add_parser("export", help="xuất gói nộp lưu (BagIt) của một kỳ")
    e.add_argument("--year", type=int, required=True)
    e.add_argument("--quarter", type=int, choices=(1, 2, 3, 4))
    e.add_argument("--period", help="Q1-Q4, H1, H2 hoặc Y (mặc định: theo cài đặt của danh mục)")
    e.add_argument("--out", type=Path, required=True, help="thư mục đặt gói")
    e.add_argument("--zip", action="store_true")
    e.add_argument("--files", help="chỉ các hồ sơ này (số ký hiệu, cách nhau bởi dấu phẩy)")
    for side in ("giver", "receiver"):
        e.add_argument(f"--{side}", default="")
        e.add_argument(f"--{side}-position", default="")
    e.add_argument("--boxes", type=_count, help="tài liệu giấy: tổng số hộp (cặp); 0 nếu không có tài liệu giấy")
    e.add_argument("--shelf-metres", type=_metres, help="tài liệu giấy: quy ra mét giá (ví dụ 1,5)")
    v = hs.add_parser("verify", help="kiểm tra một gói nộp lưu (thư mục hoặc .zip)")
    v.add_argument("path", type=Path)
    d = hs.add_parser("due", help="hồ sơ sắp đến hạn hoặc quá hạn nộp lưu")
    d.add_argument("--within", type=int, default=30, help="số ngày báo trước (mặc định 30)")
    d.add_argument("--today", help="dd/mm/yyyy (mặc định: hôm nay)")
    c = hs.add_parser("candidates", help="hồ sơ đã đóng của một kỳ, chờ nộp lưu")
    c.add_argument("--year", type=int, required=True)
    c.add_argument("--quarter", type=int, choices=(1, 2, 3, 4))
    c.add_argument("--period")
    hs.add_parser("list", help="các đợt nộp lưu").add_argument("--year", type=int)


def _count(text: str) -> int:
    if not text.strip().isdigit():
        raise argparse.ArgumentTypeError(f"số hộp (cặp) “{text}” phải là số nguyên không âm")
    return int(text)


def _metres(text: str) -> float:
    try:
        value = float(text.strip().replace(",", "."))
    except ValueError:
        value = -1.0
    if not 0 <= value < 10_000:
        raise argparse.ArgumentTypeError(f"số mét giá “{text}” phải là số không âm (ví dụ 1,5)")
    return value


def _file(s, args):
    from app.archive import plan
    return plan.find(s, args.year, args.code)


def _hoso(store: Store, args) -> int:
    from app.archive import closing, filing, forms, plan, suggest

    cmd = args.hoso_command
    if cmd == "kept":
        return _kept(store, args)
    if cmd in ("list", "show", "suggest"):
        with store.ReadSession() as s:
            if cmd == "list":
                return _table([h.as_json() for h in plan.list_hoso(s, args.year)], args.format)
            if cmd == "suggest":
                for g in suggest.suggest(s, args.entry_id, year=args.year):
                    out({"hoso_id": g.hoso_id, "code": g.code, "title": g.title, "score": g.score, "reason": g.reason})
                return 0
            h = _file(s, args)
            out(plan.view(s, h).as_json())
            for d in filing.documents(s, h.id, store.files_dir):
                out({"position": d.position, "entry_id": d.entry_id, "book": d.book_key, "number": d.number,
                     "number_symbol": d.number_symbol, "summary": d.summary, "pages": d.pages,
                     "scans": [x[0] for x in d.scans]})
            for ev in closing.events(s, h.id):
                out({"at": ev.at.isoformat(timespec="seconds"), "user": ev.user, "action": ev.action, "detail": ev.detail})
        return 0
    with store.Session.begin() as s:
        if cmd == "plan":
            made = plan.copy_plan(s, args.year, args.from_year) if args.from_year else []
            p = plan.set_plan(s, args.year, numbering=args.numbering, decision_number=args.decision_number,
                              decision_date=args.decision_date, organ_id=args.organ_id, period=args.period)
            out({"year": p.year, "numbering": p.numbering, "copied": len(made), "period": p.period})
        elif cmd == "heading":
            parent = None
            if args.parent:
                found = plan.find_heading(s, args.year, args.parent)
                if found is None:
                    raise ValidationError({"parent": f"Không có đề mục “{args.parent}” trong năm {args.year}."})
                parent = found.id
            h = plan.add_heading(s, args.year, args.title, args.abbr, parent)
            out({"id": h.id, "label": h.label, "title": h.title, "abbr": h.abbr})
        elif cmd == "create":
            heading_id = None
            if args.heading:
                found = plan.find_heading(s, args.year, args.heading)
                if found is None:
                    abbr = args.code.partition(".")[2] or (args.heading if " " not in args.heading else "")
                    found_v = plan.add_heading(s, args.year, args.heading, abbr)
                    heading_id = found_v.id
                else:
                    heading_id = found.id
            v = plan.create_hoso(s, args.year, args.title, args.retention, code=args.code, heading_id=heading_id,
                                 creator=args.creator, in_plan=not args.outside_plan, description=args.note)
            out(v.as_json())
        elif cmd == "add":
            out(filing.add(s, _file(s, args).id, args.entry_ids).as_json())
        elif cmd == "remove":
            h = _file(s, args)
            for entry_id in args.entry_ids:
                v = filing.remove(s, h.id, entry_id, args.reason)
            out(v.as_json())
        elif cmd == "close":
            out(closing.close(s, _file(s, args).id, retention=args.retention, sheets=args.sheets,
                              pages=args.pages, on=args.date).as_json())
        elif cmd == "reopen":
            out(closing.reopen(s, _file(s, args).id, args.reason).as_json())
        elif cmd == "keep":
            from app.archive import keepback
            k = keepback.keep(s, _file(s, args).id, args.reason, args.until, args.approval)
            out({**k.hoso.as_json(), "kept_until": k.until.isoformat(), "reason": k.reason,
                 "approval": k.approval, "due_on": k.due_on.isoformat()})
        elif cmd == "release":
            from app.archive import keepback
            out(keepback.release(s, _file(s, args).id, args.note).as_json())
        elif cmd == "index":
            r = forms.print_file_index(s, _file(s, args).id, args.out)
            out({"file": str(args.out), "pages": r.pages, "documents": r.entries})
    return 0


def _kept(store: Store, args) -> int:
    from app.archive import forms, keepback

    period = _period(args)
    if args.out:
        with store.Session.begin() as s:
            r = forms.print_kept_list(s, args.year, period, args.out)
        out({"file": str(args.out), "pages": r.pages, "files": r.entries})
        return 0
    with store.ReadSession() as s:
        for k in keepback.kept(s, args.year, period):
            out({"code": k.hoso.code, "title": k.hoso.title, "reason": k.reason, "kept_until": k.until.isoformat(),
                 "approval": k.approval, "due_on": k.due_on.isoformat()})
    return 0


def _table(rows: list[dict], fmt: str) -> int:
    if fmt == "json":
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0
    w = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]) if rows else ["code"])
    w.writeheader()
    w.writerows(rows)
    return 0


def _period(args) -> str | None:
    return f"Q{args.quarter}" if args.quarter else args.period


def _handover(store: Store, args) -> int:
    from app.archive import handover, keepback, package, verify
    from app.dates import parse_date
    from app.printing.archive_forms import PaperCount

    cmd = args.handover_command
    if cmd == "verify":
        report = verify.verify(args.path)
        sys.stdout.write(f"Kiểm tra gói {args.path}\n")
        for line in report.lines():
            sys.stdout.write(line + "\n")
        return verify.exit_code(report)
    if cmd == "export":
        codes = [c.strip() for c in args.files.split(",")] if args.files else None
        with store.ReadSession() as s:
            refused = handover.candidates(s, args.year, _period(args)).refused
        for v, why in refused:
            sys.stderr.write(f"Bỏ qua hồ sơ {v.code}: {why}.\n")
        with store.ReadSession() as s:
            kept = keepback.kept(s, args.year, _period(args) or handover.candidates(s, args.year).period)
        for k in kept:
            sys.stderr.write(f"Hồ sơ {k.hoso.code} đơn vị giữ lại đến {k.until:%d/%m/%Y}: có trong Danh mục hồ sơ, "
                             "tài liệu giữ lại kèm theo.\n")
        r = package.export(store, args.year, _period(args), args.out, as_zip=args.zip, codes=codes,
                           giver=(args.giver, args.giver_position), receiver=(args.receiver, args.receiver_position),
                           paper=PaperCount(args.boxes, args.shelf_metres))
        out({"package": str(r.path), "code": r.code, "minutes_number": r.minutes_number, "files": r.files,
             "documents": r.documents, "payload_files": r.payload_files, "bytes": r.bytes, "kept_back": len(kept)})
        return 0
    with store.ReadSession() as s:
        if cmd == "due":
            items = handover.due(s, parse_date(args.today), args.within)
            for d in items:
                when = f"quá hạn {-d.days_left} ngày" if d.days_left < 0 else f"còn {d.days_left} ngày"
                sys.stdout.write(f"{d.code} ({d.year}) — {d.title}: hạn nộp lưu {d.due_on:%d/%m/%Y}, {when}\n")
            sys.stdout.write(f"{len(items)} hồ sơ đến hạn nộp lưu trong {args.within} ngày tới hoặc đã quá hạn.\n")
        elif cmd == "candidates":
            c = handover.candidates(s, args.year, _period(args))
            for v in c.files:
                out({"code": v.code, "title": v.title, "closed_on": v.closed_on.isoformat(), "documents": v.documents})
            for v, why in c.refused:
                out({"code": v.code, "title": v.title, "refused": why})
        elif cmd == "list":
            for b in handover.batches(s, args.year):
                out({"code": b.code, "period": b.period, "minutes_number": b.minutes_number, "state": b.state,
                     "files": b.files, "package": b.package_path})
    return 0


def print_file_plan(store: Store, args) -> int:
    """`vanthu print file-plan --year Y --out F.pdf` (the print command hands it over here)."""
    from app.archive import forms

    if not args.year:
        raise ValidationError({"year": "In danh mục hồ sơ cần --year."})
    with store.Session.begin() as s:
        r = forms.print_file_plan(s, args.year, args.out)
    out({"file": str(args.out), "pages": r.pages, "files": r.entries})
    return 0


COMMANDS = {"hoso": _hoso, "handover": _handover}
