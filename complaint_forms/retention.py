"""Retention of reporters' personal data: identity and attachments go two years (setting
"complaint_identity") after a report is closed or rejected. The report itself stays, so
statistics, rankings and the public timeline keep counting it."""

from django.db import transaction

from site_core.retention import cutoff

from .choices import ContactChannel
from .records import Attachment, Report
from .transitions import FINISHED_STATUSES

IDENTITY_FIELDS = ("reporter_name", "reporter_email", "reporter_phone", "accessibility_needs")


def purge(now, dry_run=False):
    finished = Report.objects.filter(
        status__in=FINISHED_STATUSES,
        closed_at__lt=cutoff("complaint_identity", now),
    )
    identities = finished.exclude(**{field: "" for field in IDENTITY_FIELDS})
    attachments = Attachment.objects.filter(report__in=finished)
    counts = {
        "complaint identities": identities.count(),
        "complaint attachments": attachments.count(),
    }
    if dry_run:
        return counts
    identities.update(contact_channel=ContactChannel.NONE, **{f: "" for f in IDENTITY_FIELDS})
    files = [(attachment.file.storage, attachment.file.name) for attachment in attachments]
    attachments.delete()
    # Files go once the rows are gone for good: a rollback must not leave rows without files.
    transaction.on_commit(lambda: [storage.delete(name) for storage, name in files])
    return counts
