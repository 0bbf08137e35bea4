"""Small-cell suppression: no published figure may point at a person.

A count between 1 and the threshold (OPEN_DATA_MIN_CELL, default 5) is published as
"< 5" in pages, downloads and the API alike; zero and larger counts are published as they
are. Rows that only exist to carry such a cell keep their label but not their number.
"""

from django.conf import settings


def threshold():
    return settings.OPEN_DATA_MIN_CELL


def is_suppressed(count):
    return count is not None and 0 < count < threshold()


def cell(count):
    """A count as published: the number, or None when it is suppressed."""
    return None if is_suppressed(count) else count


def label(count):
    """How a count reads in a page or a CSV file."""
    if count is None:
        return "–"
    return f"< {threshold()}" if is_suppressed(count) else f"{count:,}".replace(",", ".")


def rows(breakdown):
    """A breakdown's rows with `count` suppressed and a `shown` label for people."""
    return [
        {
            **row,
            "count": cell(row["count"]),
            "suppressed": is_suppressed(row["count"]),
            "shown": label(row["count"]),
        }
        for row in breakdown
    ]
