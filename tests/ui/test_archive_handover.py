"""The handover dialog: the period's closed files, secret ones refused with the reason, the
package written and checked on a worker, the files then handed over."""
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from app.archive import closing, filing, plan, verify
from app.registers import service
from tests.archive.conftest import YEAR, closed_quarter, incoming, office  # noqa: F401  (fixtures)
from ui.archive.handover_dialog import HandoverDialog

pytestmark = pytest.mark.usefixtures("office_today")


def test_handover_dialog_exports_a_checked_package(qtbot, closed_quarter, runner, tmp_path, monkeypatch):
    store = closed_quarter["store"]
    with store.Session.begin() as s:
        secret = service.register(s, "secret_incoming", incoming(50, secrecy="Mật"), year=YEAR).id
        filing.add(s, closed_quarter["files"][2], [secret])
        closing.close(s, closed_quarter["files"][2], on="30/03/2026")
    dialog = HandoverDialog(runner, store, YEAR)
    qtbot.addWidget(dialog)
    dialog.period.setCurrentIndex(0)  # quý I
    qtbot.waitUntil(lambda: dialog.files.count() == 3, timeout=5000)
    texts = [dialog.files.item(i).text() for i in range(3)]
    assert texts[0].startswith("01.TCCB") and texts[1].startswith("02.TCCB")
    assert "03.VP" in texts[2] and "văn bản mật" in texts[2]
    assert dialog.files.item(2).flags() == Qt.ItemFlag.NoItemFlags  # cannot be ticked
    assert dialog.chosen_codes() == ["01.TCCB", "02.TCCB"]
    dialog.files.item(1).setCheckState(Qt.CheckState.Unchecked)
    out = tmp_path / "nop-luu"
    out.mkdir()
    dialog.folder.setText(str(out))
    dialog.receiver.setText("Phạm D")
    dialog.as_zip.setChecked(True)
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: shown.append(a[2]))
    with qtbot.waitSignal(dialog.exported, timeout=20000) as got:
        dialog.ok.click()
    result = got.args[0]
    assert result.path == out / "NL-2026-Q1-01.zip" and result.files == 1
    assert verify.verify(result.path).ok
    assert "Kết luận: gói hợp lệ" in shown[0]
    with store.ReadSession() as s:
        states = {h.code: h.state for h in plan.list_hoso(s, YEAR)}
    assert states == {"01.TCCB": "handed_over", "02.TCCB": "closed", "03.VP": "closed"}


def test_keep_back_from_the_tab_then_the_handover_lists_it_and_counts_the_boxes(qtbot, closed_quarter, runner,
                                                                                 tmp_path, monkeypatch):
    import bagit

    from ui.archive.hoso_tab import HosoTab
    from ui.archive.keep_dialog import KeepDialog

    store = closed_quarter["store"]
    tab = HosoTab(runner, store)
    qtbot.addWidget(tab)
    tab.load()
    qtbot.waitUntil(lambda: len(tab.files.items) == 3, timeout=5000)
    tab.select_code("02.TCCB")
    assert tab.keep_button.isEnabled() and tab.keep_button.text() == "&Giữ lại…"
    dialog = KeepDialog(runner, tab.current_file())
    qtbot.addWidget(dialog)
    assert dialog.until.date().toString("dd/MM/yyyy") == "25/03/2029"  # the latest the law allows
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    dialog.ok.click()  # no reason yet: refused, said in the dialog
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    assert "lý do" in shown[0]
    dialog.reason.setText("Còn dùng để giải quyết khiếu nại")
    dialog.approval.setText("Giám đốc đồng ý")
    with qtbot.waitSignal(dialog.finished, timeout=5000):
        dialog.ok.click()
    qtbot.waitUntil(lambda: tab.current_file() is not None and tab.current_file().state == "kept_back", timeout=5000)
    assert tab.keep_button.text() == "Thôi &giữ lại…" and not tab.reopen_button.isEnabled()

    handing = HandoverDialog(runner, store, YEAR)
    qtbot.addWidget(handing)
    handing.period.setCurrentIndex(0)
    qtbot.waitUntil(lambda: handing.files.count() == 2, timeout=5000)
    kept = handing.files.item(1)
    assert kept.text().startswith("02.TCCB") and "giữ lại đến 25/03/2029" in kept.text()
    assert kept.flags() == Qt.ItemFlag.NoItemFlags and handing.chosen_codes() == ["01.TCCB"]
    assert handing.paper().boxes is None and handing.paper().metres is None  # blank unless typed
    handing.boxes.setValue(4)
    handing.metres.setValue(0.5)
    out = tmp_path / "nop-luu"
    out.mkdir()
    handing.folder.setText(str(out))
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    with qtbot.waitSignal(handing.exported, timeout=20000) as got:
        handing.ok.click()
    info = bagit.Bag(str(got.args[0].path)).info
    assert info["Handover-Paper-Boxes"] == "4" and info["Handover-Shelf-Metres"] == "0.5"
    assert info["Handover-Kept-Back-Count"] == "1"
