"""The handover dialog: the period's closed files, secret ones refused with the reason, the
package written and checked on a worker, the files then handed over."""
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from app.archive import closing, filing, plan, verify
from app.registers import service
from tests.archive.conftest import YEAR, closed_quarter, incoming, office  # noqa: F401  (fixtures)
from ui.archive.handover_dialog import HandoverDialog


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
