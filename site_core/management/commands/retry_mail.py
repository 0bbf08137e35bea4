from django.core.management.base import BaseCommand

from site_core.mail import retry_due


class Command(BaseCommand):
    help = (
        "Try again every kept mail that is due. The database queue does this by itself; "
        "run it from cron where the task queue cannot wait (or as a safety net)."
    )

    def handle(self, *args, **options):
        sent = retry_due()
        if options["verbosity"]:
            self.stdout.write(f"{sent} kept mail sent.")
