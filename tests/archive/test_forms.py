"""The printed forms read back: titles, every column heading of the NĐ 30 Phụ lục V templates,
every file of the batch listed, two copies of the handover papers."""
from pypdf import PdfReader

from app.archive import forms, package
from tests.archive.conftest import YEAR


def text_of(path):
    reader = PdfReader(str(path))
    return len(reader.pages), " ".join((p.extract_text() or "") for p in reader.pages).replace("\n", " ")


def squeeze(text):
    return " ".join(text.split())


def test_file_plan(office, tmp_path):
    out = tmp_path / "dm.pdf"
    with office["store"].Session.begin() as s:
        forms.print_file_plan(s, YEAR, out)
    _pages, text = text_of(out)
    t = squeeze(text)
    for words in ("DANH MỤC HỒ SƠ", "Năm 2026", "Kèm theo Quyết định số 12/QĐ-SNV ngày 05/01/2026",
                  "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "SỞ NỘI VỤ", "Số và ký hiệu hồ sơ",
                  "Tên đề mục và tiêu đề hồ sơ", "Thời hạn bảo quản", "Người lập hồ sơ", "Ghi chú",
                  "(1)", "(5)", "I. TỔ CHỨC CÁN BỘ", "1. Tuyển dụng, điều động", "II. VĂN PHÒNG", "01.TCCB",
                  "Hồ sơ điều động cán bộ năm 2026", "Vĩnh viễn",
                  "Danh mục hồ sơ này có 3 hồ sơ, bao gồm: 1 hồ sơ bảo quản vĩnh viễn; 2 hồ sơ bảo quản có thời hạn."):
        assert words in t, words


def test_file_index_and_closing_certificate(closed_quarter, tmp_path):
    out = tmp_path / "ml.pdf"
    with closed_quarter["store"].Session.begin() as s:
        forms.print_file_index(s, closed_quarter["files"][1], out)
    pages, text = text_of(out)
    t = squeeze(text)
    assert pages == 2
    for words in ("MỤC LỤC VĂN BẢN, TÀI LIỆU", "Số, ký hiệu hồ sơ: 02.TCCB", "STT", "Số, ký hiệu văn bản",
                  "Ngày tháng năm văn bản", "Tên loại và trích yếu nội dung văn bản", "Tác giả văn bản",
                  "Tờ số/Trang số", "3/BC-UBND", "1-2", "11-12", "CHỨNG TỪ KẾT THÚC", "6 văn bản", "12 trang",
                  "mười hai trang", "Người lập hồ sơ"):
        assert words in t, words


def test_batch_papers_in_the_package(closed_quarter, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    r = package.export(closed_quarter["store"], YEAR, "Q1", out, giver=("Trần Thị B", "Văn thư"),
                       receiver=("Phạm D", "Lưu trữ viên"))
    pages, text = text_of(r.path / "data" / package.LIST_PDF)
    t = squeeze(text)
    assert pages == 2 and t.count("MỤC LỤC HỒ SƠ, TÀI LIỆU NỘP LƯU") == 2  # two copies
    for words in ("Số TT", "Số, ký hiệu hồ sơ", "Tiêu đề hồ sơ", "Thời gian tài liệu", "Thời hạn bảo quản",
                  "Số tờ/Số trang", "(7)", "01.TCCB", "02.TCCB", "Hồ sơ điều động cán bộ năm 2026",
                  "Báo cáo tình hình cán bộ các huyện", "Mục lục này gồm: 2 hồ sơ (đơn vị bảo quản).",
                  "Viết bằng chữ: Hai hồ sơ", "Người lập", "Bản số 2/2"):
        assert words in t, words
    assert "03.VP" not in t
    pages, text = text_of(r.path / "data" / package.MINUTES_PDF)
    t = squeeze(text)
    assert t.count("Giao nhận hồ sơ, tài liệu") == 2
    for words in ("BIÊN BẢN", "Số: 01/BB-SNV", "Căn cứ Nghị định số 30/2020/NĐ-CP", "Danh mục hồ sơ năm 2026",
                  "BÊN GIAO", "BÊN NHẬN", "Lưu trữ cơ quan", "Ông (bà): Trần Thị B", "chức vụ công tác: Lưu trữ viên",
                  "1. Tên khối tài liệu giao nộp", "2. Thời gian của hồ sơ, tài liệu", "tổng số hồ sơ: 2",
                  f"tổng số tệp tin: {r.payload_files}", "4. Tình trạng tài liệu", "5. Mục lục hồ sơ",
                  "lập thành hai bản", "ĐẠI DIỆN BÊN GIAO", "ĐẠI DIỆN BÊN NHẬN"):
        assert words in t, words
