"""In sổ: choose the book, the range, the paper and Quyển số; build the PDF on a worker and
open the preview. Errors of the service are shown at the field they name."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QButtonGroup, QComboBox, QDialog, QDialogButtonBox, QFormLayout,
                               QHBoxLayout, QLabel, QLineEdit, QRadioButton, QSpinBox,
                               QVBoxLayout, QWidget)

from app.printing import service as print_service
from app.dates import BadDate, parse_date
from app.errors import DomainError, ValidationError
from app.printing import PrintCancelled, PrintError
from ui.print.jobs import BuiltPdf, book_job
from ui.print.progress import run_long

SECRET = {"secret_incoming", "secret_outgoing"}
STEMS = {"incoming": "so-den", "outgoing": "so-di", "tracking": "so-theo-doi",
         "secret_incoming": "so-mat-den", "secret_outgoing": "so-mat-di"}
ERROR_FIELDS = {"year": "year", "numbers": "numbers", "number_from": "numbers",
                "number_to": "numbers", "date_from": "dates", "date_to": "dates",
                "volume": "volume", "paper": "paper"}


def _error_label() -> QLabel:
    label = QLabel()
    label.setStyleSheet("color: #c62828;")
    label.setWordWrap(True)
    label.hide()
    return label


def _row(*widgets) -> QWidget:
    box = QWidget()
    layout = QHBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    for w in widgets:
        layout.addWidget(QLabel(w) if isinstance(w, str) else w)
    layout.addStretch(1)
    return box


class PrintDialog(QDialog):
    built = Signal(object)  # BuiltPdf, once the preview is open

    def __init__(self, runner, book_key: str = "incoming", parent=None, today: dt.date | None = None):
        super().__init__(parent)
        self.runner = runner
        self.preview = None
        self.task = None
        today = today or dt.date.today()
        self.setWindowTitle(self.tr("In sổ"))
        self.book = QComboBox()
        for key, title in self._books():
            self.book.addItem(title, key)
        self.book.setCurrentIndex(max(0, self.book.findData(book_key)))
        self.secret_warning = QLabel(self.tr(
            "Sổ mật: lần in này được ghi vào nhật ký in (người in, thời gian, phạm vi). "
            "Các trang in ra là tài liệu mật, phải quản lý theo quy định bảo vệ bí mật nhà nước."))
        self.secret_warning.setWordWrap(True)
        self.secret_warning.setStyleSheet("color: #b71c1c; font-weight: bold;")

        self.year = QSpinBox()
        self.year.setRange(1990, 2100)
        self.year.setValue(today.year)
        self.by_year = QRadioButton(self.tr("Cả năm"))
        self.by_dates = QRadioButton(self.tr("Theo khoảng ngày"))
        self.by_numbers = QRadioButton(self.tr("Theo khoảng số (trong năm đã chọn)"))
        self.mode = QButtonGroup(self)
        for b in (self.by_year, self.by_dates, self.by_numbers):
            self.mode.addButton(b)
        self.by_year.setChecked(True)
        self.date_from = self._date_edit(dt.date(today.year, 1, 1))
        self.date_to = self._date_edit(today)
        self.number_from, self.number_to = QSpinBox(), QSpinBox()
        for spin, value in ((self.number_from, 1), (self.number_to, 100)):
            spin.setRange(1, 999999)
            spin.setValue(value)
        self.paper = QComboBox()
        self.paper.addItem(self.tr("A4 ngang"), "A4")
        self.paper.addItem(self.tr("A3 ngang"), "A3")
        self.volume = QSpinBox()
        self.volume.setRange(1, 9999)
        self.errors = {name: _error_label() for name in ("year", "dates", "numbers", "volume", "paper", "form")}

        form = QFormLayout()
        form.addRow(self.tr("Sổ"), self.book)
        form.addRow(self.tr("Năm"), self.year)
        form.addRow("", self.errors["year"])
        form.addRow(self.tr("Phạm vi"), self.by_year)
        form.addRow("", self.by_dates)
        form.addRow("", _row(self.tr("Từ ngày"), self.date_from, self.tr("đến ngày"), self.date_to))
        form.addRow("", self.errors["dates"])
        form.addRow("", self.by_numbers)
        form.addRow("", _row(self.tr("Từ số"), self.number_from, self.tr("đến số"), self.number_to))
        form.addRow("", self.errors["numbers"])
        form.addRow(self.tr("Khổ giấy"), self.paper)
        form.addRow(self.tr("Quyển số"), self.volume)
        form.addRow("", self.errors["volume"])
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Xem trước…"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Đóng"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.secret_warning)
        layout.addWidget(self.errors["form"])
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.build)
        self.buttons.rejected.connect(self.reject)
        self.book.currentIndexChanged.connect(self._book_changed)
        self.year.valueChanged.connect(self._load_volume)
        self.mode.buttonToggled.connect(self._mode_changed)
        self._mode_changed()
        self._book_changed()

    def _books(self):
        return [("incoming", self.tr("Sổ đăng ký văn bản đến")),
                ("outgoing", self.tr("Sổ đăng ký văn bản đi")),
                ("tracking", self.tr("Sổ theo dõi giải quyết văn bản đến")),
                ("secret_incoming", self.tr("Sổ đăng ký văn bản mật đến")),
                ("secret_outgoing", self.tr("Sổ đăng ký văn bản mật đi"))]

    @staticmethod
    def _date_edit(value: dt.date) -> QLineEdit:
        edit = QLineEdit(value.strftime("%d/%m/%Y"))
        edit.setInputMask("99/99/9999;_")
        edit.setFixedWidth(100)
        return edit

    # --- reacting --------------------------------------------------------------------------
    @property
    def book_key(self) -> str:
        return self.book.currentData()

    def _book_changed(self, *_args) -> None:
        self.secret_warning.setVisible(self.book_key in SECRET)
        self._load_volume()

    def _mode_changed(self, *_args) -> None:
        dates = self.by_dates.isChecked()
        self.year.setEnabled(not dates)
        for w in (self.date_from, self.date_to):
            w.setEnabled(dates)
        for w in (self.number_from, self.number_to):
            w.setEnabled(self.by_numbers.isChecked())

    def _load_volume(self, *_args) -> None:
        book, year = self.book_key, self.year.value()
        self.runner.query(lambda s: print_service.next_volume(s, book, year), self.volume.setValue,
                          owner=self)

    # --- building --------------------------------------------------------------------------
    def request(self) -> print_service.PrintRequest:
        """The request the fields describe; raises ValidationError for a field it cannot read."""
        common = dict(book=self.book_key, paper=self.paper.currentData(), volume=self.volume.value())
        if self.by_dates.isChecked():
            try:
                start, end = parse_date(self.date_from.text()), parse_date(self.date_to.text())
            except BadDate as exc:
                raise ValidationError({"date_from": str(exc)}) from None
            if start is None or end is None:
                raise ValidationError({"date_from": self.tr("Nhập ngày theo dạng dd/mm/yyyy.")})
            return print_service.PrintRequest(date_from=start, date_to=end, **common)
        if self.by_numbers.isChecked():
            a, b = self.number_from.value(), self.number_to.value()
            if a > b:
                raise ValidationError({"numbers": self.tr("Số bắt đầu (%s) lớn hơn số kết thúc (%s).") % (a, b)})
            return print_service.PrintRequest(year=self.year.value(), number_from=a, number_to=b, **common)
        return print_service.PrintRequest(year=self.year.value(), **common)

    def build(self) -> None:
        self._clear_errors()
        try:
            req = self.request()
        except ValidationError as exc:
            self._failed(exc)
            return
        title = self.book.currentText() + " — " + req.range_text
        stem = f"{STEMS[req.book]}-{req.year or req.date_from.year}-quyen-{req.volume}"
        self.ok.setEnabled(False)
        self.task = run_long(self.runner, book_job(self.runner.store, req, title, stem, req.book in SECRET),
                             self._built, self._failed, label=self.tr("Đang dựng sổ để in…"), parent=self)

    def _built(self, built: BuiltPdf) -> None:
        from ui.print.preview_dialog import PreviewDialog
        self.ok.setEnabled(True)
        self.preview = PreviewDialog(self.runner, built, self.parentWidget())
        self.preview.open()
        self.built.emit(built)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.ok.setEnabled(True)
        if isinstance(exc, ValidationError):
            for field, message in exc.errors.items():
                self._show_error(ERROR_FIELDS.get(field, "form"), message)
        elif isinstance(exc, PrintCancelled):
            self._show_error("form", self.tr("Đã dừng: không có tệp nào được tạo."))
        elif isinstance(exc, (PrintError, DomainError)):
            self._show_error("form", str(exc))
        else:
            raise exc

    def _show_error(self, name: str, message: str) -> None:
        label = self.errors[name]
        label.setText(message)
        label.show()

    def _clear_errors(self) -> None:
        for label in self.errors.values():
            label.clear()
            label.hide()
