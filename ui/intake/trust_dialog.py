"""Cài đặt → Chứng thư gốc (chữ ký số)…: the root certificates of the certification
authorities, against which incoming signatures are verified (NĐ 30 Điều 21). Importing and
removing are quản trị's; the others see the list."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QDialog, QFileDialog, QHBoxLayout, QLabel, QListWidget, QListWidgetItem,
                               QMessageBox, QPushButton, QVBoxLayout)

from app.errors import DomainError
from app.intake import trust
from app.security import access

FILE_FILTER = "Chứng thư số (*.cer *.crt *.der *.pem);;Tất cả tệp (*)"
ERROR, DONE = "color: #c62828;", "color: #2e7d32;"


class TrustDialog(QDialog):
    def __init__(self, runner, parent=None):
        super().__init__(parent)
        self.runner, self.data_dir = runner, runner.store.data_dir
        self.setWindowTitle(self.tr("Chứng thư gốc để xác minh chữ ký số"))
        intro = QLabel(self.tr(
            "Chứng thư gốc của tổ chức cấp chứng thư số (Ban Cơ yếu Chính phủ, …), tệp .cer/.crt (PEM "
            "hoặc DER) lấy từ tổ chức đó. Khi chưa nhập, chữ ký số của văn bản đến chỉ được kiểm tra "
            "nguyên vẹn và ghi “chưa xác minh được nguồn cấp chứng thư”."), wordWrap=True)
        self.list = QListWidget()
        self.message = QLabel(wordWrap=True)
        self.import_button = QPushButton(self.tr("Nhập chứng thư gốc…"))
        self.remove_button = QPushButton(self.tr("Bỏ chứng thư đã chọn"))
        close = QPushButton(self.tr("Đóng"))
        for b in (self.import_button, self.remove_button, close):
            b.setAutoDefault(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.import_button.clicked.connect(self.choose_file)
        self.remove_button.clicked.connect(self.remove_selected)
        close.clicked.connect(self.accept)
        with runner.store.ReadSession() as s:
            actor = access.actor(s)
        if not access.allowed(actor, "settings"):  # the services refuse it anyway
            for b in (self.import_button, self.remove_button):
                b.setEnabled(False)
            self._say(self.tr("Chỉ người quản trị được nhập hoặc bỏ chứng thư gốc."), ERROR)
        self.resize(620, 360)
        self.reload()

    def reload(self) -> None:
        self.list.clear()
        for root in trust.roots(self.data_dir):
            row = QListWidgetItem(root.describe())
            row.setData(Qt.ItemDataRole.UserRole, root.name)
            row.setToolTip(self.tr("Tệp: %s\nCấp bởi: %s\nSHA-256: %s") % (root.name, root.issuer, root.sha256))
            self.list.addItem(row)
        if not self.list.count():
            self.list.addItem(self.tr("(chưa nhập chứng thư gốc nào)"))

    def names(self) -> list[str]:
        rows = (self.list.item(i) for i in range(self.list.count()))
        return [r.data(Qt.ItemDataRole.UserRole) for r in rows if r.data(Qt.ItemDataRole.UserRole)]

    def _say(self, text: str, style: str) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(style)

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Chọn chứng thư gốc"), "", self.tr(FILE_FILTER))
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> None:
        data_dir = self.data_dir
        self.runner.write(lambda s: trust.import_root(s, data_dir, path), self._imported, self._failed)

    def _imported(self, root: trust.Root) -> None:
        self.reload()
        self._say(self.tr("Đã nhập chứng thư gốc: %s. Văn bản đọc từ nay được xác minh theo chứng thư này.")
                  % root.subject, DONE)

    def remove_selected(self) -> None:
        row = self.list.currentItem()
        name = row.data(Qt.ItemDataRole.UserRole) if row is not None else None
        if not name:
            self._say(self.tr("Chọn một chứng thư trong danh sách trước."), ERROR)
            return
        answer = QMessageBox.question(self, self.windowTitle(), self.tr(
            "Bỏ chứng thư gốc “%s”? Chữ ký số do tổ chức này cấp sẽ không còn được xác minh nguồn cấp.")
            % row.text())
        if answer != QMessageBox.StandardButton.Yes:
            return
        data_dir = self.data_dir
        self.runner.write(lambda s: trust.remove_root(s, data_dir, name), self._removed, self._failed)

    def _removed(self, root: trust.Root) -> None:
        self.reload()
        self._say(self.tr("Đã bỏ chứng thư gốc: %s.") % root.subject, DONE)

    def _failed(self, exc: BaseException) -> None:
        if not isinstance(exc, DomainError):
            raise exc
        self._say(exc.message, ERROR)
