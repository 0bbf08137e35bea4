"""Run daily (cron or a worker schedule): queue deadline reminders and missed-deadline
alerts, and close answered reports the citizen did not reply to in time."""

from django.core.management.base import BaseCommand

from complaint_forms.reminders import auto_close_answered, queue_deadline_mail


class Command(BaseCommand):
    help = "Queue deadline reminder and missed-deadline mail; auto-close answered reports."

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-close", action="store_true", help="Do not close answered reports."
        )

    def handle(self, *args, **options):
        reminders, missed = queue_deadline_mail()
        closed = 0 if options["no_close"] else auto_close_answered()
        self.stdout.write(
            f"Queued {reminders} reminder(s), {missed} missed-deadline alert(s); "
            f"closed {closed} answered report(s)."
        )
