"""Body names put back from the built-in names, and what signatures tell about the date —
without Tesseract: these are rules on text."""
import datetime as dt

from app.intake import signatures
from app.intake.ocr import names
from app.intake.ocr.evidence import calibrate_ocr, from_signatures
from app.intake.ocr.extract import Field


def fixed(text):
    return names.part(names.repair(text)[0])


def test_marks_put_back_from_built_in_names():
    assert fixed("ỦY BAN NHÂN DÂN QUẬN ĐÓNG ĐÀ") == "ỦY BAN NHÂN DÂN QUẬN ĐỐNG ĐA"
    assert fixed("ỦY BAN NHÂN DÂN HUYỆN BÀ VÌ") == "ỦY BAN NHÂN DÂN HUYỆN BA VÌ"
    assert fixed("HỘI ĐÔNG NHÂN DÂN TỈNH VINH LONG") == "HỘI ĐỒNG NHÂN DÂN TỈNH VĨNH LONG"
    assert fixed("ỦY BAN NHÂN DÂN TỈNH BÀ RỊA-VỮNG TÀU") == "ỦY BAN NHÂN DÂN TỈNH BÀ RỊA-VŨNG TÀU"


def test_a_lost_letter_is_put_back_and_said():
    repaired, letters = names.repair("ỦY BAN NHÂN BAN TỈNH NINH BÌNH")
    assert repaired == "ỦY BAN NHÂN DÂN TỈNH NINH BÌNH" and letters


def test_superior_parted_from_issuer_and_joint_issuers():
    assert fixed("UBND THANH PHỐ HA NỘI SỞ KẾ HOẠCH VÀ ĐẦU TỰ") == "UBND THÀNH PHỐ HÀ NỘI - SỞ KẾ HOẠCH VÀ ĐẦU TƯ"
    assert fixed("TÒA ÁN NHÂN DÂN TỐI CAO VIỆN KIÊM SÁT NHÂN DÂN TỐI CAO BỘ TƯ PHÁP") == \
        "TÒA ÁN NHÂN DÂN TỐI CAO - VIỆN KIỂM SÁT NHÂN DÂN TỐI CAO - BỘ TƯ PHÁP"
    # words of one name are never parted: ỦY BAN, MÔI TRƯỜNG, ĐẢNG BỘ, THỊ TRƯỜNG
    for name in ("ỦY BAN NHÂN DÂN TỈNH CÀ MAU", "SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG", "ĐẢNG BỘ TỈNH LÀO CAI",
                 "CỤC QUẢN LÝ THỊ TRƯỜNG TỈNH AN GIANG"):
        assert fixed(name) == name


def _found(**kw):
    keys = ("regime", "issuer", "number_symbol", "date", "place", "doc_type", "summary", "secrecy", "urgency")
    return {k: kw.get(k, Field()) for k in keys}


def _sig(signer, when):
    return signatures.Signature("S", signer, "", "", when, True, True, False)


def test_ocr_summary_and_doubtful_figures_never_confident():
    out = calibrate_ocr(_found(summary=Field("Về việc tổ chức hội nghị", 0.97),
                               number_symbol=Field("332/QĐ-UBND", 0.93), date=Field("2020-08-04", 0.92),
                               issuer=Field("SỞ Y TẾ", 0.95)))
    assert out["summary"].confidence < 0.8 and out["number_symbol"].confidence < 0.8
    assert out["date"].confidence < 0.8
    assert out["issuer"].confidence == 0.95  # every word a known body word, one body


def test_signature_confirms_issuer_and_bounds_the_date():
    when = dt.datetime(2020, 8, 3, 11, 49, tzinfo=signatures.VN)
    out = from_signatures(_found(issuer=Field("UBND TỈNH QUẢNG BÌNH - SỞ THONG TIN VÀ TRUYỀN THÔNG", 0.6),
                                 date=Field("2020-08-13", 0.9)), (_sig("Sở Thông tin và Truyền thông", when),))
    assert out["issuer"].value == "UBND TỈNH QUẢNG BÌNH - SỞ THÔNG TIN VÀ TRUYỀN THÔNG"
    assert out["issuer"].confidence >= 0.95
    assert "03/08/2020 11:49" in out["issuer"].note
    # dated after it was signed: a misread day, never replaced by the signing date
    assert out["date"].value == "2020-08-13" and out["date"].confidence < 0.8


def test_a_word_read_as_two_or_a_speck_read_as_a_word_inside_a_name():
    # Bold capitals with marks come apart: "TRUYỀN" as "TRỮ YN", "CÔNG" with a "CÓ" before it.
    assert names.repair("SỞ GIÁO DỤC VÀ ĐÀO TẠO ĐẠI PHÁT THANH VÀ TRỮ YN HÌNH") == (
        "SỞ GIÁO DỤC VÀ ĐÀO TẠO ĐÀI PHÁT THANH VÀ TRUYỀN HÌNH", True)
    assert names.repair("UBND THÀNH PHỐ HÀ NỘI SỞ CÓ CÔNG THƯƠNG") == ("UBND THÀNH PHỐ HÀ NỘI SỞ CÔNG THƯƠNG", True)
    # Names whose short words are their own are left as they are.
    for name in ("SỞ Y TẾ", "SỞ VĂN HÓA VÀ THỂ THAO", "SỞ KẾ HOẠCH VÀ ĐẦU TƯ", "UBND HUYỆN BA VÌ"):
        assert names.repair(name) == (name, False)


