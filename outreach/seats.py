"""An event's registrations per status, for its page, from the cache: the page is read far
more often than people register. Every save or delete of a registration (registering,
cancelling, a promotion from the waitlist, an edit in the admin) drops the counts at once
and again after the commit (outreach.apps connects the signals)."""

from django.db import transaction
from django.db.models import Count

from site_core.versioned_cache import VersionedCache

from .models.registrations import Registration

_COUNTS = VersionedCache("event-registrations", timeout=5 * 60)


def registrations_by_status(event_id):
    """{status: number of registrations} of the event (its default-language page's id)."""
    return _COUNTS.get_or_build(
        event_id,
        lambda: dict(
            Registration.objects.filter(event_id=event_id)
            .values_list("status")
            .annotate(n=Count("pk"))
        ),
        per_language=False,
    )


def invalidate(**_kwargs):
    # At once, and again after the commit: a page read between the two saw the rows as
    # they were before and may have kept them.
    _COUNTS.bump()
    transaction.on_commit(_COUNTS.bump)
