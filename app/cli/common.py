"""What every command group shares: JSON output and the book names."""
from __future__ import annotations

import json
import sys

BOOK_KEYS = ("incoming", "outgoing", "secret_incoming", "secret_outgoing")


def out(obj) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")
