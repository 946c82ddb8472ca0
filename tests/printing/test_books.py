"""The printed registers read back from the PDF: they are the legal book (issue 4)."""
from __future__ import annotations

import datetime as dt
import io
import re
import subprocess
import unicodedata

import pytest
from pypdf import PdfReader

from app.printing import (BOOKS, INCOMING, SECRET_INCOMING, TRACKING, PrintCancelled, PrintError,
                          Row, build_book)
from app.printing.books import DATE_SAMPLE
from app.printing.fonts import REGULAR, register_fonts
from app.printing.layout import geometry
from app.printing.sample import sample_rows

from .conftest import MARK, ORG, PARENT, ROWS, VOID_EVERY, flat, header, pages_text, words_with_boxes

ALL = sorted(BOOKS)
WIDTHS = {"incoming": 10, "outgoing": 10, "tracking": 7, "secret_incoming": 10,
          "secret_outgoing": 9}


def test_templates_keep_their_columns():
    assert {k: b.width for k, b in BOOKS.items()} == WIDTHS
    assert INCOMING.column_titles == (
        "Ngày đến", "Số đến", "Tác giả", "Số, ký hiệu văn bản", "Ngày tháng văn bản",
        "Tên loại và trích yếu nội dung văn bản", "Đơn vị hoặc người nhận", "Ngày chuyển",
        "Ký nhận", "Ghi chú")
    assert TRACKING.column_titles[1] == ("Tên loại, số, ký hiệu, ngày, tháng và tên cơ quan, "
                                         "tổ chức ban hành văn bản")


@pytest.mark.parametrize("key", ALL)
def test_page_count_matches_the_file(books, key):
    b = books[key]
    reader = PdfReader(b.path)
    assert len(reader.pages) == b.result.pages == len(b.pages)
    assert b.result.entries == ROWS[key]
    assert b.result.voided == ROWS[key] // VOID_EVERY
    assert b.result.pages >= 4  # cover, at least two registration pages, closing page


@pytest.mark.parametrize("key", ALL)
def test_every_registration_page_has_the_titles_and_the_column_numbers(books, key):
    b, book = books[key], BOOKS[key]
    n = book.width
    for page in b.flat_pages[1:-1]:
        for title in book.column_titles:
            assert title in page
        numbers = re.findall(r"\((\d+)\)", page)
        assert numbers[:n] == [str(i) for i in range(1, n + 1)]  # the row under the titles
        assert f"({n + 1})" not in page
        assert book.title in page  # running head: a loose page can be put back in its book


@pytest.mark.parametrize("key", ALL)
def test_every_page_is_numbered_x_of_y(books, key):
    b = books[key]
    total = b.result.pages
    for i, page in enumerate(b.flat_pages, start=1):
        assert f"Trang {i}/{total}" in page


@pytest.mark.parametrize("key", ALL)
def test_cover_carries_the_template_fields(books, key):
    cover = books[key].flat_pages[0]
    assert PARENT.upper() in cover and ORG.upper() in cover
    assert BOOKS[key].title in cover
    assert "Năm: 2026" in cover
    assert "Từ ngày 02/01/2026 đến ngày 28/12/2026" in cover
    if key == "tracking":  # NĐ 30 Phụ lục IV mục VIII has no number range on this cover
        assert "Từ số" not in cover
    else:
        assert f"Từ số 1 đến số {ROWS[key]}" in cover
    assert "Quyển số: 3" in cover


def test_cover_shows_blanks_for_unknown_fields(tmp_path):
    h = header("incoming", 5, year=None, date_from=None, date_to=None, number_from=None,
               number_to=None, volume=None)
    build_book(INCOMING, h, sample_rows(INCOMING, 5), tmp_path / "b.pdf")
    cover = flat(pages_text(tmp_path / "b.pdf")[0])
    assert "Năm: ……………" in cover and "Quyển số: ……………" in cover
    assert "Từ ngày …………… đến ngày ……………" in cover


