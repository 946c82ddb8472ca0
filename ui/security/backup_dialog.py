"""Tệp → Sao lưu… (folder, how many to keep, back up now) and Tệp → Khôi phục… (quản trị)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
    QPushButton, QSpinBox, QVBoxLayout,
)

from app.errors import DomainError
from app.security.restore import restore
from ui.security import settings as SS


def _folder_row(edit: QLineEdit, browse) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addWidget(edit, 1)
    row.addWidget(QPushButton("…", clicked=browse))
    return row


class BackupDialog(QDialog):
    def __init__(self, window):
        super().__init__(window)
        self.window_, self.settings = window, window.settings
        self.setWindowTitle(self.tr("Sao lưu"))
        self.folder = QLineEdit(self.settings.get(SS.BACKUP_FOLDER))
        self.keep = QSpinBox(minimum=1, maximum=365, value=self.settings.get(SS.BACKUP_KEEP))
        self.message = QLabel(self.tr("Chương trình cũng tự sao lưu vào thư mục này khi mở lần đầu "
                                      "trong ngày và khi thoát."))
        self.message.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Thư mục sao lưu (ổ USB…):"), _folder_row(self.folder, self._browse))
        form.addRow(self.tr("Giữ lại số bản mới nhất:"), self.keep)
        self.now_button = QPushButton(self.tr("&Sao lưu ngay"), clicked=self.back_up_now)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, rejected=self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.now_button)
        layout.addWidget(close)

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Chọn thư mục sao lưu"), self.folder.text())
        if chosen:
            self.folder.setText(chosen)

    def back_up_now(self) -> None:
        folder = self.folder.text().strip()
        if not folder:
            self.message.setText(self.tr("Hãy chọn thư mục sao lưu."))
            return
        self.settings.set(SS.BACKUP_FOLDER, folder)
        self.settings.set(SS.BACKUP_KEEP, self.keep.value())
        from ui.security.install import back_up

        window, keep = self.window_, self.keep.value()
        self.now_button.setEnabled(False)
        self.message.setText(self.tr("Đang sao lưu…"))
        self.window_.runner.query(lambda _s: back_up(window, Path(folder), keep), self._done, self._failed)

    def _done(self, result) -> None:
        self.now_button.setEnabled(True)
        text = self.tr("Đã sao lưu vào %s (%d tệp đính kèm, %d tệp mới).") % (
            result.path, result.files, result.files_copied)
        if result.secret:
            text += self.tr(" Kho văn bản mật cũng đã được sao lưu (vẫn mã hóa).")
        self.message.setText("\n".join((text, *result.warnings)))

    def _failed(self, exc: BaseException) -> None:
        self.now_button.setEnabled(True)
        self.message.setText(exc.message if isinstance(exc, DomainError) else self.tr("Lỗi: %s") % exc)


class RestoreDialog(QDialog):
    """Restores into a NEW data folder; the one in use is kept as it is."""

    def __init__(self, window):
        super().__init__(window)
        self.window_ = window
        self.result_dir: Path | None = None
        self.setWindowTitle(self.tr("Khôi phục từ bản sao lưu"))
        self.source = QLineEdit()
        current = Path(window.store.data_dir)
        self.target = QLineEdit(str(current.with_name(current.name + "-khoi-phuc")))
        form = QFormLayout()
        form.addRow(self.tr("Bản sao lưu:"), _folder_row(self.source, self._browse_source))
        form.addRow(self.tr("Thư mục dữ liệu mới:"), _folder_row(self.target, self._browse_target))
        self.message = QLabel(self.tr("Bản sao lưu được kiểm tra theo danh mục và chuỗi nhật ký trước "
                                      "khi dùng; thư mục dữ liệu đang dùng được giữ nguyên."))
        self.message.setWordWrap(True)
        self.run_button = QPushButton(self.tr("&Khôi phục"), clicked=self.run_restore)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.run_button)
        layout.addWidget(QDialogButtonBox(QDialogButtonBox.StandardButton.Close, rejected=self.reject))

    def _browse_source(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Chọn bản sao lưu"))
        if chosen:
            self.source.setText(chosen)

    def _browse_target(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Chọn thư mục mới (trống)"))
        if chosen:
            self.target.setText(chosen)

    def run_restore(self) -> None:
        store = self.window_.store
        source, target = Path(self.source.text().strip()), Path(self.target.text().strip())
        self.run_button.setEnabled(False)
        self.message.setText(self.tr("Đang khôi phục và kiểm tra…"))
        self.window_.runner.query(lambda _s: restore(store, source, target), self._done, self._failed)

    def _done(self, result) -> None:
        self.run_button.setEnabled(True)
        self.result_dir = result.data_dir
        self.window_.settings.set(SS.SWITCH_TO, str(result.data_dir))
        self.message.setText(self.tr("Đã khôi phục %d văn bản, %d sự kiện, %d tệp vào %s. Lần mở "
                                     "chương trình tới sẽ dùng thư mục này; thư mục cũ được giữ nguyên.")
                             % (result.entries, result.events, result.files, result.data_dir))

    def _failed(self, exc: BaseException) -> None:
        self.run_button.setEnabled(True)
        self.message.setText(exc.message if isinstance(exc, DomainError) else self.tr("Lỗi: %s") % exc)
