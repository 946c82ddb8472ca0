"""The main window: a tab per book, menus and status bar; what the menus do is in main_actions.

Extension points for other features (OCR intake, printing):
  MainWindow.register_tab(book_key) -> RegisterTab
  RegisterTab.set_side_panel(widget)          a side area right of the table
  MainWindow.menu(name) -> QMenu              "Tệp", "Sổ", "Cài đặt"
  MainWindow.current_tab() -> RegisterTab
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu, QTabWidget

from app.catalogue import BOOKS
from ui import settings as S
from ui.widgets.register_tab import RegisterTab


class MainWindow(S.SavesGeometry, QMainWindow):
    geometry_setting = S.WINDOW_GEOMETRY

    def __init__(self, store, runner, settings: S.Settings | None = None, demo: bool = False):
        super().__init__()
        self.store, self.runner = store, runner
        self.demo = demo
        # Columns, last tab and the watched scan folder belong to this data folder (issue 9).
        self.settings = (settings or S.Settings()).for_data_dir(store.data_dir)
        if not demo:
            self.settings.adopt_from_user(S.SCAN_FOLDER)
        self.set_title("")
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self._tabs: dict[str, RegisterTab] = {}
        for key, name, _direction, _secret in BOOKS:
            title = QCoreApplication.translate("Books", name)
            tab = RegisterTab(runner, key, title, self.settings, self)
            tab.count_changed.connect(self._update_status)
            tab.failed.connect(self.show_error)
            self._tabs[key] = tab
            self.tabs.addTab(tab, title)
        self.setCentralWidget(self.tabs)
        self.count_label = QLabel()
        self.busy_label = QLabel()
        self.statusBar().addPermanentWidget(self.busy_label)
        self.statusBar().addPermanentWidget(self.count_label)
        runner.busy_changed.connect(self._busy)  # a method: disconnected when the window goes
        self.tabs.currentChanged.connect(self._tab_changed)
        self.load_title()

        from ui.main_actions import MainActions  # after the tabs: actions read them
        self.actions = MainActions(self)
        self._menus: dict[str, QMenu] = {}
        self._build_menus()
        from ui.intake.install import install_intake  # the OCR queue beside the incoming book
        self.intake = install_intake(self)
        from ui.tracking.install import install_tracking; install_tracking(self)  # deadlines, reports, Excel
        from ui.archive.install import install_archive  # the Hồ sơ tab and menu, filing, handover
        install_archive(self)
        from ui.security.install import install_security  # login lock, users, events, backups
        self.security = install_security(self)
        from ui.secrets.install import install_secrets  # air-gap notice, hand-over, recall
        self.secret_panel = install_secrets(self)

        if not self.restore_geometry(self.settings):
            self.resize(1280, 760)
        self.tabs.setCurrentIndex(min(self.settings.get(S.LAST_TAB), self.tabs.count() - 1))
        # Each tab reads its book when first shown (RegisterTab.showEvent): the visible
        # book alone at start-up, so its rows reach the screen as early as possible.

    # --- extension points ----------------------------------------------------------------------
    def register_tab(self, book_key: str) -> RegisterTab:
        return self._tabs[book_key]

    def current_tab(self) -> RegisterTab:
        return self.tabs.currentWidget()

    def menu(self, name: str) -> QMenu:
        """The menu called `name` ("Tệp", "Sổ", "Cài đặt"), created at the end if new."""
        plain = name.replace("&", "")
        if plain not in self._menus:
            self._menus[plain] = self.menuBar().addMenu(name if "&" in name else self._alt_title(plain))
        return self._menus[plain]

    def _alt_title(self, plain: str) -> str:
        """An Alt letter for a menu: the first letter of its name not taken by another menu."""
        taken = {t[t.index("&") + 1].lower() for t in (m.title() for m in self._menus.values()) if "&" in t}
        for i, ch in enumerate(plain):
            if ch.isalpha() and ch.lower() not in taken:
                return plain[:i] + "&" + plain[i:]
        return plain

    def set_title(self, org_name: str) -> None:
        """'<cơ quan> — Sổ đăng ký văn bản'; Qt adds the program's name (Văn thư) itself."""
        title = self.tr("Sổ đăng ký văn bản")
        if org_name:
            title = f"{org_name} — {title}"
        self.setWindowTitle(title + (self.tr(" (DỮ LIỆU MẪU)") if self.demo else ""))

    def load_title(self) -> None:
        from app import org as org_mod
        self.runner.query(lambda s: org_mod.load(s).org_name, self.set_title, owner=self)

    # --- building --------------------------------------------------------------------------------
    def _build_menus(self) -> None:
        a = self.actions
        file_menu = self.menu(self.tr("&Tệp"))
        file_menu.addAction(self.tr("Mở dữ liệu &mẫu (thử chương trình)…"), a.open_demo)
        file_menu.addSeparator()
        file_menu.addAction(self.tr("T&hoát"), QKeySequence.StandardKey.Quit, self.close)
        book_menu = self.menu(self.tr("&Sổ"))
        book_menu.addAction(self.tr("Đăng &ký mới…"), QKeySequence("Ctrl+N"), a.new_entry)
        book_menu.addAction(self.tr("&Xem / sửa văn bản đang chọn"), QKeySequence("Ctrl+E"), a.open_current)
        book_menu.addAction(self.tr("&Lấy số trước…"), QKeySequence("Ctrl+R"), a.reserve)
        book_menu.addAction(self.tr("&Hủy số…"), QKeySequence("Ctrl+Delete"), a.void_current)
        book_menu.addSeparator()
        book_menu.addAction(self.tr("&Tìm kiếm"), QKeySequence.StandardKey.Find,
                            lambda: self.current_tab().filter_bar.search.setFocus())
        next_book = book_menu.addAction(self.tr("Sổ &tiếp theo"), lambda: self.switch_book(1))
        next_book.setShortcuts([QKeySequence("Ctrl+Tab"), QKeySequence("Ctrl+PgDown")])
        previous = book_menu.addAction(self.tr("Sổ t&rước"), lambda: self.switch_book(-1))
        previous.setShortcuts([QKeySequence("Ctrl+Shift+Tab"), QKeySequence("Ctrl+PgUp")])
        settings_menu = self.menu(self.tr("&Cài đặt"))
        settings_menu.addAction(self.tr("&Cơ quan…"), a.edit_organisation)
        settings_menu.addAction(self.tr("&Danh mục tên loại văn bản…"), a.edit_doc_types)
        for tab in self._tabs.values():
            tab.open_entry.connect(a.open_entry)
        from ui.print.actions import install_print_actions  # In sổ…, phiếu giải quyết
        install_print_actions(self)

    def _busy(self, busy: bool) -> None:
        self.busy_label.setText(self.tr("Đang tải…") if busy else "")

    def switch_book(self, step: int) -> None:
        self.tabs.setCurrentIndex((self.tabs.currentIndex() + step) % self.tabs.count())

    def _tab_changed(self, _index: int) -> None:
        self._update_status()

    def _update_status(self, *_args) -> None:
        tab = self.current_tab()
        count = tab.model().rowCount()
        self.count_label.setText(self.tr("%s: %s văn bản") % (tab.title, f"{count:,}".replace(",", ".")))

    def show_error(self, exc: BaseException) -> None:
        self.statusBar().showMessage(self.tr("Lỗi: %s") % exc, 10000)

    def closeEvent(self, event) -> None:
        self.save_geometry()
        self.settings.set(S.LAST_TAB, self.tabs.currentIndex())
        for tab in self._tabs.values():
            tab.save_state()
        self.runner.wait(10000)  # a save in flight finishes before the process goes
        super().closeEvent(event)
