import sys

from django.core.management.base import BaseCommand, CommandError

from site_core import backups


class Command(BaseCommand):
    help = "Replace the database, media and private media with a backup made by `backup`."

    def add_arguments(self, parser):
        parser.add_argument("archive")
        parser.add_argument(
            "--yes", action="store_true", help="do not ask: the current data is replaced"
        )

    def handle(self, *args, archive, yes=False, **options):
        if not yes and not sys.stdin.isatty():
            raise CommandError("Refusing to replace the data without --yes.")
        if not yes:
            answer = input("Every current page, report and file will be replaced. Type 'yes': ")
            if answer.strip() != "yes":
                raise CommandError("Restore cancelled.")
        try:
            manifest = backups.restore(archive)
        except backups.BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Restored the backup made {manifest['created']}.")
