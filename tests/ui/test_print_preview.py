"""The preview: QtPdf shows the built book; "Lưu PDF…" copies it; "In…" prints every page."""
import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox
from PySide6.QtPrintSupport import QPrintDialog, QPrinter

from app import demo
from app.printing import service as print_service
from ui.print.jobs import book_job


@pytest.fixture
def demo_store(state_store):
    with state_store.Session.begin() as s:
        demo.fill(s, incoming=60, outgoing=30, year=2026)
    return state_store


def build(runner, qtbot, book="outgoing"):
    req = print_service.PrintRequest(book, year=2026)
    got = []
    runner.query(book_job(runner.store, req, "Sổ đi", "so-di-2026", book.startswith("secret")),
                 got.append, got.append, long=True)
    qtbot.waitUntil(lambda: bool(got), timeout=15000)
    assert not isinstance(got[0], BaseException), got[0]
    return got[0]


@pytest.fixture
def preview(demo_store, runner, qtbot):
    from ui.print.preview_dialog import PreviewDialog

    built = build(runner, qtbot)
    p = PreviewDialog(runner, built)
    qtbot.addWidget(p)
    p.show()
    return p


def test_preview_pages_navigation_and_zoom(preview, qtbot):
    built = preview.built
    assert built.entries >= 30  # demo adds a reserved number or two
    assert preview.document.pageCount() == built.pages == len(PdfReader(built.path).pages)
    preview.page.setValue(built.pages)  # last page: the closing page
    qtbot.waitUntil(lambda: preview.view.pageNavigator().currentPage() == built.pages - 1)
    preview.zoom.setCurrentIndex(preview.zoom.findText("150%"))
    assert preview.view.zoomFactor() == pytest.approx(1.5)
    assert preview.view.zoomMode().name == "Custom"


def test_save_copies_the_built_file(preview, demo_store, tmp_path, monkeypatch):
    target = tmp_path / "so di"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "PDF"))
    with demo_store.ReadSession() as s:
        assert print_service.print_log(s) == []  # a preview is not a print (issue 9, finding 5)
    saved = preview.save()
    assert saved == str(target) + ".pdf"
    assert (tmp_path / "so di.pdf").read_bytes() == preview.built.path.read_bytes()
    with demo_store.ReadSession() as s:
        log = print_service.print_log(s)
    assert len(log) == 1 and log[0].target == saved  # saving made it a print
    preview.save()
    with demo_store.ReadSession() as s:
        assert len(print_service.print_log(s)) == 1  # one build, one record
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    assert preview.save() is None  # Hủy in the file dialog: nothing happens


def test_print_to_a_pdf_printer_gives_every_page(preview, tmp_path, monkeypatch, qtbot):
    out = tmp_path / "printed.pdf"
    seen = {}

    def accept(dialog):  # the clerk picks "print to file" and presses In
        printer = dialog.printer()
        seen["orientation"] = printer.pageLayout().orientation().name
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", accept)
    preview.print_()
    qtbot.waitUntil(lambda: "Đã gửi" in preview.status.text(), timeout=15000)
    assert seen["orientation"] == "Landscape"
    reader = PdfReader(out)
    assert len(reader.pages) == preview.built.pages
    box = reader.pages[0].mediabox
    assert float(box.width) > float(box.height)  # A4 landscape kept
    assert preview.print_button.isEnabled()


def test_print_a_page_range(preview, tmp_path, monkeypatch, qtbot):
    out = tmp_path / "pages.pdf"

    def accept(dialog):  # "Trang 2 đến 3"
        printer = dialog.printer()
        printer.setPrintRange(QPrinter.PrintRange.PageRange)
        printer.setFromTo(2, 3)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", accept)
    preview.print_()
    qtbot.waitUntil(lambda: "Đã gửi 2 trang" in preview.status.text(), timeout=15000)
    assert len(PdfReader(out).pages) == 2


def test_print_dialog_cancelled_prints_nothing(preview, tmp_path, monkeypatch):
    monkeypatch.setattr(QPrintDialog, "exec", lambda d: QDialog.DialogCode.Rejected)
    preview.print_()
    assert preview.print_button.isEnabled() and "Đang" not in preview.status.text()


def test_secret_preview_carries_the_warning(demo_store, runner, qtbot):
    from PySide6.QtWidgets import QLabel

    from ui.print.preview_dialog import PreviewDialog

    with demo_store.Session.begin() as s:
        from app.registers import service
        from tests.ui.conftest import incoming
        service.register(s, "secret_incoming", incoming(1, secrecy="Mật"), year=2026,
                         allow_out_of_order=True)
    p = PreviewDialog(runner, build(runner, qtbot, "secret_incoming"))
    qtbot.addWidget(p)
    assert any("MẬT" in w.text() for w in p.findChildren(QLabel))
    assert p._record("máy in: thử")  # what In… does before the job is sent
    with demo_store.ReadSession() as s:
        assert print_service.print_log(s, secret_only=True)[0].book == "secret_incoming"


def test_menu_entries(demo_store, runner, settings, qtbot, monkeypatch):
    from ui.main_window import MainWindow

    win = MainWindow(demo_store, runner, settings)
    qtbot.addWidget(win)
    file_actions = win.menu("Tệp").actions()
    texts = [a.text().replace("&", "") for a in file_actions]  # Alt letters aside
    assert "In sổ…" in texts and texts[-1] == "Thoát"
    action = file_actions[texts.index("In sổ…")]
    assert action.shortcut().toString() == "Ctrl+P"
    win.tabs.setCurrentIndex(1)  # Văn bản đi
    action.trigger()
    dialog = win.print_actions.dialog
    assert dialog.book_key == "outgoing"
    dialog.close()
    # The phiếu is for a selected incoming entry: elsewhere the clerk is told so.
    messages = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a: messages.append(a[2]))
    phieu = [a for a in win.menu("Sổ").actions() if a.text().replace("&", "") == "In phiếu giải quyết văn bản đến"][0]
    phieu.trigger()
    assert messages == ["Chọn một văn bản trong sổ Văn bản đến."]
