"""The organisation: asked at first run, editable later under Cài đặt → Cơ quan."""
from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (QButtonGroup, QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout,
                               QHBoxLayout, QLabel, QLineEdit, QMessageBox, QRadioButton, QVBoxLayout,
                               QWidget)

from app import org as org_mod
from app.dates import BadDate, parse_date
from app.errors import DomainError, ValidationError

ERROR_CSS = "border: 1px solid #c62828;"


class FirstRunDialog(QDialog):
    def __init__(self, runner, parent=None, first_run: bool = True):
        super().__init__(parent)
        self.runner = runner
        self.setWindowTitle(self.tr("Thông tin cơ quan") if not first_run else
                            self.tr("Bắt đầu: khai báo cơ quan"))
        intro = QLabel(self.tr("Các thông tin này dùng để ghi ký hiệu văn bản đi và in bìa sổ. "
                               "Có thể sửa sau trong Cài đặt → Cơ quan."))
        intro.setWordWrap(True)
        self.parent_org = QLineEdit()
        self.parent_org.setPlaceholderText(self.tr("ví dụ: UBND TỈNH THANH HÓA"))
        self.org_name = QLineEdit()
        self.org_name.setPlaceholderText(self.tr("ví dụ: SỞ NỘI VỤ"))
        self.org_abbr = QLineEdit()
        self.org_abbr.setPlaceholderText(self.tr("TU, VPTU, UBND, SNV…"))
        self.state = QRadioButton(self.tr("Nhà nước"))
        self.party = QRadioButton(self.tr("Đảng"))
        self.regime = QButtonGroup(self)
        self.regime.addButton(self.state)
        self.regime.addButton(self.party)
        self.state.setChecked(True)
        self.term_start = QLineEdit()
        self.term_start.setInputMask("99/99/9999;_")
        self.place = QLineEdit()
        self.place.setPlaceholderText(self.tr("ví dụ: Thanh Hóa"))
        self.state_scheme = QComboBox()
        self.state_scheme.addItem(self.tr("Chung một dãy số cho mọi tên loại"), "all")
        self.state_scheme.addItem(self.tr("Mỗi tên loại một dãy số"), "per_type")
        # A scheme change in a year that already has numbers waits for 1 January, unless the
        # administrator asks to continue each sequence after its highest number now.
        self.continue_numbers = QCheckBox(self.tr("Đổi ngay năm nay, mỗi dãy tiếp sau số lớn nhất đã cấp"))
        self.continue_numbers.setToolTip(self.tr(
            "Nếu không chọn: năm nay đã có số văn bản đi thì cách đánh số mới áp dụng từ 01/01 năm sau, "
            "để không số nào bị cấp lại."))
        if first_run:  # nothing numbered yet: nothing to continue
            self.continue_numbers.hide()
        self.notice_box = None

        regime_row = QWidget()
        row = QHBoxLayout(regime_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.state)
        row.addWidget(self.party)
        row.addStretch(1)
        self.widgets = {"parent_org": self.parent_org, "org_name": self.org_name,
                        "org_abbr": self.org_abbr, "regime": regime_row,
                        "term_start": self.term_start, "place": self.place,
                        "state_scheme": self.state_scheme, "continue_numbers": self.continue_numbers}
        labels = {"parent_org": self.tr("Cơ quan chủ quản"), "org_name": self.tr("Tên cơ quan"),
                  "org_abbr": self.tr("Chữ viết tắt (trong ký hiệu)"), "regime": self.tr("Chế độ"),
                  "term_start": self.tr("Ngày bắt đầu nhiệm kỳ"), "place": self.tr("Địa danh"),
                  "state_scheme": self.tr("Cách đánh số văn bản đi"), "continue_numbers": ""}
        self.errors: dict[str, QLabel] = {}
        form = QFormLayout()
        for name, widget in self.widgets.items():
            box = QWidget()
            col = QVBoxLayout(box)
            col.setContentsMargins(0, 0, 0, 0)
            col.setSpacing(1)
            col.addWidget(widget)
            error = QLabel()
            error.setStyleSheet("color: #c62828;")
            error.setWordWrap(True)
            error.hide()
            col.addWidget(error)
            self.errors[name] = error
            form.addRow(labels[name], box)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Lưu"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Hủy"))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.party.toggled.connect(self._regime_changed)
        self._regime_changed()
        self.setMinimumWidth(520)
        runner.query(org_mod.load, self._show)

    def _regime_changed(self, *_args) -> None:
        party = self.party.isChecked()
        self.term_start.setEnabled(party)
        self.state_scheme.setEnabled(not party)
        self.continue_numbers.setEnabled(not party)

    def _show(self, org: org_mod.Organisation) -> None:
        self.parent_org.setText(org.parent_org)
        self.org_name.setText(org.org_name)
        self.org_abbr.setText(org.org_abbr)
        (self.party if org.regime == "party" else self.state).setChecked(True)
        if org.term_start:
            self.term_start.setText(dt.date.fromisoformat(org.term_start).strftime("%d/%m/%Y"))
        self.place.setText(org.place)
        self.state_scheme.setCurrentIndex(max(0, self.state_scheme.findData(org.state_scheme)))

    def organisation(self) -> org_mod.Organisation:
        """The organisation as typed; raises ValidationError for a date that does not exist."""
        party = self.party.isChecked()
        term = ""
        text = self.term_start.text()
        if party and any(c.isdigit() for c in text):
            try:
                term = parse_date(text).isoformat()
            except BadDate as exc:
                raise ValidationError({"term_start": str(exc)}) from None
        return org_mod.Organisation(
            parent_org=self.parent_org.text(), org_name=self.org_name.text(),
            org_abbr=self.org_abbr.text(), regime="party" if party else "state",
            term_start=term, place=self.place.text(), state_scheme=self.state_scheme.currentData())

    def save(self) -> None:
        try:
            org = self.organisation()
        except ValidationError as exc:
            self._show_errors(exc.errors)
            return
        self.buttons.setEnabled(False)
        keep_on, today = self.continue_numbers.isChecked(), dt.date.today()

        def write(s):
            from app.registers import periods
            saved = org_mod.save(s, org, continue_numbers=keep_on, today=today)
            return periods.effective_year(s, saved, today)
        self.runner.write(write, lambda year: self._saved(year, today), self._failed, owner=self)

    def _saved(self, from_year: int, today: dt.date) -> None:
        if self.state.isChecked() and from_year > today.year:
            self.notice_box = QMessageBox(
                QMessageBox.Icon.Information, self.tr("Cách đánh số văn bản đi"),
                self.tr("Năm %s đã có số văn bản đi, nên năm nay vẫn đánh số như cũ. Cách đánh số "
                        "mới áp dụng từ ngày 01/01/%s.") % (today.year, from_year),
                QMessageBox.StandardButton.Ok, self.parentWidget())
            self.notice_box.button(QMessageBox.StandardButton.Ok).setText(self.tr("Đồng ý"))
            self.notice_box.open()
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        if isinstance(exc, ValidationError):
            self._show_errors(exc.errors)
        elif isinstance(exc, DomainError):  # e.g. only quản trị changes the office's settings
            QMessageBox.warning(self, self.windowTitle(), exc.message)
        else:
            raise exc

    def _show_errors(self, errors: dict[str, str]) -> None:
        first = None
        for name, widget in self.widgets.items():
            label = self.errors[name]
            label.setVisible(name in errors)
            label.setText(errors.get(name, ""))
            widget.setStyleSheet(ERROR_CSS if name in errors and name != "regime" else "")
            if name in errors and first is None:
                first = widget
        if first is not None:
            first.setFocus()
