"""The responsiveness ranking of work units ("Unit Kerja Teresponsif").

For each unit, over the reports assigned to it in a rolling window:
- median hours from assignment to the unit's first response,
- the share of answered reports answered within the deadline,
- the average citizen rating.
Only units with at least `min_reports` reports are ranked, so one quick report cannot top
the list. Units are ordered by share within deadline, then median response, then rating.
"""

import datetime
import statistics
from dataclasses import dataclass, field

from django.utils import timezone

from .choices import Status
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


def unit_figures(reports):
    """Figures per unit for an iterable of reports (with `assigned_unit` loaded)."""
    by_unit = {}
    for report in reports:
        unit = report.assigned_unit
        figures = by_unit.get(unit.pk)
        if figures is None:
            figures = by_unit[unit.pk] = UnitFigures(unit.pk, unit.name, unit.short_name)
        figures.reports += 1
        if report.first_response_at and report.assigned_at:
            hours = (report.first_response_at - report.assigned_at).total_seconds() / 3600
            figures.response_hours.append(max(hours, 0.0))
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


def monthly_figures(months=12, now=None):
    """Staff view: the same figures per unit and calendar month (of assignment)."""
    now = timezone.localtime(now or timezone.now())
    first = (now.replace(day=1) - datetime.timedelta(days=31 * (months - 1))).replace(
        day=1, hour=0, minute=0, second=0, microsecond=0
    )
    rows = {}
    for report in _window_reports(first):
        month = timezone.localtime(report.assigned_at).strftime("%Y-%m")
        rows.setdefault(month, []).append(report)
    return [
        (month, sorted(unit_figures(reports), key=_sort_key))
        for month, reports in sorted(rows.items(), reverse=True)
    ]
