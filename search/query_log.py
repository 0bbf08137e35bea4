"""The query log: Wagtail's search terms report counts every query; ours keeps the ones
that found nothing (redacted first, see `search.privacy`)."""

from wagtail.contrib.search_promotions.models import Query

from . import counters
from .models import ZeroResultQuery
from .privacy import redact
from .text import words

MAX_LOGGED_QUERY = 255


def log_query(query, language, total):
    text = " ".join(words(redact(query)))[:MAX_LOGGED_QUERY]
    if not text:
        return
    Query.get(text).add_hit()
    if total:
        return
    counters.count(ZeroResultQuery, "hits", query_text=text, language_code=language)
