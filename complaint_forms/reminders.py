"""The daily deadline run (`send_deadline_reminders`): reminders to units before their
answer is due, alerts to coordinators for deadlines missed, and closing answered reports
whose citizen did not react in time."""

import datetime
import operator
from functools import reduce

from django.db.models import Q
from django.utils import timezone

from . import tasks, workflow
from .deadlines import add_working_days, extra_holidays
from .records import ComplaintSettings, Report
from .transitions import BY_ACTION, OVERDUE_FIELDS, STATUS_DUE, Who, statuses_due_by


def queue_deadline_mail(today=None):
    """Queue reminders for deadlines that fall within the reminder window and alerts for
    the ones missed yesterday (so each is sent once a day at most). Returns the counts."""
    today = today or timezone.localdate()
    extra = extra_holidays()
    config = ComplaintSettings.current()
    horizon = add_working_days(today, config.reminder_days_before, extra)
    # Reminders go to the unit: only its own deadline, the answer.
    reminders = Report.objects.filter(
        status__in=statuses_due_by("response_due"),
        response_due__gte=today,
        response_due__lte=horizon,
    ).values_list("pk", flat=True)
    yesterday = today - datetime.timedelta(days=1)
    missed = Report.objects.filter(
        reduce(
            operator.or_,
            (Q(status__in=statuses_due_by(due), **{due: yesterday}) for due in OVERDUE_FIELDS),
        )
    ).values_list("pk", flat=True)
    reminder_ids, missed_ids = list(reminders), list(missed)
    for pk in reminder_ids:
        tasks.send_deadline_reminder.enqueue(pk)
    for pk in missed_ids:
        tasks.send_missed_deadline_alert.enqueue(pk)
    return len(reminder_ids), len(missed_ids)


def auto_close_answered(today=None):
    """Close answered reports whose reporter did not reply within the allowed days."""
    today = today or timezone.localdate()
    closing = BY_ACTION["close"].sources_for[Who.SYSTEM]
    closed = 0
    for status in closing:
        due = STATUS_DUE[status]
        for report in Report.objects.filter(status=status, **{f"{due}__lt": today}):
            workflow.close(report, system=True)
            closed += 1
    return closed
