"""Small per-store caches of rarely changed settings (policies per level, the independent-LAN
record), read on every registration otherwise. Kept 30 seconds; a change made in this process
clears them at once, one made by another process (the CLI beside the window) is seen within
the 30 seconds."""
from __future__ import annotations

import time
from typing import Callable

TTL_S = 30.0
_values: dict[tuple[str, str], tuple[float, object]] = {}


def get(session, name: str, load: Callable[[], object]):
    key = (session.get_bind().url, name)  # the file: read and write engines share the URL
    hit = _values.get(key)
    now = time.monotonic()
    if hit is not None and now - hit[0] < TTL_S:
        return hit[1]
    value = load()
    _values[key] = (now, value)
    return value


def clear(session) -> None:
    store = session.get_bind().url
    for key in [k for k in _values if k[0] == store]:
        del _values[key]
