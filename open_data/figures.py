"""The published figures: asked from the complaint and outreach apps (one function each),
suppressed, and cached until reports or outreach records change (at most an hour)."""

import datetime

from django.apps import apps
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.utils import timezone, translation

from complaint_forms.statistics import complaint_statistics, unit_responsiveness
from outreach.statistics import FIGURES as OUTREACH_FIGURES
from outreach.statistics import outreach_statistics
from site_core.models import WorkUnit
from site_core.versioned_cache import VersionedCache

from . import privacy

TIMEOUT = 60 * 60
_versions = VersionedCache("open-data", TIMEOUT)
WATCHED_MODELS = (
    ("complaint_forms", "Report"),
    ("complaint_forms", "ReportEvent"),
    ("outreach", "Registration"),
    ("outreach", "SchoolSessionRequest"),
    ("outreach", "AmbassadorActivity"),
)


def _version():
    return _versions.version()


def invalidate(**_kwargs):
    _versions.bump()


def connect_signals():
    for app_label, model_name in WATCHED_MODELS:
        model = apps.get_model(app_label, model_name)
        post_save.connect(invalidate, sender=model, dispatch_uid=f"open-data-{model_name}-save")
        post_delete.connect(invalidate, sender=model, dispatch_uid=f"open-data-{model_name}-delete")


def _cached(name, builder, *args):
    key = f"open-data:{_version()}:{name}:{translation.get_language()}:" + ":".join(map(str, args))
    value = cache.get(key)
    if value is None:
        value = builder(*args)
        cache.set(key, value, TIMEOUT)
    return value


def default_period(today=None):
    """The last twelve whole months up to and including the current one."""
    today = today or timezone.localdate()
    year, month = today.year, today.month - 11
    if month < 1:
        year, month = year - 1, month + 12
    return datetime.date(year, month, 1), today


def month_bounds(value, end=False):
    """'2026-03' -> 2026-03-01 (or 2026-03-31 with end=True); None when malformed."""
    if not isinstance(value, str) or len(value) != 7 or not value.startswith("2"):
        return None  # years 2000-2999: anything else is a typing slip, not a period
    try:
        first = datetime.date.fromisoformat(f"{value}-01")
    except (TypeError, ValueError):
        return None
    if not end:
        return first
    following = (first + datetime.timedelta(days=32)).replace(day=1)
    return following - datetime.timedelta(days=1)


def _suppressed_headline(stats):
    total = stats["total"]
    answered = stats["answered"]
    small_answered = privacy.is_suppressed(answered)
    return {
        "total": privacy.label(total),
        "answered": privacy.label(answered),
        "on_time_share": None if small_answered else stats["on_time_share"],
        "average_rating": None
        if privacy.is_suppressed(stats["rated"])
        else stats["average_rating"],
        "appeals": privacy.label(stats["appeals"]),
        "median_working_days_to_first_response": None
        if privacy.is_suppressed(total)
        else stats["median_working_days_to_first_response"],
        "median_working_days_to_answer": None
        if small_answered
        else stats["median_working_days_to_answer"],
    }


BREAKDOWNS = (
    "by_month",
    "by_kind",
    "by_category",
    "by_channel",
    "by_kecamatan",
    "by_kelurahan",
    "by_unit",
    "by_status",
)


def complaints(start, end, unit=""):
    def build(start, end, unit):
        stats = complaint_statistics(start, end, unit_id=_unit_id(unit))
        stats["by_month"] = _every_month(stats["by_month"], start, end)
        return {
            "headline": _suppressed_headline(stats),
            **{name: privacy.rows(stats[name]) for name in BREAKDOWNS},
        }

    return _cached("complaints", build, start, end, unit)


def _every_month(rows, start, end):
    """The months of the period in order, a month without reports as 0: a gap in a time
    series would read as a month that did not exist."""
    counted = {row["key"]: row for row in rows}
    months, day = [], start.replace(day=1)
    while day <= end:
        key = day.strftime("%Y-%m")
        months.append(counted.get(key, {"key": key, "label": key, "count": 0}))
        day = (day + datetime.timedelta(days=32)).replace(day=1)
    return months


def responsiveness(start, end):
    def build(start, end):
        return [
            {
                **row,
                "assigned": privacy.cell(row["assigned"]),
                "answered": privacy.cell(row["answered"]),
                "on_time_share": None
                if privacy.is_suppressed(row["answered"])
                else row["on_time_share"],
                "average_rating": None
                if privacy.is_suppressed(row["answered"])
                else row["average_rating"],
            }
            for row in unit_responsiveness(start, end)
        ]

    return _cached("responsiveness", build, start, end)


def outreach(start, end):
    def build(start, end):
        programs = outreach_statistics(start, end)["programs"]
        return [
            {
                "key": program["key"],
                "label": program["label"],
                "total": {name: privacy.cell(program["total"][name]) for name in OUTREACH_FIGURES},
                "months": [
                    {
                        "month": month,
                        **{name: privacy.cell(values[name]) for name in OUTREACH_FIGURES},
                    }
                    for month, values in program["months"].items()
                ],
            }
            for program in programs
        ]

    return _cached("outreach", build, start, end)


def _unit_id(short_name):
    if not short_name:
        return None
    unit = WorkUnit.objects.filter(short_name=short_name).only("pk").first()
    return unit.pk if unit else 0
