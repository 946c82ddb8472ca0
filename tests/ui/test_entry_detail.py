"""The entry window (issue 9): a reserved number is completed there and the table then shows
the real entry (finding 3); history in Vietnamese (16); Hủy số asks in Vietnamese and needs a
reason (17, 19); the stored scan and its searchable PDF open from the entry (19)."""
from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialogButtonBox

from app.intake import scans
from app.registers import service

from .conftest import incoming, type_text


def open_detail(qtbot, runner, book, entry_id):
    from ui.dialogs.entry_detail import EntryDetail

    dialog = EntryDetail(runner, book, entry_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.entry is not None, timeout=5000)
    return dialog


def test_reserved_number_completed_in_the_entry_window(qtbot, runner, state_store, settings):
    from ui.widgets.register_tab import RegisterTab

    with state_store.Session.begin() as s:
        reserved = service.reserve(s, "outgoing", "Quyết định", "05/03/2026", "chờ Giám đốc ký")
    tab = RegisterTab(runner, "outgoing", "Văn bản đi", settings)
    qtbot.addWidget(tab)
    tab.show()
    model = tab.model()
    notes = [c.key for c in model.columns].index("notes")
    qtbot.waitUntil(lambda: "Đã lấy số trước" in (model.data(model.index(0, notes)) or ""), timeout=5000)

    dialog = open_detail(qtbot, runner, "outgoing", reserved.id)
    assert dialog.complete_button.isVisible() and not dialog.edit_button.isVisible()
    dialog.complete_button.click()
    f = dialog.fields
    assert not f.widgets["doc_type"].isEnabled()  # the number taken carries its type
    type_text(qtbot, f.widgets["summary"], "Về việc bổ nhiệm cán bộ")
    type_text(qtbot, f.widgets["signer_name"], "Nguyễn Văn An")
    type_text(qtbot, f.widgets["recipients"], "Sở Tài chính; Lưu: VT")
    qtbot.keyClick(f.widgets["recipients"], Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: dialog.entry.status == "registered", timeout=5000)
    assert not dialog.complete_button.isVisible() and dialog.edit_button.isVisible()
    with state_store.ReadSession() as s:
        done = service.get(s, reserved.id)
    assert (done.status, done.number_symbol, done.signer_name) == ("registered", "01/QĐ-SNV", "Nguyễn Văn An")
    assert done.recipients == "Sở Tài chính\nLưu: VT"
    summary = [c.key for c in model.columns].index("summary")
    qtbot.waitUntil(lambda: "bổ nhiệm" in (model.data(model.index(0, summary)) or ""), timeout=5000)
    assert "lấy số trước" not in (model.data(model.index(0, notes)) or "")


def test_history_speaks_the_clerks_words(qtbot, runner, state_store):
    with state_store.Session.begin() as s:
        e = service.register(s, "incoming", incoming(1))
        service.update(s, e.id, {"summary": "Về việc khác", "signer_name": "Lê B"})
        service.void(s, e.id, "Đăng ký nhầm")
    dialog = open_detail(qtbot, runner, "incoming", e.id)
    rows = [[dialog.history.topLevelItem(i).text(c) for c in range(5)]
            for i in range(dialog.history.topLevelItemCount())]
    fields = [r[2] for r in rows]
    assert "Trích yếu nội dung" in fields and "Trạng thái" in fields
    for internal in ("summary", "status", "signer_name"):
        assert internal not in fields
    status = rows[fields.index("Trạng thái")]
    assert status[3] == "Đã đăng ký" and status[4] == "Đã hủy số: Đăng ký nhầm"
    assert not any("voided" in c or "registered" in c for r in rows for c in r)


def test_void_needs_a_reason_and_speaks_vietnamese(qtbot, runner, state_store):
    with state_store.Session.begin() as s:
        e = service.register(s, "incoming", incoming(1))
    dialog = open_detail(qtbot, runner, "incoming", e.id)
    qtbot.keyClick(dialog, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)
    from ui.dialogs.void_dialog import VoidDialog
    void = dialog.findChild(VoidDialog)
    assert void is not None and void.isVisible()
    texts = [b.text() for b in void.buttons.buttons()]
    assert texts == ["Hủy số", "Không hủy"] or sorted(texts) == sorted(["Hủy số", "Không hủy"])
    assert not any(t in ("OK", "Cancel") for t in texts)
    void.void_button.click()  # empty reason
    assert void.isVisible() and "lý do" in void.message.text()
    type_text(qtbot, void.reason, "Trùng số")
    void.void_button.click()
    qtbot.waitUntil(lambda: dialog.entry.status == "voided", timeout=5000)
    assert not void.isVisible()


class _Opened(QObject):
    def __init__(self):
        super().__init__()
        self.urls = []

    @Slot(QUrl)
    def open(self, url):
        self.urls.append(url.toLocalFile())


def test_stored_scan_and_searchable_pdf_open_from_the_entry(qtbot, runner, state_store, tmp_path):
    page = tmp_path / "cv.png"
    from PIL import Image
    Image.new("L", (40, 60), 255).save(page)
    with state_store.Session.begin() as s:
        e = service.register(s, "incoming", incoming(1))
        scans.keep_scan(s, state_store.files_dir, page, e.id, pages=1, ocr_text="công văn",
                        searchable_pdf=b"%PDF-1.4 test")
    opened = _Opened()
    QDesktopServices.setUrlHandler("file", opened, "open")
    try:
        dialog = open_detail(qtbot, runner, "incoming", e.id)
        assert dialog.scan_button.isVisible() and dialog.pdf_button.isVisible()
        dialog.scan_button.click()
        dialog.pdf_button.click()
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert opened.urls[0].endswith(".png") and opened.urls[1].endswith(".pdf")
    assert open(opened.urls[1], "rb").read().startswith(b"%PDF")
