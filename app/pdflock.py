"""One lock for every call into PDFium (pypdfium2). PDFium is not thread-safe, not even across
documents: two calls at once from two threads corrupt the process's heap (pypdfium2's own
documentation says so), and the intake reads two files at a time on two workers. Each use
takes the lock for its calls and frees what it made (pages, text pages, bitmaps) before
letting go, so no finaliser calls into PDFium later from whatever thread collects it."""
from __future__ import annotations

import threading
from contextlib import contextmanager

LOCK = threading.RLock()


@contextmanager
def document(path):
    """A PDF opened and closed holding LOCK, which is held all the while it is open."""
    import pypdfium2 as pdfium

    with LOCK:
        doc = pdfium.PdfDocument(str(path))
        try:
            yield doc
        finally:
            doc.close()


def each_page(doc):
    """The pages of a `document`, each closed once the loop moves on."""
    for i in range(len(doc)):
        page = doc[i]
        try:
            yield page
        finally:
            page.close()


def image_of(bitmap):
    """A rendered bitmap as a PIL image that owns its pixels, the bitmap freed (under LOCK)."""
    try:
        image = bitmap.to_pil()
        # PIL shares the bitmap's memory for L, RGBA and RGBX; other formats it copies.
        return image.copy() if image.mode in ("L", "RGBA", "RGBX") else image
    finally:
        bitmap.close()
