"""Enqueue the day-before reminder for every confirmed registration; run it hourly."""

import datetime

from django.core.management.base import BaseCommand
from django.utils import timezone

from outreach.models import EventStatus, Registration, RegistrationStatus
from outreach.tasks import send_event_reminder


class Command(BaseCommand):
    help = "Enqueue reminders for events starting within the next 24 hours."

    def handle(self, *args, **options):
        now = timezone.now()
        due = Registration.objects.filter(
            status=RegistrationStatus.CONFIRMED,
            reminder_sent_at__isnull=True,
            event__start__gt=now,
            event__start__lte=now + datetime.timedelta(hours=24),
            event__status__in=[EventStatus.SCHEDULED, EventStatus.FULL],
        ).values_list("pk", flat=True)
        count = 0
        for pk in due:
            send_event_reminder.enqueue(pk)
            count += 1
        self.stdout.write(f"Enqueued {count} reminder(s).")
