"""Background work: mail to citizens, units and coordinators, and deadline checks.

Tasks take ids, not objects, and run only after the commit (`enqueue_after_commit`), so a
report is stored before any mail is tried and a broken mail server never loses one. Mail
never carries what the citizen wrote or who they are beyond the tracking code.
"""

import datetime
from urllib.parse import urlencode

from django.db import connections, transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone, translation

from django_tasks import task
from django_tasks_db import DatabaseBackend

from site_core.links import page_absolute_url, reverse_absolute
from site_core.localized_urls import query_name
from site_core.mail import deliver


def enqueue_after_commit(task_to_run, *args):
    """Queue a task that must run only once the current transaction has committed.

    The database queue stores it in that same transaction: the worker cannot see it
    before the commit, it disappears with a rollback, and a report costs one commit
    instead of one more per mail (commits are what limits submissions per second). Other
    queues are handed the task when the commit has happened."""
    backend = task_to_run.get_backend()
    if isinstance(backend, DatabaseBackend) and connections["default"].in_atomic_block:
        task_to_run.enqueue(*args)
    else:
        transaction.on_commit(lambda: task_to_run.enqueue(*args))


def _tracking_url(report):
    from .models import ReportPage

    page = (
        ReportPage.objects.live().filter(locale__language_code=report.language).first()
        or ReportPage.objects.live().first()
    )
    if page is None:
        return ""
    tracking = page_absolute_url(page, page.reverse_subpage("tracking"))
    code = query_name("code", page.locale.language_code)  # ?kode= or ?code=
    return f"{tracking}?{urlencode({code: report.tracking_code})}"


def _admin_url(report):
    """The report's page in the admin, where its staff recipients act on it."""
    return reverse_absolute("complaint_reports:edit", args=[report.pk])


def _send(template, context, recipients, language="id"):
    with translation.override(language):
        subject = render_to_string(f"complaint_forms/mail/{template}_subject.txt", context)
        body = render_to_string(f"complaint_forms/mail/{template}.txt", context)
    deliver(" ".join(subject.split()), body, recipients)


@task()
def send_received_mail(report_id):
    from .models import Report

    report = Report.objects.filter(pk=report_id).first()
    if not report or not report.reporter_email:
        return
    context = {"report": report, "tracking_url": _tracking_url(report)}
    _send("received", context, [report.reporter_email], report.language)


@task()
def send_citizen_mail(report_id, what):
    """`what` is one of answered, needs_info, rejected."""
    from .models import Report

    report = Report.objects.filter(pk=report_id).first()
    if not report or not report.reporter_email:
        return
    context = {"report": report, "what": what, "tracking_url": _tracking_url(report)}
    _send("status", context, [report.reporter_email], report.language)


@task()
def send_assignment_mail(report_id):
    from .models import Report

    report = Report.objects.select_related("assigned_unit").filter(pk=report_id).first()
    if not report or not report.assigned_unit or not report.assigned_unit.email:
        return
    context = {"report": report, "admin_url": _admin_url(report)}
    _send("assigned", context, [report.assigned_unit.email])


@task()
def send_deadline_reminder(report_id):
    from .models import Report

    report = Report.objects.select_related("assigned_unit").filter(pk=report_id).first()
    if not report or not report.assigned_unit or not report.assigned_unit.email:
        return
    context = {"report": report, "admin_url": _admin_url(report), "due": report.current_due()}
    _send("reminder", context, [report.assigned_unit.email])


@task()
def send_missed_deadline_alert(report_id):
    from .models import ComplaintSettings, Report

    report = Report.objects.select_related("assigned_unit").filter(pk=report_id).first()
    recipient = ComplaintSettings.current().coordinator_email
    if not report or not recipient:
        return
    context = {"report": report, "admin_url": _admin_url(report), "due": report.current_due()}
    _send("missed", context, [recipient])


def queue_deadline_mail(today=None):
    """Queue reminders for deadlines that fall within the reminder window and alerts for
    the ones missed yesterday (so each is sent once a day at most). Returns the counts."""
    from .deadlines import add_working_days, extra_holidays
    from .models import ComplaintSettings, Report, Status

    today = today or timezone.localdate()
    extra = extra_holidays()
    config = ComplaintSettings.current()
    horizon = add_working_days(today, config.reminder_days_before, extra)
    handling = [Status.ASSIGNED, Status.IN_PROGRESS]
    reminders = Report.objects.filter(
        status__in=handling, response_due__gte=today, response_due__lte=horizon
    ).values_list("pk", flat=True)
    yesterday = today - datetime.timedelta(days=1)
    missed = Report.objects.filter(
        Q(status__in=handling, response_due=yesterday)
        | Q(status__in=[Status.SUBMITTED, Status.VERIFIED], forward_due=yesterday)
    ).values_list("pk", flat=True)
    reminder_ids, missed_ids = list(reminders), list(missed)
    for pk in reminder_ids:
        send_deadline_reminder.enqueue(pk)
    for pk in missed_ids:
        send_missed_deadline_alert.enqueue(pk)
    return len(reminder_ids), len(missed_ids)


def auto_close_answered(today=None):
    """Close answered reports whose reporter did not reply within the allowed days."""
    from . import workflow
    from .models import Report, Status

    today = today or timezone.localdate()
    closed = 0
    for report in Report.objects.filter(status=Status.ANSWERED, close_due__lt=today):
        workflow.close(report, system=True)
        closed += 1
    return closed
