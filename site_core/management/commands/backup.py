from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from site_core import backups


class Command(BaseCommand):
    help = "Back up the database, media and private media (complaint attachments) to one file."

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            help="archive to write (default: lapor-backup-<date-time>.tar.gz here)",
        )

    def handle(self, *args, output=None, **options):
        output = output or f"lapor-backup-{timezone.now():%Y%m%d-%H%M%S}.tar.gz"
        try:
            manifest = backups.create(output)
        except backups.BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Backup of the {manifest['engine']} database and media: {output}")
