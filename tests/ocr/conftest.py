"""Pages drawn with the evaluation set's renderer (benchmarks/ocr_set/render.py), small enough
for the real Tesseract to read a handful of them in a few seconds."""
import random
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks" / "ocr_set"))

BODY = [
    "Căn cứ Quyết định số 105/QĐ-UBND ngày 06/07/2019 của Ủy ban nhân dân tỉnh về việc ban hành "
    "Quy chế công tác văn thư; đề nghị các đơn vị khẩn trương triển khai thực hiện.",
    "Các đơn vị có trách nhiệm bảo mật thông tin, tài liệu theo quy định; báo cáo trước ngày "
    "30 tháng 6 năm 2021.",
]


def state_doc(**kw):
    from render import Doc

    values = dict(regime="state", parent="UBND TỈNH THANH HÓA", issuer_lines=["SỞ NỘI VỤ"],
                  number_line="Số: 123/QĐ-SNV", symbol_tail="/QĐ-SNV",
                  date_line="Thanh Hóa, ngày 05 tháng 3 năm 2024", type_line="QUYẾT ĐỊNH",
                  summary_lines=["Về việc phê duyệt kế hoạch đào tạo, bồi dưỡng"], vv_lines=[],
                  secrecy="", urgency="", body=BODY, sign=("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"),
                  signer="Nguyễn Văn Hùng")
    values.update(kw)
    return Doc(**values)


def party_doc(**kw):
    values = dict(regime="party", parent="TỈNH ỦY NGHỆ AN", issuer_lines=["BAN TỔ CHỨC"],
                  number_line="Số 1881-CV/BTCTU", symbol_tail="-CV/BTCTU",
                  date_line="Nghệ An, ngày 03 tháng 02 năm 2023", type_line="",
                  summary_lines=[], vv_lines=["V/v cử cán bộ tham gia lớp bồi dưỡng"],
                  sign=("T/L BAN THƯỜNG VỤ", "TRƯỞNG BAN"))
    values.update(kw)
    return state_doc(**values)


@pytest.fixture
def page(tmp_path):
    """page(doc, name='p.png', dpi=200, turn=0) -> path of the drawn page(s); a .jpg is kept in
    colour, as a colour scan; other images are saved gray."""
    from render import render

    def make(doc, name="p.png", dpi=200, turn=0):
        pages = render(doc, dpi, random.Random(1))
        if turn:
            pages = [p.rotate(turn, expand=True) for p in pages]
        path = tmp_path / name
        if name.endswith(".pdf"):
            pages[0].save(path, save_all=True, append_images=pages[1:], resolution=dpi)
        elif name.endswith(".jpg"):
            pages[0].convert("RGB").save(path, quality=75, dpi=(dpi, dpi))
        else:
            pages[0].convert("L").save(path, dpi=(dpi, dpi))
        return path

    return make
