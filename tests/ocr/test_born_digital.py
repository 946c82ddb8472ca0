"""A born-digital PDF (made here with reportlab) is read from its text layer: the fields come
out exact and Tesseract is never run; its full text is the layer and the file itself is kept."""
import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from app.intake.ocr import engine, read_full, read_header
from app.printing.fonts import BOLD, REGULAR, register_fonts


def _pdf(path, number="Số: 215/TB-STTTT", date="Quảng Bình, ngày 03 tháng 8 năm 2020"):
    register_fonts()
    c = canvas.Canvas(str(path), pagesize=A4)
    w, h = A4
    c.setFont(REGULAR, 12.5)
    c.drawCentredString(w * 0.27, h - 60, "UBND TỈNH QUẢNG BÌNH")
    c.drawCentredString(w * 0.66, h - 60, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    c.setFont(BOLD, 12.5)
    c.drawCentredString(w * 0.27, h - 76, "SỞ THÔNG TIN VÀ TRUYỀN THÔNG")
    c.drawCentredString(w * 0.66, h - 76, "Độc lập - Tự do - Hạnh phúc")
    c.setFont(REGULAR, 13)
    c.drawCentredString(w * 0.27, h - 104, number)
    c.drawCentredString(w * 0.66, h - 104, date)
    c.setFont(BOLD, 14)
    c.drawCentredString(w * 0.53, h - 150, "THÔNG BÁO")
    c.drawCentredString(w * 0.53, h - 170, "Kết quả kiểm tra công tác văn thư, lưu trữ năm 2020")
    c.setFont(REGULAR, 13)
    c.drawString(85, h - 215, "Thực hiện Kế hoạch số 12/KH-STTTT ngày 05/02/2020 của Sở Thông tin và")
    c.drawString(57, h - 234, "Truyền thông về việc kiểm tra công tác văn thư, lưu trữ năm 2020, Sở thông báo.")
    c.showPage()
    c.save()
    return path


@pytest.fixture
def no_ocr(monkeypatch):
    def refuse(*_a, **_k):
        raise AssertionError("Tesseract was run on a born-digital page")
    monkeypatch.setattr(engine, "run", refuse)


def test_text_layer_read_without_ocr(tmp_path, no_ocr):
    path = _pdf(tmp_path / "digital.pdf")
    h = read_header(path)
    assert h.source == "text"
    assert h.issuer.value == "UBND TỈNH QUẢNG BÌNH - SỞ THÔNG TIN VÀ TRUYỀN THÔNG"
    assert h.number_symbol.value == "215/TB-STTTT"
    assert h.date.value == "2020-08-03"
    assert h.place.value == "Quảng Bình"
    assert h.doc_type.value == "Thông báo"
    assert h.summary.value == "Kết quả kiểm tra công tác văn thư, lưu trữ năm 2020"
    assert h.signatures == ()
    full = read_full(path, header=h)
    assert "Thực hiện Kế hoạch số 12/KH-STTTT" in full.text
    assert full.pdf_bytes == path.read_bytes()  # already searchable: kept as it is


def test_blank_left_for_the_number_is_not_filled(tmp_path, no_ocr):
    h = read_header(_pdf(tmp_path / "unnumbered.pdf", number="Số:        /TB-STTTT",
                         date="Quảng Bình, ngày      tháng 8 năm 2020"))
    assert h.source == "text"
    assert h.number_symbol.value == "" and h.number_symbol.confidence == 0.0
    assert h.date.value == ""
