"""Working-day arithmetic: weekends, national holidays, cuti bersama, year end."""

import datetime

import pytest

from complaint_forms.deadlines import (
    add_working_days,
    extra_holidays,
    is_working_day,
    working_days_between,
)
from complaint_forms.models import ExtraHoliday

D = datetime.date
NONE = frozenset()


def test_weekend_is_skipped():
    friday = D(2026, 1, 9)
    assert add_working_days(friday, 1, NONE) == D(2026, 1, 12)  # Monday


def test_three_working_days_from_thursday_land_on_tuesday():
    assert add_working_days(D(2026, 1, 8), 3, NONE) == D(2026, 1, 13)


# The official calendar, written out from the joint decree of the Ministers of Religious
# Affairs, Manpower and Administrative Reform (SKB 3 Menteri): SKB 1497/2025, 2/2025, 5/2025
# for 2026, and the SKB for 2027 announced on 17 September 2026. Each entry carries its day
# of the week as printed in the decree, so a mistyped date fails here, not in a deadline.
# National holidays (libur nasional) come from the `holidays` package; cuti bersama are the
# days staff record as ExtraHoliday (complaint_forms.deadlines).
NATIONAL_HOLIDAYS = {
    2026: [
        ("Kamis", D(2026, 1, 1), "Tahun Baru 2026 Masehi"),
        ("Jumat", D(2026, 1, 16), "Isra Mikraj Nabi Muhammad SAW"),
        ("Selasa", D(2026, 2, 17), "Tahun Baru Imlek 2577 Kongzili"),
        ("Kamis", D(2026, 3, 19), "Hari Suci Nyepi Tahun Baru Saka 1948"),
        ("Sabtu", D(2026, 3, 21), "Idul Fitri 1447 H"),
        ("Minggu", D(2026, 3, 22), "Idul Fitri 1447 H"),
        ("Jumat", D(2026, 4, 3), "Wafat Yesus Kristus"),
        ("Minggu", D(2026, 4, 5), "Kebangkitan Yesus Kristus (Paskah)"),
        ("Jumat", D(2026, 5, 1), "Hari Buruh Internasional"),
        ("Kamis", D(2026, 5, 14), "Kenaikan Yesus Kristus"),
        ("Rabu", D(2026, 5, 27), "Idul Adha 1447 H"),
        ("Minggu", D(2026, 5, 31), "Hari Raya Waisak 2570 BE"),
        ("Senin", D(2026, 6, 1), "Hari Lahir Pancasila"),
        ("Selasa", D(2026, 6, 16), "1 Muharam Tahun Baru Islam 1448 H"),
        ("Senin", D(2026, 8, 17), "Proklamasi Kemerdekaan"),
        ("Selasa", D(2026, 8, 25), "Maulid Nabi Muhammad SAW"),
        ("Jumat", D(2026, 12, 25), "Kelahiran Yesus Kristus"),
    ],
    2027: [
        ("Jumat", D(2027, 1, 1), "Tahun Baru 2027 Masehi"),
        ("Selasa", D(2027, 1, 5), "Isra Mikraj Nabi Muhammad SAW 1448 H"),
        ("Sabtu", D(2027, 2, 6), "Tahun Baru Imlek 2578 Kongzili"),
        ("Senin", D(2027, 3, 8), "Hari Suci Nyepi Tahun Baru Saka 1949"),
        ("Rabu", D(2027, 3, 10), "Idul Fitri 1448 H"),
        ("Kamis", D(2027, 3, 11), "Idul Fitri 1448 H"),
        ("Jumat", D(2027, 3, 26), "Wafat Yesus Kristus"),
        ("Minggu", D(2027, 3, 28), "Kebangkitan Yesus Kristus (Paskah)"),
        ("Sabtu", D(2027, 5, 1), "Hari Buruh Internasional"),
        ("Kamis", D(2027, 5, 6), "Kenaikan Yesus Kristus"),
        ("Senin", D(2027, 5, 17), "Idul Adha 1448 H"),
        ("Kamis", D(2027, 5, 20), "Hari Raya Waisak 2571 BE"),
        ("Selasa", D(2027, 6, 1), "Hari Lahir Pancasila"),
        ("Minggu", D(2027, 6, 6), "1 Muharam Tahun Baru Islam 1449 H"),
        ("Minggu", D(2027, 8, 15), "Maulid Nabi Muhammad SAW"),
        ("Selasa", D(2027, 8, 17), "Proklamasi Kemerdekaan"),
        ("Sabtu", D(2027, 12, 25), "Kelahiran Yesus Kristus"),
        ("Minggu", D(2027, 12, 26), "Isra Mikraj Nabi Muhammad SAW 1449 H"),
    ],
}
CUTI_BERSAMA = {
    2026: [
        ("Senin", D(2026, 2, 16), "Tahun Baru Imlek"),
        ("Rabu", D(2026, 3, 18), "Hari Suci Nyepi"),
        ("Jumat", D(2026, 3, 20), "Idul Fitri"),
        ("Senin", D(2026, 3, 23), "Idul Fitri"),
        ("Selasa", D(2026, 3, 24), "Idul Fitri"),
        ("Jumat", D(2026, 5, 15), "Kenaikan Yesus Kristus"),
        ("Kamis", D(2026, 5, 28), "Idul Adha"),
        ("Kamis", D(2026, 12, 24), "Kelahiran Yesus Kristus"),
    ],
    2027: [
        ("Jumat", D(2027, 2, 5), "Tahun Baru Imlek"),
        ("Selasa", D(2027, 3, 9), "Idul Fitri"),
        ("Jumat", D(2027, 3, 12), "Idul Fitri"),
        ("Senin", D(2027, 3, 15), "Idul Fitri"),
        ("Kamis", D(2027, 3, 25), "Wafat Yesus Kristus"),
        ("Selasa", D(2027, 5, 18), "Idul Adha"),
        ("Rabu", D(2027, 5, 19), "Hari Raya Waisak"),
        ("Jumat", D(2027, 12, 24), "Kelahiran Yesus Kristus"),
    ],
}
HARI = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
YEARS = sorted(NATIONAL_HOLIDAYS)


