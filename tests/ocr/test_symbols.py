"""A number-symbol's capitals misread as look-alikes (I for T) put back from the type's
abbreviation and the issuer's initials, marked for checking; what differs otherwise is kept."""
from app.intake.ocr import CONFIDENT, symbols
from app.intake.ocr.extract import Field, check_symbol
from app.intake.ocr.reader import DEFAULT_TYPES


def test_initials_of_a_body_as_symbols_write_them():
    assert symbols.initials("SỞ GIAO THÔNG VẬN TẢI") == "SGTVT"
    assert symbols.initials("SỞ THÔNG TIN VÀ TRUYỀN THÔNG") == "STTTT"  # "và" is not written
    assert symbols.initials("ỦY BAN NHÂN DÂN") == "UBND"
    assert symbols.initials("ĐẢNG ỦY KHỐI") == "ĐUK"
    assert symbols.body_initials("HỘI ĐỒNG NHÂN DÂN TỈNH BÌNH ĐỊNH") == ("HĐNDTBĐ", "HĐND")
    assert symbols.body_initials("SỞ Y TẾ") == ("SYT",)


def test_only_look_alike_letters_in_the_same_places_are_put_back():
    assert symbols.repaired("TIr-SGTVI", ("TTr", "SGTVT")) == "TTr-SGTVT"
    assert symbols.repaired("GM-SITII", ("GM", "STTTT")) == "GM-STTTT"
    # Another body's symbol, a letter that is no look-alike, a part of another length: kept.
    for read in ("TTr-SNV", "TTr-SGTXT", "TTr-SGTV", "KH-UBND"):
        assert symbols.repaired(read, ("TTr", "SGTVT")) == read


def test_a_scanned_number_is_put_back_and_marked_for_checking():
    number = Field("3296/TIr-SGTVI", 0.9, (10, 10, 100, 20))
    issuer = Field("UBND THÀNH PHỐ HÀ NỘI - SỞ GIAO THÔNG VẬN TẢI", 0.9)
    doc_type = Field("Tờ trình", 0.9, (500, 300, 200, 40))
    fixed = check_symbol(number, doc_type, DEFAULT_TYPES, issuer)
    assert fixed.value == "3296/TTr-SGTVT" and fixed.confidence < CONFIDENT
    # A legal number's year stays; without the issuer (a text layer, typed) nothing changes.
    legal = check_symbol(Field("19/2023/NQ-HĐNO", 0.9), Field("Nghị quyết", 0.9, (1, 1, 1, 1)),
                          DEFAULT_TYPES, Field("HỘI ĐỒNG NHÂN DÂN TỈNH BÌNH ĐỊNH", 0.9))
    assert legal.value == "19/2023/NQ-HĐND"
    assert check_symbol(number, doc_type, DEFAULT_TYPES).value.startswith("3296/TIr")


def test_a_part_of_the_symbol_read_as_specks_is_put_back_from_the_issuer():
    from app.intake.ocr import figures
    from app.intake.ocr.extract import Field

    meant = symbols.body_initials("ỦY BAN NHÂN DÂN QUẬN HOÀN KIẾM")
    assert symbols.lost_part(",ueND", meant) == "UBND"
    assert symbols.lost_part(",ue", meant) == ""  # too little left to tell
    assert symbols.lost_part("XYZW", meant) == ""
    found = {"issuer": Field("UBND THÀNH PHỐ HÀ NỘI - ỦY BAN NHÂN DÂN QUẬN HOÀN KIẾM")}
    assert figures._with_lost_part("số: 499 ,ueND-PTQĐ", "-PTQĐ", found) == "/UBND-PTQĐ"
    assert figures._with_lost_part("số: 499 -PTQĐ", "-PTQĐ", found) == "-PTQĐ"
