"""Phiếu giải quyết văn bản đến (NĐ 30 Phụ lục IV mục VII) for one incoming entry."""
from __future__ import annotations

import datetime as dt

import pytest
from pypdf import PdfReader

from app.printing.phieu import BLOCKS, PhieuGiaiQuyet, build_phieu_giai_quyet

from .conftest import flat, pages_text, words_with_boxes

SUMMARY = "Quyết định về việc phê duyệt kế hoạch đào tạo, bồi dưỡng năm 2026"
ISSUER = "Ủy ban nhân dân tỉnh Thừa Thiên Huế"


def record(**kw) -> PhieuGiaiQuyet:
    base = dict(parent_org="UBND tỉnh Thừa Thiên Huế", org_name="Sở Nội vụ", regime="state",
                place="Huế", number=1234, received_at=dt.datetime(2026, 1, 16, 8, 30),
                doc_type="Quyết định", number_symbol="123/QĐ-UBND", doc_date=dt.date(2026, 1, 15),
                issuer=ISSUER, summary=SUMMARY, issued_on=dt.date(2026, 1, 16))
    base.update(kw)
    return PhieuGiaiQuyet(**base)


def text_of(path) -> str:
    pages = pages_text(path)
    assert len(pages) == 1
    return flat(pages[0])


def test_state_phieu_has_header_title_subtitle_and_three_blocks(tmp_path):
    r = build_phieu_giai_quyet(record(), tmp_path / "p.pdf")
    assert r.pages == 1 and len(PdfReader(tmp_path / "p.pdf").pages) == 1
    box = PdfReader(tmp_path / "p.pdf").pages[0].mediabox
    assert float(box.width) == pytest.approx(595.3, abs=0.5)  # A4 portrait
    text = text_of(tmp_path / "p.pdf")
    for words in ("UBND TỈNH THỪA THIÊN HUẾ", "SỞ NỘI VỤ",
                  "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                  "Huế, ngày 16 tháng 01 năm 2026", "PHIẾU GIẢI QUYẾT VĂN BẢN ĐẾN",
                  f"Quyết định số 123/QĐ-UBND ngày 15/01/2026 của {ISSUER}", SUMMARY,
                  "Số đến: 1234"):
        assert words in text
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" not in text
    headings = [h for h, _ in BLOCKS]
    assert headings == ["1. Ý kiến của lãnh đạo cơ quan, tổ chức:",
                        "2. Ý kiến của lãnh đạo đơn vị:",
                        "3. Ý kiến đề xuất của người giải quyết:"]
    positions = [text.index(h) for h in headings]
    assert positions == sorted(positions) and positions[0] > text.index(SUMMARY)
    for label in ("Giao đơn vị, cá nhân chủ trì:", "Đơn vị, cá nhân phối hợp:",
                  "Thời hạn giải quyết đối với từng đơn vị, cá nhân", "Giao cho cá nhân:",
                  "Thời hạn giải quyết đối với cá nhân"):
        assert label in text
    assert text.count("Ngày …… tháng …… năm ……") == 3  # each block is dated
    # the writing lines are drawn (dotted rules), not typed dots that would pollute the text
    assert text.count("…") == 3 * 6


def test_party_phieu_uses_the_party_title(tmp_path):
    build_phieu_giai_quyet(record(regime="party", parent_org="Tỉnh ủy Thừa Thiên Huế",
                                  org_name="Văn phòng Tỉnh ủy"), tmp_path / "p.pdf")
    text = text_of(tmp_path / "p.pdf")
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in text and "CỘNG HÒA" not in text
    assert "TỈNH ỦY THỪA THIÊN HUẾ" in text and "*" in text
    assert "PHIẾU GIẢI QUYẾT VĂN BẢN ĐẾN" in text


def test_missing_fields_leave_blanks_to_fill(tmp_path):
    build_phieu_giai_quyet(PhieuGiaiQuyet(org_name="Sở Nội vụ"), tmp_path / "p.pdf")
    text = text_of(tmp_path / "p.pdf")
    assert "……………, ngày …… tháng …… năm ……" in text
    assert "Văn bản số …………… ngày …………… của ……………" in text


def test_secret_phieu_is_marked_top_and_bottom(tmp_path):
    build_phieu_giai_quyet(record(secrecy="Mật"), tmp_path / "p.pdf")
    marks = [(y0, y1) for w, y0, y1 in words_with_boxes(tmp_path / "p.pdf", 1) if w == "MẬT"]
    assert any(y1 < 50 for _, y1 in marks) and any(y0 > 792 for y0, _ in marks)


def test_a_very_long_summary_still_fits_one_page(tmp_path):
    long = "Kế hoạch " + " ".join(["triển khai thực hiện chuyển đổi số"] * 40)
    r = build_phieu_giai_quyet(record(summary=long), tmp_path / "p.pdf")
    assert r.pages == 1
    text = text_of(tmp_path / "p.pdf")
    assert "3. Ý kiến đề xuất của người giải quyết:" in text


def test_print_phieu_from_the_register(state_store, tmp_path):
    from app import demo
    from app.printing.service import print_phieu
    from app.registers import query
    from ui.print.phieu_source import build_phieu  # what the window's menu entry calls

    with state_store.Session.begin() as s:
        demo.fill(s, incoming=5, outgoing=0, year=2026)
    with state_store.ReadSession() as s:
        entry_id = query.ids(s, query.Filter("incoming", year=2026, sort="number",
                                             descending=False))[0]
        entry = query.rows(s, [entry_id])[0]
        r = print_phieu(s, entry_id, tmp_path / "a.pdf", on=dt.date(2026, 3, 2))
        assert build_phieu(s, entry_id, tmp_path / "b.pdf") == 1
    assert r.pages == 1
    text = text_of(tmp_path / "a.pdf")
    assert "SỞ NỘI VỤ" in text and "Thanh Hóa, ngày 02 tháng 03 năm 2026" in text
    assert entry.number_symbol in text and entry.issuer in text
    assert flat(entry.summary) in text
    assert f"Số đến: {entry.number}" in text
    assert "PHIẾU GIẢI QUYẾT VĂN BẢN ĐẾN" in text_of(tmp_path / "b.pdf")
