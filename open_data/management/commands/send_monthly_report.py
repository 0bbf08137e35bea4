"""Daily: on the first working day of the month, archive last month's report for
leadership and mail it to the recipients set in the admin. Safe to run any number of times."""

import datetime

from django.core.management.base import BaseCommand, CommandError

from open_data import archive


class Command(BaseCommand):
    help = (
        "On the first working day of the month, archive the previous month's report and mail "
        "it to the recipients set in the admin (once; other days and second runs do nothing)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--date", help="act as if today were YYYY-MM-DD (default: today)")

    def handle(self, *args, date=None, **options):
        today = None
        if date:
            try:
                today = datetime.date.fromisoformat(date)
            except ValueError as error:
                raise CommandError("--date must be YYYY-MM-DD, e.g. 2027-01-04.") from error
        entry = archive.send_due(today)
        if entry is None:
            self.stdout.write("Monthly report: nothing to send.")
        else:
            self.stdout.write(
                f"Monthly report {entry.month:%Y-%m} mailed to {len(entry.mailed_to)} recipient(s)."
            )
