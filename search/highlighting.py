"""Snippets for result lists: escaped text with the query's words wrapped in <mark>."""

import html
import re

from django.utils.safestring import mark_safe

from .text import is_stopword, normalise, stem


def highlight(text, marked_words, language, limit=None):
    """Escaped text with query words wrapped in <mark>: escape first, then mark."""
    text = text or ""
    if limit and len(text) > limit:
        text = _window(text, marked_words, language, limit)
    stems = {stem(w, language) for w in marked_words if not is_stopword(w, language)}
    out, pos = [], 0
    for match in re.finditer(r"\w+", text):
        out.append(html.escape(text[pos : match.start()]))
        token = match.group(0)
        norm = normalise(token)
        if norm in marked_words or stem(norm, language) in stems:
            out.append(f"<mark>{html.escape(token)}</mark>")
        else:
            out.append(html.escape(token))
        pos = match.end()
    out.append(html.escape(text[pos:]))
    return mark_safe("".join(out))  # noqa: S308 - every piece was escaped above


def _window(text, marked_words, language, limit):
    """The part of a long text around the first matching word."""
    stems = {stem(w, language) for w in marked_words}
    for match in re.finditer(r"\w+", text):
        norm = normalise(match.group(0))
        if norm in marked_words or stem(norm, language) in stems:
            start = max(0, match.start() - limit // 3)
            break
    else:
        start = 0
    snippet = text[start : start + limit]
    return ("… " if start else "") + snippet + (" …" if start + limit < len(text) else "")
