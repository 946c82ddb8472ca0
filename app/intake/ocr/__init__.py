"""Vietnamese OCR of scanned incoming documents: a fast header pass that fills the register
form, then the full text of every page and a searchable PDF. Pure Python, no Qt."""
from __future__ import annotations

from app.intake.ocr import spelling
from app.intake.ocr.errors import OcrCancelled, OcrError
from app.intake.ocr.extract import Field
from app.intake.ocr.load import load_pages
from app.intake.ocr.reader import (CONFIDENT, DEFAULT_TYPES, FullResult, HeaderResult, ocr_file_json,
                            read_full, read_header)

__all__ = ["CONFIDENT", "DEFAULT_TYPES", "Field", "FullResult", "HeaderResult", "OcrCancelled",
           "OcrError", "load_pages", "ocr_file_json", "read_full", "read_header", "spelling"]
