"""The responsiveness ranking of work units ("Unit Kerja Teresponsif").

For each unit, over the reports assigned to it in a rolling window:
- median working hours (office hours of working days, WITA) from assignment to the unit's
  first response, so a report sent on Friday evening costs nothing until Monday opens,
- the share of answered reports answered within the deadline,
- the average citizen rating.
Only units with at least `min_reports` reports are ranked, so one quick report cannot top
the list. Units are ordered by share within deadline, then median response, then rating.
"""

import datetime
import statistics
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.dates import WEEKDAYS
from django.utils.translation import gettext as _

from site_core.periods import local_day_bounds
from site_core.versioned_cache import VersionedCache

from .choices import Status
from .deadlines import extra_holidays, working_hours_between
from .records import Report


@dataclass
class UnitFigures:
    unit_id: int
    name: str
    short_name: str
    reports: int = 0
    answered: int = 0
    answered_on_time: int = 0
    response_hours: list = field(default_factory=list)
    ratings: list = field(default_factory=list)

    @property
    def median_response_hours(self):
        return round(statistics.median(self.response_hours), 1) if self.response_hours else None

    @property
    def on_time_share(self):
        return round(100 * self.answered_on_time / self.answered) if self.answered else None

    @property
    def average_rating(self):
        return round(statistics.fmean(self.ratings), 2) if self.ratings else None

    @property
    def rated(self):
        return len(self.ratings)


def unit_figures(reports, extra=None):
    """Figures per unit for an iterable of reports (with `assigned_unit` loaded).

    Working hours are counted here rather than stored on the report: the office hours are a
    setting, and a stored figure would go stale when they (or the cuti bersama list)
    change. Counting is arithmetic on two timestamps per report (no query)."""
    extra = extra_holidays() if extra is None else extra
    by_unit = {}
    for report in reports:
        unit = report.assigned_unit
        figures = by_unit.get(unit.pk)
        if figures is None:
            figures = by_unit[unit.pk] = UnitFigures(unit.pk, unit.name, unit.short_name)
        figures.reports += 1
        if report.first_response_at and report.assigned_at:
            figures.response_hours.append(
                working_hours_between(report.assigned_at, report.first_response_at, extra)
            )
        if report.answered_within_deadline is not None:
            figures.answered += 1
            figures.answered_on_time += int(report.answered_within_deadline)
        if report.rating:
            figures.ratings.append(report.rating)
    return list(by_unit.values())


def _sort_key(figures):
    never = float("inf")
    median = figures.median_response_hours
    return (
        -(figures.on_time_share if figures.on_time_share is not None else -1),
        median if median is not None else never,
        -(figures.average_rating or 0),
        figures.short_name,
    )


def _window_reports(since, until=None):
    # A report the coordinators rejected (spam, duplicate) after routing is not the unit's.
    reports = Report.objects.filter(assigned_unit__isnull=False, assigned_at__gte=since).exclude(
        status=Status.REJECTED
    )
    if until is not None:
        reports = reports.filter(assigned_at__lt=until)
    return reports.select_related("assigned_unit").only(
        "assigned_at",
        "first_response_at",
        "answered_within_deadline",
        "rating",
        "assigned_unit__name",
        "assigned_unit__short_name",
    )


def rank_units(window_days=90, min_reports=5, now=None):
    now = now or timezone.now()
    since = now - datetime.timedelta(days=window_days)
    figures = [f for f in unit_figures(_window_reports(since)) if f.reports >= min_reports]
    return sorted(figures, key=_sort_key)


# The public table reads every report of the window and counts working hours per report:
# about a third of the ranking page's time. It is kept until a report, a unit or a day off
# changes; the window's start moves with the clock, and the timeout bounds that drift to
# what the front cache serves anyway (PUBLIC_CACHE_SECONDS, five minutes).
_PUBLIC_RANKING = VersionedCache("responsiveness-ranking", timeout=5 * 60)


def public_ranking(window_days, min_reports):
    """`rank_units` for the public page, from the cache while nothing it counts changed."""
    return _PUBLIC_RANKING.get_or_build(
        f"{window_days}:{min_reports}", lambda: rank_units(window_days, min_reports)
    )


def drop_public_ranking(**_kwargs):
    """A signal receiver. Bumped now (a read later in the same transaction sees the change)
    and again after the commit (a request that read the old rows meanwhile cached them)."""
    _PUBLIC_RANKING.bump()
    transaction.on_commit(_PUBLIC_RANKING.bump)


def period_ranking(start, end, min_reports=5):
    """The ranking of the reports assigned from `start` to `end` (dates, inclusive, WITA),
    as plain data for the apps on top (the unit awards): the ranking's own method, so an
    award follows the table the public sees."""
    since, until = local_day_bounds(start, end)
    figures = [f for f in unit_figures(_window_reports(since, until)) if f.reports >= min_reports]
    return [
        {
            "rank": rank,
            "unit_id": f.unit_id,
            "unit_name": f.name,
            "reports": f.reports,
            "on_time_share": f.on_time_share,
            "median_response_hours": f.median_response_hours,
            "average_rating": f.average_rating,
        }
        for rank, f in enumerate(sorted(figures, key=_sort_key), start=1)
    ]


def monthly_figures(months=12, now=None):
    """Staff view: the same figures per unit and calendar month (of assignment)."""
    now = timezone.localtime(now or timezone.now())
    first = (now.replace(day=1) - datetime.timedelta(days=31 * (months - 1))).replace(
        day=1, hour=0, minute=0, second=0, microsecond=0
    )
    rows = {}
    extra = extra_holidays()
    for report in _window_reports(first):
        month = timezone.localtime(report.assigned_at).strftime("%Y-%m")
        rows.setdefault(month, []).append(report)
    return [
        (month, sorted(unit_figures(reports, extra), key=_sort_key))
        for month, reports in sorted(rows.items(), reverse=True)
    ]


def office_hours_description():
    """The office hours setting in words, consecutive days with the same hours grouped:
    "Monday–Thursday 07:30–16:00; Friday 07:30–11:00, 13:30–16:30"."""
    groups = []
    for weekday in range(7):
        spans = settings.COMPLAINT_OFFICE_HOURS.get(weekday)
        if not spans:
            continue
        if groups and groups[-1][2] == spans and groups[-1][1] == weekday - 1:
            groups[-1][1] = weekday
        else:
            groups.append([weekday, weekday, spans])
    parts = []
    for first, last, spans in groups:
        days = str(WEEKDAYS[first]) if first == last else f"{WEEKDAYS[first]}–{WEEKDAYS[last]}"
        hours = ", ".join(f"{opens}–{closes}" for opens, closes in spans)
        parts.append(f"{days} {hours}")
    return "; ".join(parts) or _("none")
