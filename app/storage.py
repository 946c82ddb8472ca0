"""What a storage fault means to the clerk: SQLite's and the file system's errors turned into
Vietnamese messages that say what is wrong and what to do."""
from __future__ import annotations

import errno

from app.errors import DomainError

LOCKED = ("Cơ sở dữ liệu đang bị một chương trình khác khóa ghi; đã chờ mà chưa được. "
          "Không có gì được ghi. Hãy đóng chương trình kia (hoặc chờ) rồi làm lại.")
FULL = "Ổ đĩa đã đầy: không ghi được. Hãy giải phóng dung lượng rồi làm lại; dữ liệu đã có vẫn nguyên."
READ_ONLY = ("Cơ sở dữ liệu hoặc thư mục dữ liệu chỉ đọc (không có quyền ghi): không ghi được. "
             "Hãy cấp quyền ghi cho thư mục dữ liệu rồi làm lại.")
CORRUPT = ("Tệp cơ sở dữ liệu bị hỏng hoặc không phải cơ sở dữ liệu của chương trình. Tệp được giữ "
           "nguyên; hãy khôi phục từ bản sao lưu gần nhất.")
CANT_OPEN = "Không mở được tệp cơ sở dữ liệu (thư mục không tồn tại hoặc không có quyền)."


class StorageError(DomainError):
    pass


def explain(exc: BaseException) -> str:
    """A Vietnamese message for any error met while reading or writing the store."""
    if isinstance(exc, DomainError):
        return exc.message
    text = str(getattr(exc, "orig", None) or exc).lower()
    code = getattr(exc, "errno", None)
    if "locked" in text or "busy" in text:
        return LOCKED
    if "disk is full" in text or "disk full" in text or code == errno.ENOSPC:
        return FULL
    if "readonly" in text or "read-only" in text or code in (errno.EROFS, errno.EACCES, errno.EPERM):
        return READ_ONLY
    if "not a database" in text or "malformed" in text or "encrypted" in text:
        return CORRUPT
    if "unable to open" in text:
        return CANT_OPEN
    if isinstance(exc, OSError):
        where = f" “{exc.filename}”" if getattr(exc, "filename", None) else ""
        what = {errno.ENOENT: "không còn tệp hoặc thư mục (đã bị chuyển hoặc xóa)",
                errno.EISDIR: "đây là thư mục, không phải tệp",
                errno.ENOTDIR: "đường dẫn không phải thư mục",
                errno.EEXIST: "tệp đã có"}.get(code, "không đọc/ghi được")
        return f"Lỗi tệp{where}: {what}."
    return "Lỗi không mong đợi khi đọc/ghi dữ liệu."


def is_storage_error(exc: BaseException) -> bool:
    from sqlalchemy.exc import DBAPIError

    import sqlite3
    return isinstance(exc, (DBAPIError, sqlite3.Error, OSError))
