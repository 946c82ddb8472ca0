"""One lock for every call into PDFium (pypdfium2). PDFium is not thread-safe, not even across
documents: two calls at once from two threads corrupt the process's heap (pypdfium2's own
documentation says so), and the intake reads two files at a time on two workers. Each use
takes the lock for its calls and frees what it made (pages, text pages, bitmaps) before
letting go, so no finaliser calls into PDFium later from whatever thread collects it."""
from __future__ import annotations

import threading

LOCK = threading.RLock()


def image_of(bitmap):
    """A rendered bitmap as a PIL image that owns its pixels, the bitmap freed (under LOCK)."""
    try:
        image = bitmap.to_pil()
        # PIL shares the bitmap's memory for L, RGBA and RGBX; other formats it copies.
        return image.copy() if image.mode in ("L", "RGBA", "RGBX") else image
    finally:
        bitmap.close()
