"""Aggregate outreach figures for the open-data app: plain data out, never models.

Per program (in the default language) and per month: events held, people registered,
school sessions held, schools and students reached, ambassadors' approved activities.
Counted by the database; the caller suppresses small cells.
"""

from django.conf import settings
from django.db.models import Count, Sum
from django.db.models.functions import TruncMonth
from django.utils import timezone

from site_core.periods import local_day_bounds

from .models import (
    ActivityStatus,
    AmbassadorActivity,
    EventPage,
    EventStatus,
    ProgramPage,
    Registration,
    RegistrationStatus,
    SchoolRequestStatus,
    SchoolSessionRequest,
)

FIGURES = ("events_held", "registrants", "school_sessions", "schools", "students", "activities")


def _month_counts(queryset, date_field, value=None, *, timed=True):
    """{"YYYY-MM": count or value}; `timed` fields are datetimes, counted in the city's
    time zone (plain dates have none)."""
    month = (
        TruncMonth(date_field, tzinfo=timezone.get_current_timezone())
        if timed
        else TruncMonth(date_field)
    )
    rows = (
        queryset.annotate(month=month)
        .values("month")
        .annotate(value=value or Count("pk"))
        .order_by("month")
    )
    return {row["month"].strftime("%Y-%m"): row["value"] or 0 for row in rows}


def outreach_statistics(start, end):
    """{"programs": [{"key", "label", "months": {"YYYY-MM": {figure: n}}, "total": {...}}]}"""
    since, until = local_day_bounds(start, end)
    programs = ProgramPage.objects.live().filter(locale__language_code=settings.LANGUAGE_CODE)
    result = []
    for program in programs.order_by("path"):
        events = EventPage.objects.filter(
            path__startswith=program.path, locale_id=program.locale_id
        )
        held = events.filter(status=EventStatus.HELD, start__gte=since, start__lt=until)
        registrations = Registration.objects.filter(
            event__in=events, created_at__gte=since, created_at__lt=until
        ).exclude(status=RegistrationStatus.CANCELLED)
        sessions = SchoolSessionRequest.objects.filter(
            program=program,
            status=SchoolRequestStatus.HELD,
            event__start__gte=since,
            event__start__lt=until,
        )
        activities = AmbassadorActivity.objects.filter(
            ambassador__program=program,
            status=ActivityStatus.APPROVED,
            date__gte=start,
            date__lte=end,
        )
        columns = {
            "events_held": _month_counts(held, "start"),
            "registrants": _month_counts(registrations, "created_at"),
            "school_sessions": _month_counts(sessions, "event__start"),
            "schools": _month_counts(sessions, "event__start", Count("npsn", distinct=True)),
            "students": _month_counts(sessions, "event__start", Sum("actual_students")),
            "activities": _month_counts(activities, "date", timed=False),
        }
        months = sorted({month for column in columns.values() for month in column})
        result.append(
            {
                "key": program.slug,
                "label": program.title,
                "months": {
                    month: {name: columns[name].get(month, 0) for name in FIGURES}
                    for month in months
                },
                "total": {
                    **{name: sum(columns[name].values()) for name in FIGURES},
                    "schools": sessions.values("npsn").distinct().count(),
                },
            }
        )
    return {"programs": result}
