"""The cron table as one long-running process, for machines without cron or systemd timers
(`make stack`, a container). Each command runs in turn, never two at once, and a failing
command is logged and retried at its next turn rather than stopping the others."""

import logging
import time

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "Run the scheduled commands of SCHEDULED_COMMANDS at their intervals, forever."

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="run every command once, then stop")

    def handle(self, *args, once=False, **options):
        next_run = {name: 0.0 for name, _interval in settings.SCHEDULED_COMMANDS}
        while True:
            for name, interval in settings.SCHEDULED_COMMANDS:
                if time.monotonic() < next_run[name]:
                    continue
                next_run[name] = time.monotonic() + interval
                try:
                    call_command(name, verbosity=0)
                except Exception:  # noqa: BLE001 - one broken job must not stop the rest
                    logger.exception("Scheduled command %s failed", name)
            if once:
                return
            time.sleep(min(5.0, *(interval for _name, interval in settings.SCHEDULED_COMMANDS)))
