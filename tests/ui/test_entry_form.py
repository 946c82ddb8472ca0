import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select

from app.registers import query
from db.models import Entry
from ui.dialogs.duplicate_dialog import DuplicateDialog
from ui.dialogs.entry_form import EntryForm

from .conftest import incoming, type_text
from app.registers import service


def make_form(qtbot, runner, book="incoming"):
    form = EntryForm(runner, book)
    qtbot.addWidget(form)
    form.show()
    qtbot.waitUntil(lambda: form.fields.widgets["doc_type"].count() > 0, timeout=5000)
    return form


def count(store, book="incoming"):
    with store.ReadSession() as s:
        return len(query.ids(s, query.Filter(book)))


def type_in(qtbot, form, name, text):
    w = form.fields.widgets[name]
    w.setFocus()
    if hasattr(w, "selectAll"):
        w.selectAll()
    qtbot.keyClicks(w.lineEdit() if hasattr(w, "lineEdit") and w.lineEdit() else w, text)


def test_keyboard_flow_and_ctrl_enter_saves(qtbot, runner, state_store):
    form = make_form(qtbot, runner)
    f = form.fields
    # Ngày đến defaults to now; Enter moves on, field after field.
    assert f.value("received_at").startswith(dt.date.today().strftime("%d/%m/%Y"))
    f.widgets["received_at"].setFocus()
    f.widgets["received_at"].selectAll()
    qtbot.keyClicks(f.widgets["received_at"], "05/03/2026 09:15")
    qtbot.keyClick(f.widgets["received_at"], Qt.Key.Key_Return)
    assert QApplication.focusWidget() is f.widgets["issuer"]
    type_text(qtbot, f.widgets["issuer"], "UBND tỉnh Thanh Hóa")
    qtbot.keyClick(f.widgets["issuer"], Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is f.widgets["number_symbol"]
    type_text(qtbot, f.widgets["number_symbol"], "123/QĐ-UBND")
    qtbot.keyClick(f.widgets["number_symbol"], Qt.Key.Key_Return)
    qtbot.keyClicks(QApplication.focusWidget(), "04032026")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert f.value("doc_date") == "04/03/2026"
    f.set_value("doc_type", "Quyết định")
    f.widgets["summary"].setFocus()
    type_text(qtbot, f.widgets["summary"], "Về việc phê duyệt kế hoạch")
    qtbot.keyClick(f.widgets["summary"], Qt.Key.Key_Return)
    assert QApplication.focusWidget() is f.widgets["urgency"]
    assert f.value("summary") == "Về việc phê duyệt kế hoạch"  # Enter moved on, no new line

    with qtbot.waitSignal(form.saved, timeout=5000) as saved:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    entry = saved.args[0]
    assert entry.number == 1 and entry.issuer == "UBND tỉnh Thanh Hóa"
    with state_store.ReadSession() as s:
        got = service.get(s, entry.id)
    assert got.number_symbol == "123/QĐ-UBND" and got.doc_date == dt.date(2026, 3, 4)
    assert got.received_at == dt.datetime(2026, 3, 5, 9, 15)
    assert "Đã đăng ký" in form.message.text()
    assert f.value("issuer") == ""  # ready for the next document


def test_impossible_date_shown_at_field_nothing_saved(qtbot, runner, state_store):
    form = make_form(qtbot, runner)
    form.prefill({"received_at": "05/03/2026 09:00", "issuer": "Bộ Nội vụ", "number_symbol": "5/BNV",
                  "doc_date": "31/02/2026", "doc_type": "Công văn", "summary": "V/v thử"})
    form.save()
    qtbot.waitUntil(lambda: bool(form.fields.error_text("doc_date")), timeout=5000)
    assert "31/02/2026" in form.fields.error_text("doc_date")
    assert "không có thật" in form.fields.error_text("doc_date")
    assert "c62828" in form.fields.widgets["doc_date"].styleSheet()
    assert QApplication.focusWidget() is form.fields.widgets["doc_date"]
    assert count(state_store) == 0
    with state_store.ReadSession() as s:
        assert s.scalar(select(func.count()).select_from(Entry)) == 0


def test_missing_fields_marked_first_focused(qtbot, runner, state_store):
    form = make_form(qtbot, runner)
    form.prefill({"received_at": "05/03/2026 09:00", "doc_date": "06/03/2026"})
    form.save()
    qtbot.waitUntil(lambda: bool(form.fields.error_text("issuer")), timeout=5000)
    assert form.fields.error_text("summary") == "Không được để trống."
    assert "sau ngày đến" in form.fields.error_text("doc_date")
    assert QApplication.focusWidget() is form.fields.widgets["issuer"]
    assert count(state_store) == 0


def test_duplicate_warning_then_register_anyway(qtbot, runner, state_store):
    with state_store.Session.begin() as s:
        service.register(s, "incoming", incoming(7))
    form = make_form(qtbot, runner)
    d = incoming(7)
    form.prefill({k: getattr(d, k) for k in ("received_at", "issuer", "number_symbol", "doc_date",
                                             "doc_type", "summary")})
    form.save()
    qtbot.waitUntil(lambda: form.findChild(DuplicateDialog) is not None, timeout=5000)
    dialog = form.findChild(DuplicateDialog)
    assert "7/TB-UBND" in dialog.informativeText() and "Số đến: 1" in dialog.informativeText()
    assert count(state_store) == 1
    with qtbot.waitSignal(form.saved, timeout=5000):
        dialog.register_button.click()
    assert count(state_store) == 2


def test_preview_number_live(qtbot, runner, state_store):
    with state_store.Session.begin() as s:
        service.register(s, "outgoing", service.Draft(doc_date="02/03/2026", doc_type="Quyết định",
                                                      summary="Về việc A", signer_name="Nguyễn Văn A"))
    form = make_form(qtbot, runner, "outgoing")
    form.fields.set_value("doc_date", "05/03/2026")
    form.fields.set_value("doc_type", "Quyết định")
    qtbot.waitUntil(lambda: form.preview.text() == "Số sẽ cấp: 02/QĐ-SNV", timeout=5000)
    form.fields.set_value("doc_type", "Thông báo")  # state, one sequence for all types
    qtbot.waitUntil(lambda: form.preview.text() == "Số sẽ cấp: 02/TB-SNV", timeout=5000)


def test_prefill_marks_low_confidence_and_reports_focus(qtbot, runner, state_store):
    form = make_form(qtbot, runner)
    form.prefill({"issuer": "UBND tỉnh Nghệ An", "number_symbol": "12/QĐ-UBND"}, {"number_symbol"})
    assert form.fields.value("issuer") == "UBND tỉnh Nghệ An"
    assert "fff3b0" in form.fields.widgets["number_symbol"].styleSheet()
    assert "fff3b0" not in form.fields.widgets["issuer"].styleSheet()
    with qtbot.waitSignal(form.field_focused, timeout=2000) as got:
        form.fields.widgets["number_symbol"].setFocus()
    assert got.args == ["number_symbol"]


def test_secret_book_top_secret_disables_summary(qtbot, runner, state_store):
    form = make_form(qtbot, runner, "secret_incoming")
    secrecy = form.fields.widgets["secrecy"]
    secrecy.setCurrentIndex(secrecy.findData("Tuyệt mật"))
    assert not form.fields.widgets["summary"].isEnabled()


def test_january_offers_previous_year(qtbot, runner, state_store):
    form = make_form(qtbot, runner)
    form.fields.set_value("received_at", "03/01/2026 08:00")
    assert not form.previous_year.isHidden()
    form.previous_year.setChecked(True)
    assert form.chosen_year() == 2025
    form.fields.set_value("received_at", "03/02/2026 08:00")
    assert form.previous_year.isHidden() and form.chosen_year() is None


def test_completer_ignores_diacritics(qtbot, runner, state_store):
    with state_store.Session.begin() as s:
        service.register(s, "incoming", incoming(1, issuer="Sở Nội vụ tỉnh Đắk Lắk"))
    form = make_form(qtbot, runner)
    completer = form.fields.completers["issuer"]
    qtbot.waitUntil(lambda: completer.model().rowCount() == 1, timeout=5000)
    completer.setCompletionPrefix("noi vu tinh dak")
    assert completer.completionCount() == 1
    assert completer.currentCompletion() == "Sở Nội vụ tỉnh Đắk Lắk"
