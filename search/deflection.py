"""Answers that may solve a citizen's problem before they file a report.

The complaint form calls `matching_answers()` with what the citizen is typing; it gets
plain dicts, so it never depends on this app's models.
"""

from .backends import get_backend

MIN_TEXT_CHARS = 8


def matching_answers(text, language_code, limit=3):
    """Up to `limit` answers matching `text`: [{title, url, summary, source_id}].

    Every value is plain text: the caller escapes it once, where it renders it (a
    template's autoescape, or `textContent` in the browser). An HTML snippet here was
    escaped twice and showed "&#x27;" to citizens."""
    text = (text or "").strip()[:1000]
    if len(text) < MIN_TEXT_CHARS:
        return []
    results = get_backend().search(
        text, language=language_code, filters={"type": "answer"}, page=1, page_size=limit
    )
    return [
        {
            "title": hit.title,
            "url": hit.url,
            "summary": hit.summary,
            "source_id": hit.source_id,
        }
        for hit in results.hits[:limit]
        if hit.type == "answer"
    ]
