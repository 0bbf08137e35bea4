"""Personal-data retention (UU PDP 27/2022): how long each kind of record keeps the
personal fields, and the one entry point that runs every app's purge.

site_core imports no app: each app names its purge function in settings
(`PERSONAL_DATA_PURGERS += ["app.retention.purge"]`). A purge function takes `now` and
`dry_run`, erases (or, where no figure needs the row, deletes) what is past its period,
and returns {description: count}.
"""

import datetime

from django.conf import settings
from django.db import transaction
from django.utils.module_loading import import_string


def retention_days(kind):
    return settings.PERSONAL_DATA_RETENTION_DAYS[kind]


def cutoff(kind, now):
    """Records whose reference date is before this have outlived their period."""
    return now - datetime.timedelta(days=retention_days(kind))


def purge_personal_data(now, dry_run=False):
    """Run every registered purge, each in its own transaction; {app purge: {what: n}}."""
    results = {}
    for dotted in settings.PERSONAL_DATA_PURGERS:
        purge = import_string(dotted)
        with transaction.atomic():
            results[dotted] = purge(now=now, dry_run=dry_run)
    return results
