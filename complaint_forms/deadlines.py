"""Indonesian working days: Monday to Friday, minus national public holidays (from the
maintained `holidays` package) and the extra days staff record (cuti bersama)."""

import datetime
from functools import lru_cache

import holidays

from .records import ExtraHoliday


@lru_cache(maxsize=32)
def _national_holidays(year):
    return frozenset(holidays.country_holidays("ID", years=year).keys())


def extra_holidays():
    """The staff-entered days off, read once per call site (one query)."""
    return frozenset(ExtraHoliday.objects.values_list("date", flat=True))


def is_working_day(day, extra=frozenset()):
    if day.weekday() >= 5:
        return False
    return day not in _national_holidays(day.year) and day not in extra


def add_working_days(start, days, extra=None):
    """The date `days` working days after `start` (which itself is not counted).

    With days=0 the result is `start` moved forward to a working day if it is not one."""
    extra = extra_holidays() if extra is None else extra
    if isinstance(start, datetime.datetime):
        start = start.date()
    day = start
    if days == 0:
        while not is_working_day(day, extra):
            day += datetime.timedelta(days=1)
        return day
    remaining = days
    while remaining > 0:
        day += datetime.timedelta(days=1)
        if is_working_day(day, extra):
            remaining -= 1
    return day


def working_days_between(start, end, extra=None):
    """Working days after `start` up to and including `end`; negative when end < start."""
    extra = extra_holidays() if extra is None else extra
    if isinstance(start, datetime.datetime):
        start = start.date()
    if isinstance(end, datetime.datetime):
        end = end.date()
    if end < start:
        return -working_days_between(end, start, extra)
    count = 0
    day = start
    while day < end:
        day += datetime.timedelta(days=1)
        if is_working_day(day, extra):
            count += 1
    return count
