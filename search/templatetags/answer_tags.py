"""Template tags for answer pages: the related answers come from search, which the
page model must not import (search imports the models)."""

from django import template
from django.core.cache import cache
from django.utils.translation import get_language

from ..answer_index import index_version
from ..services import related_for_page

register = template.Library()


# Other processes' changes reach a process whose cache is not shared within this time.
RELATED_TIMEOUT = 5 * 60


@register.simple_tag(takes_context=True)
def related_answers_for(context, page, limit=3):
    """[{title, url}]: the answers editors chose, then ones search finds for the question.

    Cached under the search index's version, which every publish, unpublish, move or
    delete of an answer and every synonym or category edit bumps (search.signals); a
    preview shows the editor's unsaved choice."""
    request = context.get("request")
    language = get_language()
    if not page.pk or getattr(request, "is_preview", False):
        return related_for_page(page, language, limit)
    key = f"related-answers:{index_version()}:{page.pk}:{language}:{limit}"
    related = cache.get(key)
    if related is None:
        related = related_for_page(page, language, limit)
        cache.set(key, related, RELATED_TIMEOUT)
    return related
