"""The file plan from the menu: a heading added through the dialogs, next year started from
this year's plan, the decision recorded; the Hồ sơ tab shows the result."""
import pytest
from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

from app.archive import plan
from tests.archive.conftest import YEAR, office  # noqa: F401  (fixtures)
from ui.archive import plan_actions

pytestmark = pytest.mark.usefixtures("office_today")


def test_plan_from_the_menu(qtbot, office, runner, monkeypatch):
    store = office["store"]
    parent = QWidget()
    qtbot.addWidget(parent)
    answers = iter([("I. Tổ chức cán bộ", True), ])
    texts = iter([("Đào tạo, bồi dưỡng", True), ("12/QĐ-SNV", True), ("06/01/2027", True)])
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: next(answers, ("quý", True)))
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: next(texts))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(runner.changed, timeout=5000):
        plan_actions.add_heading(parent, runner, YEAR)
    with store.ReadSession() as s:
        small = [h for h in plan.headings(s, YEAR) if h.title == "Đào tạo, bồi dưỡng"]
    assert small and small[0].label == "2" and small[0].parent_id is not None
    with qtbot.waitSignal(runner.changed, timeout=5000):
        plan_actions.copy_from_last_year(parent, runner, YEAR + 1)
    with qtbot.waitSignal(runner.changed, timeout=5000):
        plan_actions.edit_decision(parent, runner, YEAR + 1)
    with store.ReadSession() as s:
        files = plan.list_hoso(s, YEAR + 1)
        p = plan.get_plan(s, YEAR + 1)
    assert len(files) == 3 and all(h.state == "open" for h in files)
    assert (p.decision_number, p.decision_date.isoformat(), p.period) == ("12/QĐ-SNV", "2027-01-06", "quarter")