@pytest.mark.parametrize("key", ALL)
def test_closing_page_certifies_pages_and_entries(books, key):
    b = books[key]
    last = b.flat_pages[-1]
    r = b.result
    assert "ĐÓNG SỔ" in last
    assert f"Sổ này gồm {r.pages} trang" in last
    assert f"đăng ký {r.entries - r.voided} văn bản" in last
    assert f"{r.voided} số đã hủy" in last
    if BOOKS[key].has_number_range:
        assert f"từ số 1 đến số {ROWS[key]}" in last
    for words in ("NGƯỜI LẬP SỔ", "(Ký, ghi rõ họ tên)", "THỦ TRƯỞNG CƠ QUAN",
                  "(Ký tên, đóng dấu)", "Huế, ngày …… tháng …… năm ……"):
        assert words in last


VIET = [f"{base}{mark}" for base in "aăâeêioôơuưy" for mark in
        ("", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323")]
ALL_LETTERS = unicodedata.normalize("NFC", " ".join(VIET + [v.upper() for v in VIET]) + " đ Đ")


def test_vietnamese_text_round_trips_exactly(tmp_path):
    summary = "Quyết định về việc phê duyệt kế hoạch đào tạo, bồi dưỡng năm 2026"
    issuer = "Ủy ban nhân dân tỉnh Thừa Thiên Huế"
    rows = [Row(("16/01/2026", "1", issuer, "123/QĐ-UBND", "15/01/2026", summary,
                 "Phòng Tổng hợp", "16/01/2026", "", "")),
            # decomposed input (some OCR output) is printed composed and still comes back
            Row(("17/01/2026", "2", unicodedata.normalize("NFD", issuer), "5/TB", "16/01/2026",
                 ALL_LETTERS, "Đ/c Trần Thị Thu Hà", "", "", "Hỏa tốc"))]
    build_book(INCOMING, header("incoming", 2), rows, tmp_path / "v.pdf")
    text = flat(pages_text(tmp_path / "v.pdf")[1])
    assert summary in text
    assert text.count(issuer) == 2
    assert "Đ/c Trần Thị Thu Hà" in text and "123/QĐ-UBND" in text
    assert ALL_LETTERS in text, "every Vietnamese letter must come back with its diacritics"
    # pypdf reads the same text through the font's ToUnicode map
    extracted = flat(PdfReader(tmp_path / "v.pdf").pages[1].extract_text())
    assert summary in extracted and issuer in extracted


@pytest.mark.parametrize("key", ["secret_incoming", "secret_outgoing"])
def test_secret_books_mark_every_page_top_and_bottom(books, key):
    b = books[key]
    height = float(PdfReader(b.path).pages[0].mediabox.height)
    first, second = MARK.split()
    for page in range(1, b.result.pages + 1):
        words = words_with_boxes(b.path, page)
        marks = [(y0, y1) for (w, y0, y1), (w2, _, _) in zip(words, words[1:])
                 if w == first and w2 == second]
        assert any(y1 < 40 for _, y1 in marks), f"no mark in the header of page {page}"
        assert any(y0 > height - 40 for y0, _ in marks), f"no mark in the footer of page {page}"


def test_secret_book_without_a_mark_is_refused(tmp_path):
    with pytest.raises(PrintError):
        build_book(SECRET_INCOMING, header("secret_incoming", 3, secrecy_mark=" "),
                   sample_rows(SECRET_INCOMING, 3), tmp_path / "s.pdf")
    assert not (tmp_path / "s.pdf").exists()


def test_ordinary_book_has_no_secrecy_mark(books):
    assert not any("TỐI MẬT" in p for p in books["incoming"].pages)


@pytest.mark.parametrize("key", ["incoming", "outgoing", "secret_outgoing"])
def test_voided_numbers_print_as_voided_lines(books, key):
    b = books[key]
    text = " ".join(b.flat_pages[1:-1])
    note = "ĐÃ HỦY SỐ — lý do: cấp trùng, văn bản đã đăng ký ở số trước"
    assert text.count(note) == b.result.voided == ROWS[key] // VOID_EVERY
    if key != "outgoing":
        # the number stays readable right before its note, so no number is silently missing
        voided = [int(n) for n in re.findall(r"(\d+) ĐÃ HỦY SỐ", text)]
        assert voided == list(range(VOID_EVERY, ROWS[key] + 1, VOID_EVERY))


def test_every_number_is_printed_once(books):
    # Số đến is column (2) of the incoming book: the second cell of every body line
    text = " ".join(books["incoming"].flat_pages[1:-1])
    for n in (1, 2, 39, 40, 41, 259, 260):
        assert re.search(rf"\d\d/\d\d/\d{{4}} {n} ", text), n


@pytest.mark.parametrize("paper, landscape, size", [
    ("A3", True, (1190.6, 841.9)), ("A4", True, (841.9, 595.3)), ("A4", False, (595.3, 841.9))])
def test_paper_sizes(tmp_path, paper, landscape, size):
    r = build_book(INCOMING, header("incoming", 30), sample_rows(INCOMING, 30),
                   tmp_path / "p.pdf", pagesize=paper, landscape=landscape)
    reader = PdfReader(tmp_path / "p.pdf")
    assert len(reader.pages) == r.pages
    for page in reader.pages:
        box = page.mediabox
        assert float(box.width) == pytest.approx(size[0], abs=0.5)
        assert float(box.height) == pytest.approx(size[1], abs=0.5)


def test_a3_holds_more_rows_per_page(tmp_path):
    a4 = build_book(INCOMING, header("incoming", 300), sample_rows(INCOMING, 300), tmp_path / "4.pdf")
    a3 = build_book(INCOMING, header("incoming", 300), sample_rows(INCOMING, 300), tmp_path / "3.pdf",
                    pagesize="A3")
    assert a3.pages < a4.pages


def test_unknown_paper_is_refused(tmp_path):
    with pytest.raises(PrintError):
        build_book(INCOMING, header("incoming", 3), sample_rows(INCOMING, 3), tmp_path / "x.pdf",
                   pagesize="Letter")


@pytest.mark.parametrize("paper, landscape, font_size", [
    ("A4", True, None), ("A3", True, None), ("A4", False, None), ("A4", True, 12), ("A3", True, 13)])
@pytest.mark.parametrize("key", ALL)
def test_date_columns_hold_a_whole_date(key, paper, landscape, font_size):
    register_fonts()
    book = BOOKS[key]
    g = geometry(book, paper, landscape, font_size)
    from reportlab.pdfbase.pdfmetrics import stringWidth
    need = stringWidth(DATE_SAMPLE, REGULAR, g.font_size)
    dates = [i for i, c in enumerate(book.columns) if c.fit]
    assert dates, "every book has date columns"
    for i in dates:
        assert g.col_width(i) - 2 * g.pad >= need
    assert g.col_x[0] == g.left and g.col_x[-1] == g.right
    assert all(b > a for a, b in zip(g.col_x, g.col_x[1:]))


def test_dates_never_wrap_inside_and_urgent_time_wraps_after_the_date(books, tmp_path):
    for key in ALL:
        for page in books[key].pages[1:-1]:
            # a cut date would leave "dd/mm/yyy" at a line end and the last digit on the next
            assert not re.search(r"\d\d/\d\d/\d{1,3}$", page, re.M), key
    rows = [Row(("16/01/2026 08:30", "1", "Văn phòng Chính phủ", "12/TB-VPCP", "15/01/2026",
                 "Thông báo", "Lãnh đạo Văn phòng", "16/01/2026", "", "Hỏa tốc"))]
    build_book(INCOMING, header("incoming", 1), rows, tmp_path / "u.pdf")
    lines = pages_text(tmp_path / "u.pdf")[1].splitlines()
    assert "16/01/2026" in lines and "08:30" in lines
    assert lines.index("08:30") == lines.index("16/01/2026") + 1


def test_cancelling_leaves_no_file(tmp_path):
    target = tmp_path / "book.pdf"
    calls = []

    def cancelled():
        calls.append(1)
        return len(calls) > 2  # cancel in the middle of the registration pages

    with pytest.raises(PrintCancelled):
        build_book(INCOMING, header("incoming", 2000), sample_rows(INCOMING, 2000), target,
                   cancelled=cancelled)
    assert not target.exists()
    assert list(tmp_path.iterdir()) == []  # no half-written temp file either


def test_cancelling_keeps_an_earlier_file_untouched(tmp_path):
    target = tmp_path / "book.pdf"
    target.write_bytes(b"earlier print")
    with pytest.raises(PrintCancelled):
        build_book(INCOMING, header("incoming", 500), sample_rows(INCOMING, 500), target,
                   cancelled=lambda: True)
    assert target.read_bytes() == b"earlier print"
    assert [p.name for p in tmp_path.iterdir()] == ["book.pdf"]


def test_progress_is_reported_to_the_end(tmp_path):
    seen = []
    r = build_book(INCOMING, header("incoming", 450), sample_rows(INCOMING, 450),
                   tmp_path / "p.pdf", total_rows=450, progress=lambda d, t: seen.append((d, t)))
    assert seen[0] == (0, 450) and seen[-1] == (450, 450)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    assert r.entries == 450


def test_file_object_target(tmp_path):
    buf = io.BytesIO()
    r = build_book(INCOMING, header("incoming", 10), sample_rows(INCOMING, 10), buf)
    assert r.path is None and len(PdfReader(io.BytesIO(buf.getvalue())).pages) == r.pages


def test_a_row_of_the_wrong_shape_is_refused(tmp_path):
    with pytest.raises(PrintError):
        build_book(TRACKING, header("tracking", 1), [Row(("1", "2"))], tmp_path / "w.pdf")
    assert not (tmp_path / "w.pdf").exists()


def test_a_row_taller_than_a_page_is_split_not_lost(tmp_path):
    long = " ".join(f"đoạn{i}" for i in range(900))
    rows = [Row(("02/01/2026", "1", "Bộ Nội vụ", "1/BNV", "01/01/2026", long, "", "", "", "")),
            Row(("02/01/2026", "2", "Bộ Nội vụ", "2/BNV", "01/01/2026", "ngắn", "", "", "", ""))]
    r = build_book(INCOMING, header("incoming", 2), rows, tmp_path / "l.pdf")
    text = " ".join(flat(p) for p in pages_text(tmp_path / "l.pdf"))
    assert r.pages >= 4
    assert all(f"đoạn{i}" in text for i in (0, 450, 899))
    assert "ngắn" in text


def test_the_font_is_embedded_and_nothing_else_is_used(books):
    reader = PdfReader(books["incoming"].path)
    seen = set()
    for page in (reader.pages[0], reader.pages[1], reader.pages[-1]):
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendants = font.get("/DescendantFonts")
            desc = (descendants[0].get_object() if descendants else font)["/FontDescriptor"]
            assert "/FontFile2" in desc, font["/BaseFont"]  # embedded TrueType program
            seen.add(str(font["/BaseFont"]).split("+")[-1])
    assert seen and all(name.startswith("VTSerif") or "Liberation" in name for name in seen), seen


def test_a_registration_page_renders_with_ink(books, tmp_path):
    from PIL import Image

    subprocess.run(["pdftoppm", "-r", "50", "-png", "-f", "2", "-l", "2", "-singlefile",
                    str(books["incoming"].path), str(tmp_path / "page")], check=True)
    img = Image.open(tmp_path / "page.png").convert("L")
    w, h = img.size
    assert w > h  # landscape
    dark = sum(img.histogram()[:128])
    assert dark / (w * h) > 0.02, "page 2 rendered (almost) blank"
    # the ink is spread over the page, not only the header
    lower = img.crop((0, h // 2, w, h)).histogram()
    assert sum(lower[:128]) / (w * h / 2) > 0.01


def test_an_empty_range_still_gives_a_valid_book(tmp_path):
    # cover, one registration page with its headings, closing page
    r = build_book(INCOMING, header("incoming", 0), [], tmp_path / "e.pdf",
                   total_rows=0)
    assert r.pages == 3 and r.entries == 0
    assert "ĐÓNG SỔ" in pages_text(tmp_path / "e.pdf")[-1]



def _ink(pdf, page: int, folder) -> float:
    from PIL import Image

    stem = folder / f"ink{page}"
    subprocess.run(["pdftoppm", "-r", "100", "-png", "-gray", "-f", str(page), "-l", str(page),
                    "-singlefile", str(pdf), str(stem)], check=True)
    img = Image.open(f"{stem}.png").convert("L")
    return sum(img.histogram()[:100]) / (img.size[0] * img.size[1])


def test_a_page_with_a_voided_line_keeps_its_text_black(books, tmp_path):
    # The grey band of a voided line once left the fill colour grey for every later line's text.
    b = books["incoming"]
    voided_page = next(i for i, p in enumerate(b.pages, start=1) if "ĐÃ HỦY SỐ" in p)
    plain_page = next(i for i, p in enumerate(b.pages[1:-1], start=2) if "ĐÃ HỦY SỐ" not in p)
    assert _ink(b.path, voided_page, tmp_path) > 0.7 * _ink(b.path, plain_page, tmp_path)
