"""A handover batch: the closed files of a period, who gives and who receives, where the
package goes; the package is written and checked on a worker, then the verdict is shown."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QDoubleSpinBox, QFileDialog,
                               QFormLayout, QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem, QMessageBox,
                               QPushButton, QSpinBox, QWidget)

from app.archive import handover, keepback
from app.archive.rules import current_period, period_label
from app.printing.archive_forms import PaperCount
from app.registers.views import Changes

PERIODS = ("Q1", "Q2", "Q3", "Q4", "H1", "H2", "Y")


class HandoverDialog(QDialog):
    exported = Signal(object)  # ExportResult
    listed = Signal()

    def __init__(self, runner, store, year: int, parent=None):
        super().__init__(parent)
        self.runner, self.store = runner, store
        self.setWindowTitle(self.tr("Nộp lưu hồ sơ vào Lưu trữ cơ quan (lưu trữ hiện hành)"))
        self.year = QSpinBox(self, minimum=1990, maximum=2200, value=year)
        self.period = QComboBox(self)
        for p in PERIODS:
            self.period.addItem(period_label(p), p)
        self.period.setCurrentIndex(PERIODS.index(current_period("quarter", dt.date.today())))
        self.files = QListWidget(self)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.giver, self.giver_position = QLineEdit(self), QLineEdit(self)
        self.receiver, self.receiver_position = QLineEdit(self), QLineEdit(self)
        # Paper files for the Biên bản: left at "(để trống)" the line is printed blank, to fill by hand.
        self.boxes = QSpinBox(self, minimum=-1, maximum=99999, value=-1)
        self.boxes.setSpecialValueText(self.tr("(để trống)"))
        self.metres = QDoubleSpinBox(self, minimum=-0.1, maximum=9999.0, value=-0.1, decimals=1, singleStep=0.1)
        self.metres.setSpecialValueText(self.tr("(để trống)"))
        self.metres.setSuffix(" m")
        self.folder = QLineEdit(str(Path.home()), self)
        browse = QPushButton(self.tr("Chọn…"), self)
        browse.clicked.connect(self._browse)
        self.as_zip = QCheckBox(self.tr("Nén thành một tệp .zip"), self)
        where = QWidget(self)
        wl = QHBoxLayout(where)
        wl.setContentsMargins(0, 0, 0, 0)
        wl.addWidget(self.folder, 1)
        wl.addWidget(browse)
        form = QFormLayout(self)
        form.addRow(self.tr("&Năm:"), self.year)
        form.addRow(self.tr("&Kỳ:"), self.period)
        form.addRow(self.tr("Hồ sơ:"), self.files)
        form.addRow("", self.note)
        form.addRow(self.tr("Bên giao, ông (bà):"), self.giver)
        form.addRow(self.tr("Chức vụ:"), self.giver_position)
        form.addRow(self.tr("Bên nhận, ông (bà):"), self.receiver)
        form.addRow(self.tr("Chức vụ:"), self.receiver_position)
        form.addRow(self.tr("Tài liệu giấy, số &hộp (cặp):"), self.boxes)
        form.addRow(self.tr("Quy ra &mét giá:"), self.metres)
        form.addRow(self.tr("&Lưu gói vào:"), where)
        form.addRow("", self.as_zip)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Xuất gói nộp lưu"))
        form.addRow(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.year.valueChanged.connect(lambda _v: self.refresh())
        self.period.currentIndexChanged.connect(lambda _i: self.refresh())
        self.resize(700, 680)
        self.refresh()

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Thư mục đặt gói nộp lưu"), self.folder.text())
        if chosen:
            self.folder.setText(chosen)

    _asked = 0

    def refresh(self) -> None:
        # Answers may come back out of order (two readers): only the latest question counts.
        self._asked += 1
        asked, year, period = self._asked, self.year.value(), self.period.currentData()
        self.runner.query(lambda s: (handover.candidates(s, year, period), keepback.kept(s, year, period)),
                          lambda got: self._got(*got) if asked == self._asked else None, self._failed, owner=self)

    def paper(self) -> PaperCount:
        boxes, metres = self.boxes.value(), self.metres.value()
        return PaperCount(boxes if boxes >= 0 else None, round(metres, 1) if metres >= 0 else None)

    def _got(self, c, kept=()) -> None:
        self.files.clear()
        for v in c.files:
            item = QListWidgetItem(f"{v.code} — {v.title} ({v.documents} văn bản, đóng {v.closed_on:%d/%m/%Y})")
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            item.setData(Qt.ItemDataRole.UserRole, v.code)
            self.files.addItem(item)
        for v, why in c.refused:
            item = QListWidgetItem(f"{v.code} — {v.title}: {why}")
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            item.setToolTip(why)
            self.files.addItem(item)
        for k in kept:
            why = self.tr("đơn vị giữ lại đến %s; có tên trong Danh mục hồ sơ, tài liệu giữ lại kèm theo gói") % (
                k.until.strftime("%d/%m/%Y"))
            item = QListWidgetItem(f"{k.hoso.code} — {k.hoso.title}: {why}")
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            item.setToolTip(k.reason)
            self.files.addItem(item)
        span = f"{c.date_from:%d/%m/%Y} – {c.date_to:%d/%m/%Y}"
        self.note.setText(self.tr("%d hồ sơ đã đóng trong kỳ (%s) chờ nộp lưu.") % (len(c.files), span)
                          if c.files else self.tr("Không có hồ sơ đã đóng nào trong kỳ (%s) chờ nộp lưu.") % span)
        self.ok.setEnabled(bool(c.files))
        self.listed.emit()

    def chosen_codes(self) -> list[str]:
        items = (self.files.item(i) for i in range(self.files.count()))
        return [i.data(Qt.ItemDataRole.UserRole) for i in items
                if i.data(Qt.ItemDataRole.UserRole) and i.checkState() == Qt.CheckState.Checked]

    def accept(self) -> None:
        from app.archive import package

        codes = self.chosen_codes()
        if not codes:
            QMessageBox.information(self, self.windowTitle(), self.tr("Chọn ít nhất một hồ sơ."))
            return
        store, year, period = self.store, self.year.value(), self.period.currentData()
        out, as_zip = Path(self.folder.text()), self.as_zip.isChecked()
        giver = (self.giver.text(), self.giver_position.text())
        receiver = (self.receiver.text(), self.receiver_position.text())
        paper = self.paper()

        def run(_session, progress, cancelled):
            # export opens its own sessions: the batch is committed before the package is written;
            # its checks are those of the full verify it ran on the package just written.
            result = package.export(store, year, period, out, as_zip=as_zip, codes=codes, giver=giver,
                                    receiver=receiver, paper=paper, progress=progress, cancelled=cancelled)
            return result, list(result.checks)

        self.ok.setEnabled(False)
        self.runner.query(run, self._done, self._failed, long=True, label=self.tr("Đang tạo và kiểm tra gói nộp lưu…"),
                          parent=self)

    def _done(self, got) -> None:
        result, lines = got
        self.runner.changed.emit(Changes("archive"))
        self.exported.emit(result)
        QMessageBox.information(self, self.tr("Đã xuất gói nộp lưu"),
                                self.tr("Gói %s (biên bản số %s): %d hồ sơ, %d văn bản.\n%s\n\n%s")
                                % (result.code, result.minutes_number, result.files, result.documents, result.path,
                                   "\n".join(lines)))
        super().accept()

    def _failed(self, exc: BaseException) -> None:
        self.ok.setEnabled(True)
        self.runner.changed.emit(Changes("archive"))
        QMessageBox.warning(self, self.tr("Không xuất được gói nộp lưu"), getattr(exc, "message", str(exc)))
