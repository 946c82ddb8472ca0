"""Realistic synthetic rows for the benchmark, the tests and a print-preview demo.

Deterministic (seeded) so that page counts are reproducible between runs.
"""
from __future__ import annotations

import datetime as dt
import random
from typing import Iterator

from .books import BookTemplate
from .model import Row

ISSUERS = [
    "Ủy ban nhân dân tỉnh Thừa Thiên Huế", "Văn phòng Chính phủ", "Bộ Nội vụ",
    "Sở Tài chính", "Sở Kế hoạch và Đầu tư", "Ban Tổ chức Tỉnh ủy", "Bộ Giáo dục và Đào tạo",
    "Công an tỉnh", "Sở Tài nguyên và Môi trường", "Văn phòng Trung ương Đảng",
]
SYMBOLS = ["QĐ-UBND", "CV-VPTW", "KH-UBND", "TB-VPCP", "BC-STC", "HD-BTCTU", "TTr-SKHĐT"]
SUMMARIES = [
    "Quyết định về việc phê duyệt kế hoạch đào tạo, bồi dưỡng năm 2026",
    "Công văn về việc tăng cường công tác phòng, chống thiên tai, tìm kiếm cứu nạn "
    "trong mùa mưa bão",
    "Kế hoạch triển khai thực hiện Nghị quyết của Ban Chấp hành Trung ương về đẩy mạnh "
    "chuyển đổi số, xây dựng chính quyền điện tử và đô thị thông minh giai đoạn 2026 - 2030",
    "Thông báo kết luận của Chủ tịch Ủy ban nhân dân tỉnh tại cuộc họp giao ban",
    "Báo cáo tình hình thực hiện nhiệm vụ phát triển kinh tế - xã hội quý I",
    "Hướng dẫn công tác văn thư, lưu trữ trong các cơ quan, tổ chức đảng",
    "Tờ trình đề nghị bố trí kinh phí sửa chữa trụ sở làm việc",
]
RECEIVERS = ["Phòng Tổng hợp", "Đ/c Nguyễn Văn Hùng, Phó Chánh Văn phòng", "Phòng Hành chính - Tổ chức",
             "Phòng Kinh tế", "Đ/c Trần Thị Thu Hà", "Lãnh đạo Văn phòng"]
LEVELS = ["Mật", "Tối mật", "Mật", "Tuyệt mật"]


def _d(day: dt.date) -> str:
    return day.strftime("%d/%m/%Y")


def sample_rows(book: BookTemplate, n: int, *, seed: int = 30, void_every: int = 0,
                start: int = 1) -> Iterator[Row]:
    """n rows shaped for book (cells in its column order), lazily.  Every void_every-th number
    is voided when void_every > 0."""
    rnd = random.Random(seed)
    day0 = dt.date(2026, 1, 2)
    for i in range(n):
        num = start + i
        day = day0 + dt.timedelta(days=i * 360 // max(n, 1))
        if void_every and num % void_every == 0:
            cells = _cells(book, rnd, num, day)
            yield Row(cells, voided=True, void_reason="cấp trùng, văn bản đã đăng ký ở số trước")
            continue
        yield Row(_cells(book, rnd, num, day))


def _cells(book: BookTemplate, rnd: random.Random, num: int, day: dt.date) -> tuple[str, ...]:
    issuer = rnd.choice(ISSUERS)
    symbol = f"{rnd.randint(1, 4999)}/{rnd.choice(SYMBOLS)}"
    doc_day = _d(day - dt.timedelta(days=rnd.randint(0, 5)))
    summary = rnd.choice(SUMMARIES)
    recv = rnd.choice(RECEIVERS)
    level = rnd.choice(LEVELS)
    note = rnd.choice(["", "", "", "Hỏa tốc", "Bản chụp", "Có phụ lục kèm theo"])
    by_key = {
        "incoming": (_d(day), str(num), issuer, symbol, doc_day, summary, recv, _d(day), "", note),
        "outgoing": (f"{num:02d}/{rnd.choice(SYMBOLS)}", _d(day), summary,
                     "Nguyễn Văn An", issuer, "Phòng Tổng hợp; Lưu VT", str(rnd.randint(1, 12)),
                     _d(day), "", note),
        "tracking": (str(num), f"{symbol} ngày {doc_day} của {issuer}", recv,
                     _d(day + dt.timedelta(days=7)), rnd.choice(["Đang giải quyết", "Đã xong", ""]),
                     "", note),
        "secret_incoming": (str(num), _d(day), issuer, symbol, doc_day, summary, level, recv, "",
                            note),
        "secret_outgoing": (str(num), _d(day), f"{num:02d}/{rnd.choice(SYMBOLS)}", summary, level,
                            "Nguyễn Văn An", issuer, "Phòng Tổng hợp, 02 bản", note),
    }
    cells = by_key[book.key]
    assert len(cells) == book.width
    return cells
