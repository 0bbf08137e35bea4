"""Working-day arithmetic: weekends, national holidays, cuti bersama, year end."""

import datetime

import pytest

from complaint_forms.deadlines import add_working_days, is_working_day, working_days_between
from complaint_forms.models import ExtraHoliday

D = datetime.date
NONE = frozenset()


def test_weekend_is_skipped():
    friday = D(2026, 1, 9)
    assert add_working_days(friday, 1, NONE) == D(2026, 1, 12)  # Monday


def test_three_working_days_from_thursday_land_on_tuesday():
    assert add_working_days(D(2026, 1, 8), 3, NONE) == D(2026, 1, 13)


def test_new_year_is_not_a_working_day():
    assert not is_working_day(D(2027, 1, 1))
    # Wednesday 30 Dec 2026 + 3 working days: Thu 31, (Fri 1 Jan New Year), Mon 4,
    # (Tue 5 Jan Isra Mi'raj 2027), Wed 6.
    assert add_working_days(D(2026, 12, 30), 3, NONE) == D(2027, 1, 6)


def test_nyepi_and_idul_fitri_2026_are_skipped():
    # SKB 3 Menteri 2026: Nyepi Thursday 19 March, Idul Fitri Saturday-Sunday 21-22 March.
    assert not is_working_day(D(2026, 3, 19))
    assert add_working_days(D(2026, 3, 18), 1, NONE) == D(2026, 3, 20)
    assert add_working_days(D(2026, 3, 18), 2, NONE) == D(2026, 3, 23)
    # With that year's cuti bersama (18, 20, 23 and 24 March) the next day is the 25th.
    cuti_bersama = frozenset({D(2026, 3, 18), D(2026, 3, 20), D(2026, 3, 23), D(2026, 3, 24)})
    assert add_working_days(D(2026, 3, 17), 1, cuti_bersama) == D(2026, 3, 25)


def test_cuti_bersama_from_the_extra_list_is_skipped():
    monday = D(2026, 3, 23)
    tuesday = D(2026, 3, 24)
    extra = frozenset({monday, tuesday})
    assert add_working_days(D(2026, 3, 20), 1, extra) == D(2026, 3, 25)


@pytest.mark.django_db
def test_extra_holidays_are_read_from_the_database_by_default():
    ExtraHoliday.objects.create(date=D(2026, 1, 12), name="Cuti bersama")
    assert add_working_days(D(2026, 1, 9), 1) == D(2026, 1, 13)


def test_zero_days_moves_a_weekend_start_to_monday():
    assert add_working_days(D(2026, 1, 10), 0, NONE) == D(2026, 1, 12)


def test_working_days_between_counts_only_working_days():
    assert working_days_between(D(2026, 1, 19), D(2026, 1, 26), NONE) == 5
    assert working_days_between(D(2026, 1, 26), D(2026, 1, 19), NONE) == -5
    # Friday 16 January 2026 is Isra Mi'raj.
    assert working_days_between(D(2026, 1, 9), D(2026, 1, 16), NONE) == 4
    assert working_days_between(D(2026, 1, 9), D(2026, 1, 9), NONE) == 0


def test_between_and_add_agree_across_year_end():
    start = D(2026, 12, 20)
    for days in range(1, 15):
        end = add_working_days(start, days, NONE)
        assert working_days_between(start, end, NONE) == days


def test_datetime_input_is_treated_as_its_date():
    moment = datetime.datetime(2026, 1, 9, 23, 30)
    assert add_working_days(moment, 1, NONE) == D(2026, 1, 12)
