"""Every bad file gets a clear Vietnamese message (an OcrError), never a crash or a hang."""
import io
import struct
import zlib

import pytest
from PIL import Image
from pypdf import PdfWriter

from app.intake.ocr import OcrError, read_full, read_header


def png_header_claiming(width: int, height: int) -> bytes:
    """A PNG whose header declares a huge size: a decompression bomb costs nothing to make."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    ihdr = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0" * 64)) \
        + chunk(b"IEND", b"")


def write(tmp_path, name, data: bytes):
    p = tmp_path / name
    p.write_bytes(data)
    return p


def pdf_bytes(pages=1, password=None) -> bytes:
    w = PdfWriter()
    for _ in range(pages):
        w.add_blank_page(595, 842)
    if password:
        w.encrypt(password)
    buf = io.BytesIO()
    w.write(buf)
    return buf.getvalue()


def white_png() -> bytes:
    buf = io.BytesIO()
    Image.new("L", (1654, 2339), 255).save(buf, "PNG")
    return buf.getvalue()


def truncated_png() -> bytes:
    buf = io.BytesIO()
    Image.effect_noise((800, 800), 50).save(buf, "PNG")
    return buf.getvalue()[:5000]


@pytest.mark.parametrize("name,make,needle", [
    ("empty.pdf", lambda: b"", "rỗng"),
    ("note.jpg", lambda: "Đây là tệp văn bản, không phải ảnh".encode(), "Không phải tệp ảnh"),
    ("bomb.png", lambda: png_header_claiming(30000, 30000), "quá lớn"),
    ("cut.png", truncated_png, "cắt cụt"),
    ("broken.pdf", lambda: b"%PDF-1.4\n1 0 obj << /Type /Catalog", "hỏng"),
    ("locked.pdf", lambda: pdf_bytes(password="mat-khau"), "mật khẩu"),
    ("long.pdf", lambda: pdf_bytes(pages=500), "500 trang"),
    ("blank.png", white_png, "trắng"),
])
def test_bad_files_get_a_clear_message(tmp_path, name, make, needle):
    path = write(tmp_path, name, make())
    with pytest.raises(OcrError) as err:
        read_header(path)
    assert needle in err.value.message
    if name != "blank.png":
        with pytest.raises(OcrError):
            read_full(path)


def test_missing_file(tmp_path):
    with pytest.raises(OcrError) as err:
        read_header(tmp_path / "gone.png")
    assert "Không tìm thấy" in err.value.message


def test_cancel_stops_between_pages(tmp_path):
    from app.intake.ocr import OcrCancelled

    path = write(tmp_path, "two.pdf", pdf_bytes(pages=2))
    with pytest.raises(OcrCancelled):
        read_full(path, cancelled=lambda: True)
