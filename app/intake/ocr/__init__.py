"""Vietnamese OCR of scanned incoming documents: a fast header pass that fills the register
form, then the full text of every page and a searchable PDF. Pure Python, no Qt."""
from __future__ import annotations

import os

# numpy's BLAS starts a thread per core and keeps them spinning after each product: beside two
# Tesseract processes on two cores they took the cores from them, and the handwritten
# figures' pass (digits.py, a few small products) took a third longer. Read when numpy is
# first imported, so set here, before any module of the reader imports it.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from app.intake.ocr import spelling
from app.intake.ocr.errors import OcrCancelled, OcrError
from app.intake.ocr.extract import Field
from app.intake.ocr.load import load_pages
from app.intake.ocr.reader import (CONFIDENT, DEFAULT_TYPES, FullResult, HeaderResult, ocr_file_json,
                            read_full, read_header)

__all__ = ["CONFIDENT", "DEFAULT_TYPES", "Field", "FullResult", "HeaderResult", "OcrCancelled",
           "OcrError", "load_pages", "ocr_file_json", "read_full", "read_header", "spelling"]
