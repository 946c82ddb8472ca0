"""The command line: the same services as the window, for scripting and tests.

One module per command group; each gives ``add_parsers(sub)`` and ``COMMANDS``
(name -> handler(store, args) -> exit code). A new group is one line in ``GROUPS``."""
from __future__ import annotations

import argparse
import os
import sys

from app.cli import intake, printing, registers
from app.cli import security
from app.cli import archive
from app.cli import secrets  # vanthu secret …
from app.cli import tracking  # vanthu due, answer, report, stats, import, export …
from app.cli import trust  # vanthu trust import, list, remove (root certificates)
from app.cli.common import BOOK_KEYS  # noqa: F401  (kept for callers)
from app.dates import BadDate
from app.errors import DomainError, ValidationError
from app.printing import PrintError
from app.cli.common import log_unexpected
from app.storage import explain, is_storage_error
from app.store import Store, open_store

GROUPS = [registers, printing, intake, security, secrets, archive, tracking, trust]


class Parser(argparse.ArgumentParser):
    """argparse with its messages in Vietnamese (they are the first thing a wrong command meets)."""

    WORDS = [("the following arguments are required", "thiếu tham số bắt buộc"),
             ("unrecognized arguments", "tham số không hiểu được"),
             ("invalid choice", "lựa chọn không hợp lệ"), ("choose from", "chọn một trong"),
             ("invalid int value", "không phải số nguyên"), ("expected one argument", "cần một giá trị"),
             ("argument ", "tham số "), ("usage:", "cách dùng:")]

    def error(self, message: str):
        for en, vi in self.WORDS:
            message = message.replace(en, vi)
        self.print_usage(sys.stderr)
        self.exit(2, f"Lỗi: {message}\n")

    def format_usage(self) -> str:
        return super().format_usage().replace("usage:", "cách dùng:")

    def format_help(self) -> str:
        return (super().format_help().replace("usage:", "cách dùng:")
                .replace("positional arguments:", "tham số:").replace("options:", "tùy chọn:")
                .replace("show this help message and exit", "xem hướng dẫn này"))


def build_parser() -> argparse.ArgumentParser:
    p = Parser(prog="vanthu", description="Văn thư: sổ đăng ký văn bản đến/đi.")
    p.add_argument("--data-dir", help="thư mục dữ liệu (mặc định: thư mục dữ liệu người dùng; "
                   "hoặc biến môi trường VANTHU_DATA_DIR)")
    p.add_argument("--demo", action="store_true", help="mở cơ sở dữ liệu thử với dữ liệu mẫu")
    p.add_argument("--user", help="tên đăng nhập (mật khẩu hỏi, hoặc biến môi trường VANTHU_PASSWORD)")
    sub = p.add_subparsers(dest="command", metavar="LỆNH", parser_class=Parser)
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
    except BaseException as exc:  # noqa: BLE001 — no traceback ever reaches the user
        return _told(exc)


def _told(exc: BaseException) -> int:
    """Says what went wrong in Vietnamese, in one place for every command; the exit code."""
    if isinstance(exc, DomainError):
        sys.stderr.write(f"Lỗi: {exc.message}\n")
        if isinstance(exc, ValidationError):  # the other wrong fields; the first was just said
            for message in list(exc.errors.values())[1:]:
                sys.stderr.write(f"  {message}\n")
        return 2
    if isinstance(exc, (BadDate, PrintError)):
        sys.stderr.write(f"Lỗi: {exc}\n")
        return 2
    if isinstance(exc, KeyboardInterrupt):
        sys.stderr.write("Đã dừng (Ctrl+C). Những gì chưa ghi xong đã được hoàn tác.\n")
        return 130
    if isinstance(exc, SystemExit):
        raise exc
    if isinstance(exc, BrokenPipeError):  # `vanthu list … | head`: the reader has had enough
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second error at exit
        return 141
    if is_storage_error(exc):
        sys.stderr.write(f"Lỗi: {explain(exc)}\n")
        return 2
    sys.stderr.write(f"Lỗi không mong đợi: {type(exc).__name__}. Chi tiết ghi ở "
                     f"{log_unexpected(exc)}; hãy báo cho người quản trị.\n")
    return 3


def _waiting() -> None:
    sys.stderr.write("Đang chờ cơ sở dữ liệu (một chương trình khác đang ghi)…\n")


def open_for_cli(data_dir):
    """The store for a command, or (None, exit code) after a Vietnamese message."""
    from db import engine as db_engine

    if _waiting not in db_engine.on_wait:
        db_engine.on_wait.append(_waiting)
    try:
        return open_store(data_dir), 0
    except Exception as exc:  # noqa: BLE001
        return None, _told(exc)
