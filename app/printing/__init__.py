"""Printing of the legal registers and the Phiếu giải quyết to PDF (pure data → PDF, no Qt,
no database).  reportlab is imported inside the builders, not here, so importing this package
is cheap for the window's start-up."""
from .books import (BOOKS, INCOMING, OUTGOING, SECRET_INCOMING, SECRET_OUTGOING, TRACKING,
                    BookTemplate, Column, get_book)
from .model import BookHeader, PrintCancelled, PrintError, PrintResult, Row


def __getattr__(name: str):
    # Lazy: the builders pull in reportlab (~0.15 s), which the window should not pay at start.
    if name == "build_book":
        from .build import build_book
        return build_book
    if name == "build_phieu_giai_quyet":
        from .phieu import build_phieu_giai_quyet
        return build_phieu_giai_quyet
    if name == "PhieuGiaiQuyet":
        from .phieu import PhieuGiaiQuyet
        return PhieuGiaiQuyet
    raise AttributeError(name)

__all__ = ["BOOKS", "INCOMING", "OUTGOING", "TRACKING", "SECRET_INCOMING", "SECRET_OUTGOING",
           "BookTemplate", "Column", "get_book", "BookHeader", "Row", "PrintResult",
           "PrintError", "PrintCancelled", "build_book", "build_phieu_giai_quyet", "PhieuGiaiQuyet"]
