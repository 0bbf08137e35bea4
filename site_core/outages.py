"""Honest answers while the database is away: built without it, HTTP 503 with Retry-After,
never cached."""

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader
from django.utils import translation
from django.utils.cache import add_never_cache_headers

# What a lost or refused database connection raises (Django wraps the driver's errors).
DATABASE_UNREACHABLE = (OperationalError, InterfaceError)


def unavailable(template, context=None):
    """`template` rendered without a request (so no context processor reaches for the
    database or the session), as a 503 the client may retry."""
    language = translation.get_language() or settings.LANGUAGE_CODE
    body = loader.render_to_string(template, {"LANGUAGE_CODE": language, **(context or {})})
    response = HttpResponse(body, status=503)
    response["Retry-After"] = str(getattr(settings, "OUTAGE_RETRY_AFTER_SECONDS", 30))
    add_never_cache_headers(response)
    return response
