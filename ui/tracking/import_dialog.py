"""Nhập sổ cũ từ Excel: choose the file, the sheet and the header row, map the columns to the
book's fields (guessed, remembered), run a dry run that lists every row with what it would
become and why a row is refused, then import everything in one transaction."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QFileDialog, QFormLayout, QHBoxLayout,
                               QHeaderView, QLabel, QPushButton, QSpinBox, QTableView, QTableWidget,
                               QVBoxLayout)

from app.dates import fmt
from app.errors import DomainError
from app.registers.views import Changes
from app.tracking import import_report, importer
from app.tracking.headings import FIELDS, guess_mapping
from app.tracking.sheet import inspect

OUTCOME = {"ok": "Sẽ đăng ký", "refused": "Từ chối", "skipped": "Bỏ qua"}
COLOURS = {"refused": QColor(255, 226, 226), "skipped": QColor(238, 238, 238)}


class DryRunModel(QAbstractTableModel):
    HEADERS = ("Dòng", "Kết quả", "Số đến", "Ngày đến", "Số, ký hiệu", "Trích yếu", "Lý do (ô)")

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows = []
        self.numbers: dict[int, int] = {}

    def set_rows(self, rows, numbers=None) -> None:
        self.beginResetModel()
        self.rows, self.numbers = list(rows), dict(numbers or {})
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return len(self.HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.tr(self.HEADERS[section])
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        r = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            number = self.numbers.get(r.row, r.number)
            return (str(r.row), self.tr(OUTCOME[r.outcome]), "" if number is None else str(number),
                    fmt(r.received_at), r.number_symbol, r.summary, r.reason_text)[index.column()]
        if role == Qt.ItemDataRole.BackgroundRole and r.outcome in COLOURS:
            return QBrush(COLOURS[r.outcome])
        return None


class ImportDialog(QDialog):
    imported = Signal(int)

    def __init__(self, runner, parent=None, book_key: str = "incoming"):
        super().__init__(parent)
        self.runner, self.book_key = runner, book_key
        self.path: Path | None = None
        self.info = None
        self.plan = None
        self.setWindowTitle(self.tr("Nhập sổ văn bản đến từ Excel"))
        self.resize(1100, 700)
        self.file_label = QLabel(self.tr("Chưa chọn tệp (.xlsx hoặc .csv)"))
        choose = QPushButton(self.tr("&Chọn tệp…"))
        choose.clicked.connect(self.choose)
        self.sheet = QComboBox()
        self.header_row = QSpinBox(minimum=1, maximum=1000)
        self.mapping = QTableWidget(0, 2)
        self.mapping.setHorizontalHeaderLabels([self.tr("Tiêu đề cột trong tệp"), self.tr("Trường của sổ")])
        self.mapping.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.mapping.verticalHeader().hide()
        self.results = DryRunModel(self)
        self.table = QTableView()
        self.table.setModel(self.results)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(6, QHeaderView.ResizeMode.Stretch)
        self.only_refused = QCheckBox(self.tr("Chỉ hiện dòng bị từ chối"))
        self.only_refused.toggled.connect(self._show_rows)
        self.summary = QLabel(wordWrap=True)
        self.error = QLabel(wordWrap=True)
        self.error.setStyleSheet("color: #b00020;")
        self.dry_button = QPushButton(self.tr("Chạy &thử"))
        self.import_button = QPushButton(self.tr("&Nhập vào sổ"))
        close = QPushButton(self.tr("Đóng"))
        self.dry_button.clicked.connect(self.dry_run)
        self.import_button.clicked.connect(self.run_import)
        close.clicked.connect(self.reject)
        self.dry_button.setEnabled(False)
        self.import_button.setEnabled(False)
        self.sheet.activated.connect(lambda _i: self._inspect(self.sheet.currentText(), None))
        self.header_row.editingFinished.connect(
            lambda: self._inspect(self.sheet.currentText(), self.header_row.value()))

        top = QHBoxLayout()
        top.addWidget(self.file_label, 1)
        top.addWidget(choose)
        form = QFormLayout()
        form.addRow(self.tr("Trang tính:"), self.sheet)
        form.addRow(self.tr("Dòng tiêu đề:"), self.header_row)
        left = QVBoxLayout()
        left.addLayout(form)
        left.addWidget(self.mapping)
        middle = QHBoxLayout()
        middle.addLayout(left, 2)
        right = QVBoxLayout()
        right.addWidget(self.only_refused)
        right.addWidget(self.table)
        middle.addLayout(right, 5)
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary, 1)
        buttons.addWidget(self.dry_button)
        buttons.addWidget(self.import_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(middle)
        layout.addWidget(self.error)
        layout.addLayout(buttons)

    # -- choosing ------------------------------------------------------------------------------
    def choose(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Chọn sổ cũ"), "",
                                              self.tr("Bảng tính (*.xlsx *.xlsm *.csv);;Mọi tệp (*)"))
        if name:
            self.open_file(Path(name))

    def open_file(self, path: Path) -> None:
        self.path = Path(path)
        self.file_label.setText(str(self.path))
        self._inspect(None, None)

    def _inspect(self, sheet, header_row) -> None:
        path = self.path
        self.error.clear()
        self.plan = None
        self.import_button.setEnabled(False)

        def read(s):
            info = inspect(path, sheet, header_row)
            return info, guess_mapping(s, list(info.headings))

        self.runner.query(read, self._inspected, self._failed, owner=self)

    def _inspected(self, pair) -> None:
        self.info, mapping = pair
        self.sheet.blockSignals(True)
        self.sheet.clear()
        self.sheet.addItems(list(self.info.names))
        self.sheet.setCurrentText(self.info.sheet)
        self.sheet.blockSignals(False)
        self.header_row.setValue(self.info.header_row)
        self.mapping.setRowCount(len(self.info.headings))
        for i, heading in enumerate(self.info.headings):
            self.mapping.setCellWidget(i, 0, QLabel(heading or self.tr("(cột %d không có tiêu đề)") % (i + 1)))
            box = QComboBox()
            box.addItem(self.tr("— không nhập —"), "")
            for key, label in FIELDS.items():
                box.addItem(self.tr(label), key)
            box.setCurrentIndex(max(0, box.findData(mapping.get(i, ""))))
            box.currentIndexChanged.connect(self._mapping_changed)
            self.mapping.setCellWidget(i, 1, box)
        self.dry_button.setEnabled(True)
        self.summary.setText(self.tr("Kiểm tra cách ghép cột rồi bấm Chạy thử."))

    def current_mapping(self) -> dict[int, str]:
        out = {}
        for i in range(self.mapping.rowCount()):
            field = self.mapping.cellWidget(i, 1).currentData()
            if field:
                out[i] = field
        return out

    def set_field(self, column: int, field: str) -> None:
        box = self.mapping.cellWidget(column, 1)
        box.setCurrentIndex(max(0, box.findData(field)))

    def _mapping_changed(self) -> None:
        self.plan = None
        self.import_button.setEnabled(False)

    # -- dry run and import --------------------------------------------------------------------
    def dry_run(self) -> None:
        path, key, sheet = self.path, self.book_key, self.info.sheet
        header, mapping = self.info.header_row, self.current_mapping()
        self.error.clear()

        def job(s, progress, cancelled):
            plan = importer.plan_import(s, path, key, sheet=sheet, header_row=header, mapping=mapping,
                                        progress=lambda d, t: progress(d, t or d), cancelled=cancelled)
            return plan, import_report.write_report(plan, imported=False)

        self.runner.query(job, self._planned, self._failed, long=True, parent=self,
                          label=self.tr("Đang đọc và kiểm tra từng dòng…"))

    def _planned(self, pair) -> None:
        self.plan, report = pair
        self._show_rows()
        text = self.plan.summary()
        self.summary.setText(text + "\n" + self.tr("Báo cáo từng dòng: %s") % report)
        self.import_button.setEnabled(self.plan.can_import)
        if not self.plan.can_import:
            self.error.setText(self.tr("Chưa nhập được: sửa các dòng bị từ chối trong tệp (hoặc cách ghép "
                                       "cột) rồi chạy thử lại. Không có dòng nào được đăng ký."))

    def _show_rows(self) -> None:
        if self.plan is None:
            return
        rows = self.plan.rows
        if self.only_refused.isChecked():
            rows = [r for r in rows if r.outcome == "refused"]
        self.results.set_rows(rows, self.results.numbers)

    def run_import(self) -> None:
        plan = self.plan
        if plan is None or not plan.can_import:
            return

        def job(s, progress, cancelled):
            return importer.run_import(s, plan, progress=progress, cancelled=cancelled)

        self.runner.write(job, self._imported, self._failed, long=True, parent=self,
                          label=self.tr("Đang đăng ký các dòng vào sổ…"),
                          changes=lambda r: Changes(self.book_key, r.entry_ids[:1000]))

    def _imported(self, result) -> None:
        try:
            report = import_report.write_report(self.plan, imported=True, numbers=result.numbers)
        except DomainError as exc:
            report = exc.message
        self.results.numbers = result.numbers
        self._show_rows()
        self.import_button.setEnabled(False)
        self.summary.setText(self.tr("Đã đăng ký %d văn bản. Báo cáo: %s") % (result.count, report))
        self.imported.emit(result.count)

    def _failed(self, exc) -> None:
        if not isinstance(exc, DomainError):
            raise exc
        self.error.setText(exc.message)
