"""Where the header band is parted for two Tesseract runs, and what counts as a stamp's ink."""
from PIL import Image, ImageDraw

from app.intake.ocr import preprocess


def _page(blocks, size=(1650, 750)):
    """White page with black text-like blocks (x0, y0, x1, y1): rows of short strokes."""
    im = Image.new("L", size, 255)
    draw = ImageDraw.Draw(im)
    for x0, y0, x1, y1 in blocks:
        for x in range(x0, x1, 14):
            draw.rectangle((x, y0, x + 8, y1), fill=0)
    return im


def test_the_band_is_parted_on_a_blank_row_near_half_its_ink():
    # header rows above, title and summary below, a clean gap between them
    im = _page([(100, 40, 700, 70), (900, 40, 1500, 70), (100, 120, 700, 150),
                (400, 420, 1200, 450), (400, 480, 1200, 510), (400, 540, 1200, 570)])
    row = preprocess.balanced_row(im, im.height)
    assert row is not None and 150 < row < 420
    assert im.crop((0, row - 2, im.width, row + 2)).getextrema() == (255, 255)


def test_no_part_where_no_blank_row_lies_in_the_middle_of_the_ink():
    im = _page([(100, 20, 1500, 730)])  # one block of ink from top to bottom
    assert preprocess.balanced_row(im, im.height) is None


def test_a_rule_and_specks_are_not_a_stamp_but_letters_are():
    rule = Image.new("L", (900, 48), 255)
    draw = ImageDraw.Draw(rule)
    draw.rectangle((750, 10, 900, 11), fill=0)  # the rule under the motto
    for x in (360, 460, 610):
        draw.point((x, 46), fill=0)  # tops of the next line's accents
    assert preprocess.text_rows(rule) < 200 // 12
    stamp = _page([(300, 8, 420, 40)], size=(900, 48))  # letters about 4 mm high
    assert preprocess.text_rows(stamp) >= 200 // 12


def _colour_page(paper=(255, 255, 255)):
    """Black print bars, and a blue stamp (a frame and bars) stamped over part of them: stamp
    ink darkens what it crosses, so where it crosses the print stays black."""
    from PIL import ImageChops

    page = Image.new("RGB", (1200, 900), paper)
    draw = ImageDraw.Draw(page)
    for x in range(300, 900, 20):
        draw.rectangle((x, 400, x + 10, 440), fill=(20, 20, 20))
    stamp = Image.new("RGB", page.size, "white")
    ink = ImageDraw.Draw(stamp)
    ink.rectangle((100, 250, 500, 600), outline=(60, 50, 150), width=6)
    for x in range(130, 480, 20):
        ink.rectangle((x, 300, x + 8, 340), fill=(60, 50, 150))  # the stamp's own letters
    ink.rectangle((130, 405, 470, 415), fill=(60, 50, 150))  # a stroke across the print
    return ImageChops.multiply(page, stamp)


def test_coloured_stamp_ink_is_taken_out_and_the_print_under_it_kept():
    gray, ink = preprocess.gray_and_colour_ink(_colour_page())
    assert ink is not None
    clean = preprocess.without_ink(gray, ink.resize(gray.size, Image.Resampling.NEAREST))
    assert clean.crop((130, 300, 480, 340)).getextrema()[0] > 200  # the stamp's letters: gone
    assert clean.crop((100, 250, 106, 600)).getextrema()[0] > 200  # its frame: gone
    assert clean.crop((300, 405, 310, 415)).getextrema()[1] < 60  # print crossed by it: black
    assert clean.crop((700, 400, 710, 440)).getextrema()[1] < 60  # print elsewhere: black
    assert gray.crop((130, 300, 138, 340)).getextrema()[1] < 120  # the page as scanned keeps it


def test_gray_scans_and_tinted_photos_get_no_mask():
    page = _colour_page()
    assert preprocess.gray_and_colour_ink(page.convert("L"))[1] is None
    assert preprocess.gray_and_colour_ink(page.convert("L").convert("RGB"))[1] is None
    # warm light on a phone photo: the paper itself is coloured, so colour tells nothing
    assert preprocess.gray_and_colour_ink(_colour_page(paper=(250, 236, 200)))[1] is None


