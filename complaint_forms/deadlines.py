"""Indonesian working time: working days and working hours.

Working days are Monday to Friday minus the national public holidays of the maintained
`holidays` package and the extra days staff record (cuti bersama, local decisions), which
are added to the library's calendar with its own `.update()`; the day arithmetic is the
library's (`get_nth_working_day`, `get_working_days_count`, `is_working_day`).

Working hours are the office hours (`COMPLAINT_OFFICE_HOURS`, WITA) of working days: the
ranking counts a unit's time to first response in them, so a report sent on Friday evening
costs the unit nothing until Monday opens.
"""

import datetime
from functools import lru_cache

from django.conf import settings
from django.db import transaction
from django.utils import timezone

import holidays

from site_core.versioned_cache import VersionedCache

from .records import ComplaintSettings, ExtraHoliday


@lru_cache(maxsize=16)
def _calendar(extra):
    # One calendar per set of extra days, kept for the process: building one costs about a
    # millisecond and deadlines are computed in loops (reminders, the demo replay). The
    # library fills in further years by itself when a date in them is asked about.
    calendar = holidays.country_holidays("ID")
    calendar.update(dict.fromkeys(extra, "Cuti bersama"))
    return calendar


def extra_holidays():
    """The staff-entered days off, read once per call site (one query)."""
    return frozenset(ExtraHoliday.objects.values_list("date", flat=True))


# What every new report's deadlines are computed from: read on each submission, changed a
# few times a year.
_RULES = VersionedCache("complaint-deadline-rules", timeout=5 * 60)


def deadline_rules():
    """(the default site's ComplaintSettings, the extra days off), cached until one changes."""
    return _RULES.get_or_build("rules", lambda: (ComplaintSettings.current(), extra_holidays()))


def drop_deadline_rules(**_kwargs):
    """A signal receiver. Bumped now (a read later in the same transaction sees the change)
    and again after the commit (a request that read the old rows meanwhile cached them)."""
    _RULES.bump()
    transaction.on_commit(_RULES.bump)


def warm():
    """Fill the calendar for last year to next year now: the library's tables (lunar
    calendars for the religious holidays, about 8 MB) load on the first date asked about,
    so a web worker would otherwise grow by that much on its first deadline or ranking,
    minutes into its life. A worker calls this as it starts (deploy/gunicorn.conf.py)."""
    calendar = working_calendar(deadline_rules()[1])
    this_year = timezone.localdate().year
    for year in (this_year - 1, this_year, this_year + 1):
        datetime.date(year, 1, 1) in calendar  # noqa: B015 - asking fills in the year


def working_calendar(extra=None):
    """The `holidays` calendar of Indonesia with the extra days off added (read from the
    database when `extra` is None)."""
    return _calendar(frozenset(extra_holidays() if extra is None else extra))


def _as_date(value):
    """Datetimes count as their day in WITA (naive ones as they are)."""
    if isinstance(value, datetime.datetime):
        return timezone.localdate(value) if timezone.is_aware(value) else value.date()
    return value


def is_working_day(day, extra=frozenset()):
    return working_calendar(extra).is_working_day(_as_date(day))


def add_working_days(start, days, extra=None):
    """The date `days` working days after `start` (which itself is not counted).

    With days=0 the result is `start` moved forward to a working day if it is not one."""
    return working_calendar(extra).get_nth_working_day(_as_date(start), days)


def working_days_between(start, end, extra=None):
    """Working days after `start` up to and including `end`; negative when end < start.

    Datetimes count as their day in WITA: a report received on Friday and answered on
    Monday took one working day."""
    start, end = _as_date(start), _as_date(end)
    if start == end:
        return 0
    if end < start:
        return -working_days_between(end, start, extra)
    calendar = working_calendar(extra)
    return calendar.get_working_days_count(start + datetime.timedelta(days=1), end)


def _office_hours():
    """The office hours setting as {weekday: [(opens, closes)]} with `datetime.time`s."""
    return {
        weekday: [
            (datetime.time.fromisoformat(a), datetime.time.fromisoformat(b)) for a, b in spans
        ]
        for weekday, spans in settings.COMPLAINT_OFFICE_HOURS.items()
    }


def working_hours_between(start, end, extra=None):
    """Office hours of working days between two aware datetimes (0 when end <= start).

    Friday 20:00 to Monday 08:00 is half an hour with the default office hours; a holiday
    in between costs nothing."""
    if end <= start:
        return 0.0
    calendar = working_calendar(extra)
    office_hours = _office_hours()
    zone = timezone.get_default_timezone()
    start, end = start.astimezone(zone), end.astimezone(zone)
    seconds = 0.0
    day = start.date()
    while day <= end.date():
        spans = office_hours.get(day.weekday())
        if spans and calendar.is_working_day(day):
            for opens, closes in spans:
                opens = datetime.datetime.combine(day, opens, zone)
                closes = datetime.datetime.combine(day, closes, zone)
                seconds += max((min(end, closes) - max(start, opens)).total_seconds(), 0.0)
        day += datetime.timedelta(days=1)
    return seconds / 3600
