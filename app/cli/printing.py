"""The print command: a book to PDF."""
from __future__ import annotations

from pathlib import Path

from app.cli.common import out
from app.errors import ValidationError
from app.store import Store


def add_parsers(sub) -> None:
    pr = sub.add_parser("print", help="in sổ đăng ký ra PDF")
    pr.add_argument("book", choices=("file-plan", "incoming", "outgoing", "tracking", "secret_incoming",
                                     "secret_outgoing", "secret-transfer", "secret-copies", "secret-stats"))
    pr.add_argument("--user", help="sổ mật: người dùng được giao khóa kho mật")
    pr.add_argument("--year", type=int)
    pr.add_argument("--from", dest="date_from", help="từ ngày dd/mm/yyyy")
    pr.add_argument("--to", dest="date_to", help="đến ngày dd/mm/yyyy")
    pr.add_argument("--numbers", help="khoảng số A-B (cùng với --year)")
    pr.add_argument("--paper", choices=("A4", "A3"), default="A4")
    pr.add_argument("--volume", type=int, help="quyển số (mặc định: tiếp theo lần in trước)")
    pr.add_argument("--out", required=True, type=Path)


def _print(store: Store, args) -> int:
    if args.book == "file-plan":  # Danh mục hồ sơ: printed by the archive capability
        from app.cli.archive import print_file_plan
        return print_file_plan(store, args)
    if args.book.startswith("secret"):  # printed from the encrypted store (app/cli/secrets.py)
        from app.cli.secrets import print_secret
        return print_secret(store, args)
    from app.dates import parse_date
    from app.printing.service import PrintRequest, print_book

    low = high = None
    if args.numbers:
        try:
            low, high = (int(x) for x in args.numbers.split("-"))
        except ValueError:
            raise ValidationError({"numbers": "Khoảng số phải có dạng A-B, ví dụ 1-500."}) from None
        if low < 1 or low > high:
            raise ValidationError({"numbers": f"Khoảng số {low}-{high} không hợp lệ: số đầu phải từ 1 "
                                   "và không lớn hơn số cuối."})
    req = PrintRequest(args.book, year=args.year, date_from=parse_date(args.date_from),
                       date_to=parse_date(args.date_to), number_from=low, number_to=high,
                       paper=args.paper, volume=args.volume)
    result = print_book(store.Session, store.ReadSession, req, args.out)
    out({"file": str(args.out), "pages": result.pages, "entries": result.entries})
    return 0


COMMANDS = {"print": _print}
