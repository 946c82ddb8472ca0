"""Tone marks put back in a read summary from the words around it, without Tesseract."""
from hypothesis import given, strategies as st

from app.intake.ocr import spelling
from app.text import fold


def test_misread_marks_are_put_back_from_their_neighbours():
    lexicon = spelling.built_in()
    cases = {
        "Về việc tổ chức Hội nghị tống kết công tác xây đựng Đảng năm 2022":
            "Về việc tổ chức Hội nghị tổng kết công tác xây dựng Đảng năm 2022",
        "Về việc kiện toàn Ban Chỉ đạo chuyến đối số tỉnh TÂY NINH":
            "Về việc kiện toàn Ban Chỉ đạo chuyển đổi số tỉnh TÂY NINH",
        "Về việc ban hành Quy chẽ làm VIỆC của cơ quan năm 2026":
            "Về việc ban hành Quy chế làm việc của cơ quan năm 2026",
        "tham gia lớp bồi dưỡng nghiệp vụ quản lý nhànước":
            "tham gia lớp bồi dưỡng nghiệp vụ quản lý nhà nước",
        "Về việc tổ chức : Hội nghị": "Về việc tổ chức Hội nghị",
        "Đảng bộ tỉnh khóa XXI,:nhiệm kỳ 2025 - 2030": "Đảng bộ tỉnh khóa XXI, nhiệm kỳ 2025 - 2030",
        "các cơ quan,đơn vị": "các cơ quan, đơn vị",
    }
    for read, expected in cases.items():
        assert lexicon.correct(read) == expected


def test_what_is_right_or_unknown_is_left_alone():
    lexicon = spelling.built_in()
    for text in ("Kiện toàn BAN CHỈ ĐẠO tỉnh", "phát triển kinh tế - xã hội",
                 "Về việc đi tham quan học tập tại tỉnh Lâm Đồng", "Báo cáo quý IV, năm 2025",
                 "Hỗ trợ 1,5 tỷ đồng",
                 "Quy định chế độ làm việc của Ban Chấp hành Đảng bộ tỉnh khóa XXI, nhiệm kỳ 2025 - 2030"):
        assert lexicon.correct(text) == text
    # "tống" (to send away) is a word too: without a neighbour that asks for "tổng" it stays.
    assert lexicon.correct("tống đạt") == "tống đạt"


def test_the_offices_own_wording_is_learnt():
    read = "Về việc lắp đặt hệ thống chống sét cho kho lưu trữ"
    misread = "Về việc lắp đắt hệ thống chống sét cho kho lưu trữ"
    assert spelling.built_in().correct(misread) == misread  # nothing in the built-in list says so
    learnt = spelling.with_texts([read])
    assert learnt.correct(misread) == read
    assert spelling.built_in().correct(misread) == misread  # learning never changes the shared one


WORDS = st.sampled_from("tổng tống kết kệt chuyển chuyến đổi đối số sổ quy chế chẽ nhà nước "
                        "TỈNH Hội nghị công tác : - 2025 xây dựng đựng".split())


@given(st.lists(WORDS, max_size=12))
def test_only_marks_and_spacing_ever_change(words):
    text = " ".join(words)
    out = spelling.built_in().correct(text)
    kept = [w for w in words if w != ":"]
    assert fold(out).replace(" ", "") == fold(" ".join(kept)).replace(" ", "")


def test_a_mark_read_as_a_letter_and_a_lost_letter_are_put_back():
    lexicon = spelling.built_in()
    # Two tone marks on one syllable cannot be Vietnamese: one was read as a letter.
    assert lexicon.correct("quyết toán dựá án hoàn thành") == "quyết toán dự án hoàn thành"
    # A letter lost, put back only where the words on both sides know the longer word and
    # what was read is no word as it stands ("ơ" is not; "gia" and "tổng" are), or where the
    # letter lost is a vowel heavy with marks, which Tesseract drops ("gia" for "giữa").
    assert lexicon.correct("quyền hạn và ơ cấu tổ chức") == "quyền hạn và cơ cấu tổ chức"
    assert lexicon.correct("văn bản điện tử gia các cơ quan") == "văn bản điện tử giữa các cơ quan"
    # A speck read as a tone mark standing alone is no word, and no break in the context.
    assert lexicon.correct("ˆ Quy định quyền hạn và ˆ ơ cấu tổ chức") == "Quy định quyền hạn và cơ cấu tổ chức"
    for text in ("Luật hôn nhân và gia đình", "về gia đình và xã hội", "tham gia các hoạt động",
                 "nước tổng TỈNH", "nước tống TỈNH"):
        assert lexicon.correct(text) == text


def test_an_abbreviation_read_with_one_stroke_too_many_is_put_back():
    lexicon = spelling.built_in()
    assert lexicon.correct("V/v chính sách thuế TNIDN") == "V/v chính sách thuế TNDN"
    assert lexicon.correct("hoàn thuế GTGIT năm 2025") == "hoàn thuế GTGT năm 2025"
    # Known as read, or no known abbreviation one I away: left as printed.
    for text in ("thuế TNDN", "quỹ BHXH", "Sở KH&ĐT tỉnh", "dự án ILOVE", "ban CHỈ ĐẠO", "LIÊN NGÀNH"):
        assert lexicon.correct(text) == text


def test_place_names_in_a_summary_get_their_marks_back():
    lexicon = spelling.built_in()
    # A ward named after a battle, as wards and streets are all over the country.
    assert lexicon.correct("công an phường Bạch Đẳng, quận Hai Bà Trưng") == "công an phường Bạch Đằng, quận Hai Bà Trưng"
    assert lexicon.correct("trên địa bàn huyện Ba Ví") == "trên địa bàn huyện Ba Vì"
    assert lexicon.correct("Đảng bộ phường") == "Đảng bộ phường"  # "đảng" is no "đằng"


def test_marks_a_photographed_page_loses_are_put_back():
    # Read from the real set photographed (benchmarks/ocr_small.py --photo).
    lexicon = spelling.built_in()
    assert lexicon.correct("để đảm báo an toàn giao thông") == "để đảm bảo an toàn giao thông"
    assert lexicon.correct("bổ sung kết nói tín hiệu") == "bổ sung kết nối tín hiệu"
    assert lexicon.correct("chỉnh sửa, tông hợp thông tin") == "chỉnh sửa, tổng hợp thông tin"
    assert lexicon.correct("Đanh sách các tổ chức, cá nhân") == "Danh sách các tổ chức, cá nhân"
