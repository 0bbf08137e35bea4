"""Background work: mail to citizens, units and coordinators.

Tasks take ids, not objects, and are queued with `transaction.on_commit`, so a report is
stored before any mail is tried and a broken mail server never loses one. Mail never
carries what the citizen wrote or who they are beyond the tracking code.
"""

from django.template.loader import render_to_string
from django.utils import translation

from django_tasks import task

from site_core.links import reverse_absolute
from site_core.mail import deliver

from .links import absolute_tracking_url
from .records import ComplaintSettings, Report


def _admin_url(report):
    """The report's page in the admin, where its staff recipients act on it."""
    return reverse_absolute("complaint_reports:inspect", args=[report.pk])


def _send(template, context, recipients, language="id"):
    with translation.override(language):
        subject = render_to_string(f"complaint_forms/mail/{template}_subject.txt", context)
        body = render_to_string(f"complaint_forms/mail/{template}.txt", context)
    deliver(" ".join(subject.split()), body, recipients)


@task()
def send_received_mail(report_id):
    report = Report.objects.filter(pk=report_id).first()
    if not report or not report.reporter_email:
        return
    context = {"report": report, "tracking_url": absolute_tracking_url(report)}
    _send("received", context, [report.reporter_email], report.language)


@task()
def send_citizen_mail(report_id, what):
    """`what` is one of answered, needs_info, rejected."""
    report = Report.objects.filter(pk=report_id).first()
    if not report or not report.reporter_email:
        return
    context = {"report": report, "what": what, "tracking_url": absolute_tracking_url(report)}
    _send("status", context, [report.reporter_email], report.language)


@task()
def send_assignment_mail(report_id):
    report = Report.objects.select_related("assigned_unit").filter(pk=report_id).first()
    if not report or not report.assigned_unit or not report.assigned_unit.email:
        return
    context = {"report": report, "admin_url": _admin_url(report)}
    _send("assigned", context, [report.assigned_unit.email])


@task()
def send_deadline_reminder(report_id):
    report = Report.objects.select_related("assigned_unit").filter(pk=report_id).first()
    if not report or not report.assigned_unit or not report.assigned_unit.email:
        return
    context = {"report": report, "admin_url": _admin_url(report), "due": report.current_due()}
    _send("reminder", context, [report.assigned_unit.email])


@task()
def send_missed_deadline_alert(report_id):
    report = Report.objects.select_related("assigned_unit").filter(pk=report_id).first()
    recipient = ComplaintSettings.current().coordinator_email
    if not report or not recipient:
        return
    context = {"report": report, "admin_url": _admin_url(report), "due": report.current_due()}
    _send("missed", context, [recipient])
