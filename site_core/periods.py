"""Date ranges in the city's time zone, for figures counted per day or month."""

import datetime

from django.utils import timezone


def local_day_bounds(start, end):
    """Aware datetimes from the start of `start` to the start of the day after `end`."""
    tz = timezone.get_current_timezone()
    since = datetime.datetime.combine(start, datetime.time.min, tzinfo=tz)
    until = datetime.datetime.combine(
        end + datetime.timedelta(days=1), datetime.time.min, tzinfo=tz
    )
    return since, until
