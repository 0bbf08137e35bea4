"""Remove contact details people gave us once they are no longer needed.

Registrations of events that ended more than --days ago keep only the name, the event,
attendance and the certificate code (so certificates stay verifiable); phone, email,
date of birth, guardian details and accessibility needs are erased. Handled
assisted-reporting requests are deleted. Run it daily.
"""

import datetime

from django.core.management.base import BaseCommand
from django.utils import timezone

from outreach.models import AssistedReportRequest, Registration


class Command(BaseCommand):
    help = "Erase outreach contact details older than the retention period."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=365)

    def handle(self, *args, days, **options):
        cutoff = timezone.now() - datetime.timedelta(days=days)
        erased = (
            Registration.objects.filter(event__end__lt=cutoff)
            .exclude(phone="", email="", guardian_contact="", accessibility_needs="")
            .update(
                phone="",
                email="",
                date_of_birth=None,
                guardian_name="",
                guardian_contact="",
                accessibility_needs="",
            )
        )
        deleted, _ = AssistedReportRequest.objects.filter(
            handled=True, created_at__lt=cutoff
        ).delete()
        self.stdout.write(f"Erased contact details of {erased} registration(s); deleted {deleted}.")
