"""Opening an old register: .xlsx through openpyxl (read-only, so a 100,000-row sheet streams
in flat memory) or .csv; the sheet and header row picked or found; merged cells filled from
their top-left cell; the file's faults (password, old .xls, locked, damaged) said plainly."""
from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from openpyxl.utils.cell import range_boundaries

from app.errors import DomainError
from app.tracking.headings import guess_field, WEAK

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls, and also an .xlsx saved with a password
HEADER_SCAN = 30


class SheetError(DomainError):
    pass


@dataclass(frozen=True)
class SheetInfo:
    names: tuple[str, ...]
    sheet: str
    header_row: int  # 1-based
    headings: tuple[str, ...]
    total_rows: int | None  # as the file declares it; None when unknown


def _check_file(path: Path) -> bytes:
    try:
        with open(path, "rb") as f:
            head = f.read(8)
    except FileNotFoundError:
        raise SheetError(f"Không tìm thấy tệp “{path}”.") from None
    except PermissionError:
        raise SheetError(f"Không mở được “{path.name}”: tệp đang được mở trong chương trình khác "
                         "(Excel?) hoặc không có quyền đọc. Hãy đóng tệp rồi thử lại.") from None
    suffix = path.suffix.lower()
    if head == OLE_MAGIC:
        if suffix == ".xls":
            raise SheetError(f"“{path.name}” là tệp Excel cũ (.xls): hãy mở trong Excel và lưu lại "
                             "dạng .xlsx (Tệp → Lưu thành → Sổ làm việc Excel), rồi nhập tệp .xlsx.")
        raise SheetError(f"“{path.name}” được đặt mật khẩu: hãy mở trong Excel, bỏ mật khẩu "
                         "(Tệp → Thông tin → Bảo vệ sổ làm việc) và lưu lại, rồi nhập lại.")
    if suffix in (".xls", ".ods", ".xlsb"):
        raise SheetError(f"Dạng tệp {suffix} chưa được hỗ trợ: hãy lưu lại dạng .xlsx hoặc .csv.")
    if suffix not in (".xlsx", ".xlsm", ".csv", ".txt"):
        raise SheetError(f"“{path.name}” không phải tệp .xlsx hoặc .csv.")
    return head


class Sheet:
    """One sheet of the file, read row by row as tuples of cell values."""

    def __init__(self, path: Path | str, sheet: str | None = None):
        self.path = Path(path)
        _check_file(self.path)
        self.is_csv = self.path.suffix.lower() in (".csv", ".txt")
        self._wb = None
        if self.is_csv:
            self.names, self.name = ("CSV",), "CSV"
            self._csv = self._csv_text()
        else:
            import openpyxl

            try:
                self._wb = openpyxl.load_workbook(self.path, read_only=True, data_only=True)
            except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
                raise SheetError(f"“{self.path.name}” hỏng hoặc không phải tệp .xlsx ({exc}).") from None
            self.names = tuple(self._wb.sheetnames)
            if sheet and sheet not in self.names:
                raise SheetError(f"Không có trang tính “{sheet}”; tệp có: {', '.join(self.names)}.")
            self.name = sheet or self._busiest()
            self._ws = self._wb[self.name]
        self._merges = None

    def close(self) -> None:
        if self._wb is not None:
            self._wb.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # -- file kinds ------------------------------------------------------------------------
    def _csv_text(self) -> str:
        raw = self.path.read_bytes()
        for enc in ("utf-8-sig", "cp1258"):
            try:
                return raw.decode(enc)
            except UnicodeDecodeError:
                continue
        raise SheetError(f"“{self.path.name}”: không đọc được bảng mã (cần UTF-8).")

    def _busiest(self) -> str:
        """The sheet to open when none is named: the one with the most rows."""
        def size(name):
            ws = self._wb[name]
            return ws.max_row or 0
        return max(self.names, key=size)

    @property
    def total_rows(self) -> int | None:
        if self.is_csv:
            return self._csv.count("\n") + 1
        return self._ws.max_row

    # -- rows ------------------------------------------------------------------------------
    def rows(self) -> Iterator[tuple[int, tuple]]:
        """(1-based row number, values), merged regions filled with their top-left value."""
        if self.is_csv:
            text = self._csv
            try:
                dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
            except csv.Error:
                dialect = csv.excel
            for i, row in enumerate(csv.reader(io.StringIO(text), dialect), start=1):
                yield i, tuple(v if v.strip() else None for v in row)
            return
        merges = self.merges()
        by_start: dict[int, list] = {}
        for m in merges:
            by_start.setdefault(m[1], []).append(m)
        active: list[list] = []  # [min_col, min_row, max_col, max_row, value]
        for i, row in enumerate(self._ws.iter_rows(values_only=True), start=1):
            if not by_start and not active:
                yield i, row
                continue
            row = list(row)
            for m in by_start.pop(i, ()):
                c0 = m[0] - 1
                active.append([m[0], m[1], m[2], m[3], row[c0] if c0 < len(row) else None])
            for m in active:
                if m[2] > len(row):
                    row.extend([None] * (m[2] - len(row)))
                for c in range(m[0] - 1, m[2]):
                    row[c] = m[4]
            active = [m for m in active if m[3] > i]
            yield i, tuple(row)

    def merges(self) -> list[tuple[int, int, int, int]]:
        """Merged regions (min_col, min_row, max_col, max_row). Read-only openpyxl does not
        report them, so they are picked from the sheet's XML, where they follow the cells."""
        if self._merges is None:
            found = []
            pattern = re.compile(rb"<(?:\w+:)?mergeCell\s+ref=\"([A-Z]+\d+(?::[A-Z]+\d+)?)\"")
            with self._wb._archive.open(self._ws._worksheet_path) as f:
                tail = b""
                while chunk := f.read(1 << 20):
                    buf = tail + chunk
                    found += [m.group(1) for m in pattern.finditer(buf)]
                    cut = buf.rfind(b"<")
                    tail = buf[cut:] if cut >= 0 and b">" not in buf[cut:] else b""
            self._merges = [range_boundaries(r.decode()) for r in dict.fromkeys(found)]
        return self._merges


def find_header(sheet: Sheet) -> tuple[int, tuple[str, ...]]:
    """The row among the first ones whose cells read most like register headings."""
    best, best_row, best_cells = 0, 0, ()
    for i, row in sheet.rows():
        if i > HEADER_SCAN:
            break
        cells = tuple("" if v is None else str(v).strip() for v in row)
        score = len({guess_field(c) or guess_field(c, WEAK) for c in cells} - {""})
        if score > best:
            best, best_row, best_cells = score, i, cells
    if best < 2:
        raise SheetError(f"Trang “{sheet.name}”: không tìm thấy dòng tiêu đề cột (Số đến, Ngày đến, "
                         "Trích yếu…) trong 30 dòng đầu; hãy chọn dòng tiêu đề.")
    return best_row, best_cells


def headings_at(sheet: Sheet, header_row: int) -> tuple[str, ...]:
    for i, row in sheet.rows():
        if i == header_row:
            return tuple("" if v is None else str(v).strip() for v in row)
    raise SheetError(f"Trang “{sheet.name}” không có dòng {header_row}.")


def inspect(path: Path | str, sheet: str | None = None, header_row: int | None = None) -> SheetInfo:
    with Sheet(path, sheet) as sh:
        if header_row:
            row, cells = header_row, headings_at(sh, header_row)
        else:
            row, cells = find_header(sh)
        return SheetInfo(sh.names, sh.name, row, cells, sh.total_rows)
