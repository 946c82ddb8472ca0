"""Issue 9, finding 15 (and the yellow marks of 19): Esc asks before a half-filled form is
thrown away; Ctrl+Enter saves even while a suggestion list is open; an issuer just saved is
suggested at once; the secret books' issuers are never suggested in the ordinary book."""
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from app.registers import service

from .conftest import incoming, type_text
from .test_entry_form import count, make_form


def test_esc_asks_before_throwing_a_half_filled_form_away(qtbot, runner, state_store):
    from ui.dialogs.register_dialog import RegisterDialog

    dialog = RegisterDialog(runner, "incoming", "Văn bản đến")
    qtbot.addWidget(dialog)
    dialog.show()
    form = dialog.form
    qtbot.waitUntil(lambda: form.fields.widgets["doc_type"].count() > 0, timeout=5000)
    issuer = form.fields.widgets["issuer"]
    issuer.setFocus()
    type_text(qtbot, issuer, "UBND tỉnh Nghệ An")
    qtbot.keyClick(issuer, Qt.Key.Key_Escape)
    box = form.findChild(QMessageBox)
    assert box is not None and box.isVisible() and dialog.isVisible()
    assert "Bỏ nội dung" in form.discard_button.text()
    box.escapeButton().click()  # "Tiếp tục nhập": nothing lost
    assert dialog.isVisible() and form.fields.value("issuer") == "UBND tỉnh Nghệ An"
    dialog.close()  # the window's own close button asks too
    box = [b for b in form.findChildren(QMessageBox) if b.isVisible()][0]
    assert dialog.isVisible()
    form.discard_button.click()
    assert not dialog.isVisible()


def test_empty_form_closes_on_esc_without_asking(qtbot, runner, state_store):
    form = make_form(qtbot, runner)
    with qtbot.waitSignal(form.closed, timeout=1000):
        qtbot.keyClick(form.fields.widgets["received_at"], Qt.Key.Key_Escape)
    assert form.findChild(QMessageBox) is None


def test_ctrl_enter_saves_while_the_suggestion_list_is_open(qtbot, runner, state_store):
    with state_store.Session.begin() as s:
        service.register(s, "incoming", incoming(1, issuer="UBND tỉnh Thanh Hóa"))
    form = make_form(qtbot, runner)
    completer = form.fields.completers["issuer"]
    qtbot.waitUntil(lambda: completer.model().rowCount() == 1, timeout=5000)
    d = incoming(2)
    form.prefill({k: getattr(d, k) for k in ("received_at", "number_symbol", "doc_date", "doc_type",
                                             "summary")})
    issuer = form.fields.widgets["issuer"]
    issuer.setFocus()
    qtbot.keyClicks(issuer, "ubnd")
    qtbot.waitUntil(lambda: completer.popup().isVisible(), timeout=2000)
    issuer.setText("UBND tỉnh Thanh Hóa")
    # With the list open the keyboard speaks to the list: the first Ctrl+Enter must save.
    with qtbot.waitSignal(form.saved, timeout=5000):
        qtbot.keyClick(completer.popup(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert count(state_store) == 2 and not completer.popup().isVisible()


def test_issuer_just_saved_is_suggested_at_once(qtbot, runner, state_store):
    form = make_form(qtbot, runner)
    d = incoming(3, issuer="Sở Xây dựng tỉnh Cà Mau")
    form.prefill({k: getattr(d, k) for k in ("received_at", "issuer", "number_symbol", "doc_date",
                                             "doc_type", "summary")})
    with qtbot.waitSignal(form.saved, timeout=5000):
        form.save()
    completer = form.fields.completers["issuer"]
    completer.setCompletionPrefix("xay dung tinh ca")
    assert completer.completionCount() == 1
    assert completer.currentCompletion() == "Sở Xây dựng tỉnh Cà Mau"


def test_secret_issuers_not_suggested_in_the_ordinary_book(qtbot, runner, state_store):
    with state_store.Session.begin() as s:
        service.register(s, "incoming", incoming(1, issuer="Sở Nội vụ"))
        service.register(s, "secret_incoming", incoming(2, issuer="Cục An ninh nội địa", secrecy="Mật"))
    ordinary = make_form(qtbot, runner)
    qtbot.waitUntil(lambda: ordinary.fields.completers["issuer"].model().rowCount() > 0, timeout=5000)
    model = ordinary.fields.completers["issuer"].model()
    assert [model.item(i).text() for i in range(model.rowCount())] == ["Sở Nội vụ"]
    secret = make_form(qtbot, runner, "secret_incoming")
    qtbot.waitUntil(lambda: secret.fields.completers["issuer"].model().rowCount() == 2, timeout=5000)


def test_yellow_check_mark_cleared_once_the_clerk_corrects_the_field(qtbot, runner, state_store):
    form = make_form(qtbot, runner)
    form.prefill({"issuer": "UBND tinh Nghe An", "number_symbol": "12/QĐ-UBND"}, {"issuer", "number_symbol"})
    issuer = form.fields.widgets["issuer"]
    assert "fff3b0" in issuer.styleSheet()
    issuer.setFocus()
    issuer.selectAll()
    type_text(qtbot, issuer, "UBND tỉnh Nghệ An")
    assert "fff3b0" not in issuer.styleSheet()
    assert "fff3b0" in form.fields.widgets["number_symbol"].styleSheet()  # not yet looked at
