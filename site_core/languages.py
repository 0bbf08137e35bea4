"""The content language of the active request, as a code to filter on.

`Locale.get_active()` costs a query per call; filtering on `locale__language_code` with this
code joins the locale instead, which hot paths (report intake) prefer."""

from django.conf import settings
from django.utils import translation

from wagtail.coreutils import get_supported_content_language_variant


def active_content_language():
    """The language code of the Locale that `Locale.get_active()` would return."""
    try:
        return get_supported_content_language_variant(translation.get_language())
    except LookupError:
        return settings.LANGUAGE_CODE
