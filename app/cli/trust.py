"""vanthu trust import|list|remove: the root certificates incoming signatures are verified
against, kept in the data folder (quản trị's, as every office setting)."""
from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

from app.cli.common import out
from app.intake import trust
from app.store import Store


def add_parsers(sub) -> None:
    t = sub.add_parser("trust", help="chứng thư gốc để xác minh chữ ký số: import, list, remove")
    ts = t.add_subparsers(dest="trust_command", metavar="VIỆC", required=True)
    i = ts.add_parser("import", help="nhập chứng thư gốc của tổ chức cấp chứng thư (PEM hoặc DER .cer/.crt)")
    i.add_argument("file", type=Path)
    ts.add_parser("list", help="liệt kê chứng thư gốc đã nhập")
    r = ts.add_parser("remove", help="bỏ một chứng thư gốc (tên tệp như trong list)")
    r.add_argument("name")


def _json(root: trust.Root) -> dict:
    record = asdict(root)
    record.update(valid_from=root.valid_from.isoformat(), valid_to=root.valid_to.isoformat(),
                  expired=root.expired, text=root.describe())
    return record


def _trust(store: Store, args) -> int:
    if args.trust_command == "list":
        for root in trust.roots(store.data_dir):
            out(_json(root))
        return 0
    with store.Session.begin() as s:
        if args.trust_command == "import":
            root = trust.import_root(s, store.data_dir, args.file)
        else:
            root = trust.remove_root(s, store.data_dir, args.name)
    out({"imported" if args.trust_command == "import" else "removed": _json(root)})
    return 0


COMMANDS = {"trust": _trust}
