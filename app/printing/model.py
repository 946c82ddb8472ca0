"""Input/output records and errors of the printing layer.

Everything is plain data so the database layer can build it and tests can fabricate it; the
printing code never reaches into the database.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Union


class PrintError(Exception):
    """A printing request that cannot be honoured (message is Vietnamese, shown to the clerk)."""


class PrintCancelled(PrintError):
    """The user cancelled; the target file was left untouched."""


Number = Union[int, str, None]


@dataclass(frozen=True)
class BookHeader:
    parent_org: str          # TÊN CƠ QUAN CHỦ QUẢN TRỰC TIẾP
    org_name: str            # TÊN CƠ QUAN/ĐƠN VỊ
    year: int | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    number_from: Number = None
    number_to: Number = None
    volume: int | None = None  # Quyển số; the caller continues it from earlier prints
    secrecy_mark: str | None = None  # e.g. "MẬT", "TỐI MẬT"; required for secret books
    place: str = ""          # địa danh for the closing date line, e.g. "Huế"
    chain_head: str = ""     # the audit chain's head when printed: the paper anchors the log


@dataclass(frozen=True)
class Row:
    cells: tuple[str, ...]
    voided: bool = False
    void_reason: str = ""


@dataclass(frozen=True)
class PrintResult:
    pages: int
    entries: int             # lines printed, voided numbers included
    path: Path | None        # None when the caller passed a file object
    voided: int = 0
    volume: int | None = None  # Quyển số printed on the cover (books only)
    year: int | None = None    # the year the volume belongs to (books only)


def fmt_date(d: dt.date | None) -> str:
    # Dotted blanks are what the paper template shows for a field left to be filled by hand.
    return d.strftime("%d/%m/%Y") if d else "……………"


def fmt_value(v: object) -> str:
    return "……………" if v is None or v == "" else str(v)
