"""Access logs without credentials.

Tracking codes and signed tokens are in URLs (the tracking page's `?kode=`, the report
confirmation, tickets, cancel and activity links), and whoever holds one can act as the
citizen. Request lines in the access logs (runserver's `django.server`, gunicorn's
`gunicorn.access`) and the `django.request` warnings keep the URL's shape but not the
secret: `/outreach/ticket/***/`, `?kode=***`. Which path segments and query parameters
are secret is in settings (LOG_MASKED_PATH_SEGMENTS, LOG_MASKED_QUERY_PARAMS).
"""

import logging
import re
from functools import lru_cache

from django.conf import settings

MASKED_LOGGERS = ("django.server", "django.request", "gunicorn.access", "gunicorn.error")
MASK = "***"


@lru_cache(maxsize=8)
def _patterns(segments, params):
    found = []
    if segments:
        names = "|".join(re.escape(name) for name in segments)
        found.append(re.compile(rf"(/(?:{names})/)[^/?#\s\"']+"))
    if params:
        names = "|".join(re.escape(name) for name in params)
        found.append(re.compile(rf"((?:^|[?&;])(?:{names})=)[^&#\s\"']*", re.IGNORECASE))
    return found


def mask_credentials(text):
    patterns = _patterns(
        tuple(getattr(settings, "LOG_MASKED_PATH_SEGMENTS", ())),
        tuple(getattr(settings, "LOG_MASKED_QUERY_PARAMS", ())),
    )
    for pattern in patterns:
        text = pattern.sub(rf"\g<1>{MASK}", text)
    return text


def _masked(value):
    return mask_credentials(value) if isinstance(value, str) else value


class MaskCredentialsFilter(logging.Filter):
    """Masks the message and its arguments (a tuple for Django, a dict for gunicorn)."""

    def filter(self, record):
        record.msg = _masked(record.msg)
        if isinstance(record.args, dict):
            record.args = {key: _masked(value) for key, value in record.args.items()}
        elif isinstance(record.args, tuple):
            record.args = tuple(_masked(value) for value in record.args)
        return True


def install():
    """On the loggers themselves, so it holds whatever handlers gunicorn or Django attach."""
    for name in MASKED_LOGGERS:
        logger = logging.getLogger(name)
        if not any(isinstance(existing, MaskCredentialsFilter) for existing in logger.filters):
            logger.addFilter(MaskCredentialsFilter())
