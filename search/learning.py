"""Learning citizens' words from the query log: a search followed by opening an answer.

The results page pings `search_click` when a citizen opens an answer (`<a ping>`, no
JavaScript). Each (answer, redacted query) pair is counted; once SEARCH_LEARN_MIN_CLICKS
searches agree, the query's words are indexed with the answer in the `learned` field
(weights in `search.fields`), so "sekolah minta didatangi tim" meets "Lapor Goes To School"
next time. A minimum of several clicks keeps one person from teaching search alone.
"""

from django.conf import settings

from . import counters
from .privacy import redact
from .text import words

MAX_QUERY_CHARS = 255


def min_clicks():
    return getattr(settings, "SEARCH_LEARN_MIN_CLICKS", 3)


def normalised_query(query):
    return " ".join(words(redact(query)))[:MAX_QUERY_CHARS]


def record_click(page_id, query):
    """Count one search for `query` that led to answer `page_id`; True when the pair has
    just reached the threshold (the index must learn it)."""
    from .models import LearnedQuery

    text = normalised_query(query)
    if not text:
        return False
    counters.count(LearnedQuery, "clicks", page_id=page_id, query_text=text)
    clicks = (
        LearnedQuery.objects.filter(page_id=page_id, query_text=text)
        .values_list("clicks", flat=True)
        .first()
    )
    return clicks == min_clicks()


def learned_texts(page_ids=None):
    """{page id: the learned query words} for pairs at or above the threshold."""
    from .models import LearnedQuery

    rows = LearnedQuery.objects.filter(clicks__gte=min_clicks())
    if page_ids is not None:
        rows = rows.filter(page_id__in=page_ids)
    found = {}
    for page_id, text in rows.values_list("page_id", "query_text"):
        found.setdefault(page_id, []).append(text)
    return {page_id: " ".join(texts) for page_id, texts in found.items()}