def test_a_scanner_tinting_black_print_does_not_make_the_print_stamp_ink():
    """Some scanners give black print a teal cast (Cr about -12) on neutral paper: measured
    from neutral, the letters were taken for stamp ink and half rubbed out. The print's own
    colour is the reference; the blue stamp still goes."""
    from PIL import ImageChops

    page = Image.new("RGB", (1200, 1600), "white")
    draw = ImageDraw.Draw(page)
    for y in range(400, 1500, 60):  # the body: most of the dark ink on a page
        for x in range(150, 1050, 20):
            draw.rectangle((x, y, x + 10, y + 30), fill=(10, 42, 42))
    stamp = Image.new("RGB", page.size, "white")
    ink = ImageDraw.Draw(stamp)
    ink.rectangle((100, 60, 500, 340), outline=(60, 50, 150), width=6)
    for x in range(130, 480, 20):
        ink.rectangle((x, 150, x + 8, 190), fill=(60, 50, 150))
    page = ImageChops.multiply(page, stamp)
    gray, mask = preprocess.gray_and_colour_ink(page)
    assert mask is not None
    clean = preprocess.without_ink(gray, mask.resize(gray.size, Image.Resampling.NEAREST))
    assert clean.crop((130, 150, 480, 190)).getextrema()[0] > 200  # the stamp's letters: gone
    kept = clean.crop((150, 400, 1050, 430))
    assert sum(kept.histogram()[:80]) > 0.3 * kept.width * kept.height  # the tinted print: kept


def test_only_a_speckled_page_is_median_filtered():
    import random

    from PIL import ImageChops

    # A scanner's dark edge and a line of text in the margin are not specks: left as scanned.
    edged = _page([(300, 100, 1300, 130), (10, 300, 90, 330)], size=(1650, 2300))
    ImageDraw.Draw(edged).rectangle((0, 0, 12, 2300), fill=0)
    assert preprocess.speckle(edged.crop((0, 0, 103, 2300))) < preprocess.SPECKLE
    assert ImageChops.difference(preprocess.grayscale(edged), edged).getbbox() is None
    # Salt and pepper over one pixel in eight: filtered, the text's strokes kept.
    rng = random.Random(3)
    speckled = edged.copy()
    px = speckled.load()
    for _ in range(speckled.width * speckled.height // 8):
        px[rng.randrange(speckled.width), rng.randrange(speckled.height)] = rng.choice((0, 255))
    assert preprocess.speckle(speckled.crop((0, 0, 103, 2300))) > preprocess.SPECKLE
    cleaned = preprocess.grayscale(speckled)
    assert preprocess.speckle(cleaned.crop((0, 0, 103, 2300))) < 1
    assert cleaned.getpixel((306, 115)) < 60  # a stroke of the text


def test_the_skew_of_text_lines_is_found():
    page = _page([(150, y, 1500, y + 24) for y in range(200, 2000, 60)], size=(1650, 2300))
    assert preprocess.skew_angle(page) == 0.0
    for angle in (-3.0, 1.5, 4.0):
        turned = page.rotate(angle, resample=Image.Resampling.BILINEAR, fillcolor=255)
        # The angle that puts the lines straight again: the page turned back.
        assert abs(preprocess.skew_angle(turned) + angle) <= 0.125


def _lit_from_one_side(im, dim=0.55):
    """`im` as a phone picture lit from its right: the paper's brightness falls to `dim` at
    the left edge."""
    import numpy as np

    a = np.asarray(im, dtype=np.float32)
    return Image.fromarray((a * np.linspace(dim, 1.0, a.shape[1])[None, :]).astype(np.uint8))


def test_a_page_lit_from_one_side_is_evened_and_a_scan_left_alone():
    scan = _page([(100, 40, 700, 70), (900, 40, 1500, 70), (400, 420, 1200, 450)])
    assert preprocess.even_lighting(scan) is scan
    photo = _lit_from_one_side(scan)
    even = preprocess.even_lighting(photo)
    # The dim paper at the left is paper again, the strokes there still ink.
    assert photo.crop((0, 200, 80, 300)).getextrema()[1] < 150
    assert even.crop((0, 200, 80, 300)).getextrema()[0] > 235
    assert even.crop((100, 45, 108, 65)).getextrema()[1] < 60
    # A page photographed on a dark desk: the desk is not ink, but for a band along the
    # page's edge (the paper's brightness is looked for about 80 pixels around).
    desk = Image.new("L", (1950, 1050), 50)
    desk.paste(scan, (150, 150))
    evened = preprocess.even_lighting(desk)
    assert evened.crop((0, 0, 40, 1050)).getextrema()[0] > 200
