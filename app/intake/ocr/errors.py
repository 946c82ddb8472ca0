"""OCR failures, each with the Vietnamese message the intake queue shows."""
from __future__ import annotations


class OcrError(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class OcrCancelled(OcrError):
    def __init__(self):
        super().__init__("Đã dừng đọc tệp.")


def empty_file() -> OcrError:
    return OcrError("Tệp rỗng (0 byte): máy quét chưa ghi xong hoặc tệp bị hỏng.")


def not_a_scan(suffix: str) -> OcrError:
    where = f" dù có đuôi {suffix}" if suffix else ""
    return OcrError(f"Không phải tệp ảnh hay PDF{where}. Nhận được: PDF, TIFF, PNG, JPEG, BMP.")


def truncated() -> OcrError:
    return OcrError("Tệp ảnh bị cắt cụt (chưa ghi hết hoặc tải về dở), không đọc được. Hãy quét lại.")


def corrupt(detail: str = "") -> OcrError:
    return OcrError("Tệp bị hỏng hoặc không đầy đủ, không đọc được" + (f" ({detail})." if detail else "."))


def _n(value: int) -> str:
    return f"{value:,}".replace(",", ".")  # Vietnamese thousands separator


def too_large(width: int, height: int) -> OcrError:
    return OcrError(f"Ảnh quá lớn ({_n(width)}×{_n(height)} điểm ảnh), có thể là tệp độc hại; "
                    "hãy quét lại ở 200–300 dpi.")


def not_a_page(width: int, height: int) -> OcrError:
    return OcrError(f"Ảnh {_n(width)}×{_n(height)} điểm ảnh không phải một trang văn bản "
                    "(quá nhỏ hoặc quá hẹp). Hãy quét lại cả trang.")


def encrypted() -> OcrError:
    return OcrError("PDF có mật khẩu, không mở được. Hãy bỏ mật khẩu hoặc quét lại bản giấy.")


def too_many_pages(pages: int, limit: int) -> OcrError:
    return OcrError(f"Tệp có {pages} trang, vượt giới hạn {limit} trang cho một văn bản. "
                    "Hãy tách tệp hoặc đăng ký bằng tay.")


def blank_page() -> OcrError:
    return OcrError("Trang đầu trắng, không có chữ để đọc. Kiểm tra mặt giấy khi quét.")


def timed_out(page: int) -> OcrError:
    return OcrError(f"Đọc trang {page} quá lâu, đã dừng. Hãy quét lại rõ hơn.")


def unreadable(page: int) -> OcrError:
    return OcrError(f"Tesseract không đọc được trang {page} (ảnh hỏng hoặc định dạng lạ); "
                    "hãy quét lại trang.")


def tesseract_missing() -> OcrError:
    return OcrError("Chưa cài Tesseract OCR với dữ liệu tiếng Việt (tesseract-ocr-vie).")
