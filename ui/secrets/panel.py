"""The secret books' side panel: the red air-gap notice, unlocking the encrypted store, urgent
and overdue items and ended protection terms, and the dialogs (hand-over, copy, recall, terms,
destruction, hồ sơ giải mật)."""
from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (QInputDialog, QLabel, QLineEdit, QListWidget, QPushButton, QVBoxLayout,
                               QWidget)

from app.errors import DomainError
from app.secrets import airgap

CHECK_EVERY_MS = 3 * 60 * 1000
NOTICE_STYLE = "background:#b00020; color:white; font-weight:bold; padding:6px;"


class SecretPanel(QWidget):
    unlocked = Signal(object)  # the open SecretStore

    def __init__(self, data_dir, actor, probe=airgap.system_probe, parent=None):
        super().__init__(parent)
        self.data_dir, self.actor, self.probe, self.sstore = data_dir, actor, probe, None
        lay = QVBoxLayout(self)
        self.notice = QLabel(self.tr(airgap.NOTICE) + " (Luật Bảo vệ bí mật nhà nước)")
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet(NOTICE_STYLE)
        self.notice.hide()
        lay.addWidget(self.notice)
        self.unlock_button = QPushButton(self.tr("&Mở kho văn bản mật…"))
        self.unlock_button.clicked.connect(self.ask_password)
        lay.addWidget(self.unlock_button)
        self.status = QLabel()
        self.status.setWordWrap(True)
        lay.addWidget(self.status)
        lay.addWidget(QLabel(self.tr("Khẩn chưa chuyển, quá hạn thu hồi:")))
        self.flags = QListWidget()
        lay.addWidget(self.flags)
        self.transfer_button = QPushButton(self.tr("&Chuyển giao văn bản đang chọn…"))
        self.transfer_button.clicked.connect(self.open_transfer)
        self.recall_button = QPushButton(self.tr("&Thu hồi của người nghỉ hưu, chuyển công tác…"))
        self.recall_button.clicked.connect(self.open_recall)
        self.copy_button = QPushButton(self.tr("&Sao, chụp văn bản đang chọn…"))
        self.copy_button.clicked.connect(self.open_copy)
        self.protection_button = QPushButton(self.tr("Thời hạn &bảo vệ, giải mật, tiêu hủy…"))
        self.protection_button.clicked.connect(self.open_protection)
        self.destruction_button = QPushButton(self.tr("Tiêu hủy: &quyết định, biên bản…"))
        self.destruction_button.clicked.connect(self.open_destruction)
        self.writers = (self.transfer_button, self.copy_button, self.recall_button, self.protection_button,
                        self.destruction_button)
        for b in self.writers:
            lay.addWidget(b)
        self.print_buttons = []
        for form, text in (("secret_incoming", "In sổ văn bản mật đế&n…"),
                           ("secret_outgoing", "In sổ văn bản mật đ&i…"),
                           ("transfer", "In sổ chuyển &giao…"), ("copies", "In sổ sao, chụ&p…"),
                           ("stats", "In thống &kê năm…")):
            b = QPushButton(self.tr(text))
            b.clicked.connect(lambda _=False, f=form: self.print_form(f))
            lay.addWidget(b)
            self.print_buttons.append(b)
        self.books_button = QPushButton(self.tr("&Xem sổ chuyển giao, sao chụp, đang giữ, thống kê…"))
        self.books_button.clicked.connect(self.open_books)
        lay.addWidget(self.books_button)
        self.print_buttons.append(self.books_button)
        self.declassified_button = QPushButton(self.tr("&Hồ sơ giải mật…"))
        self.declassified_button.clicked.connect(self.open_declassified)
        lay.addWidget(self.declassified_button)
        self.print_buttons.append(self.declassified_button)
        self.backup_button = QPushButton(self.tr("Sao &lưu kho mật (vẫn mã hóa)…"))
        self.backup_button.clicked.connect(lambda: self.backup())
        lay.addWidget(self.backup_button)
        self.print_buttons.append(self.backup_button)
        self.members_button = QPushButton(self.tr("Người giữ khóa kho &mật…"))
        self.members_button.clicked.connect(self.open_members)
        self.members_button.setVisible(actor.role == "quan-tri")  # the services refuse others anyway
        lay.addWidget(self.members_button)
        self.print_buttons.append(self.members_button)
        self.selected_id = None  # set by the window: the entry chosen in the secret register
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check_network)
        self.timer.start(CHECK_EVERY_MS)
        self._locked(True)
        self.check_network()

    def _locked(self, locked: bool) -> None:
        for b in self.writers:
            b.setEnabled(not locked and self.writes_allowed())
        for b in self.print_buttons:
            b.setEnabled(not locked)

    def writes_allowed(self) -> bool:
        return not self.notice.property("up")

    def check_network(self) -> None:
        lan = ""
        if self.sstore is not None:
            with self.sstore.ReadSession() as s:
                lan = airgap.recorded_lan(s)
        g = airgap.check(self.probe, lan)
        self.notice.setProperty("up", bool(g.notice))
        self.notice.setVisible(bool(g.notice))
        self._locked(self.sstore is None)

    def ask_password(self) -> None:
        password, ok = QInputDialog.getText(self, self.tr("Mở kho văn bản mật"),
                                            self.tr("Mật khẩu kho mật của %s:") % self.actor.name,
                                            QLineEdit.EchoMode.Password)
        if ok:
            self.unlock(password)

    def unlock(self, password: str | None = None) -> None:
        from app.secrets import store as secret_store

        if self.sstore is not None:
            return  # open already (from the keyring at start)
        try:
            self.sstore = secret_store.open_store(self.data_dir, user=self.actor.name, password=password) \
                if password is not None else secret_store.open_store(self.data_dir)
            try:  # never further than both the store's member row and the users list allow
                secret_store.act_as_member(self.sstore, self.actor)
            except DomainError:
                self.sstore.close()
                self.sstore = None
                raise
            for f in (self.sstore.Session, self.sstore.ReadSession):
                f.configure(info={**f.kw["info"], "airgap_probe": self.probe})
        except DomainError as exc:
            self.status.setText(exc.message)
            return
        self.status.setText(self.tr("Kho văn bản mật đã mở."))
        self.unlock_button.hide()
        self.refresh()
        self.check_network()
        self.unlocked.emit(self.sstore)

    def refresh(self) -> None:
        from app.secrets import books, protection

        self.flags.clear()
        with self.sstore.ReadSession() as s:
            self.urgent = books.urgent_first(s)
            late = protection.overdue_recalls(s)
            ended = [d for d in protection.due(s, 0) if d.kind == "het-han" and d.overdue]
        for it in self.urgent:
            self.flags.addItem(f"⚑ {it.entry.urgency}: {it.label}")
        for d in late:
            self.flags.addItem(f"⏰ Quá hạn thu hồi {d.due:%d/%m/%Y}: {d.label}")
        for d in ended:  # never declassified silently: confirmed in the protection dialog
            self.flags.addItem(f"⌛ Hết thời hạn bảo vệ {d.due:%d/%m/%Y}, cần xác nhận: {d.label}")
        if self.urgent:
            self.flags.setCurrentRow(0)

    def chosen(self):
        """The row chosen in the secret register (if the window tells), else the flagged list's."""
        from app.secrets import books

        entry_id = self.selected_id() if self.selected_id else None
        if entry_id is not None:
            with self.sstore.Session.begin() as s:
                return books.item(s, entry_id)  # an opening, recorded
        row = self.flags.currentRow()
        if 0 <= row < len(self.urgent):
            return self.urgent[row]
        self.status.setText(self.tr("Chọn một văn bản trong sổ mật (hoặc trong danh sách khẩn)."))
        return None

    def open_transfer(self) -> None:
        from ui.secrets.transfer_dialog import TransferDialog

        item = self.chosen()
        if item is not None and TransferDialog(self.sstore, item, self).exec():
            self.refresh()

    def open_copy(self) -> None:
        from ui.secrets.copy_dialog import CopyDialog

        item = self.chosen()
        if item is not None and CopyDialog(self.sstore, item, self).exec():
            self.status.setText(self.tr("Đã ghi sổ sao, chụp."))

    def print_form(self, form: str, path: str | None = None, year: int | None = None) -> dict | None:
        """The two secret books (mẫu 15, 14), sổ chuyển giao, sổ sao chụp, thống kê of the current
        year, from the encrypted store to a PDF the clerk names."""
        import datetime as dt
        from pathlib import Path

        from PySide6.QtWidgets import QFileDialog

        from app.secrets import printing

        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Lưu PDF"), f"{form}.pdf", "PDF (*.pdf)")
            if not path:
                return None
        fn = {"transfer": printing.print_transfer, "copies": printing.print_copies,
              "stats": printing.print_stats,
              "secret_incoming": lambda s, y, p: printing.print_register(s, "secret_incoming", y, p),
              "secret_outgoing": lambda s, y, p: printing.print_register(s, "secret_outgoing", y, p),
              }[form]
        try:
            with self.sstore.Session.begin() as s:
                result = fn(s, year or dt.date.today().year, Path(path))
        except DomainError as exc:
            self.status.setText(exc.message)
            return None
        self.status.setText(self.tr("Đã in %s trang: %s") % (result["pages"], path))
        return result

    def backup(self, folder: str | None = None):
        """The encrypted store copied, still encrypted, into a folder (a USB drive)."""
        from PySide6.QtWidgets import QFileDialog

        from app.secrets import backup

        if folder is None:
            folder = QFileDialog.getExistingDirectory(self, self.tr("Sao lưu kho văn bản mật vào"))
            if not folder:
                return None
        try:
            saved = backup.backup(self.sstore, folder)
        except DomainError as exc:
            self.status.setText(exc.message)
            return None
        self.status.setText(self.tr("Đã sao lưu kho văn bản mật (mã hóa) vào %s") % saved)
        return saved

    def open_books(self) -> None:
        from ui.secrets.books_dialog import SecretBooksDialog

        SecretBooksDialog(self.sstore, self, self).exec()

    def open_recall(self) -> None:
        from ui.secrets.recall_dialog import RecallDialog

        RecallDialog(self.sstore, self).exec()
        self.refresh()

    def open_protection(self) -> None:
        from ui.secrets.protection_dialog import ProtectionDialog

        ProtectionDialog(self.sstore, self).exec()
        self.refresh()

    def open_destruction(self) -> None:
        from ui.secrets.destruction_dialog import DestructionDialog

        DestructionDialog(self.sstore, self).exec()
        self.refresh()

    def open_members(self) -> None:
        from ui.secrets.members_dialog import MembersDialog

        MembersDialog(self.sstore, self).exec()

    def open_declassified(self) -> None:
        from ui.secrets.declassified_dialog import DeclassifiedDialog

        DeclassifiedDialog(self.sstore, self).exec()
