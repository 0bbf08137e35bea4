"""Expected user-facing text in the language a page is served in, HTML-escaped as
templates print it, so tests keep passing once the Indonesian catalogue exists."""

from django.utils import translation
from django.utils.html import escape


def t(message, language="id"):
    with translation.override(language):
        return escape(translation.gettext(message))
