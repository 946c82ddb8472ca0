from app import org
from ui.dialogs.first_run import FirstRunDialog

from .conftest import type_text


def test_first_run_saves_organisation(qtbot, store):
    from ui.tasks import TaskRunner

    runner = TaskRunner(store)
    dialog = FirstRunDialog(runner, None, first_run=True)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(qtbot, dialog.parent_org, "TỈNH ỦY THANH HÓA")
    type_text(qtbot, dialog.org_name, "VĂN PHÒNG TỈNH ỦY")
    qtbot.keyClicks(dialog.org_abbr, "TU")
    dialog.party.setChecked(True)
    assert dialog.term_start.isEnabled() and not dialog.state_scheme.isEnabled()
    qtbot.keyClicks(dialog.term_start, "01102025")
    type_text(qtbot, dialog.place, "Thanh Hóa")
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        dialog.save()
    with store.ReadSession() as s:
        saved = org.load(s)
    assert saved.configured and saved.org_abbr == "TU" and saved.regime == "party"
    assert saved.term_start == "2025-10-01" and saved.parent_org == "TỈNH ỦY THANH HÓA"
    runner.wait()


def test_first_run_errors_at_fields(qtbot, store):
    from ui.tasks import TaskRunner

    runner = TaskRunner(store)
    dialog = FirstRunDialog(runner, None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.org_abbr, "S NV")
    dialog.party.setChecked(True)
    dialog.save()
    qtbot.waitUntil(lambda: not dialog.errors["org_name"].isHidden(), timeout=5000)
    assert "tên cơ quan" in dialog.errors["org_name"].text()
    assert "dấu cách" in dialog.errors["org_abbr"].text()
    assert "nhiệm kỳ" in dialog.errors["term_start"].text()
    with store.ReadSession() as s:
        assert not org.load(s).configured
    runner.wait()
