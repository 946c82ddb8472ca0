"""The working-day calendar across Tết of several years, and the office's own days."""
import datetime as dt

from app.tracking import calendar as cal_mod
from app.tracking.calendar import WorkCalendar

D = dt.date


def test_tet_by_the_lunar_calendar_in_several_years():
    cal = WorkCalendar()
    # Tết Nguyên Đán falls on 10/02/2024, 29/01/2025 and 17/02/2026.
    for tet in (D(2024, 2, 10), D(2025, 1, 29), D(2026, 2, 17)):
        assert not cal.is_working(tet)
        assert "Tết" in cal.holiday_name(tet)
    # 2025: off from 27/01 (29 Tết) to 31/01; Monday 03/02 is the first working day after.
    for day in range(27, 32):
        assert not cal.is_working(D(2025, 1, day))
    assert cal.next_working(D(2025, 1, 27)) == D(2025, 2, 3)
    # 2026: Tết holiday Monday 16/02 to Friday 20/02.
    assert [cal.is_working(D(2026, 2, d)) for d in range(13, 24)] == [True] + [False] * 9 + [True]


def test_working_days_skip_weekends_holidays_and_count_government_saturdays():
    cal = WorkCalendar()
    # Friday 24/01/2025 + 3 working days: Tết fills the next week → Wednesday 05/02.
    assert cal.add_working_days(D(2025, 1, 24), 3) == D(2025, 2, 5)
    # Saturday 26/04/2025 was worked in exchange for Friday 02/05 (Government notice).
    assert cal.is_working(D(2025, 4, 26)) and not cal.is_working(D(2025, 5, 2))
    assert cal.add_working_days(D(2025, 4, 25), 1) == D(2025, 4, 26)
    # 30/04 and 01/05 holidays, 02/05 off, 03-04/05 weekend.
    assert cal.add_working_days(D(2025, 4, 29), 1) == D(2025, 5, 5)
    assert cal.add_working_days(D(2025, 3, 3), 0) == D(2025, 3, 3)
    assert cal.working_days_between(D(2025, 3, 3), D(2025, 3, 10)) == 5


def test_office_days_change_the_count_and_are_kept_in_the_store(store):
    with store.Session.begin() as s:
        cal_mod.set_office_day(s, D(2025, 3, 4), "off", "Nghỉ bù hội nghị")
        cal_mod.set_office_day(s, D(2025, 3, 8), "work", "Làm bù")
    with store.Session() as s:
        cal = WorkCalendar.load(s)
        assert [d.kind for d in cal_mod.office_days(s, 2025)] == ["off", "work"]
    assert not cal.is_working(D(2025, 3, 4)) and cal.is_working(D(2025, 3, 8))
    # Monday 03/03 + 4 working days: 05, 06, 07, 08 (Saturday worked).
    assert cal.add_working_days(D(2025, 3, 3), 4) == D(2025, 3, 8)
    listed = dict(cal.days_off(2025))
    assert listed[D(2025, 3, 4)].startswith("Cơ quan") and D(2025, 1, 29) in listed
    with store.Session.begin() as s:
        cal_mod.clear_office_day(s, D(2025, 3, 4))
    with store.Session() as s:
        assert WorkCalendar.load(s).is_working(D(2025, 3, 4))
