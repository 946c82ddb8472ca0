"""Field extraction from laid-out lines (as Tesseract's word boxes give them), without Tesseract:
a receiving stamp read into the header's rows, a "Số" lost under it, specks."""
from app.intake.ocr.engine import Word
from app.intake.ocr.extract import extract
from app.intake.ocr.lines import Line
from app.intake.ocr.reader import CONFIDENT, DEFAULT_TYPES

WIDTH = 1653


def line(*words, top, ink=3.0, conf=95.0, height=30):
    """words: (text, left) pairs; each word 12 px per letter wide."""
    return Line(tuple(Word(t, conf, left, top, 12 * len(t), height, 1, 1, top) for t, left in words),
                WIDTH, ink)


def party_header(number_row, issuer_row):
    return [
        line(("ĐẢNG", 880), ("CỘNG", 990), ("SẢN", 1100), ("VIỆT", 1180), ("NAM", 1270), top=160),
        issuer_row,
        line(("BAN", 300), ("TUYÊN", 360), ("GIÁO", 440), ("VÀ", 510), ("DÂN", 550), ("VẬN", 610), top=205, ink=5.0),
        number_row,
        line(("Sơn", 930), ("La,", 980), ("ngày", 1030), ("26", 1090), ("tháng", 1130), ("7", 1200),
             ("năm", 1230), ("2020", 1280), top=296),
        line(("THÔNG", 700), ("BÁO", 790), top=444),
        line(("Kết", 570), ("quả", 620), ("thực", 680), ("hiện", 740), ("nhiệm", 800), ("vụ", 880),
             ("công", 920), ("tác", 980), ("văn", 1030), ("thư", 1080), top=498),
    ]


def test_stamp_words_in_the_issuer_row_are_left_out_and_the_name_marked_for_checking():
    issuer_row = line(("Chuyển:", 123), ("PGĐ", 225), ("Hùng", 288), ("TỈNH", 366), ("ỦY", 430),
                      ("SƠN", 470), ("LA", 530), top=159)
    number_row = line(("Số", 330), ("732-TB/BTGDVTU", 370), top=296)
    found = extract(party_header(number_row, issuer_row), DEFAULT_TYPES)
    assert found["issuer"].value == "TỈNH ỦY SƠN LA - BAN TUYÊN GIÁO VÀ DÂN VẬN"
    assert found["issuer"].confidence < CONFIDENT
    assert found["number_symbol"].value == "732-TB/BTGDVTU"
    assert found["summary"].value == "Kết quả thực hiện nhiệm vụ công tác văn thư"


def test_a_number_whose_so_was_lost_is_taken_from_the_date_row_and_marked():
    issuer_row = line(("TỈNH", 366), ("ỦY", 430), ("SƠN", 470), ("LA", 530), top=159)
    number_row = line(("732-TB/BTGDVTU", 380), top=296)
    found = extract(party_header(number_row, issuer_row), DEFAULT_TYPES)
    assert found["number_symbol"].value == "732-TB/BTGDVTU"
    assert found["number_symbol"].confidence < CONFIDENT
    assert found["issuer"].value == "TỈNH ỦY SƠN LA - BAN TUYÊN GIÁO VÀ DÂN VẬN"


def test_a_bare_number_elsewhere_is_not_taken():
    issuer_row = line(("TỈNH", 366), ("ỦY", 430), ("SƠN", 470), ("LA", 530), top=159)
    stamp_number = line(("Số:", 238), ("6590", 290), top=80)  # the ĐẾN stamp's own number
    found = extract(party_header(stamp_number, issuer_row), DEFAULT_TYPES)
    assert found["number_symbol"].value == ""


def test_a_speck_between_summary_lines_does_not_end_the_summary():
    issuer_row = line(("TỈNH", 366), ("ỦY", 430), ("SƠN", 470), ("LA", 530), top=159)
    number_row = line(("Số", 330), ("732-TB/BTGDVTU", 370), top=296)
    lines = party_header(number_row, issuer_row)
    lines.insert(-1, line((".", 398), top=475))
    lines.append(line(("năm", 800), ("2019", 850), top=540))
    found = extract(lines, DEFAULT_TYPES)
    assert found["summary"].value == "Kết quả thực hiện nhiệm vụ công tác văn thư năm 2019"


def test_the_party_asterisk_and_a_trailing_speck_word_are_not_part_of_the_name():
    issuer_row = line(("TỈNH", 366), ("ỦY", 430), ("SƠN", 470), ("LA", 530), ("sét", 590), top=159)
    number_row = line(("Số", 330), ("732-TB/BTGDVTU", 370), top=296)
    lines = party_header(number_row, issuer_row)
    lines.insert(3, line(("sét", 440), top=257, height=13))  # the "*" under the name
    found = extract(lines, DEFAULT_TYPES)
    assert found["issuer"].value == "TỈNH ỦY SƠN LA - BAN TUYÊN GIÁO VÀ DÂN VẬN"


