"""The secret capability's printed forms (TT 24/2020): Sổ chuyển giao (mẫu 16), Sổ quản lý sao,
chụp (mẫu 12), Thống kê (mẫu 18), and the recall, declassification and destruction lists and
minutes. Column lists follow domain.md §3.4 (unconfirmed there, hence data, like the books).

Every page carries the secrecy mark; the closing page carries the audit chain's head, which a
signature on paper then anchors."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from .books import BookTemplate, Column, _cols
from .model import BookHeader, PrintError, PrintResult, Row
from .output import Target

TRANSFER = BookTemplate(
    key="secret-transfer", title="SỔ CHUYỂN GIAO VĂN BẢN MẬT", secret=True, number_col=0,
    columns=_cols(("Số thứ tự", 5), ("Ngày chuyển", 8), ("Số, ký hiệu văn bản", 12),
                  ("Trích yếu nội dung", 24), ("Độ mật", 6), ("Số lượng bản", 5),
                  ("Đơn vị, người nhận", 15), ("Ký nhận", 10), ("Ghi chú", 11)))
COPIES = BookTemplate(
    key="secret-copies", title="SỔ QUẢN LÝ SAO, CHỤP VĂN BẢN MẬT", secret=True, number_col=0,
    columns=_cols(("Số thứ tự", 5), ("Ngày sao, chụp", 8), ("Số, ký hiệu và trích yếu văn bản", 22),
                  ("Độ mật", 6), ("Hình thức", 7), ("Số lượng bản, bản sao số", 8),
                  ("Người cho phép", 12), ("Người thực hiện", 10), ("Người nhận, ký nhận", 12),
                  ("Ghi chú", 9)))
STATS = BookTemplate(
    key="secret-stats", title="THỐNG KÊ VĂN BẢN MẬT", secret=True, number_col=0,
    has_number_range=False,
    columns=_cols(("Số thứ tự", 5), ("Loại", 20)) + tuple(
        Column(t, 10, "C") for t in ("Tuyệt mật", "Tối mật", "Mật", "Tổng số")) + _cols(("Ghi chú", 15)))
RECALL = BookTemplate(
    key="secret-recall", title="BIÊN BẢN THU HỒI TÀI LIỆU MẬT", secret=True, number_col=0,
    has_number_range=False,
    columns=_cols(("Số thứ tự", 5), ("Số, ký hiệu văn bản", 13), ("Trích yếu nội dung", 26),
                  ("Độ mật", 6), ("Ngày giao", 8), ("Số lượng bản", 5), ("Ngày trả", 8),
                  ("Tình trạng", 14)))
DECLASSIFIED = BookTemplate(
    key="secret-declassified", title="DANH MỤC TÀI LIỆU GIẢI MẬT", secret=True, number_col=0,
    has_number_range=False,
    columns=_cols(("Số thứ tự", 5), ("Số, ký hiệu văn bản", 13), ("Trích yếu nội dung", 26),
                  ("Độ mật trước khi giải mật", 8), ("Quyết định giải mật", 14),
                  ("Ngày quyết định", 8), ("Người quyết định", 12)))
DESTROY = BookTemplate(
    key="secret-destroy", title="DANH SÁCH TÀI LIỆU ĐỀ NGHỊ TIÊU HỦY", secret=True, number_col=0,
    has_number_range=False,
    columns=_cols(("Số thứ tự", 5), ("Số, ký hiệu văn bản", 13), ("Ngày văn bản", 8),
                  ("Trích yếu nội dung", 28), ("Độ mật", 6), ("Số lượng bản", 5),
                  ("Lý do tiêu hủy", 14)))
FORMS = {t.key: t for t in (TRANSFER, COPIES, STATS, RECALL, DECLASSIFIED, DESTROY)}


@dataclass(frozen=True)
class Opening:
    """What the first page says: a book's cover lines, or a minutes' preamble."""
    title: str
    lines: tuple[str, ...]


@dataclass(frozen=True)
class Closing:
    statement: tuple[str, ...]
    signers: tuple[tuple[str, str], ...]  # (role in caps, how: "(Ký, ghi rõ họ tên)")
    chain_head: str


def build_form(form: BookTemplate, header: BookHeader, opening: Opening, rows: Iterable[Row],
               closing: Closing, out: Target, *, pagesize: str = "A4") -> PrintResult:
    from reportlab.pdfgen.canvas import Canvas

    from .build import _binary_streams, write_rows
    from .decor import define_total
    from .fonts import register_fonts
    from .layout import geometry
    from .output import atomic_target
    from .pages import furniture
    from .secret_pages import draw_end, draw_opening

    if not (header.secrecy_mark or "").strip():
        raise PrintError(f"'{form.title}' là tài liệu mật: phải có độ mật trên mọi trang.")
    register_fonts()
    g = geometry(form, pagesize, True, None)
    with atomic_target(out) as (fh, path), _binary_streams():
        c = Canvas(fh, pagesize=(g.width, g.height), pageCompression=1, initialFontName="VTSerif")
        c.setTitle(f"{opening.title} — {header.org_name}")
        c.setCreator("vanthu")
        draw_opening(c, g, header, opening)
        furniture(c, g, header, 1)
        c.showPage()
        w, total = write_rows(c, g, form, header, rows)
        draw_end(c, g, header, closing)
        furniture(c, g, header, total)
        c.showPage()
        define_total(c, total)
        c.save()
    return PrintResult(pages=total, entries=w.entries, path=path, voided=w.voided)
