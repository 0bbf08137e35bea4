"""Delete search log rows older than SEARCH_QUERY_LOG_DAYS (run daily from cron)."""

from django.core.management.base import BaseCommand

from search.privacy import purge_expired


class Command(BaseCommand):
    help = "Delete search query logs older than SEARCH_QUERY_LOG_DAYS."

    def handle(self, *args, **options):
        deleted = purge_expired()
        summary = ", ".join(f"{name}: {count}" for name, count in deleted.items())
        self.stdout.write(f"Search logs purged ({summary}).")
