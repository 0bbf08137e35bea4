"""Working hours of working days: what the ranking counts as a unit's time to respond."""

import datetime
from zoneinfo import ZoneInfo

from complaint_forms.deadlines import (
    is_working_day,
    working_days_between,
    working_hours_between,
)

WITA = ZoneInfo("Asia/Makassar")
UTC = datetime.UTC
NONE = frozenset()


def wita(*args):
    return datetime.datetime(*args, tzinfo=WITA)


def test_friday_evening_to_monday_morning_costs_only_the_minutes_after_opening():
    friday_evening = wita(2026, 1, 23, 20, 0)
    monday_morning = wita(2026, 1, 26, 8, 0)
    assert working_hours_between(friday_evening, monday_morning, NONE) == 0.5


def test_clock_time_in_utc_is_read_in_wita():
    # 12:00 UTC on Friday is 20:00 WITA, after closing; 00:00 UTC Monday is 08:00 WITA.
    friday = datetime.datetime(2026, 1, 23, 12, 0, tzinfo=UTC)
    monday = datetime.datetime(2026, 1, 26, 0, 0, tzinfo=UTC)
    assert working_hours_between(friday, monday, NONE) == 0.5


def test_hours_inside_one_working_day_count_in_full():
    assert working_hours_between(wita(2026, 1, 27, 9, 0), wita(2026, 1, 27, 10, 30), NONE) == 1.5


def test_before_opening_counts_from_opening():
    assert working_hours_between(wita(2026, 1, 27, 6, 0), wita(2026, 1, 27, 7, 45), NONE) == 0.25


def test_friday_prayer_break_is_not_counted():
    # Friday 10:00-11:00 and 13:30-14:00.
    assert working_hours_between(wita(2026, 1, 23, 10, 0), wita(2026, 1, 23, 14, 0), NONE) == 1.5


def test_a_full_week_is_forty_and_a_half_hours():
    monday = wita(2026, 1, 26, 0, 0)
    assert working_hours_between(monday, monday + datetime.timedelta(days=7), NONE) == 40.5


def test_a_public_holiday_costs_nothing():
    # Thursday 1 January 2026 is New Year's Day: Wednesday 15:00-16:00 and Friday
    # 07:30-08:00 count, the holiday does not.
    assert not is_working_day(datetime.date(2026, 1, 1))
    start = wita(2025, 12, 31, 15, 0)
    end = wita(2026, 1, 2, 8, 0)
    assert working_hours_between(start, end, NONE) == 1.5


def test_cuti_bersama_costs_nothing():
    monday = datetime.date(2026, 1, 26)
    end = wita(2026, 1, 27, 8, 0)
    assert working_hours_between(wita(2026, 1, 23, 20, 0), end, NONE) == 9.0
    assert working_hours_between(wita(2026, 1, 23, 20, 0), end, frozenset({monday})) == 0.5


def test_end_before_start_is_zero():
    assert working_hours_between(wita(2026, 1, 27, 10), wita(2026, 1, 27, 9), NONE) == 0.0


def test_office_hours_come_from_the_setting(settings):
    settings.COMPLAINT_OFFICE_HOURS = {1: [("08:00", "12:00")]}
    tuesday = wita(2026, 1, 27, 0, 0)
    assert working_hours_between(tuesday, tuesday + datetime.timedelta(days=7), NONE) == 4.0


def test_working_days_between_datetimes_counts_their_days_in_wita():
    # Friday 23:30 WITA (15:30 UTC) to Monday 00:30 WITA (Sunday 16:30 UTC): one working day.
    friday = datetime.datetime(2026, 1, 23, 15, 30, tzinfo=UTC)
    monday = datetime.datetime(2026, 1, 25, 16, 30, tzinfo=UTC)
    assert working_days_between(friday, monday, NONE) == 1
