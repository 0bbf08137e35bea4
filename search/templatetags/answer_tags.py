"""Template tags for answer pages: the related answers come from search, which the
page model must not import (search imports the models)."""

from urllib.parse import parse_qs, urlsplit

from django import template
from django.urls import Resolver404, resolve
from django.utils.translation import get_language

from ..services import related_for_page

register = template.Library()


@register.simple_tag
def related_answers_for(page, limit=3):
    """[{title, url}]: the answers editors chose, then ones search finds for the question."""
    return related_for_page(page, get_language(), limit)


@register.simple_tag(takes_context=True)
def search_query_from_referer(context):
    """The query of this site's search results page the citizen came from, or ""."""
    request = context.get("request")
    referer = request.META.get("HTTP_REFERER", "") if request else ""
    if not referer:
        return ""
    parts = urlsplit(referer)
    if parts.netloc and parts.netloc != request.get_host():
        return ""
    try:
        match = resolve(parts.path)
    except Resolver404:
        return ""
    if match.url_name != "search":
        return ""
    return parse_qs(parts.query).get("q", [""])[0].strip()[:200]
