"""Storing a new report: one transaction for the report, its files and its first event;
mail is queued only after the commit."""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from wagtail.log_actions import log

from site_core.tasks import enqueue_on_commit

from . import tasks, workflow
from .choices import Channel
from .codes import generate_tracking_code
from .deadlines import add_working_days, deadline_rules
from .records import (
    CASE_FIELDS,
    REPORTER_FIELDS,
    Attachment,
    Report,
    ReportEvent,
)


def create_report(
    data, files=(), *, channel=Channel.WEB, user=None, idempotency_key=None, received_at=None
):
    """Store the report. Returns (report, created): with an idempotency key already used,
    the existing report and False, so a retried submission never makes a second one.

    The key's unique constraint decides, not a look-up before the insert: two retries
    racing each other both reach the insert, and the second one waits for the first to
    commit and then finds its report. (The web view looks the key up before validating,
    so that a retry whose captcha answer is spent still gets its tracking code.)

    `received_at` is when the city received a report staff enter later (a letter, a
    call); the forwarding deadline counts from that day. Web reports are received now."""
    for _attempt in range(3):
        try:
            with transaction.atomic():
                return _create(data, files, channel, user, idempotency_key, received_at), True
        except IntegrityError:
            if idempotency_key:
                existing = report_for_key(idempotency_key)
                if existing:
                    return existing, False
            # Otherwise a tracking-code collision (about 1 in 10^11): draw a new code.
    raise IntegrityError("Could not store the report.")


def report_for_key(idempotency_key):
    """The report already stored under this idempotency key, if any."""
    return Report.objects.filter(idempotency_key=idempotency_key).order_by().first()


def tracking_code_for_key(idempotency_key):
    """The tracking code of the report already stored under this key, if any: all a retried
    submission needs for its redirect (one column, not the whole report)."""
    codes = Report.objects.filter(idempotency_key=idempotency_key).values_list("tracking_code")
    return next((code for (code,) in codes.order_by()[:1]), None)


def _create(data, files, channel, user, idempotency_key, received_at):
    """One insert for the report (already routed when its category has a default unit),
    one for its timeline, one audit entry, its mail queued in the same transaction."""
    received = received_at or timezone.now()
    config, extra = deadline_rules()
    report = Report(
        **{
            name: data.get(name) or ""
            for name in (*CASE_FIELDS, *REPORTER_FIELDS)
            if name != "category"  # a foreign key: set below, None when not chosen
        },
        tracking_code=generate_tracking_code(),
        channel=channel,
        language=translation.get_language() or settings.LANGUAGE_CODE,
        idempotency_key=idempotency_key,
        created_by=user if user and user.is_authenticated else None,
        created_at=received,
    )
    report.category = data.get("category")
    report.incident_date = data.get("incident_date") or None
    report.forward_due = add_working_days(timezone.localdate(received), config.forward_days, extra)
    events = [
        ReportEvent(
            report=report,
            action="submit",
            status_to=report.status,
            public_message=_("Report received."),
            actor=report.created_by,
            by_citizen=channel == Channel.WEB,
            created_at=received,
        )
    ]
    unit = default_unit(report)
    if unit is not None:
        events.append(
            workflow.route_new_report(
                report,
                unit,
                at=received,
                config=config,
                extra=extra,
                internal_note=_(
                    "Forwarded automatically: the default unit of the category %(name)s."
                )
                % {"name": report.category.name},
            )
        )
    report.save()
    for clean_file in files:
        Attachment.objects.create(
            report=report,
            file=clean_file.content,
            original_name=clean_file.original_name,
            content_type=clean_file.content_type,
            size=clean_file.size,
        )
    ReportEvent.objects.bulk_create(events)
    # One entry for the submission and, when it was routed, the unit it went to.
    log(
        instance=report,
        action="complaint_forms.submit",
        user=report.created_by,
        data={"channel": channel, **({"unit": unit.pk} if unit else {})},
    )
    if unit is not None:
        workflow.mail_for("assign", report)
    if report.reporter_email:
        enqueue_on_commit(tasks.send_received_mail, report.pk)
    return report


def default_unit(report):
    """A report whose category has an active default unit goes straight to that unit: its
    officers see it at once and the answer deadline counts from when it was received.
    Coordinators still see every report and can forward it elsewhere or close it."""
    unit = report.category.default_unit if report.category else None
    return unit if unit is not None and unit.is_active else None
