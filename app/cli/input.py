"""Reading the JSON a clerk hands the command line: from Notepad (UTF-8 with BOM, UTF-16), a
pipe or a file, with a Vietnamese message for each way it can be wrong."""
from __future__ import annotations

import json
import sys
from pathlib import Path

from app.errors import DomainError

MAX_BYTES = 200 * 1024 * 1024


class InputError(DomainError):
    pass


def _decode(data: bytes, name: str) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(f"Tệp {name} không phải văn bản UTF-8 (hãy lưu lại với bảng mã UTF-8).") from None


def read_json(path: Path):
    name = "từ đầu vào chuẩn" if str(path) == "-" else f"“{path}”"
    if str(path) == "-":
        data = sys.stdin.buffer.read()
    else:
        if path.is_dir():
            raise InputError(f"{name} là một thư mục, không phải tệp JSON.")
        if not path.exists():
            raise InputError(f"Không có tệp {name}.")
        if path.stat().st_size > MAX_BYTES:
            raise InputError(f"Tệp {name} quá lớn ({path.stat().st_size // 1_048_576} MB).")
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise InputError(f"Không đọc được tệp {name}: {exc.strerror}.") from None
    text = _decode(data, name)
    if not text.strip():
        raise InputError(f"Tệp {name} trống: cần một đối tượng JSON hoặc một danh sách.")
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"Tệp {name} không phải JSON hợp lệ: dòng {exc.lineno}, cột {exc.colno}.") from None


def items_of(value) -> list:
    """The list of entries: one object or a list of objects."""
    items = value if isinstance(value, list) else [value]
    if not items:
        raise InputError("Danh sách trống: không có văn bản nào để đăng ký.")
    return items


def entry_object(item, index: int) -> dict:
    if not isinstance(item, dict):
        kind = {type(None): "null", list: "một danh sách", str: "một chuỗi"}.get(type(item), "một giá trị")
        raise InputError(f"Mục {index + 1} là {kind}; mỗi văn bản phải là một đối tượng JSON {{…}}.")
    return item
