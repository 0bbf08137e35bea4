"""Queueing background work from the code that changes data.

Work (mail above all) is queued only once the change is committed: a rolled-back change
sends nothing, and the worker never looks for a row that is not there yet."""

from functools import partial

from django.db import transaction


def enqueue_on_commit(task, *args, **kwargs):
    """Queue `task` with these arguments when the current transaction commits (at once
    outside one). The arguments are taken now, not when the transaction ends."""
    transaction.on_commit(partial(task.enqueue, *args, **kwargs))
