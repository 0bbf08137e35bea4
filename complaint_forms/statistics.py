"""Aggregate figures about reports, for the open-data app: plain data out, never models.

Every figure is computed by the database (GROUP BY, COUNT, AVG; medians of the working
days stored on each report by percentile_cont, or by ordering and offset on SQLite), so
the cost does not grow with Python loops over reports. Counts are raw: the caller
suppresses small cells. Gender-based-violence categories are merged into one row so
that a small category never singles out a person.
"""

from django.db import connection
from django.db.models import Aggregate, Avg, Count, FloatField, Q
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.translation import gettext as _

from site_core.areas import kecamatan_name
from site_core.periods import local_day_bounds

from .choices import Channel, Kind, Status
from .ranking import period_ranking
from .records import ComplaintSettings, Report, ReportEvent

GENDER_BASED_KEY = "gender-based"


class Median(Aggregate):
    """PostgreSQL's continuous median: the middle value, or the mean of the two middle ones."""

    function = "PERCENTILE_CONT"
    name = "Median"
    template = "%(function)s(0.5) WITHIN GROUP (ORDER BY %(expressions)s)"
    output_field = FloatField()


def _median(reports, field):
    """Median of a stored per-report figure, computed by the database: PostgreSQL's
    percentile_cont; elsewhere (SQLite) the database orders the values and only the one or
    two middle rows are read (the same result)."""
    with_value = reports.filter(**{f"{field}__isnull": False})
    if connection.vendor == "postgresql":
        value = with_value.aggregate(median=Median(field))["median"]
    else:
        total = with_value.count()
        if not total:
            return None
        ordered = with_value.order_by(field).values_list(field, flat=True)
        middle = list(ordered[(total - 1) // 2 : total // 2 + 1])
        value = sum(middle) / len(middle)
    return None if value is None else round(value, 1)


def _breakdown(reports, field, labels):
    rows = reports.values(field).annotate(count=Count("pk")).order_by("-count", field)
    return [
        {"key": row[field] or "", "label": labels(row[field]), "count": row["count"]}
        for row in rows
    ]


def _category_breakdown(reports):
    """Per category, gender-based categories merged into one row whatever their names."""
    rows = (
        reports.filter(category__isnull=False)
        .values("category__name", "category__is_gender_based")
        .annotate(count=Count("pk"))
        .order_by("-count", "category__name")
    )
    merged = {
        "key": GENDER_BASED_KEY,
        "label": _("Gender-based violence (all categories)"),
        "count": 0,
    }
    result = []
    for row in rows:
        if row["category__is_gender_based"]:
            merged["count"] += row["count"]
        else:
            result.append(
                {
                    "key": row["category__name"],
                    "label": row["category__name"],
                    "count": row["count"],
                }
            )
    if merged["count"]:
        result.append(merged)
    return sorted(result, key=lambda row: -row["count"])


def complaint_statistics(start, end, unit_id=None):
    """Figures for reports received from `start` (a date) up to and including `end`.

    Returns a dict of breakdowns (lists of {"key", "label", "count"}) and headline figures.
    """
    tz = timezone.get_current_timezone()
    since, until = local_day_bounds(start, end)
    reports = Report.objects.filter(created_at__gte=since, created_at__lt=until)
    if unit_id:
        reports = reports.filter(assigned_unit_id=unit_id)
    reports = reports.order_by()

    months = (
        reports.annotate(month=TruncMonth("created_at", tzinfo=tz))
        .values("month")
        .annotate(count=Count("pk"))
        .order_by("month")
    )
    headline = reports.aggregate(
        total=Count("pk"),
        answered=Count("pk", filter=Q(answered_at__isnull=False)),
        answered_on_time=Count("pk", filter=Q(answered_within_deadline=True)),
        with_deadline_outcome=Count("pk", filter=Q(answered_within_deadline__isnull=False)),
        rated=Count("pk", filter=Q(rating__isnull=False)),
        average_rating=Avg("rating"),
    )
    appeals = ReportEvent.objects.filter(
        report__in=reports, action="appeal", by_citizen=True
    ).count()
    kind_labels, channel_labels = dict(Kind.choices), dict(Channel.choices)
    status_labels = dict(Status.choices)
    return {
        "total": headline["total"],
        "answered": headline["answered"],
        "on_time_share": (
            round(100 * headline["answered_on_time"] / headline["with_deadline_outcome"])
            if headline["with_deadline_outcome"]
            else None
        ),
        "rated": headline["rated"],
        "average_rating": (
            round(headline["average_rating"], 2) if headline["average_rating"] else None
        ),
        "appeals": appeals,
        "median_working_days_to_first_response": _median(reports, "working_days_to_first_response"),
        "median_working_days_to_answer": _median(reports, "working_days_to_answer"),
        "by_month": [
            {
                "key": row["month"].strftime("%Y-%m"),
                "label": row["month"].strftime("%Y-%m"),
                "count": row["count"],
            }
            for row in months
        ],
        "by_kind": _breakdown(reports, "kind", lambda key: str(kind_labels.get(key, key))),
        "by_channel": _breakdown(reports, "channel", lambda key: str(channel_labels.get(key, key))),
        "by_status": _breakdown(reports, "status", lambda key: str(status_labels.get(key, key))),
        "by_kecamatan": _breakdown(
            reports, "kecamatan", lambda key: str(kecamatan_name(key)) if key else _("Not given")
        ),
        "by_kelurahan": _breakdown(
            reports, "kelurahan", lambda key: key if key else _("Not given")
        ),
        "by_unit": [
            {
                "key": row["assigned_unit__short_name"] or "",
                "label": row["assigned_unit__name"] or _("Not yet assigned"),
                "count": row["count"],
            }
            for row in reports.values("assigned_unit__short_name", "assigned_unit__name")
            .annotate(count=Count("pk"))
            .order_by("-count", "assigned_unit__name")
        ],
        "by_category": _category_breakdown(reports),
    }


def unit_responsiveness(start, end):
    """Per work unit: reports assigned, answered, share on time, average rating."""
    since, until = local_day_bounds(start, end)
    rows = (
        Report.objects.filter(
            assigned_unit__isnull=False, assigned_at__gte=since, assigned_at__lt=until
        )
        .values("assigned_unit__short_name", "assigned_unit__name")
        .annotate(
            assigned=Count("pk"),
            answered=Count("pk", filter=Q(answered_at__isnull=False)),
            on_time=Count("pk", filter=Q(answered_within_deadline=True)),
            decided=Count("pk", filter=Q(answered_within_deadline__isnull=False)),
            average_rating=Avg("rating"),
        )
        .order_by("assigned_unit__name")
    )
    return [
        {
            "unit": row["assigned_unit__short_name"],
            "unit_name": row["assigned_unit__name"],
            "assigned": row["assigned"],
            "answered": row["answered"],
            "on_time_share": round(100 * row["on_time"] / row["decided"])
            if row["decided"]
            else None,
            "average_rating": round(row["average_rating"], 2) if row["average_rating"] else None,
        }
        for row in rows
    ]


def overdue_by_unit(today):
    """Open reports past their deadline on `today`, per unit (None: not yet forwarded).
    Reports are named by number and category only: titles may carry personal data."""
    rows = (
        Report.objects.overdue(today)
        .order_by("assigned_unit__name", "pk")
        .values(
            "pk",
            "assigned_unit__name",
            "category__name",
            "category__is_gender_based",
            "forward_due",
            "response_due",
            "status",
        )
    )
    units = {}
    for row in rows:
        due = row["response_due"] or row["forward_due"]
        units.setdefault(row["assigned_unit__name"] or _("Not yet forwarded"), []).append(
            {
                "number": row["pk"],
                "category": _("Gender-based violence")
                if row["category__is_gender_based"]
                else (row["category__name"] or ""),
                "due": due,
                "days_late": (today - due).days if due else None,
            }
        )
    return units


def award_ranking(start, end):
    """The ranking of work units over a finished period, by the public ranking's method and
    its minimum number of reports: what the quarterly awards are proposed from."""
    return period_ranking(start, end, ComplaintSettings.current().ranking_min_reports)
