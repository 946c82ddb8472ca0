"""PDF pages → a QPrinter, page by page, on a worker.

Qt allows a QPainter on a QPrinter (and QImage) outside the GUI thread; the worker opens its
own QPdfDocument, so the preview's document is never touched from two threads. Each page is
rendered to an image at no more than MAX_DPI (a 1200-dpi printer would otherwise get 140 MB
images) and drawn over the whole sheet: the PDF carries its own margins.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, QSize, QSizeF
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter

from app.printing import PrintCancelled, PrintError

MAX_DPI = 300


def match_paper(printer: QPrinter, page_points: QSizeF) -> None:
    """Paper size and orientation of the PDF's pages, before the print dialog shows."""
    w, h = page_points.width(), page_points.height()
    landscape = w > h
    size = QPageSize(QSizeF(min(w, h), max(w, h)), QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch)
    printer.setPageSize(size)
    printer.setPageOrientation(QPageLayout.Orientation.Landscape if landscape
                               else QPageLayout.Orientation.Portrait)
    printer.setFullPage(True)


def page_range(printer: QPrinter, page_count: int) -> range:
    """The pages chosen in the print dialog (0-based), all of them by default."""
    first, last = printer.fromPage(), printer.toPage()
    if first <= 0 or last <= 0:
        return range(page_count)
    return range(first - 1, min(last, page_count))


def print_job(pdf: Path, printer: QPrinter):
    """A TaskRunner long job: fn(session, progress, cancelled) -> pages printed."""
    def run(_session, progress, cancelled) -> int:
        from PySide6.QtPdf import QPdfDocument

        doc = QPdfDocument()
        if doc.load(str(pdf)) != QPdfDocument.Error.None_:
            raise PrintError(f"Không mở được tệp PDF: {pdf.name}")
        pages = page_range(printer, doc.pageCount())
        painter = QPainter()
        if not painter.begin(printer):
            raise PrintError("Không mở được máy in.")
        try:
            sheet = printer.paperRect(QPrinter.Unit.DevicePixel)
            dpi = min(printer.resolution(), MAX_DPI)
            for i, page in enumerate(pages):
                if cancelled():
                    printer.abort()
                    raise PrintCancelled("Đã hủy lệnh in.")
                if i:
                    printer.newPage()
                points = doc.pagePointSize(page)
                size = QSize(round(points.width() / 72 * dpi), round(points.height() / 72 * dpi))
                image: QImage = doc.render(page, size)
                painter.drawImage(_fit(sheet, points), image)
                progress(i + 1, len(pages))
        finally:
            if painter.isActive():
                painter.end()
            doc.close()
        return len(pages)
    return run


def _fit(sheet: QRectF, points: QSizeF) -> QRectF:
    """The largest rectangle of the page's proportions centred on the sheet."""
    scale = min(sheet.width() / points.width(), sheet.height() / points.height())
    w, h = points.width() * scale, points.height() * scale
    return QRectF(sheet.x() + (sheet.width() - w) / 2, sheet.y() + (sheet.height() - h) / 2, w, h)
