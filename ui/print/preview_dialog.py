"""The built PDF shown inside the program (QtPdf), with "Lưu PDF…" and "In…".

Saving copies the built file (no rebuild); printing renders its pages to the printer on a
worker. Neither adds a print record: the build already recorded this print (see __init__).
"""
from __future__ import annotations

import shutil

from PySide6.QtCore import QPointF, Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (QComboBox, QDialog, QFileDialog, QHBoxLayout, QLabel,
                               QMessageBox, QPushButton, QSpinBox, QVBoxLayout)

from app.printing import PrintCancelled, PrintError
from ui.print import printer as pdf_printer
from ui.print.jobs import BuiltPdf, discard
from ui.print.progress import run_long

ZOOMS = [(0.5, "50%"), (0.75, "75%"), (1.0, "100%"), (1.25, "125%"), (1.5, "150%"), (2.0, "200%")]


class PreviewDialog(QDialog):
    def __init__(self, runner, built: BuiltPdf, parent=None):
        super().__init__(parent)
        self.runner, self.built = runner, built
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Xem trước — %s") % built.title)
        self.document = QPdfDocument(self)
        self.document.load(str(built.path))
        path = built.path  # the program may close with the preview open: no stray temp file
        self.destroyed.connect(lambda *_: discard(path))
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setPageSpacing(12)
        self.view.setStyleSheet("QPdfView { background: #7a7a7a; }")

        self.page = QSpinBox()
        self.page.setRange(1, max(1, self.document.pageCount()))
        self.page.setKeyboardTracking(False)
        self.page.valueChanged.connect(self.go_to)
        self.view.pageNavigator().currentPageChanged.connect(self._page_shown)
        self.zoom = QComboBox()
        self.zoom.addItem(self.tr("Vừa trang"), "page")
        self.zoom.addItem(self.tr("Vừa chiều rộng"), "width")
        for factor, text in ZOOMS:
            self.zoom.addItem(text, factor)
        self.zoom.currentIndexChanged.connect(self._zoom_changed)
        self.save_button = QPushButton(self.tr("Lưu PDF…"))
        self.save_button.clicked.connect(self.save)
        self.print_button = QPushButton(self.tr("In…"))
        self.print_button.clicked.connect(self.print_)
        close = QPushButton(self.tr("Đóng"))
        close.clicked.connect(self.reject)
        self.status = QLabel()

        bar = QHBoxLayout()
        prev_btn, next_btn = QPushButton("◀"), QPushButton("▶")
        for b in (prev_btn, next_btn, self.save_button, self.print_button, close):
            b.setAutoDefault(False)  # Enter in the page box jumps; it must not close the preview
        for b, step, tip in ((prev_btn, -1, self.tr("Trang trước")), (next_btn, 1, self.tr("Trang sau"))):
            b.setToolTip(tip)
            b.setFixedWidth(36)
            b.clicked.connect(lambda _=False, s=step: self.page.setValue(self.page.value() + s))
        bar.addWidget(QLabel(self.tr("Trang")))
        bar.addWidget(prev_btn)
        bar.addWidget(self.page)
        bar.addWidget(QLabel(self.tr("/ %s") % self.document.pageCount()))
        bar.addWidget(next_btn)
        bar.addSpacing(16)
        bar.addWidget(QLabel(self.tr("Thu phóng")))
        bar.addWidget(self.zoom)
        bar.addSpacing(16)
        bar.addWidget(self.status, 1)
        bar.addWidget(self.save_button)
        bar.addWidget(self.print_button)
        bar.addWidget(close)
        layout = QVBoxLayout(self)
        if built.secret:
            warn = QLabel(self.tr("Tài liệu MẬT: lần in này đã được ghi vào nhật ký in. "
                                  "Bản in và tệp PDF phải được quản lý như tài liệu mật."))
            warn.setWordWrap(True)
            warn.setStyleSheet("color: #b71c1c; font-weight: bold;")
            layout.addWidget(warn)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        self.status.setText(self.tr("%s trang, %s dòng") % (built.pages, built.entries))
        self.zoom.setCurrentIndex(1)  # fit width: the columns are readable at once
        self.resize(1100, 760)

    # --- navigation ----------------------------------------------------------------------
    def go_to(self, page_number: int) -> None:
        nav = self.view.pageNavigator()
        if nav.currentPage() != page_number - 1:
            nav.jump(page_number - 1, QPointF(), nav.currentZoom())

    def _page_shown(self, page: int) -> None:
        self.page.blockSignals(True)
        self.page.setValue(page + 1)
        self.page.blockSignals(False)

    def _zoom_changed(self, _index: int) -> None:
        data = self.zoom.currentData()
        if data == "page":
            self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        elif data == "width":
            self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        else:
            self.view.setZoomMode(QPdfView.ZoomMode.Custom)
            self.view.setZoomFactor(float(data))

    # --- save and print ------------------------------------------------------------------
    def _record(self, target: str) -> bool:
        """One record per build, written before the file is saved or the job sent."""
        if self.built.record is None or getattr(self, "_recorded", False):
            return True
        try:
            self.built.record(target)
        except Exception as exc:  # noqa: BLE001 — a locked or read-only store: say so, save nothing
            from app.storage import explain
            QMessageBox.warning(self, self.tr("In sổ"), explain(exc))
            return False
        self._recorded = True
        return True

    def save(self) -> str | None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Lưu PDF"), self.built.path.name,
                                              self.tr("Tệp PDF (*.pdf)"))
        if not name:
            return None
        if not name.lower().endswith(".pdf"):
            name += ".pdf"
        if not self._record(name):
            return None
        try:
            shutil.copyfile(self.built.path, name)
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Lưu PDF"), self.tr("Không lưu được tệp: %s") % exc)
            return None
        self.status.setText(self.tr("Đã lưu %s") % name)
        return name

    def print_(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.built.title)
        pdf_printer.match_paper(printer, self.document.pagePointSize(0))
        printer.setFromTo(1, self.document.pageCount())
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("In"))
        dialog.setMinMax(1, self.document.pageCount())
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        if not self._record(self.tr("máy in: %s") % printer.printerName()):
            return
        self.printer = printer  # kept alive while the worker paints on it
        self.print_button.setEnabled(False)
        self.status.setText(self.tr("Đang gửi tới máy in…"))
        run_long(self.runner, pdf_printer.print_job(self.built.path, printer), self._printed,
                 self._print_failed, label=self.tr("Đang in…"), parent=self)

    def _printed(self, pages: int) -> None:
        self.print_button.setEnabled(True)
        self.status.setText(self.tr("Đã gửi %s trang tới máy in.") % pages)

    def _print_failed(self, exc: BaseException) -> None:
        self.print_button.setEnabled(True)
        if isinstance(exc, PrintCancelled):
            self.status.setText(self.tr("Đã dừng in."))
        elif isinstance(exc, PrintError):
            self.status.setText(str(exc))
        else:
            raise exc

    def done(self, result: int) -> None:
        self.document.close()
        discard(self.built.path)
        super().done(result)
