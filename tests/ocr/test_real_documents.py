"""The real Tesseract on pages of the real set (../shared/ocr-real-dev): a clean scan, a
born-digital e-signed PDF, a file with bytes before "%PDF", a handwritten day that must not
be marked confident, and the same clean page as a 700-pixel picture."""

import pytest
from PIL import Image

from app.intake.ocr import CONFIDENT, load, read_header

from tests.ocr.real_set import REAL, needs_real_set, truth

pytestmark = needs_real_set


def test_clean_scan():
    h = read_header(REAL / "docs" / "d054.pdf")
    t = truth("d054")
    assert h.source == "ocr"
    assert (h.issuer.value, h.number_symbol.value, h.date.value, h.doc_type.value) == \
        (t["org"], t["number_symbol"], t["date"], t["doc_type"])


def test_born_digital_signed_pdf_read_from_its_text():
    h = read_header(REAL / "docs" / "d038.pdf")
    t = truth("d038")
    assert h.source == "text"
    assert h.number_symbol.value == t["number_symbol"] and h.date.value == t["date"]
    assert h.summary.value == t["summary"]
    assert h.issuer.value == f"{t['org_parent']} - {t['org']}"
    assert len(h.signatures) == 7 and all(s.intact for s in h.signatures)
    assert h.signatures[-1].signer == "Sở Tài chính" and h.issuer.confidence >= 0.95
    assert "Chữ ký số: Sở Tài chính, 12/01/2021" in h.issuer.note


def test_bytes_before_the_pdf_header_and_handwritten_day_never_confident():
    assert load.sniff(REAL / "docs" / "d060.pdf") == "pdf"
    h = read_header(REAL / "docs" / "d006.pdf")  # day 01 handwritten, read as 04 by Tesseract
    assert h.date.value == truth("d006")["date"] or h.date.confidence < CONFIDENT


def test_small_picture_is_enlarged_and_read(tmp_path):
    page = next(load.iter_pages(REAL / "docs" / "d054.pdf")).convert("L")
    small = page.resize((700, round(page.height * 700 / page.width)), Image.Resampling.LANCZOS)
    small.save(tmp_path / "small.jpg", quality=80)
    h = read_header(tmp_path / "small.jpg")
    t = truth("d054")
    assert (h.number_symbol.value, h.date.value, h.doc_type.value) == (t["number_symbol"], t["date"], t["doc_type"])


def test_a_small_picture_whose_superior_body_reads_as_one_word(tmp_path):
    # d062 as an 800-pixel JPEG: "UBND TỈNH KHÁNH HÒA" comes back as "UBNDTỈNHKHÁNHHÒA".
    page = next(load.iter_pages(REAL / "docs" / "d062.pdf")).convert("RGB")
    small = page.resize((800, round(page.height * 800 / page.width)))
    small.save(tmp_path / "small.jpg", quality=70)
    h = read_header(tmp_path / "small.jpg")
    t = truth("d062")
    assert h.issuer.value == f"{t['org_parent']} - {t['org']}"
    assert h.issuer.confidence < CONFIDENT  # parted by the built-in names: to be checked


def test_a_department_line_is_not_taken_for_the_number_line(tmp_path):
    # d059 as an 800-pixel JPEG: "SỞ LAO ĐỘNG - THƯƠNG BINH" begins like "Số" and has a dash;
    # taken for the number line, the superior alone was shown as the issuer, marked confident.
    page = next(load.iter_pages(REAL / "docs" / "d059.pdf")).convert("RGB")
    page.resize((800, round(page.height * 800 / page.width))).save(tmp_path / "small.jpg", quality=70)
    h = read_header(tmp_path / "small.jpg")
    assert h.issuer.value.startswith("UBND TỈNH QUẢNG BÌNH - SỞ LAO") and h.issuer.confidence < CONFIDENT
