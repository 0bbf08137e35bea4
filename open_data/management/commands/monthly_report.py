import datetime
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone, translation

from open_data import monthly_report


class Command(BaseCommand):
    help = "Build the monthly report for leadership as a PDF (default: the previous month)."

    def add_arguments(self, parser):
        parser.add_argument("--month", help="YYYY-MM (default: the previous month)")
        parser.add_argument("--output", help="file to write (default: laporan-bulanan-YYYY-MM.pdf)")
        parser.add_argument("--language", default="id", choices=["id", "en"])

    def handle(self, *args, month=None, output=None, language="id", **options):
        if month:
            try:
                first = datetime.date.fromisoformat(f"{month}-01")
            except ValueError as error:
                raise CommandError("--month must be YYYY-MM, e.g. 2026-11.") from error
        else:
            first = (timezone.localdate().replace(day=1) - datetime.timedelta(days=1)).replace(
                day=1
            )
        with translation.override(language):
            pdf = monthly_report.build(first)
        path = Path(output or f"laporan-bulanan-{first:%Y-%m}.pdf")
        path.write_bytes(pdf)
        self.stdout.write(f"Monthly report for {first:%Y-%m}: {path} ({len(pdf):,} bytes)")
