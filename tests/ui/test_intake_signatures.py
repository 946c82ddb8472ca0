"""Digital signatures in the window (issue 11), offscreen: a PDF signed here with pyHanko by a
CA made for the test is read by the intake queue, its signature line shown in the intake form,
kept with the entry on saving and shown again with the entry; the root certificate imported
in Cài đặt verifies it; a file that is not a certificate is refused with a message."""
import pytest
from PySide6.QtWidgets import QMessageBox

from app.intake import scans, signatures, trust
from app.intake.ocr import CONFIDENT, read_header
from app.registers import service
from app.security import access
from app.security.actor import Actor
from tests.core.signed_pdf import authority, changed_copy, signed_pdf
from tests.ui.conftest import incoming
from ui.intake.queue_item import QueueItem
from ui.widgets import signature_lines


@pytest.fixture(scope="module")
def ca(tmp_path_factory):
    auth = authority()
    folder = tmp_path_factory.mktemp("ca-ui")
    (folder / "root.cer").write_bytes(auth.root_der())
    (folder / "signer.pem").write_bytes(auth.signer_pem())
    return auth, folder, signed_pdf(folder, auth)


def _dialog(qtbot, runner, path, roots=()):
    from ui.intake.intake_dialog import IntakeDialog

    item = QueueItem(path, state="ready", header=read_header(path, trust_roots=roots))
    dialog = IntakeDialog(runner, item, CONFIDENT)
    qtbot.addWidget(dialog)
    return dialog


def test_the_intake_form_shows_the_signature_unverified_without_a_root(qtbot, runner, ca):
    _auth, _folder, path = ca
    lines = _dialog(qtbot, runner, path).signatures
    assert not lines.isHidden()
    (line,) = lines.lines()
    assert line.startswith("Chữ ký số: Sở Thông tin và Truyền thông, ")
    assert line.endswith("— nguyên vẹn, chưa xác minh được nguồn cấp chứng thư") and "hợp lệ" not in line
    assert signature_lines.UNVERIFIED in lines.text()


def test_changed_after_signing_is_red_and_verified_is_green(qtbot, runner, ca, tmp_path):
    auth, _folder, path = ca
    changed = _dialog(qtbot, runner, changed_copy(path, tmp_path / "changed.pdf"), (auth.root_der(),))
    assert changed.signatures.lines()[0].endswith("— văn bản đã bị sửa sau khi ký")
    assert signature_lines.CHANGED in changed.signatures.text()
    assert "Chữ ký số" not in changed.note.text()  # said once, in its own line
    verified = _dialog(qtbot, runner, path, (auth.root_der(),))
    assert verified.signatures.lines()[0].endswith("— nguyên vẹn, " + signatures.VERIFIED)
    assert signature_lines.VERIFIED in verified.signatures.text()


def test_queue_reads_with_the_imported_root_and_keeps_the_signature(state_store, runner, qtbot, ca):
    from ui.dialogs.entry_detail import EntryDetail
    from ui.intake.intake_panel import IntakePanel

    _auth, folder, path = ca
    with state_store.Session.begin() as s:
        trust.import_root(s, state_store.data_dir, folder / "root.cer")
    panel = IntakePanel(runner, state_store)
    qtbot.addWidget(panel, before_close_func=lambda w: w.shutdown())
    item = panel.add(path)
    qtbot.waitUntil(lambda: item.state == "ready", timeout=30000)
    assert item.header.signatures[0].trusted
    dialog = panel.open_item(item)  # the panel's child: closed with it
    assert dialog.signatures.lines()[0].endswith(signatures.VERIFIED)
    qtbot.waitUntil(lambda: item.full is not None, timeout=30000)
    dialog.form.save()
    qtbot.waitUntil(lambda: item.scan_id is not None, timeout=10000)
    with state_store.ReadSession() as s:
        assert scans.signatures_of(s, item.scan_id) == item.header.signatures
    detail = EntryDetail(runner, "incoming", item.entry.id)
    qtbot.addWidget(detail)
    qtbot.waitUntil(lambda: detail.entry is not None, timeout=10000)
    assert not detail.signatures.isHidden()
    assert detail.signatures.lines() == [s.describe() for s in item.header.signatures]


