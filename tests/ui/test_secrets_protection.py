"""pytest-qt: the protection-term dialog — due list, declassification and its refusal, on the
real encrypted store (the `sstore` fixture of test_secrets_dialogs)."""
import datetime as dt
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "secrets"))
from secret_helpers import CLERK, incoming  # noqa: E402

from tests.ui.test_secrets_dialogs import sstore  # noqa: E402,F401  (the fixture)


def _item(sstore, ends_in_days: int, **kw):
    from app.secrets import books
    from app.secrets.store import act_as

    act_as(sstore, CLERK)  # the văn thư keeps the secret books
    set_on = dt.date.today() - dt.timedelta(days=3652) + dt.timedelta(days=ends_in_days)  # Mật: 10 years
    with sstore.Session.begin() as s:
        return books.register(s, "secret_incoming", incoming(**kw), level_set_on=set_on)


def test_due_list_shows_the_item_whose_term_ends_soon(qtbot, sstore):
    from ui.secrets.protection_dialog import ProtectionDialog

    soon = _item(sstore, 30, number_symbol="1/BCA")
    _item(sstore, 400, number_symbol="2/BCA")
    d = ProtectionDialog(sstore)
    qtbot.addWidget(d)
    assert d.days.value() == 90
    texts = [d.list.item(i).text() for i in range(d.list.count())]
    assert [i.entry_id for i in d.items] == [soon.id]
    assert "1/BCA" in texts[0] and "Mật" in texts[0] and f"{soon.protected_until:%d/%m/%Y}" in texts[0]
    d.days.setValue(500)
    assert d.list.count() == 2


def test_declassifying_from_the_dialog_and_twice_refused(qtbot, sstore):
    from app.secrets import books, protection
    from ui.secrets.protection_dialog import ProtectionDialog

    it = _item(sstore, 10)
    d, other = ProtectionDialog(sstore), ProtectionDialog(sstore)  # a second window still lists it
    qtbot.addWidget(d)
    qtbot.addWidget(other)
    d.list.setCurrentRow(0)
    assert not d.declassify()  # no decision number yet: told, nothing recorded
    assert "số quyết định" in d.error.text()
    d.decision.setText("15/QĐ-UBND")
    d.by.setText("Chủ tịch UBND tỉnh")
    assert d.declassify() and "Đã giải mật" in d.status.text()
    with sstore.ReadSession() as s:
        assert books.item(s, it.id, audit=False).state == "declassified"
        [(_, decision)] = protection.declassified(s)
        assert (decision.decision_no, decision.decided_by) == ("15/QĐ-UBND", "Chủ tịch UBND tỉnh")
    assert d.list.count() == 0  # no longer held: off the due list
    assert other.items[0].entry_id == it.id
    other.decision.setText("16/QĐ-UBND")
    assert not other.declassify()  # the second time: refused in Vietnamese, input kept
    assert "đã được giải mật" in other.error.text() and other.decision.text() == "16/QĐ-UBND"
    with sstore.ReadSession() as s:
        assert len(protection.declassified(s)) == 1


def test_extension_and_level_change_recorded(qtbot, sstore):
    from app.secrets import books
    from ui.secrets.protection_dialog import ProtectionDialog

    it = _item(sstore, 20)
    d = ProtectionDialog(sstore)
    qtbot.addWidget(d)
    d.decision.setText("7/QĐ-GH")
    d.years.setValue(11)
    assert not d.extend() and "không quá thời hạn" in d.error.text()
    d.years.setValue(5)
    assert d.extend()
    with sstore.ReadSession() as s:
        assert books.item(s, it.id, audit=False).protected_until == books.add_years(it.protected_until, 5)
    d.days.setValue(36500)
    d.list.setCurrentRow(0)
    d.level.setCurrentIndex(d.level.findData("Tối mật"))
    assert d.change_level()
    with sstore.ReadSession() as s:
        assert books.item(s, it.id, audit=False).entry.secrecy == "Tối mật"
    assert d.propose_destruction() and "đề nghị tiêu hủy số" in d.status.text()


def test_the_panel_offers_the_dialog_once_unlocked_and_offline(qtbot, sstore, state_store):
    from app.secrets.airgap import fake_probe
    from secret_helpers import ADMIN, PASSWORD
    from ui.secrets.panel import SecretPanel

    sstore.close()
    p = SecretPanel(state_store.data_dir, ADMIN, fake_probe())
    qtbot.addWidget(p)
    assert not p.protection_button.isEnabled()
    p.unlock(PASSWORD)
    assert p.protection_button.isEnabled()
    p.probe = fake_probe("eth0")
    p.check_network()
    assert not p.protection_button.isEnabled()
    p.sstore.close()
