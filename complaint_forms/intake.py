"""Storing a new report: one transaction for the report, its files and its first event;
mail is queued only after the commit."""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from wagtail.log_actions import log

from . import tasks, workflow
from .codes import generate_tracking_code
from .deadlines import add_working_days
from .models import Attachment, Channel, ComplaintSettings, Report, ReportEvent

REPORT_FIELDS = [
    "kind",
    "category",
    "title",
    "description",
    "incident_date",
    "kecamatan",
    "kelurahan",
    "location_detail",
    "privacy",
    "reporter_name",
    "reporter_email",
    "reporter_phone",
    "contact_channel",
    "accessibility_needs",
]


def create_report(
    data, files=(), *, channel=Channel.WEB, user=None, idempotency_key=None, received_at=None
):
    """Store the report. Returns (report, created): with an idempotency key already used,
    the existing report and False, so a retried submission never makes a second one.

    `received_at` is when the city received a report staff enter later (a letter, a
    call); the forwarding deadline counts from that day. Web reports are received now."""
    if idempotency_key:
        existing = Report.objects.filter(idempotency_key=idempotency_key).first()
        if existing:
            return existing, False
    for _attempt in range(3):
        try:
            with transaction.atomic():
                return _create(data, files, channel, user, idempotency_key, received_at), True
        except IntegrityError:
            if idempotency_key:
                existing = Report.objects.filter(idempotency_key=idempotency_key).first()
                if existing:
                    return existing, False
            # Otherwise a tracking-code collision (about 1 in 10^11): draw a new code.
    raise IntegrityError("Could not store the report.")


def _create(data, files, channel, user, idempotency_key, received_at):
    received = received_at or timezone.now()
    config = ComplaintSettings.current()
    report = Report(
        **{name: data.get(name) or "" for name in REPORT_FIELDS if name not in ("category",)},
        tracking_code=generate_tracking_code(),
        channel=channel,
        language=translation.get_language() or settings.LANGUAGE_CODE,
        idempotency_key=idempotency_key,
        created_by=user if user and user.is_authenticated else None,
        created_at=received,
    )
    report.category = data.get("category")
    report.incident_date = data.get("incident_date") or None
    report.forward_due = add_working_days(timezone.localdate(received), config.forward_days)
    report.save()
    for clean_file in files:
        Attachment.objects.create(
            report=report,
            file=clean_file.content,
            original_name=clean_file.original_name,
            content_type=clean_file.content_type,
            size=clean_file.size,
        )
    ReportEvent.objects.create(
        report=report,
        action="submit",
        status_to=report.status,
        public_message=_("Report received."),
        actor=report.created_by,
        by_citizen=channel == Channel.WEB,
        created_at=received,
    )
    log(
        instance=report,
        action="complaint_forms.submit",
        user=report.created_by,
        data={"channel": channel},
    )
    route_to_default_unit(report, at=received)
    if report.reporter_email:
        tasks.enqueue_after_commit(tasks.send_received_mail, report.pk)
    return report


def route_to_default_unit(report, at):
    """A report whose category has a default unit goes straight to that unit: its officers
    see it at once and the answer deadline counts from when it was received. Coordinators
    still see every report and can forward it elsewhere or close it."""
    unit = report.category.default_unit if report.category else None
    if unit is None or not unit.is_active:
        return
    workflow.assign(
        report,
        None,
        unit,
        internal_note=_("Forwarded automatically: the default unit of the category %(name)s.")
        % {"name": report.category.name},
        system=True,
        at=at,
    )
