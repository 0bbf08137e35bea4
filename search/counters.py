"""A counted row per key (a learned query, a zero-result query): one place for the
increment that must not lose a count when two requests create the same row at once."""

from django.db import IntegrityError, transaction
from django.db.models import F


def count(model, field, **keys):
    """Add one to `field` of the row with these keys, creating it (at 1) if missing."""
    rows = model.objects.filter(**keys)
    if rows.update(**{field: F(field) + 1}):
        return
    try:
        with transaction.atomic():
            model.objects.create(**keys, **{field: 1})
    except IntegrityError:  # created meanwhile by another request: count on it
        rows.update(**{field: F(field) + 1})