def dates(calendar, year):
    return {day for _hari, day, _name in calendar[year]}


def days_off(year, extra):
    """Every Monday-to-Friday of the year that deadlines do not count."""
    day, off = D(year, 1, 1), set()
    while day.year == year:
        if day.weekday() < 5 and not is_working_day(day, extra):
            off.add(day)
        day += datetime.timedelta(days=1)
    return off


@pytest.mark.parametrize("calendar", [NATIONAL_HOLIDAYS, CUTI_BERSAMA])
@pytest.mark.parametrize("year", YEARS)
def test_the_written_out_calendar_has_the_decrees_days_of_the_week(calendar, year):
    for hari, day, name in calendar[year]:
        assert HARI[day.weekday()] == hari, (day, name)
        assert day.year == year


@pytest.mark.parametrize("year", YEARS)
def test_every_national_holiday_of_the_decree_is_a_day_off_and_no_other_weekday_is(year):
    national = dates(NATIONAL_HOLIDAYS, year)
    for day in national:
        assert not is_working_day(day, NONE), day
    weekday_holidays = {day for day in national if day.weekday() < 5}
    # A weekday off that the decree does not name as a national holiday is a wrong day off;
    # cuti bersama may be known without staff entering them, but nothing else.
    assert days_off(year, NONE) - weekday_holidays <= dates(CUTI_BERSAMA, year)


@pytest.mark.django_db
@pytest.mark.parametrize("year", YEARS)
def test_with_the_decrees_cuti_bersama_recorded_the_days_off_are_exactly_the_decrees(year):
    for _hari, day, name in CUTI_BERSAMA[year]:
        ExtraHoliday.objects.create(date=day, name=f"Cuti bersama {name}")
    decree = dates(NATIONAL_HOLIDAYS, year) | dates(CUTI_BERSAMA, year)
    assert days_off(year, extra_holidays()) == {day for day in decree if day.weekday() < 5}


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


def test_the_lebaran_2026_break_is_skipped():
    # Tuesday 17 March 2026 + 1 working day, with the decree's cuti bersama recorded:
    # Wed 18 (cuti Nyepi), Thu 19 (Nyepi), Fri 20 (cuti), Sat-Sun 21-22 (Idul Fitri),
    # Mon 23 and Tue 24 (cuti) are all skipped: the next working day is Wednesday 25.
    cuti = frozenset(dates(CUTI_BERSAMA, 2026))
    assert add_working_days(D(2026, 3, 17), 1, cuti) == D(2026, 3, 25)
    assert working_days_between(D(2026, 3, 17), D(2026, 3, 25), cuti) == 1


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


@pytest.mark.django_db
def test_a_starting_worker_fills_the_holiday_calendar_for_last_year_to_next():
    """The library's tables load on the first date asked about: about 8 MB that a worker
    gained minutes into the soak, on its first ranking page."""
    from django.utils import timezone

    from complaint_forms import deadlines

    deadlines._calendar.cache_clear()
    deadlines.warm()
    calendar = deadlines.working_calendar(deadlines.deadline_rules()[1])
    this_year = timezone.localdate().year
    assert {this_year - 1, this_year, this_year + 1} <= calendar.years
