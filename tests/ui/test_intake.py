"""The intake queue with the real Tesseract: a scan is read in the background, the form opens
pre-filled, saving registers the entry and keeps the scan; bad files fail alone."""
import random
import sys
from pathlib import Path

from app.intake import scans as intake
from app.registers import query

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks" / "ocr_set"))


def drawn(tmp_path, name="qd.png"):
    from render import render
    from tests.ocr.conftest import state_doc

    path = tmp_path / name
    render(state_doc(), 200, random.Random(1))[0].convert("L").save(path)
    return path


def panel_for(state_store, runner, qtbot):
    from ui.intake.intake_panel import IntakePanel

    panel = IntakePanel(runner, state_store)
    qtbot.addWidget(panel, before_close_func=lambda w: w.shutdown())
    return panel


def test_scan_to_registered_entry(state_store, runner, qtbot, tmp_path):
    panel = panel_for(state_store, runner, qtbot)
    item = panel.add(drawn(tmp_path))
    qtbot.waitUntil(lambda: item.state == "ready", timeout=30000)
    assert "sẵn sàng" in panel.list.item(0).text()
    dialog = panel.open_item(item)
    qtbot.addWidget(dialog)
    fields = dialog.form.fields
    assert fields.value("number_symbol") == "123/QĐ-SNV"
    assert fields.value("issuer") == "UBND TỈNH THANH HÓA - SỞ NỘI VỤ"
    assert fields.value("doc_date") == "05/03/2024"
    qtbot.waitUntil(lambda: dialog.viewer.page_count() == 1, timeout=10000)
    qtbot.waitUntil(lambda: item.full is not None, timeout=30000)
    dialog.form.save()
    qtbot.waitUntil(lambda: item.scan_id is not None, timeout=10000)
    assert item.state == "saved"
    with state_store.ReadSession() as s:
        ids = query.ids(s, query.Filter("incoming", text="quy che cong tac van thu"))
        assert ids == [item.entry.id]  # found by the full OCR text of the scan
        scans = intake.scans_of(s, state_store.files_dir, item.entry.id)
    assert scans[0].stored_path.read_bytes() == item.path.read_bytes()
    assert scans[0].pdf_path.read_bytes().startswith(b"%PDF")


def test_bad_file_fails_alone_and_leaves_the_folder(state_store, runner, qtbot, tmp_path):
    panel = panel_for(state_store, runner, qtbot)
    scans = tmp_path / "scans"
    scans.mkdir()
    (scans / "note.jpg").write_text("không phải ảnh", encoding="utf-8")
    panel.set_watched_folder(scans)
    panel._poll_folder()
    panel._poll_folder()  # stable across two polls: taken
    assert len(panel.items) == 1
    item = next(iter(panel.items.values()))
    qtbot.waitUntil(lambda: item.state == "failed", timeout=10000)
    assert "Không phải tệp ảnh" in panel.list.item(0).text()
    assert (scans / "failed" / "note.jpg").exists() and not (scans / "note.jpg").exists()


def test_same_file_again_warns_with_the_earlier_entry(state_store, runner, qtbot, tmp_path):
    from app.registers import service
    from app.registers.draft import Draft

    path = drawn(tmp_path)
    with state_store.Session.begin() as s:
        entry = service.register(s, "incoming", Draft(
            received_at="06/03/2024 08:00", issuer="Sở Nội vụ", number_symbol="123/QĐ-SNV",
            doc_date="05/03/2024", doc_type="Quyết định", summary="Về việc đào tạo"))
        intake.keep_scan(s, state_store.files_dir, path, entry.id, pages=1)
    panel = panel_for(state_store, runner, qtbot)
    item = panel.add(path)
    qtbot.waitUntil(lambda: item.earlier is not None and item.state == "ready", timeout=30000)
    assert item.earlier.id == entry.id
    assert "đã đăng ký trước: số đến 1/2024" in panel.list.item(0).text()


def test_a_handwritten_number_left_empty_is_asked_about_before_saving(state_store, runner, qtbot, tmp_path):
    from dataclasses import replace

    from PySide6.QtWidgets import QMessageBox

    from app.intake.ocr import CONFIDENT, read_header
    from app.intake.ocr.extract import HANDWRITTEN_NOTE, Field
    from ui.intake.intake_dialog import IntakeDialog
    from ui.intake.queue_item import QueueItem

    path = drawn(tmp_path)
    # As the reader leaves a pen number it cannot read: empty, with its note.
    header = replace(read_header(path), number_symbol=Field("", 0.0, None, HANDWRITTEN_NOTE))
    dialog = IntakeDialog(runner, QueueItem(path, state="ready", header=header), CONFIDENT)
    qtbot.addWidget(dialog)
    assert dialog.form.fields.value("number_symbol") == ""

    def question():
        boxes = [b for b in dialog.form.findChildren(QMessageBox) if b.isVisible()]
        return boxes[-1] if boxes else None

    def entries():
        with state_store.ReadSession() as s:
            return len(query.ids(s, query.Filter("incoming")))

    before = entries()
    dialog.form.save()
    qtbot.waitUntil(lambda: question() is not None, timeout=5000)
    assert "số viết tay" in question().text()
    back = next(b for b in question().buttons() if b.text() == "Quay lại nhập")
    back.click()
    qtbot.wait(300)
    assert entries() == before  # nothing saved: the clerk goes back to type the number
    dialog.form.save()
    qtbot.waitUntil(lambda: question() is not None, timeout=5000)
    dialog.form.save_anyway_button.click()  # the document really carries no number
    qtbot.waitUntil(lambda: entries() == before + 1, timeout=10000)
    # A number typed: nothing to ask.
    dialog2 = IntakeDialog(runner, QueueItem(path, state="ready", header=header), CONFIDENT)
    qtbot.addWidget(dialog2)
    dialog2.form.fields.set_value("number_symbol", "45/QĐ-SNV")
    dialog2.form.save()
    qtbot.waitUntil(lambda: entries() == before + 2, timeout=10000)
