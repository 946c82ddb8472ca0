"""The "Sắp đến hạn / Quá hạn" view and the deadline dialog, offscreen, on a real store."""
import datetime as dt

from app.registers import service
from app.registers.draft import Draft
from app.tracking import deadlines

D = dt.date


def _add(s, day, **kw):
    values = dict(received_at=dt.datetime.combine(day, dt.time(8)), issuer="UBND tỉnh",
                  number_symbol=f"{day:%d%m}/{len(kw)}/UBND", doc_date=day, doc_type="Công văn",
                  summary="Về việc kiểm tra", recipient_unit="Phòng Tổ chức")
    values.update(kw)
    return service.register(s, "incoming", Draft(**values), allow_duplicate=True, allow_out_of_order=True)


def test_due_view_lists_overdue_first_and_filters_by_unit(runner, state_store, qtbot):
    from ui.tracking.due_view import DueView

    with state_store.Session.begin() as s:
        late = _add(s, D(2025, 3, 3))
        urgent = _add(s, D(2025, 3, 10), urgency="Hỏa tốc", recipient_unit="Phòng Kế hoạch")
        soon = _add(s, D(2025, 3, 11), summary="sắp")
        deadlines.set_deadline(s, late.id, on=D(2025, 3, 7))
        deadlines.set_deadline(s, soon.id, on=D(2025, 3, 13))
    view = DueView(runner, today=D(2025, 3, 12))
    qtbot.addWidget(view)
    view.show()
    with qtbot.waitSignal(view.counted, timeout=10000) as got:
        view.refresh()
    assert got.args == [2, 1]
    m = view.model()
    assert [m.index(r, 2).data() for r in range(m.rowCount())] == [str(urgent.number), str(late.number),
                                                                   str(soon.number)]
    assert m.index(1, 0).data() == "Quá hạn 5 ngày" and m.index(2, 0).data() == "Còn 1 ngày"
    with qtbot.waitSignal(view.counted, timeout=10000):
        view.unit.setText("ke hoach")
    assert m.rowCount() == 1 and m.index(0, 4).data() == "Hỏa tốc"
    with qtbot.waitSignal(view.open_entry) as opened:
        view.view.doubleClicked.emit(m.index(0, 1))
    assert opened.args == [urgent.id]


def test_deadline_dialog_sets_working_days_and_state(runner, state_store, qtbot):
    from ui.tracking.deadline_dialog import DeadlineDialog

    with state_store.Session.begin() as s:
        e = _add(s, D(2025, 1, 24), transfer_date=D(2025, 1, 24))
    dialog = DeadlineDialog(runner, e)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: "Hạn hiện tại" in dialog.preview.text(), timeout=10000)
    dialog.by_days.setChecked(True)
    dialog.days.setValue(3)
    dialog.state.setCurrentIndex(dialog.state.findData("doing"))
    dialog.note.setPlainText("Đang xin ý kiến")
    with qtbot.waitSignal(dialog.saved, timeout=10000):
        dialog.save()
    with state_store.Session() as s:
        assert service.get(s, e.id).due_date == D(2025, 2, 5)  # three working days across Tết
        assert service.get(s, e.id).progress_note == "Đang xin ý kiến"
    dialog2 = DeadlineDialog(runner, e)
    qtbot.addWidget(dialog2)
    dialog2.by_date.setChecked(True)
    dialog2.date.setDate(dialog2.date.date().fromString("01/01/2025", "dd/MM/yyyy"))
    dialog2.save()
    qtbot.waitUntil(lambda: "trước ngày đến" in dialog2.error.text(), timeout=10000)
