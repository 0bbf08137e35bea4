"""Each report's time to the first response and to the answer, in Indonesian working days
from the day the city received it, stored on the report when that moment is recorded.

Stored rather than computed when statistics are asked for: working days depend on the
holiday calendar, which SQL cannot see, and storing them lets the database take the
median over many reports (complaint_forms.statistics) without a Python loop over reports.
A report received on Friday and answered on Monday took one working day; an answer on the
day of receipt took none.
"""

from django.db.models.signals import post_init, pre_save
from django.utils import timezone

from .deadlines import extra_holidays, working_days_between
from .records import Report

# timestamp field -> the field holding its working days from receipt
DURATION_FIELDS = {
    "first_response_at": "working_days_to_first_response",
    "answered_at": "working_days_to_answer",
}


def working_days(received, moment, extra):
    """Working days from `received` to `moment` (both datetimes), counted on WITA days;
    never negative (a back-dated receipt cannot make a response early)."""
    if received is None or moment is None:
        return None
    days = working_days_between(timezone.localdate(received), timezone.localdate(moment), extra)
    return max(days, 0)


def fill(report, extra=None):
    """Set the report's working-day fields from its timestamps. Reads the extra days off
    (one query) only when a duration has to be computed. Returns the fields changed."""
    changed = []
    for moment_field, days_field in DURATION_FIELDS.items():
        moment = getattr(report, moment_field)
        loaded = getattr(report, "_loaded_moments", {}).get(moment_field)
        current = getattr(report, days_field)
        if moment is None:
            value = None
        elif current is not None and moment == loaded:
            continue  # unchanged since it was read: the stored value is still right
        else:
            extra = extra_holidays() if extra is None else extra
            value = working_days(report.created_at, moment, extra)
        if value != current:
            setattr(report, days_field, value)
            changed.append(days_field)
    return changed


def _before_save(sender, instance, update_fields=None, raw=False, **kwargs):
    if raw:
        return  # fixtures load stored values as they are
    if update_fields is not None and not set(update_fields) & set(DURATION_FIELDS):
        return  # a partial save that moves no timestamp (a rating) leaves durations alone
    fill(instance)


def _remember_loaded(sender, instance, **kwargs):
    # Read from __dict__: a field deferred by .only() must not be fetched here.
    instance._loaded_moments = {name: instance.__dict__.get(name) for name in DURATION_FIELDS}


def connect():
    pre_save.connect(_before_save, sender=Report, dispatch_uid="report-working-days")
    post_init.connect(_remember_loaded, sender=Report, dispatch_uid="report-working-days-init")


def backfill(reports):
    """Recompute the stored working days of `reports` (a queryset) — for the data
    migration and for the demo, whose replay dates its steps with queryset updates."""
    extra = extra_holidays()
    changed = []
    for report in reports.only("pk", "created_at", *DURATION_FIELDS, *DURATION_FIELDS.values()):
        report._loaded_moments = {}
        if fill(report, extra):
            changed.append(report)
    reports.model.objects.bulk_update(changed, list(DURATION_FIELDS.values()), batch_size=500)
    return len(changed)
