"""Column templates of the printed registers, kept as data.

Titles are copied verbatim from the legal templates (domain.md §1.1, §1.4, §2.1) because the
printed book is the legal register and must carry exactly those headings.  The two secret books
follow the reconstruction in domain.md §3.4 (TT 24/2020 mẫu 14/15); their exact column lists are
unconfirmed, which is why templates are data and a newer template can be dropped in.

Width weights are relative: the builder scales them to the printable width of the chosen paper,
so the same template serves A4 and A3.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Column:
    title: str
    weight: float
    align: str = "L"  # "C" for short codes (dates, numbers) so the columns read as a grid
    # A sample the column must hold on one line whatever the paper and font size: a date
    # dd/mm/yyyy must never wrap inside itself ("16/01/202" + "6").  The builder widens such a
    # column at the expense of the text columns when the weights alone leave it too narrow.
    fit: str = ""


@dataclass(frozen=True)
class BookTemplate:
    key: str
    title: str
    columns: tuple[Column, ...]
    secret: bool = False
    has_number_range: bool = True
    # Index of the column holding the register number: a voided line keeps the cells up to and
    # including it and spans the rest with the voiding note, so the number stays readable.
    number_col: int = 0

    @property
    def column_titles(self) -> tuple[str, ...]:
        return tuple(c.title for c in self.columns)

    @property
    def width(self) -> int:
        return len(self.columns)


_CENTRED = ("Ngày", "Số đến", "Số thứ tự", "Số lượng", "Độ mật", "Thời hạn")
_DATES = ("Ngày", "Thời hạn")
DATE_SAMPLE = "00/00/0000"  # Liberation Serif digits share one width, so this is the widest date


def _cols(*pairs: tuple[str, float]) -> tuple[Column, ...]:
    # Dates, sequence numbers and levels are short codes; centring them is how the paper
    # registers are ruled.  Everything else is running text and stays left-aligned.
    return tuple(Column(t, w, "C" if t.startswith(_CENTRED) else "L",
                        DATE_SAMPLE if t.startswith(_DATES) else "") for t, w in pairs)


INCOMING = BookTemplate(
    key="incoming",
    title="SỔ ĐĂNG KÝ VĂN BẢN ĐẾN",
    columns=_cols(
        ("Ngày đến", 8),
        ("Số đến", 6),
        ("Tác giả", 12),
        ("Số, ký hiệu văn bản", 12),
        ("Ngày tháng văn bản", 8),
        ("Tên loại và trích yếu nội dung văn bản", 28),
        ("Đơn vị hoặc người nhận", 12),
        ("Ngày chuyển", 8),
        ("Ký nhận", 7),
        ("Ghi chú", 9),
    ),
    number_col=1,
)

OUTGOING = BookTemplate(
    key="outgoing",
    title="SỔ ĐĂNG KÝ VĂN BẢN ĐI",
    columns=_cols(
        ("Số, ký hiệu văn bản", 11),
        ("Ngày tháng văn bản", 8),
        ("Tên loại và trích yếu nội dung văn bản", 28),
        ("Người ký", 11),
        ("Nơi nhận văn bản", 14),
        ("Đơn vị, người nhận bản lưu", 11),
        ("Số lượng bản", 6),
        ("Ngày chuyển", 8),
        ("Ký nhận", 7),
        ("Ghi chú", 9),
    ),
    number_col=0,
)

TRACKING = BookTemplate(
    key="tracking",
    title="SỔ THEO DÕI GIẢI QUYẾT VĂN BẢN ĐẾN",
    columns=_cols(
        ("Số đến", 6),
        ("Tên loại, số, ký hiệu, ngày, tháng và tên cơ quan, tổ chức ban hành văn bản", 32),
        ("Đơn vị hoặc người nhận", 14),
        ("Thời hạn giải quyết", 9),
        ("Tiến độ giải quyết", 16),
        ("Số, ký hiệu văn bản trả lời", 12),
        ("Ghi chú", 11),
    ),
    # NĐ 30 Phụ lục IV mục VIII: this cover has no "Từ số … đến số …" line.
    has_number_range=False,
    number_col=0,
)

SECRET_INCOMING = BookTemplate(
    key="secret_incoming",
    title="SỔ ĐĂNG KÝ VĂN BẢN MẬT ĐẾN",
    columns=_cols(
        ("Số đến", 6),
        ("Ngày đến", 8),
        ("Cơ quan ban hành", 13),
        ("Số, ký hiệu", 11),
        ("Ngày văn bản", 8),
        ("Tên loại và trích yếu nội dung", 27),
        ("Độ mật", 6),
        ("Đơn vị, người nhận", 12),
        ("Ký nhận", 8),
        ("Ghi chú", 9),
    ),
    secret=True,
    number_col=0,
)

SECRET_OUTGOING = BookTemplate(
    key="secret_outgoing",
    title="SỔ ĐĂNG KÝ VĂN BẢN MẬT ĐI",
    columns=_cols(
        ("Số thứ tự", 5),
        ("Ngày, tháng, năm", 8),
        ("Số, ký hiệu", 11),
        ("Tên loại và trích yếu nội dung", 28),
        ("Độ mật", 6),
        ("Người ký", 11),
        ("Nơi nhận", 14),
        ("Đơn vị, người nhận bản lưu, số lượng bản", 13),
        ("Ghi chú", 12),
    ),
    secret=True,
    number_col=0,
)

BOOKS: dict[str, BookTemplate] = {
    b.key: b for b in (INCOMING, OUTGOING, TRACKING, SECRET_INCOMING, SECRET_OUTGOING)
}


def get_book(key: str) -> BookTemplate:
    """Look a template up by key, with a domain error (not KeyError) for the CLI/UI to show."""
    from .model import PrintError

    try:
        return BOOKS[key]
    except KeyError:
        known = ", ".join(sorted(BOOKS))
        raise PrintError(f"Không có sổ '{key}'. Các sổ: {known}") from None
