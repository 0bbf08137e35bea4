"""The monthly report's archive and its mailing to leadership.

Each month's PDF is built once and kept (private storage, `MonthlyReportArchive`), so what
leadership received can be downloaded again later. On the first working day of a month
the previous month's report is archived and mailed, once: a run claims the month with a
conditional UPDATE before sending, so a second run — the same day, the next day, or at
the same moment from another process — sends nothing. If the scheduler did not run on
that day (the server was down) the next run in the same month still sends it, late.
Mail goes through `site_core.mail.send_templated`: what the mail server does not take is kept
and retried there, with the PDF.
"""

import datetime
import logging

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import formats, timezone, translation

from complaint_forms.deadlines import extra_holidays, is_working_day
from site_core.links import page_absolute_url
from site_core.mail import send_templated

from . import monthly_report
from .models import MonthlyReportArchive, MonthlyReportSettings, StatisticsPage

logger = logging.getLogger(__name__)

LANGUAGE = "id"  # leadership reads the report in Indonesian


def first_of_month(day):
    return day.replace(day=1)


def previous_month(day):
    return first_of_month(first_of_month(day) - datetime.timedelta(days=1))


def first_working_day(month, extra=None):
    """The first Indonesian working day of `month` (any date in it)."""
    extra = extra_holidays() if extra is None else extra
    day = first_of_month(month)
    while not is_working_day(day, extra):
        day += datetime.timedelta(days=1)
    return day


def archive(month):
    """The archived report of `month` (any date in it), built now if it is not yet kept."""
    month = first_of_month(month)
    existing = MonthlyReportArchive.objects.filter(month=month).first()
    if existing is not None:
        return existing
    with translation.override(LANGUAGE):
        pdf = monthly_report.build(month)
    entry = MonthlyReportArchive(month=month, size=len(pdf))
    try:
        with transaction.atomic():
            entry.file.save(entry.filename, ContentFile(pdf), save=True)
    except IntegrityError:
        # Another process archived the same month meanwhile: keep theirs, drop our file.
        entry.file.delete(save=False)
        return MonthlyReportArchive.objects.get(month=month)
    return entry


def send_due(today=None):
    """Archive and mail last month's report if today is on or after this month's first
    working day and it has not been mailed yet. Returns the archive entry mailed, or None."""
    today = today or timezone.localdate()
    if today < first_working_day(today):
        return None
    recipients = MonthlyReportSettings.load().addresses()
    if not recipients:
        logger.warning("No recipients set for the monthly report; nothing sent.")
        return None
    entry = archive(previous_month(today))
    claimed = MonthlyReportArchive.objects.filter(pk=entry.pk, mailed_at__isnull=True).update(
        mailed_at=timezone.now(), mailed_to=recipients
    )
    if not claimed:
        return None  # already mailed (or being mailed by another run)
    entry.refresh_from_db()
    _mail(entry, recipients)
    return entry


def _mail(entry, recipients):
    page = StatisticsPage.objects.live().filter(locale__language_code=LANGUAGE).first()
    with translation.override(LANGUAGE):
        context = {
            "month": formats.date_format(entry.month, "F Y"),
            "statistics_url": page_absolute_url(page) if page else "",
        }
    with entry.file.open("rb") as handle:
        pdf = handle.read()
    # One message per address: leadership's addresses are not shown to each other.
    for address in recipients:
        send_templated(
            "open_data/mail/monthly_report",
            [address],
            context,
            language=LANGUAGE,
            attachments=[(entry.filename, pdf, "application/pdf")],
        )
