"""Puts the intake queue beside the incoming register and its commands in the menus."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QFileDialog

from app.intake import scans as intake
from ui import settings as S
from ui.intake.intake_panel import IntakePanel


class _DropOnTab(QObject):
    """Files dropped anywhere on the incoming tab join the queue."""

    def __init__(self, panel: IntakePanel, parent):
        super().__init__(parent)
        self.panel = panel

    def eventFilter(self, obj, event) -> bool:
        if event.type() in (QEvent.Type.DragEnter, QEvent.Type.DragMove) and event.mimeData().hasUrls():
            event.acceptProposedAction()
            return True
        if event.type() == QEvent.Type.Drop and event.mimeData().hasUrls():
            self.panel.add_urls(event.mimeData().urls())
            event.acceptProposedAction()
            return True
        return False


def _secret_notice(window, book_key: str) -> None:
    def refused(s):
        try:
            intake.check_book_accepts_scans(s, book_key)
        except intake.ScanNotAllowed as exc:
            return exc.message
        return ""

    window.runner.query(refused, window.register_tab(book_key).set_notice, owner=window)


def install_intake(window) -> IntakePanel:
    panel = IntakePanel(window.runner, window.store)
    tab = window.register_tab("incoming")
    tab.set_side_panel(panel)
    panel.show_when_busy()
    # What the database knows (issuers, types, wording) is read once the register's first rows
    # are on screen, not beside them at start-up; the OCR works without it until then.
    tab.model().rows_shown.connect(panel.refresh_knowledge, Qt.ConnectionType.SingleShotConnection)
    tab.setAcceptDrops(True)
    dropper = _DropOnTab(panel, tab)
    for target in (tab, tab.view.viewport()):
        target.setAcceptDrops(True)
        target.installEventFilter(dropper)
    panel.open_entry.connect(window.actions.open_entry)
    # The queue shows only while it holds files; the watched folder is named in the status bar.
    window.statusBar().addPermanentWidget(panel.folder_status)
    for key in ("secret_incoming", "secret_outgoing"):
        _secret_notice(window, key)

    settings = window.settings  # the scan folder is a setting of this data folder (issue 9)
    demo = getattr(window, "demo", False)
    folder = "" if demo else settings.get(S.SCAN_FOLDER)
    if folder and Path(folder).is_dir():
        panel.set_watched_folder(Path(folder))

    def choose_folder() -> None:
        if demo:  # sample data never takes the office's real scans
            window.statusBar().showMessage(window.tr("Cửa sổ dữ liệu mẫu không theo dõi thư mục quét."), 8000)
            return
        chosen = QFileDialog.getExistingDirectory(window, window.tr("Thư mục máy quét lưu tệp"),
                                                  settings.get(S.SCAN_FOLDER))
        if chosen:
            settings.set(S.SCAN_FOLDER, chosen)
            panel.set_watched_folder(Path(chosen))

    def open_files() -> None:
        window.tabs.setCurrentWidget(tab)
        panel.choose_files()

    file_menu = window.menu(window.tr("Tệp"))
    first = file_menu.actions()[0] if file_menu.actions() else None
    action = file_menu.addAction(window.tr("&Nhận văn bản quét…"), QKeySequence("Ctrl+O"), open_files)
    file_menu.insertAction(first, action)
    window.menu(window.tr("Cài đặt")).addAction(window.tr("Thư mục &quét…"), choose_folder)

    def edit_trust() -> None:
        from ui.intake.trust_dialog import TrustDialog
        TrustDialog(window.runner, window).open()

    window.menu(window.tr("Cài đặt")).addAction(window.tr("C&hứng thư gốc (chữ ký số)…"), edit_trust)
    app = QApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(panel.shutdown)
    return panel