def state_header(issuer_rows, number_row, type_row):
    return [
        line(("CỘNG", 880), ("HÒA", 960), ("XÃ", 1030), ("HỘI", 1080), ("CHỦ", 1140), ("NGHĨA", 1200),
             ("VIỆT", 1290), ("NAM", 1360), top=160),
        *issuer_rows,
        line(("Độc", 960), ("lập", 1010), ("-", 1060), ("Tự", 1080), ("do", 1120), ("-", 1160),
             ("Hạnh", 1180), ("phúc", 1250), top=205),
        number_row,
        line(("Hà", 930), ("Nội,", 970), ("ngày", 1030), ("17", 1090), ("tháng", 1130), ("01", 1200),
             ("năm", 1240), ("2020", 1290), top=296),
        type_row,
        line(("Thực", 570), ("hiện", 630), ("chế", 690), ("độ", 740), ("báo", 780), ("cáo", 830),
             ("thống", 880), ("kê", 950), top=498),
    ]


def test_an_abbreviation_missing_its_last_letter_is_completed_from_the_type_name():
    issuer = [line(("BỘ", 380), ("NỘI", 420), ("VỤ", 470), top=160),
              line(("CỤC", 280), ("VĂN", 340), ("THƯ", 400), ("VÀ", 460), ("LƯU", 500), ("TRỮ", 550),
                   top=205, ink=5.0)]
    guide = line(("HƯỚNG", 720), ("DẪN", 800), top=444)
    found = extract(state_header(issuer, line(("Số:", 300), ("383/H-VTLTNN", 350), top=296), guide),
                    DEFAULT_TYPES)
    assert found["doc_type"].value == "Hướng dẫn"
    assert found["number_symbol"].value == "383/HD-VTLTNN"
    assert found["number_symbol"].confidence < CONFIDENT
    # what does not begin the type's abbreviation is left as read, and marked
    plan = line(("KẾ", 720), ("HOẠCH", 770), top=444)
    found = extract(state_header(issuer, line(("Số:", 300), ("383/H-VTLTNN", 350), top=296), plan),
                    DEFAULT_TYPES)
    assert found["number_symbol"].value == "383/H-VTLTNN"
    assert found["number_symbol"].confidence < CONFIDENT


def test_a_province_alone_under_the_state_title_gets_its_ubnd_back_marked():
    issuer = [line(("TỈNH", 330), ("ĐIỆN", 400), ("BIÊN", 470), top=160),
              line(("VĂN", 360), ("PHÒNG", 420), top=205, ink=5.0)]
    guide = line(("HƯỚNG", 720), ("DẪN", 800), top=444)
    found = extract(state_header(issuer, line(("Số:", 300), ("2509/HD-VP", 350), top=296), guide),
                    DEFAULT_TYPES)
    assert found["issuer"].value == "UBND TỈNH ĐIỆN BIÊN - VĂN PHÒNG"
    assert found["issuer"].confidence < CONFIDENT


def test_a_known_issuer_corrects_slips_but_never_stands_in_for_another_body():
    number_row = line(("Số", 330), ("732-TB/BTGDVTU", 370), top=296)
    sơn_la = line(("TỈNH", 366), ("ỦY", 430), ("SƠN", 470), ("IA", 530), top=159)
    known = ["TỈNH ỦY SƠN LA - BAN TUYÊN GIÁO VÀ DÂN VẬN", "TỈNH ỦY SƠN LA - BAN TỔ CHỨC"]
    found = extract(party_header(number_row, sơn_la), DEFAULT_TYPES, known_issuers=known)
    assert found["issuer"].value == "TỈNH ỦY SƠN LA - BAN TUYÊN GIÁO VÀ DÂN VẬN"
    # Đà Nẵng is two letters from Tây Ninh in a long name, but another province
    đà_nẵng = line(("TỈNH", 366), ("ỦY", 430), ("ĐÀ", 470), ("NẴNG", 510), top=159)
    known = ["TỈNH ỦY TÂY NINH - BAN TUYÊN GIÁO VÀ DÂN VẬN"]
    found = extract(party_header(number_row, đà_nẵng), DEFAULT_TYPES, known_issuers=known)
    assert found["issuer"].value == "TỈNH ỦY ĐÀ NẴNG - BAN TUYÊN GIÁO VÀ DÂN VẬN"


def centred(text, top, centre=450, ink=3.0):
    """A line of `text` centred on `centre`, 12 px per letter and 12 between words."""
    words, width = text.split(), 12 * len(text)
    left, out = centre - width // 2, []
    for w in words:
        out.append((w, left))
        left += 12 * len(w) + 12
    return line(*out, top=top, ink=ink)


