"""Loading scans as page images: PDF (pypdfium2), multi-page TIFF, PNG, JPEG, BMP, phone photos.
The type is told by the content, not the name, and every way a file can be bad becomes an
OcrError with a clear message."""
from __future__ import annotations

from pathlib import Path
from typing import Iterator

from PIL import Image, ImageOps, UnidentifiedImageError

from app.intake.ocr import errors
from app.pdflock import LOCK, document, image_of

MAX_PIXELS = 60_000_000  # an A3 page at 600 dpi is 70 MP; a 30,000² bomb is 900 MP
MAX_PAGES = 200
PDF_DPI = 300

# Our own check below runs on the declared size before any pixel is decoded (Image.open only
# reads the header), so Pillow's global bomb guard, which would hide the size, is not needed.
Image.MAX_IMAGE_PIXELS = None


def sniff(path: Path) -> str:
    """'pdf' or 'image' from the first bytes; raises for empty or foreign files."""
    try:
        size = path.stat().st_size
        with open(path, "rb") as f:
            head = f.read(1024)
    except FileNotFoundError:
        raise errors.OcrError(f"Không tìm thấy tệp {path.name}.") from None
    if size == 0:
        raise errors.empty_file()
    # The PDF header may follow some bytes of junk (ISO 32000-1, 7.5.2 lets readers look for it
    # in the first 1024 bytes; pdfium does): some signing tools leave such files.
    if head.startswith(b"%PDF") or b"%PDF-" in head:
        return "pdf"
    if head.startswith((b"\x89PNG", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*", b"BM")):
        return "image"
    raise errors.not_a_scan(path.suffix)


def page_count(path: Path) -> int:
    if sniff(path) == "pdf":
        with _open_pdf(path) as pdf, LOCK:
            return len(pdf)
    with _open_image(path) as im:
        return getattr(im, "n_frames", 1)


class _open_pdf:
    def __init__(self, path: Path):
        import pypdfium2 as pdfium

        try:
            with LOCK:
                self.pdf = pdfium.PdfDocument(str(path))
        except pdfium.PdfiumError as exc:
            if "password" in str(exc).lower():
                raise errors.encrypted() from None
            raise errors.corrupt("PDF") from None

    def __enter__(self):
        return self.pdf

    def __exit__(self, *exc):
        with LOCK:
            self.pdf.close()


def _open_image(path: Path) -> Image.Image:
    try:
        im = Image.open(path)
    except (UnidentifiedImageError, OSError, SyntaxError):
        raise errors.corrupt() from None
    if im.width * im.height > MAX_PIXELS:
        raise errors.too_large(im.width, im.height)
    check_shape(im.width, im.height)
    return im


MIN_SIDE = 64  # smaller than a line of print: no page to read
MAX_ASPECT = 8  # an A4 page is 1.41, a long receipt or a strip 3-5; beyond this it is no page


def check_shape(width: int, height: int) -> None:
    """Refuses degenerate images from the header alone, before decoding (a 1×3508 strip took
    52 s and 2.8 GB to be found blank)."""
    short, long_ = sorted((width, height))
    if short < MIN_SIDE or long_ > MAX_ASPECT * short:
        raise errors.not_a_page(width, height)


def iter_pages(path: Path, max_pages: int = MAX_PAGES, dpi: int = PDF_DPI,
               first: int = 0) -> Iterator[Image.Image]:
    """Page images in order from page `first` (0-based), each fully decoded (so truncation
    shows here, not later)."""
    kind = sniff(path)
    if kind == "pdf":
        with _open_pdf(path) as pdf:
            with LOCK:
                count = len(pdf)
            if count > max_pages:
                raise errors.too_many_pages(count, max_pages)
            if count == 0:
                raise errors.corrupt("PDF không có trang nào")
            for i in range(first, count):
                with LOCK:  # the page is drawn and closed before it is handed on
                    page = pdf[i]
                    try:
                        w, h = page.get_size()
                        if w * h * (dpi / 72) ** 2 > MAX_PIXELS:
                            raise errors.too_large(int(w * dpi / 72), int(h * dpi / 72))
                        check_shape(int(w * dpi / 72), int(h * dpi / 72))
                        # In colour: the first page's stamps are told from its print by their
                        # colour (reader.prepare); later pages are made gray at once.
                        image = image_of(page.render(scale=dpi / 72))
                    finally:
                        page.close()
                yield image if i == 0 else image.convert("L")
        return
    im = _open_image(path)
    frames = getattr(im, "n_frames", 1)
    if frames > max_pages:
        raise errors.too_many_pages(frames, max_pages)
    for i in range(first, frames):
        try:
            im.seek(i)
            frame = ImageOps.exif_transpose(im) if i == 0 else im.copy()
            frame.load()
        except (OSError, SyntaxError, ValueError) as exc:
            # Pillow's own words are English ("image file is truncated"): say it in Vietnamese.
            raise (errors.truncated() if "truncat" in str(exc) else errors.corrupt()) from None
        yield frame


def load_pages(path: Path | str, max_pages: int = MAX_PAGES, dpi: int = PDF_DPI) -> list[Image.Image]:
    return list(iter_pages(Path(path), max_pages, dpi))


def render_top(path: Path | str, share: float, dpi: int, index: int = 0) -> Image.Image:
    """The top `share` of a PDF page drawn in gray at `dpi`, its form fields' appearances
    included: signing services stamp the number and the day into the blanks as pictures in
    their signature fields, which are no part of the text layer."""
    with document(path) as pdf:
        pdf.init_forms()  # without it pdfium draws no form field's appearance
        page = pdf[index]
        try:
            height = page.get_size()[1]
            bitmap = page.render(scale=dpi / 72, crop=(0, height * (1 - share), 0, 0), may_draw_forms=True)
            return image_of(bitmap).convert("L")
        finally:
            page.close()
