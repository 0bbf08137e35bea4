"""Erase personal data that has outlived its retention period, in every app. Run daily."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from site_core.retention import purge_personal_data


class Command(BaseCommand):
    help = "Erase personal data past its retention period (PERSONAL_DATA_RETENTION_DAYS)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Count what would be erased; change nothing."
        )

    def handle(self, *args, dry_run, **options):
        results = purge_personal_data(timezone.now(), dry_run=dry_run)
        verb = "Would erase" if dry_run else "Erased"
        for source, counts in results.items():
            for what, count in counts.items():
                self.stdout.write(f"{verb} {what}: {count} ({source})")
