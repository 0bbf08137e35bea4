"""Award periods: calendar-aligned blocks of `UNIT_AWARD_PERIOD_MONTHS` months (a quarter by
default: January-March, April-June...), and their names on certificates and pages."""

import datetime

from django.conf import settings
from django.utils import formats
from django.utils.translation import gettext as _


def period_months():
    months = settings.UNIT_AWARD_PERIOD_MONTHS
    if months not in (1, 2, 3, 4, 6, 12):
        raise ValueError("UNIT_AWARD_PERIOD_MONTHS must divide a year (1, 2, 3, 4, 6 or 12).")
    return months


def period_containing(day):
    """(first day, last day) of the period that `day` falls in."""
    months = period_months()
    first_month = (day.month - 1) // months * months + 1
    start = datetime.date(day.year, first_month, 1)
    following = datetime.date(
        day.year + (first_month + months - 1) // 12, (first_month + months - 1) % 12 + 1, 1
    )
    return start, following - datetime.timedelta(days=1)


def last_completed_period(today):
    """The latest period that ended before `today`."""
    current_start, _end = period_containing(today)
    return period_containing(current_start - datetime.timedelta(days=1))


def period_label(start, end):
    """ "Quarter 3 2026 (July-September)" for a quarter, "July-December 2026" otherwise."""
    months = (end.year - start.year) * 12 + end.month - start.month + 1
    span = "–".join(dict.fromkeys([formats.date_format(start, "F"), formats.date_format(end, "F")]))
    if months == 3:
        return _("Quarter %(number)s %(year)s (%(months)s)") % {
            "number": (start.month - 1) // 3 + 1,
            "year": start.year,
            "months": span,
        }
    return f"{span} {end.year}"
