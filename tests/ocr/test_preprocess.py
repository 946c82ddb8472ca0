"""Where the header band is parted for two Tesseract runs, and what counts as a stamp's ink."""
from PIL import Image, ImageDraw

from app.ocr import preprocess


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
