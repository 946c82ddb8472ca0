"""Deadlines on working days, processing states, answers and the overdue list."""
import datetime as dt

import pytest

from app.errors import DomainError, ValidationError
from app.registers import service
from app.tracking import deadlines, due, follow

D = dt.date


def test_deadline_as_working_days_from_transfer_and_urgent_defaults(state_store, add_in):
    with state_store.Session.begin() as s:
        a = add_in(s, D(2025, 1, 22), transfer=D(2025, 1, 24))
        b = add_in(s, D(2025, 3, 7), urgency="Hỏa tốc")  # Friday
        c = add_in(s, D(2025, 3, 7), urgency="Thượng khẩn")
        v = deadlines.set_deadline(s, a.id, working_days=3)
        assert v.due_date == D(2025, 2, 5) and v.base_date == D(2025, 1, 24)  # across Tết
        assert "3 ngày làm việc" in v.describe()
        assert deadlines.set_deadline(s, b.id, urgent=True).due_date == D(2025, 3, 7)
        assert deadlines.set_deadline(s, c.id, urgent=True).due_date == D(2025, 3, 10)
        with pytest.raises(ValidationError) as err:
            deadlines.set_deadline(s, a.id, on=D(2025, 1, 20))
        assert "trước ngày đến" in err.value.message
    with state_store.Session() as s:
        assert service.get(s, a.id).due_date == D(2025, 2, 5)
        assert any(h.field == "due_date" for h in service.history(s, a.id))


def test_answer_marks_entries_done_and_fills_the_reply_symbol(state_store, add_in, add_out):
    with state_store.Session.begin() as s:
        a = add_in(s, D(2025, 3, 3))
        b = add_in(s, D(2025, 3, 4))
        deadlines.set_deadline(s, a.id, working_days=5)
        follow.set_state(s, a.id, "doing", note="Đang lấy ý kiến các phòng")
        r = add_out(s, D(2025, 3, 6))
        views = follow.answer(s, r.id, [a.id, b.id])
    assert [v.state for v in views] == ["done", "done"]
    assert views[0].reply_symbol == r.number_symbol and views[0].done_on == D(2025, 3, 6)
    assert views[0].progress_note == "Đang lấy ý kiến các phòng" and views[0].answered_by == (r.id,)
    with state_store.Session() as s:
        assert due.due_list(s, D(2025, 4, 1)) == []
        assert follow.answers_of(s, r.id) == [a.id, b.id]


def test_answer_refuses_entries_of_another_book(state_store, add_in, add_out):
    with state_store.Session.begin() as s:
        a = add_in(s, D(2025, 3, 3))
        r = add_out(s, D(2025, 3, 6))
        r2 = add_out(s, D(2025, 3, 6))
    with state_store.Session.begin() as s:
        with pytest.raises(DomainError) as err:
            follow.answer(s, r.id, [a.id, r2.id])
        assert "không phải sổ văn bản đến" in err.value.message
        with pytest.raises(DomainError):
            follow.answer(s, a.id, [a.id])
    with state_store.Session() as s:
        assert follow.view(s, a.id).state == "open"  # nothing half-done


def test_overdue_list_sorted_by_urgency_and_days_filtered_by_unit(state_store, add_in):
    with state_store.Session.begin() as s:
        late = add_in(s, D(2025, 3, 3), unit="Phòng Kế hoạch")
        later = add_in(s, D(2025, 3, 3), unit="Phòng Kế hoạch", summary="khác")
        done = add_in(s, D(2025, 3, 3), summary="xong")
        add_in(s, D(2025, 3, 3), summary="không hạn")
        urgent = add_in(s, D(2025, 3, 10), urgency="Hỏa tốc", unit="Phòng Tài chính")  # no deadline set
        soon = add_in(s, D(2025, 3, 10), unit="Phòng Tài chính", summary="sắp")
        deadlines.set_deadline(s, late.id, on=D(2025, 3, 10))
        deadlines.set_deadline(s, later.id, on=D(2025, 3, 5))
        deadlines.set_deadline(s, soon.id, on=D(2025, 3, 13))
        deadlines.set_deadline(s, done.id, on=D(2025, 3, 5))
        follow.set_state(s, done.id, "done")
    with state_store.Session() as s:
        items = due.due_list(s, D(2025, 3, 12))
        assert [i.entry_id for i in items] == [urgent.id, later.id, late.id, soon.id]
        assert [i.status_text for i in items] == ["Quá hạn 2 ngày", "Quá hạn 7 ngày",
                                                  "Quá hạn 2 ngày", "Còn 1 ngày"]
        assert due.counts(items) == (3, 1)
        assert [i.entry_id for i in due.due_list(s, D(2025, 3, 12), unit="phong ke hoach")] == [
            later.id, late.id]
        assert [i.entry_id for i in due.due_list(s, D(2025, 3, 12), overdue_only=True)] == [
            urgent.id, later.id, late.id]