def test_a_name_ending_part_way_through_a_built_in_name_is_marked_for_checking():
    from app.intake.ocr.extract import COMPLETED_NOTE, CUT_SHORT_NOTE

    def header(name_lines):
        rows = [line(("CỘNG", 900), ("HÒA", 980), ("XÃ", 1040), ("HỘI", 1080), ("CHỦ", 1130), ("NGHĨA", 1180),
                     ("VIỆT", 1260), ("NAM", 1320), top=100),
                centred("UBND TỈNH QUẢNG BÌNH", 100)]
        rows += [centred(t, 140 + 40 * i, ink=5.0) for i, t in enumerate(name_lines)]
        bottom = 140 + 40 * len(name_lines)
        rows += [centred("Số: 123/SLĐTBXH-LĐVLDN", bottom + 20),
                 line(("Quảng", 900), ("Bình,", 980), ("ngày", 1060), ("03", 1120), ("tháng", 1160), ("10", 1240),
                      ("năm", 1280), ("2022", 1330), top=bottom + 20)]
        return extract(rows, DEFAULT_TYPES)["issuer"]

    # The name's last line ("VÀ XÃ HỘI") lost: one built-in name ends it, and is put back.
    short = header(["SỞ LAO ĐỘNG – THƯƠNG BINH"])
    assert short.value == "UBND TỈNH QUẢNG BÌNH - SỞ LAO ĐỘNG – THƯƠNG BINH VÀ XÃ HỘI"
    assert short.confidence < CONFIDENT and short.note == COMPLETED_NOTE
    # Names that end it differently (TRUNG ƯƠNG, ĐẢNG BỘ …): only said to be short.
    party = header(["BAN CHẤP HÀNH"])
    assert party.value.endswith("BAN CHẤP HÀNH") and party.note == CUT_SHORT_NOTE
    assert party.confidence < CONFIDENT
    whole = header(["SỞ LAO ĐỘNG – THƯƠNG BINH", "VÀ XÃ HỘI"])
    assert whole.value == "UBND TỈNH QUẢNG BÌNH - SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI"  # the built-in name
    assert whole.note != CUT_SHORT_NOTE


def test_a_long_name_line_measured_small_is_kept():
    # d035 at 1600 px: a seal over the first line made it measure 47 px high, the second 36,
    # the third 21: under 0.6 of the median, the third was dropped as a speck.
    from dataclasses import replace

    def at(text, top, height, centre=450, ink=4.0):
        row = centred(text, top, centre, ink)
        return Line(tuple(replace(w, height=height) for w in row.words), WIDTH, ink)

    rows = [line(("CỘNG", 900), ("HÒA", 980), ("XÃ", 1040), ("HỘI", 1080), ("CHỦ", 1130), ("NGHĨA", 1180),
                 ("VIỆT", 1260), ("NAM", 1320), top=100),
            at("UBND THÀNH PHỐ HÀ NỘI", 100, 47, ink=3.0),
            at("BAN QUẢN LÝ DỰ ÁN ĐẦU TƯ XÂY DỰNG", 160, 36, ink=5.0),
            at("CÔNG TRÌNH VĂN HÓA XÃ HỘI TP HÀ NỘI", 210, 21, ink=5.0),
            centred("Số: 88/TTr-BQLDA", 290),
            line(("Hà", 900), ("Nội,", 950), ("ngày", 1010), ("03", 1070), ("tháng", 1110), ("8", 1190),
                 ("năm", 1220), ("2020", 1270), top=290)]
    issuer = extract(rows, DEFAULT_TYPES)["issuer"].value
    assert issuer.endswith("BAN QUẢN LÝ DỰ ÁN ĐẦU TƯ XÂY DỰNG CÔNG TRÌNH VĂN HÓA XÃ HỘI TP HÀ NỘI")


def test_the_addressee_read_into_the_summary_row_is_left_out():
    # d011 as a JPEG of quality 30: "Kính gửi" was read at the end of the summary's last row.
    rows = [line(("CỘNG", 900), ("HÒA", 980), ("XÃ", 1040), ("HỘI", 1080), ("CHỦ", 1130), ("NGHĨA", 1180),
                 ("VIỆT", 1260), ("NAM", 1320), top=100),
            centred("UBND HUYỆN BA VÌ", 100),
            centred("Số: 12/BC-UBND", 180),
            line(("Ba", 900), ("Vì,", 940), ("ngày", 990), ("03", 1050), ("tháng", 1090), ("8", 1170),
                 ("năm", 1200), ("2020", 1250), top=180),
            centred("BÁO CÁO", 300, centre=826, ink=5.0),
            centred("Về việc hoàn thành quyết toán dự án theo hình thức BOT. Kính gửi", 345, centre=826)]
    assert extract(rows, DEFAULT_TYPES)["summary"].value == "Về việc hoàn thành quyết toán dự án theo hình thức BOT."