def test_the_entry_rechecks_its_scan_against_a_root_imported_later(state_store, runner, qtbot, ca):
    from ui.dialogs.entry_detail import EntryDetail

    _auth, folder, path = ca
    with state_store.Session.begin() as s:
        e = service.register(s, "incoming", incoming(1))
        scans.keep_scan(s, state_store.files_dir, path, e.id, pages=1, signatures=signatures.read(path))
        trust.import_root(s, state_store.data_dir, folder / "root.cer")
    detail = EntryDetail(runner, "incoming", e.id)
    qtbot.addWidget(detail)
    qtbot.waitUntil(lambda: detail.entry is not None, timeout=10000)
    assert detail.signatures.lines()[0].endswith(signatures.UNVERIFIED)
    assert not detail.recheck_button.isHidden()
    detail.recheck_button.click()
    qtbot.waitUntil(lambda: detail.signatures.lines()[0].endswith(signatures.VERIFIED), timeout=10000)


def test_an_entry_without_a_signed_scan_shows_no_signature_line(state_store, runner, qtbot):
    from ui.dialogs.entry_detail import EntryDetail

    with state_store.Session.begin() as s:
        e = service.register(s, "incoming", incoming(1))
    detail = EntryDetail(runner, "incoming", e.id)
    qtbot.addWidget(detail)
    qtbot.waitUntil(lambda: detail.entry is not None, timeout=10000)
    assert detail.signatures.isHidden() and detail.recheck_button.isHidden()


def _trust_dialog(qtbot, runner):
    from ui.intake.trust_dialog import TrustDialog

    dialog = TrustDialog(runner)
    qtbot.addWidget(dialog)
    return dialog


def test_settings_import_list_and_remove_a_root(state_store, runner, qtbot, ca, monkeypatch):
    _auth, folder, _path = ca
    dialog = _trust_dialog(qtbot, runner)
    assert dialog.names() == []
    dialog.import_file(folder / "root.cer")
    qtbot.waitUntil(lambda: dialog.names() == ["root.cer"], timeout=10000)
    assert "Đã nhập chứng thư gốc: Thử nghiệm Root CA" in dialog.message.text()
    assert trust.trust_roots(state_store.data_dir) == ((folder / "root.cer").read_bytes(),)
    dialog.list.setCurrentRow(0)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    dialog.remove_selected()
    qtbot.waitUntil(lambda: dialog.names() == [], timeout=10000)
    assert trust.roots(state_store.data_dir) == []


def test_settings_refuse_a_file_that_is_not_a_root(state_store, runner, qtbot, ca, tmp_path):
    _auth, folder, _path = ca
    dialog = _trust_dialog(qtbot, runner)
    bad = tmp_path / "anh.cer"
    bad.write_bytes(b"GIF89a not a certificate")
    dialog.import_file(bad)
    qtbot.waitUntil(lambda: "Không có gì được lưu" in dialog.message.text(), timeout=10000)
    assert dialog.message.text().startswith("Tệp không phải chứng thư số")
    dialog.import_file(folder / "signer.pem")
    qtbot.waitUntil(lambda: "không phải chứng thư gốc" in dialog.message.text(), timeout=10000)
    assert dialog.names() == [] and trust.roots(state_store.data_dir) == []


def test_settings_are_the_administrators(state_store, runner, qtbot):
    access.set_actor(state_store, Actor("lanhdao", "lanh-dao"))
    dialog = _trust_dialog(qtbot, runner)
    assert not dialog.import_button.isEnabled() and not dialog.remove_button.isEnabled()
    assert "Chỉ người quản trị" in dialog.message.text()
