"""Background work: mail to citizens, units and coordinators.

Tasks take ids, not objects, and run only after the commit (site_core.tasks.enqueue_on_commit),
so a report is stored before any mail is tried and a broken mail server never loses one. Mail never
carries what the citizen wrote or who they are beyond the tracking code.
"""

from django_tasks import task

from site_core.links import reverse_absolute
from site_core.mail import send_templated

from .links import absolute_tracking_url
from .records import ComplaintSettings, Report

MAIL = "complaint_forms/mail"  # <name>_subject.txt and <name>_body.txt


def _admin_url(report):
    """The report's page in the admin, where its staff recipients act on it."""
    return reverse_absolute("complaint_reports:inspect", args=[report.pk])


@task()
def send_received_mail(report_id):
    report = Report.objects.filter(pk=report_id).first()
    if not report or not report.reporter_email:
        return
    context = {"report": report, "tracking_url": absolute_tracking_url(report)}
    send_templated(f"{MAIL}/received", [report.reporter_email], context, language=report.language)


@task()
def send_citizen_mail(report_id, what):
    """`what` is one of answered, needs_info, rejected."""
    report = Report.objects.filter(pk=report_id).first()
    if not report or not report.reporter_email:
        return
    context = {"report": report, "what": what, "tracking_url": absolute_tracking_url(report)}
    send_templated(f"{MAIL}/status", [report.reporter_email], context, language=report.language)


@task()
def send_assignment_mail(report_id):
    report = Report.objects.select_related("assigned_unit").filter(pk=report_id).first()
    if not report or not report.assigned_unit or not report.assigned_unit.email:
        return
    context = {"report": report, "admin_url": _admin_url(report)}
    send_templated(f"{MAIL}/assigned", [report.assigned_unit.email], context)


@task()
def send_deadline_reminder(report_id):
    report = Report.objects.select_related("assigned_unit").filter(pk=report_id).first()
    if not report or not report.assigned_unit or not report.assigned_unit.email:
        return
    context = {"report": report, "admin_url": _admin_url(report), "due": report.current_due()}
    send_templated(f"{MAIL}/reminder", [report.assigned_unit.email], context)


@task()
def send_missed_deadline_alert(report_id):
    report = Report.objects.select_related("assigned_unit").filter(pk=report_id).first()
    recipient = ComplaintSettings.current().coordinator_email
    if not report or not recipient:
        return
    context = {"report": report, "admin_url": _admin_url(report), "due": report.current_due()}
    send_templated(f"{MAIL}/missed", [recipient], context)
