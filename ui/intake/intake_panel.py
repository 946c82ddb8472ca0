"""The intake queue beside the incoming register: files from a dialog, dropped on the tab or
found in the watched scan folder are read by OCR in the background; choosing a ready one
opens the pre-filled form next to the page."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (QFileDialog, QHBoxLayout, QLabel, QListWidget, QListWidgetItem,
                               QPushButton, QVBoxLayout, QWidget)

from app import catalogue, org as org_mod
from app.intake import scans as intake, trust
from app.registers import query
from app.registers.views import Changes
from ui.intake.ocr_jobs import Knowledge, OcrJobs
from ui.intake.queue_item import QueueItem

FILE_FILTER = "Văn bản quét (*.pdf *.tif *.tiff *.png *.jpg *.jpeg *.bmp);;Tất cả tệp (*)"
POLL_MS = 1500


class IntakePanel(QWidget):
    open_entry = Signal(int)

    def __init__(self, runner, store, parent=None):
        super().__init__(parent)
        self.runner, self.store = runner, store
        self.jobs = OcrJobs(self)
        self.jobs.trust_folder = trust.folder(store.data_dir)  # the office's imported roots
        self.jobs.event.connect(self._on_event)
        self.items: dict[int, QueueItem] = {}
        self.watch = None
        self.list = QListWidget()
        self.list.itemActivated.connect(self._activated)
        self.title = QLabel(self.tr("<b>Văn bản quét chờ đăng ký</b>"))
        self.folder_label = QLabel(wordWrap=True)
        self.folder_status = QLabel()  # for the window's status bar: the panel may be hidden
        add = QPushButton(self.tr("Mở tệp…"))
        add.clicked.connect(self.choose_files)
        stop = QPushButton(self.tr("Dừng đọc"))
        stop.clicked.connect(self._cancel_current)
        self.remove_button = QPushButton(self.tr("Bỏ khỏi danh sách"))
        self.remove_button.setToolTip(self.tr("Tệp không bị xóa; tệp của thư mục quét chuyển vào failed/ (Delete)"))
        self.remove_button.clicked.connect(self.remove_current)
        self.list.installEventFilter(self)  # Delete on the list removes the chosen file
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(stop)
        buttons.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.folder_label)
        layout.addLayout(buttons)
        self.setAcceptDrops(True)
        self._timer = QTimer(self, interval=POLL_MS)
        self._timer.timeout.connect(self._poll_folder)

    # --- sources -------------------------------------------------------------------------------
    def choose_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Chọn văn bản quét"), "", self.tr(FILE_FILTER))
        for p in paths:
            self.add(Path(p))

    def set_watched_folder(self, folder: Path | None) -> None:
        from app.intake.scan_folder import FolderWatch

        self.watch = FolderWatch(folder) if folder else None
        self.folder_label.setText(self.tr("Thư mục quét: %s") % folder if folder else "")
        self.folder_status.setText(self.tr("Theo dõi thư mục quét: %s") % folder.name if folder else "")
        self.folder_status.setToolTip(str(folder) if folder else "")
        self._timer.start() if folder else self._timer.stop()

    def _poll_folder(self) -> None:
        if self.watch is not None:
            for path in self.watch.poll():
                self.add(path, from_folder=True)

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        self.add_urls(event.mimeData().urls())

    def add_urls(self, urls) -> None:
        for url in urls:
            if url.isLocalFile():
                self.add(Path(url.toLocalFile()))

    def add(self, path: Path, from_folder: bool = False) -> QueueItem:
        item = QueueItem(path, from_folder=from_folder, state="reading")
        item.job_id = self.jobs.submit(path)
        self.items[item.job_id] = item
        row = QListWidgetItem(item.label())
        row.setData(256, item.job_id)
        self.list.addItem(row)
        self.show_when_busy()
        return item

    # --- OCR events (GUI thread) ---------------------------------------------------------------
    def _on_event(self, job_id: int, kind: str, payload) -> None:
        item = self.items.get(job_id)
        if item is None:
            return
        if kind == "hash":
            item.sha256 = payload
            self.runner.query(lambda s: intake.find_earlier(s, payload),
                              lambda earlier: self._earlier(item, earlier), owner=self)
        elif kind == "progress":
            item.progress = payload
        elif kind == "header":
            item.header, item.state = payload, "ready"
            if payload.secrecy.value:
                # A secret document is registered from paper in the secret book, never from a scan.
                item.state = "refused"
                item.message = self.tr("có dấu %s: đăng ký vào sổ mật từ bản giấy") % payload.secrecy.value
        elif kind == "full":
            item.full = payload
            if item.scan_id is not None:  # saved before the full text was done
                self._store_full_text(item)
            self._finish_folder_file(item)
        elif item.state == "saved":
            # The header was enough to register; only the full-text pass failed or stopped.
            item.full_done_without_text = True
            self._finish_folder_file(item)
        elif kind in ("failed", "cancelled"):
            item.state, item.message = kind, payload or ""
            if item.from_folder:
                self._move(item, ok=False)
        self._relabel(item)

    def _earlier(self, item: QueueItem, earlier) -> None:
        item.earlier = earlier
        self._relabel(item)

    def _relabel(self, item: QueueItem) -> None:
        for i in range(self.list.count()):
            row = self.list.item(i)
            if row.data(256) == item.job_id:
                row.setText(item.label())
                row.setToolTip(item.message or str(item.path))

    def _cancel_current(self) -> None:
        row = self.list.currentItem()
        if row is not None:
            self.jobs.cancel(row.data(256))

    def eventFilter(self, obj, event) -> bool:
        if obj is self.list and event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Delete:
            self.remove_current()
            return True
        return super().eventFilter(obj, event)

    def remove_current(self) -> None:
        """Takes the chosen file off the list. Nothing is deleted: a file still being read is
        stopped (and a watched-folder one moved to failed/ as any stopped file is); one never
        registered from the watched folder moves to failed/ so it is not taken again."""
        row = self.list.currentItem()
        if row is None:
            return
        item = self.items[row.data(256)]
        if item.state in ("waiting", "reading"):
            self.jobs.cancel(item.job_id)
        elif item.from_folder and not item.moved and item.state != "saved":
            self._move(item, ok=False)
        self.list.takeItem(self.list.row(row))
        self.show_when_busy()

    def show_when_busy(self) -> None:
        """Beside the register only while there are files in the queue."""
        self.setVisible(self.list.count() > 0)

    # --- registration --------------------------------------------------------------------------
    def _activated(self, row: QListWidgetItem) -> None:
        item = self.items[row.data(256)]
        if item.state == "saved":
            self.open_entry.emit(item.entry.id)
        elif item.state in ("ready", "refused"):
            self.open_item(item)  # a refused one opens to show why, its Lưu disabled

    def open_item(self, item: QueueItem):
        from app.intake import ocr
        from ui.intake.intake_dialog import IntakeDialog
        from ui.intake.page_viewer import to_qimage

        dialog = IntakeDialog(self.runner, item, ocr.CONFIDENT, self)
        dialog.registered.connect(self._registered)
        path = item.path
        self.runner.query(lambda s: [to_qimage(p) for p in ocr.load_pages(path)],
                          dialog.set_pages, lambda exc: None, owner=dialog)
        dialog.show()
        return dialog

    def _registered(self, item: QueueItem, entry) -> None:
        item.entry, item.state = entry, "saved"
        full = item.full
        files_dir, path = self.store.files_dir, item.path

        def keep(s):
            return intake.keep_scan(s, files_dir, path, entry.id, pages=item.header.pages,
                                    ocr_text=full.text if full else "",
                                    searchable_pdf=full.pdf_bytes if full else b"",
                                    signatures=item.header.signatures)
        self.runner.write(keep, lambda scan: self._kept(item, scan), lambda exc: self._keep_failed(exc, item),
                          changes=Changes("incoming", (entry.id,)))
        self._relabel(item)

    def _kept(self, item: QueueItem, scan) -> None:
        item.scan_id = scan.id
        self._finish_folder_file(item)

    def _finish_folder_file(self, item: QueueItem) -> None:
        """A watched-folder file moves to processed/ once it is registered and read to the end
        (the full-text pass still reads it until then)."""
        done_reading = item.full is not None or item.full_done_without_text
        if item.from_folder and item.scan_id is not None and done_reading and not item.moved:
            item.moved = True
            self._move(item, ok=True)

    def _keep_failed(self, exc: BaseException, item: QueueItem | None = None) -> None:
        from app.storage import explain
        message = self.tr("Không lưu được bản quét: %s") % explain(exc)
        self.folder_label.setText(message)
        if item is not None:
            item.message = message
            self._relabel(item)

    def _store_full_text(self, item: QueueItem) -> None:
        files_dir, full, scan_id = self.store.files_dir, item.full, item.scan_id
        self.runner.write(lambda s: intake.set_ocr_text(s, files_dir, scan_id, full.text, full.pdf_bytes),
                          lambda _scan: None, self._keep_failed)

    def _move(self, item: QueueItem, ok: bool) -> None:
        from app.intake.scan_folder import move_done

        item.moved = True
        try:
            item.path = move_done(item.path, ok)
        except OSError as exc:
            item.message = self.tr("không chuyển được tệp: %s") % exc

    def refresh_knowledge(self) -> None:
        def read(s):
            from app.intake.ocr import spelling  # here, on the worker: OCR's imports stay off start-up

            regime = org_mod.load(s).regime
            return Knowledge(tuple(query.completions(s, "issuer", limit=5000)),
                             tuple((t.name, t.abbr) for t in catalogue.doc_types(s, regime)),
                             spelling.with_texts(query.recent_summaries(s)))
        self.runner.query(read, self._set_knowledge, owner=self)

    def _set_knowledge(self, knowledge: Knowledge) -> None:
        self.jobs.knowledge = knowledge

    def shutdown(self) -> None:
        self.jobs.cancel_all()
        self.jobs.wait(5000)
