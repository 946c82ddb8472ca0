"""What every command group shares: JSON output and the book names."""
from __future__ import annotations

import json
import sys

BOOK_KEYS = ("incoming", "outgoing", "secret_incoming", "secret_outgoing")


def out(obj) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")


def log_unexpected(exc: BaseException) -> str:
    """Writes the traceback of a bug to the log file (never to the user's screen); its path."""
    import tempfile
    import traceback
    from pathlib import Path

    log = Path(tempfile.gettempdir()) / "vanthu-loi.log"
    try:
        with log.open("a", encoding="utf-8") as f:
            # Frames and the error's type only: its message may quote a document's content.
            f.write(f"{type(exc).__module__}.{type(exc).__qualname__}\n"
                    + "".join(traceback.format_tb(exc.__traceback__)) + "\n")
    except OSError:
        return "(không ghi được nhật ký)"
    return str(log)
