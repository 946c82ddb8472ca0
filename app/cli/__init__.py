"""The command line: the same services as the window, for scripting and tests.

One module per command group; each gives ``add_parsers(sub)`` and ``COMMANDS``
(name -> handler(store, args) -> exit code). A new group is one line in ``GROUPS``."""
from __future__ import annotations

import argparse
import sys

from app.cli import intake, printing, registers
from app.cli import security
from app.cli import archive
from app.cli import secrets  # vanthu secret …
from app.cli import tracking  # vanthu due, answer, report, stats, import, export …
from app.cli.common import BOOK_KEYS  # noqa: F401  (kept for callers)
from app.dates import BadDate
from app.errors import DomainError, ValidationError
from app.printing import PrintError
from app.store import Store

GROUPS = [registers, printing, intake, security, secrets, archive, tracking]


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="vanthu", description="Văn thư: sổ đăng ký văn bản đến/đi.")
    p.add_argument("--data-dir", help="thư mục dữ liệu (mặc định: thư mục dữ liệu người dùng; "
                   "hoặc biến môi trường VANTHU_DATA_DIR)")
    p.add_argument("--demo", action="store_true", help="mở cơ sở dữ liệu thử với dữ liệu mẫu")
    p.add_argument("--user", help="tên đăng nhập (mật khẩu hỏi, hoặc biến môi trường VANTHU_PASSWORD)")
    sub = p.add_subparsers(dest="command", metavar="LỆNH")
    for group in GROUPS:
        group.add_parsers(sub)
    return p


def _handler(command: str):
    for group in GROUPS:
        if command in group.COMMANDS:
            return group.COMMANDS[command]
    return None


def run(store: Store, args) -> int:
    handler = _handler(args.command)
    if handler is None:
        return 0
    try:
        security.login(store, args)  # once users exist, nothing runs without --user
        return handler(store, args)
    except DomainError as exc:
        sys.stderr.write(f"Lỗi: {exc.message}\n")
        if isinstance(exc, ValidationError):
            for field, message in exc.errors.items():
                sys.stderr.write(f"  {field}: {message}\n")
        return 2
    except (BadDate, PrintError) as exc:
        sys.stderr.write(f"Lỗi: {exc}\n")
        return 2
