"""Checking one scan: the page on the left, the pre-filled registration form on the right.
Fields read with low confidence are yellow; focusing a field frames where it was read."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QDialog, QLabel, QSplitter, QVBoxLayout, QWidget

from ui.dialogs.entry_form import EntryForm
from ui.intake.page_viewer import PageViewer
from ui.widgets.signature_lines import SignatureLines


def _without_signatures(note: str) -> str:
    """The reader's note less its signature sentences, which have lines of their own here."""
    return "; ".join(part for part in note.split("; ") if not part.startswith("Chữ ký số:"))


def _number_left_empty(header, draft) -> str:
    """The reader found a number written by hand that it could not read: saving the entry
    without one is asked about, not refused (a document may come with its blank unfilled)."""
    from app.intake.ocr.extract import HANDWRITTEN_NOTE

    if draft.number_symbol.strip() or header.number_symbol.note != HANDWRITTEN_NOTE:
        return ""
    return QCoreApplication.translate(
        "IntakeDialog", "Văn bản có số viết tay mà máy không đọc được, ô “Số, ký hiệu văn bản” còn "
        "trống. Hãy nhập số theo bản giấy; chỉ đăng ký không có số nếu văn bản thật sự chưa ghi số.")


class IntakeDialog(QDialog):
    registered = Signal(object, object)  # QueueItem, EntryView

    def __init__(self, runner, item, threshold: float, parent=None):
        super().__init__(parent)
        self.item = item
        self.setWindowTitle(self.tr("Nhận văn bản quét — %s") % item.path.name)
        self.viewer = PageViewer(self)
        self.form = EntryForm(runner, "incoming", self, one_column=True)
        self.note = QLabel(wordWrap=True)
        self.signatures = SignatureLines(self)
        self.signatures.set_signatures(item.header.signatures)
        notes = [_without_signatures(getattr(item.header, f).note)
                 for f in ("number_symbol", "date", "issuer", "summary")]
        notes = [n for n in notes if n]
        if item.earlier is not None:
            notes.insert(0, self.tr("Tệp này đã được đăng ký: số đến %s năm %s (%s).")
                         % (item.earlier.number, item.earlier.year, item.earlier.number_symbol))
        if item.header.secrecy.value:
            notes.insert(0, self.tr("Văn bản có dấu %s: không đăng ký bản quét vào sổ thường. "
                                    "Hãy đăng ký vào sổ văn bản mật từ bản giấy.") % item.header.secrecy.value)
            self.form.save_button.setEnabled(False)
        self.note.setText("\n".join(notes))
        self.note.setStyleSheet("color: #a04000;")
        right = QVBoxLayout()
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.viewer)
        holder = QWidget(self)
        holder.setLayout(right)
        right.addWidget(self.signatures)
        right.addWidget(self.note)
        right.addWidget(self.form, 1)
        split.addWidget(holder)
        split.setSizes([560, 720])
        layout = QVBoxLayout(self)
        layout.addWidget(split)
        self.resize(1300, 760)
        self.form.prefill(item.form_values(), item.low_confidence(threshold))
        # Not a method of the dialog: the form would then keep it alive after Qt deletes it.
        self.form.ask_before_save = lambda draft, header=item.header: _number_left_empty(header, draft)
        self.form.field_focused.connect(lambda name: self.viewer.highlight(item.box_of(name)))
        self.form.saved.connect(self._saved)
        self.form.closed.connect(self._close)

    def reject(self) -> None:
        self.form.request_close()  # asks first if the clerk has changed what was read

    def _close(self) -> None:
        super().reject()

    def set_pages(self, images) -> None:
        """QImages made on a worker (QImage, unlike QPixmap, may be built off the GUI thread)."""
        self.viewer.set_pages(images)

    def _saved(self, entry) -> None:
        self.registered.emit(self.item, entry)
        self.accept()
