"""The header patterns on text, without Tesseract."""
import datetime as dt

from hypothesis import given, strategies as st

from app.intake.ocr import fields as F

ABBR = st.sampled_from(["QĐ", "CV", "TB", "KH", "NQ", "TTr", "HD", "BC"])
ORG = st.sampled_from(["TU", "VPTU", "UBND", "SNV", "BTCTU", "TW", "VPTW"])


def test_number_forms():
    cases = {
        "1881-QĐ/TU": ("1881-QĐ/TU", "party"),
        ": 123/QĐ-UBND": ("123/QĐ-UBND", "state"),
        ": 12/UBND-VP": ("12/UBND-VP", "state"),
        "45/2020/NĐ-CP": ("45/2020/NĐ-CP", "legal"),
        "14514 - CV/VPTW": ("14514-CV/VPTW", "party"),
        ": 05/SNV-TCCB": ("05/SNV-TCCB", "state"),
    }
    for text, expected in cases.items():
        assert F.parse_number(text.lstrip(": ")) == expected, text
    assert F.parse_number("8388") is None  # a receiving stamp's bare number
    # Capitals typed after a space end the issuer's initials; a stamp's word beside it does not.
    assert F.parse_number("09-CV/ĐTN CCQ") == ("09-CV/ĐTNCCQ", "party")
    assert F.parse_number("123/UBND-VP KHẨN") == ("123/UBND-VP", "state")
    assert F.parse_number("09-CV/ĐTN CCQ và") == ("09-CV/ĐTN", "party")
    # A small letter shaped as its capital, starting a part, is that capital; "TTr", "TTg" stay.
    assert F.parse_number("6335/vP-KT") == ("6335/VP-KT", "state")
    assert F.parse_number("12/TTr-sCT") == ("12/TTr-SCT", "state")
    assert F.parse_number("01/2025/QĐ-TTg") == ("01/2025/QĐ-TTg", "legal")
    # A joint document's type parted from the bodies' initials by a colon, kept as printed.
    assert F.parse_number("69345/TTrLN: CT-STC-TP-KBNN") == ("69345/TTrLN:CT-STC-TP-KBNN", "state")


@given(n=st.integers(1, 99999), t=ABBR, o=ORG, party=st.booleans())
def test_printed_numbers_round_trip(n, t, o, party):
    symbol = f"{n}-{t}/{o}" if party else f"{n}/{t}-{o}"
    assert F.parse_number(symbol) == (symbol, "party" if party else "state")


def test_date_line_and_ocr_slips():
    assert F.parse_date("thanh hoa, ngay 05 thang 01 nam 2024") == ("thanh hoa", dt.date(2024, 1, 5))
    assert F.parse_date("ha noi, ngay 3O thang 4 nam 2O25")[1] == dt.date(2025, 4, 30)
    assert F.parse_date("ha noi, ngay 31 thang 02 nam 2024") is None  # impossible date
    assert F.parse_date("bao cao truoc ngay 30/6/2021") is None


def test_stamps_stand_alone():
    assert F.stamp_word("toi mat", F.SECRECY) == ("Tối mật", 1.0)
    assert F.stamp_word("| hoa toc |", F.URGENCY)[0] == "Hỏa tốc"
    assert F.stamp_word("thuong khan", F.URGENCY)[0] == "Thượng khẩn"
    assert F.stamp_word("maat", F.SECRECY)[0] == "Mật"  # "MẬẶT": one vowel read twice
    assert F.stamp_word("de nghi cac don vi khan truong trien khai", F.URGENCY) is None
    assert F.stamp_word("bao mat thong tin", F.SECRECY) is None


def test_organisation_words_get_their_marks_back():
    from app.intake.ocr.vocabulary import correct_caps

    assert correct_caps("UBND TÍNH HƯNG YÊN - SỞ NỘI VỤ") == "UBND TỈNH HƯNG YÊN - SỞ NỘI VỤ"
    assert correct_caps("ĐÁNG BỘ XÃ THIỆU TRUNG - ĐÁNG ỦY") == "ĐẢNG BỘ XÃ THIỆU TRUNG - ĐẢNG ỦY"
    assert correct_caps("UBND TỈNH HÀ TỈNH") == "UBND TỈNH HÀ TĨNH"
    assert correct_caps("BAN VẪN ĐỘNG") == "BAN VẪN ĐỘNG"  # VĂN/VẬN, ĐỘNG/ĐỒNG: left as read


def test_a_word_a_letter_off_takes_the_organisation_word_that_fits_its_neighbours():
    from app.intake.ocr.vocabulary import correct_caps

    # GIÁO cut by a stamp's frame; GIA (Gia Lai) is one letter off too, but no body is "TUYÊN GIA"
    assert correct_caps("BAN TUYÊN GIO VÀ DÂN VẬN") == "BAN TUYÊN GIÁO VÀ DÂN VẬN"
    assert correct_caps("CỤC VĂN THƯ VÀ LƯU TRỮ NHÀ NƯỚ") == "CỤC VĂN THƯ VÀ LƯU TRỮ NHÀ NƯỚC"
    # two organisation words run together, a mark read twice, are parted
    assert correct_caps("TỈÍNHỦY SƠN LA") == "TỈNH ỦY SƠN LA"
    assert correct_caps("SỞNỘI VỤ") == "SỞ NỘI VỤ"
    # unknown names and words with no fitting neighbour are left as read
    assert correct_caps("UBND XÃ PA CỎ") == "UBND XÃ PA CỎ"
    assert correct_caps("UBND XÃ PACỎ") == "UBND XÃ PACỎ"
    assert correct_caps("BAN GIO") == "BAN GIO"


def test_a_quotation_is_closed_in_the_style_it_was_opened_in():
    assert F.paired_quotes('hoạt động "Nâng cấp hệ thống CNTT”') == 'hoạt động "Nâng cấp hệ thống CNTT"'
    assert F.paired_quotes("“Vì an toàn giao thông”") == "“Vì an toàn giao thông”"
    # An opening quote lost: the closing one is left as read, nothing is guessed.
    assert F.paired_quotes("Vì an toàn giao thông”") == "Vì an toàn giao thông”"
