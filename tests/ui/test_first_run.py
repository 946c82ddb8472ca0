import datetime as dt

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


def _decision(store):
    import datetime as dt

    from app.registers import service
    from app.registers.draft import Draft

    with store.Session.begin() as s:
        return service.register(s, "outgoing", Draft(doc_date=dt.date.today(), doc_type="Quyết định",
                                                     summary="Về việc", signer_name="A")).number_symbol


def _settings_dialog(qtbot, store):
    """Cài đặt → Cơ quan after two Quyết định this year, switched to one sequence per type."""
    from ui.tasks import TaskRunner

    _decision(store), _decision(store)
    runner = TaskRunner(store)
    dialog = FirstRunDialog(runner, None, first_run=False)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.org_abbr.text() == "SNV", timeout=5000)
    dialog.state_scheme.setCurrentIndex(dialog.state_scheme.findData("per_type"))
    return dialog, runner


def test_scheme_change_mid_year_is_announced_and_never_reissues(qtbot, state_store):
    """Issue 9, finding 1: after 01 and 02/QĐ-SNV, "Mỗi tên loại một dãy số" gave 01 and 02 again."""
    dialog, runner = _settings_dialog(qtbot, state_store)
    assert dialog.continue_numbers.isVisibleTo(dialog)
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        dialog.save()
    assert "01/01/" in dialog.notice_box.text()
    dialog.notice_box.close()
    assert _decision(state_store) == "03/QĐ-SNV"
    runner.wait()


def test_scheme_change_can_continue_now(qtbot, state_store):
    dialog, runner = _settings_dialog(qtbot, state_store)
    dialog.continue_numbers.setChecked(True)
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        dialog.save()
    assert dialog.notice_box is None
    assert _decision(state_store) == "03/QĐ-SNV"
    with state_store.ReadSession() as s:
        assert org.load(s).scheme_for(dt.date.today().year) == "per_type"
    runner.wait()


def test_a_clerk_is_told_that_settings_are_the_administrators(qtbot, state_store, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from app.security.access import set_actor
    from app.security.actor import Actor
    from app.security import users
    from ui.tasks import TaskRunner

    with state_store.Session.begin() as s:
        users.add(s, "admin", "mat-khau-1", "quan-tri")
    set_actor(state_store, Actor("vt", "van-thu"))
    said = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: said.append(a[2]))
    runner = TaskRunner(state_store)
    dialog = FirstRunDialog(runner, None, first_run=False)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.org_abbr.text() == "SNV", timeout=5000)
    dialog.place.setText("Nghệ An")
    dialog.save()
    qtbot.waitUntil(lambda: bool(said), timeout=5000)
    assert "cài đặt" in said[0] and dialog.isVisible()
    runner.wait()
