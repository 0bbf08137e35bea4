"""Run daily (SCHEDULED_COMMANDS): once a period has ended, propose its most responsive
units for the coordinators to confirm. Runs again harmlessly: a period is proposed once."""

import datetime

from django.core.management.base import BaseCommand, CommandError

from open_data import awards


class Command(BaseCommand):
    help = "Propose the unit awards of the last completed period (quarter by default)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--date",
            help="Act as if today were this day (YYYY-MM-DD), e.g. to propose a past period.",
        )

    def handle(self, *args, **options):
        today = None
        if options["date"]:
            try:
                today = datetime.date.fromisoformat(options["date"])
            except ValueError as error:
                raise CommandError("--date must be YYYY-MM-DD") from error
        proposed = awards.propose(today=today)
        for award in proposed:
            self.stdout.write(f"Proposed: {award}")
        self.stdout.write(f"{len(proposed)} award(s) proposed.")
