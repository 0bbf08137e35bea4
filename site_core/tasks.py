"""Queueing background work from the code that changes data.

Work (mail above all) runs only once the change is committed: a rolled-back change sends
nothing, and the worker never looks for a row that is not there yet. Front-cache purges
are sent by the committing process itself; the worker only retries the failed ones."""

import logging
from datetime import timedelta
from functools import partial

from django.conf import settings
from django.db import connections, transaction
from django.utils import timezone

from django_tasks import task
from django_tasks_db import DatabaseBackend

from . import purging

logger = logging.getLogger(__name__)


def enqueue_on_commit(task, *args, **kwargs):
    """Queue `task` with these arguments so that it runs only after the current transaction
    commits (at once outside one). The arguments are taken now, not when it ends.

    The database queue stores the task in that same transaction: the worker cannot see it
    before the commit, it disappears with a rollback, and a report costs one commit instead
    of one more per mail (commits are what limits submissions per second). Other queues
    are handed the task once the commit has happened."""
    in_transaction = connections["default"].in_atomic_block
    if in_transaction and isinstance(task.get_backend(), DatabaseBackend):
        task.enqueue(*args, **kwargs)
    else:
        transaction.on_commit(partial(task.enqueue, *args, **kwargs))


def purge_on_commit(urls):
    """Purge `urls` from the front cache as soon as the current transaction commits (at
    once outside one), from this process: a publish is seen within the cache's answer
    time, not after whatever the worker has queued. Purges that fail are handed to the
    worker (`retry_purge`). Before the commit the cache would fetch the old page again.
    Robust: whatever goes wrong here is logged, never turned into an error for a change
    that is already committed."""
    urls = sorted(set(urls))
    if urls and settings.WAGTAILFRONTENDCACHE:
        transaction.on_commit(partial(_purge_now, urls), robust=True)


def _purge_now(urls):
    failed = purging.send(urls)
    if failed:
        _queue_retry(failed, attempt=1)


def _queue_retry(urls, attempt):
    delays = settings.FRONTEND_CACHE_RETRY_SECONDS
    if attempt > len(delays):
        logger.error("Gave up purging from the front cache after %d tries: %s", attempt, urls)
        return
    task = retry_purge
    if task.get_backend().supports_defer:
        task = task.using(run_after=timezone.now() + timedelta(seconds=delays[attempt - 1]))
    task.enqueue(urls, attempt)


@task()
def retry_purge(urls, attempt):
    """Send again the purges that failed when the change was committed, with growing
    delays (`FRONTEND_CACHE_RETRY_SECONDS`), then log an error."""
    failed = purging.send(urls)
    if failed:
        _queue_retry(failed, attempt + 1)