def test_a_joint_body_keeps_its_colon_and_dashes_and_is_parted_from_its_superior():
    """A liên ngành document names its member bodies after a colon, parted by dashes: the
    repair keeps both (a dash is printed, not a speck or half a word) and the superior body
    is parted before LIÊN NGÀNH, not before each member."""
    read = "UBND THÀNH PHÓ HÀ NỘI LIÊN NGÀNH: CỤC THUÉ - TÀI CHÍNH - TƯ PHÁP - KHO BẠC NHÀ NƯỚC"
    repaired, _letters = names.repair(read)
    assert repaired == "UBND THÀNH PHỐ HÀ NỘI LIÊN NGÀNH: CỤC THUẾ - TÀI CHÍNH - TƯ PHÁP - KHO BẠC NHÀ NƯỚC"
    assert names.part(repaired) == ("UBND THÀNH PHỐ HÀ NỘI - LIÊN NGÀNH: CỤC THUẾ - TÀI CHÍNH - TƯ PHÁP - "
                                    "KHO BẠC NHÀ NƯỚC")
    assert names.part("UBND TỈNH NINH BÌNH LIÊN SỞ: TÀI CHÍNH - XÂY DỰNG") == \
        "UBND TỈNH NINH BÌNH - LIÊN SỞ: TÀI CHÍNH - XÂY DỰNG"
    assert fixed("ỦY BAN NHÂN DÂN TỈNH QUẢNG: BÌNH") == "ỦY BAN NHÂN DÂN TỈNH QUẢNG BÌNH"  # a speck, not a colon


def test_words_a_small_picture_read_run_together_are_parted():
    # Read from 800-pixel pictures of the real set (d024, d048, d062, d073).
    assert names.repair(names.unmerge("ỦY BAN NHÂN DÂN THÀNH PHỐ HÀNỌI"))[0] == "ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI"
    assert fixed(names.unmerge("BỘXÂY DỰNG VIỆN KIẾN TRÚC QUỐC GIA")) == "BỘ XÂY DỰNG - VIỆN KIẾN TRÚC QUỐC GIA"
    assert names.unmerge("UBNDTỈNHKHÁNHHÒA") == "UBND TỈNH KHÁNH HÒA"
    assert names.unmerge("BAN CHẤP HÀNH TRUNGƯƠNG") == "BAN CHẤP HÀNH TRUNG ƯƠNG"
    # The letters as read are kept (marks are repair's), and names already parted stay.
    assert names.unmerge("THANHPHÓ HÀ NỘI") == "THANH PHÓ HÀ NỘI"
    for name in ("SỞ Y TẾ", "THÀNH ỦY HÀ NỘI", "ỦY BAN NHÂN DÂN HUYỆN BA VÌ", "CÔNG THƯƠNG"):
        assert names.unmerge(name) == name
    # A word that is no name's letters run together is left alone.
    assert names.unmerge("TỔNGHỢP") == "TỔNGHỢP"


def test_a_department_after_so_is_a_name_not_a_number():
    from app.intake.ocr.extract import _body_line

    assert _body_line("LAO ĐỘNG - THƯƠNG BINH") and _body_line("TƯ PHÁP")
    # Number lines: a State symbol after "/", a Party one, a blank before the symbol.
    for rest in ("/SLĐTBXH-LĐVLDN", "123/QĐ-UBND", "-TB/TU", "2788-TB/TU", "QĐ-UBND", "", "12 /BC"):
        assert not _body_line(rest)


def test_a_name_that_stops_part_way_through_a_built_in_name_is_said_to_be_short():
    # d059 photographed: the third line "VÀ XÃ HỘI" of the department's name was lost.
    assert names.rest_of("UBND TỈNH QUẢNG BÌNH - SỞ LAO ĐỘNG - THƯƠNG BINH") is not None
    for whole in ("UBND TỈNH QUẢNG BÌNH - SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", "SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG",
                  "BAN QUẢN LÝ", "UBND THÀNH PHỐ HÀ NỘI", "THÀNH ỦY HÀ NỘI - BAN TỔ CHỨC", "SỞ NỘI VỤ"):
        assert names.rest_of(whole) is None
    assert names.rest_of("UBND TỈNH QUẢNG BÌNH - SỞ LAO ĐỘNG - THƯƠNG BINH") == "VÀ XÃ HỘI"
    assert names.rest_of("UBND THÀNH PHỐ HÀ NỘI - SỞ VĂN HÓA, THỂ THAO") == "VÀ DU LỊCH"
    assert names.rest_of("BAN CHẤP HÀNH") == ""  # TRUNG ƯƠNG or ĐẢNG BỘ: short, but no one end
    assert names.rest_of("SỞ NỘI VỤ") is None

