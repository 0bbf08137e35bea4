"""Queueing background work from the code that changes data.

Work (mail above all) runs only once the change is committed: a rolled-back change sends
nothing, and the worker never looks for a row that is not there yet."""

from functools import partial

from django.db import connections, transaction

from django_tasks_db import DatabaseBackend


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
