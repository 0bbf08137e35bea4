"""Template tags for answer pages: the related answers come from search, which the
page model must not import (search imports the models)."""

from django import template
from django.utils.translation import get_language

from ..services import related_for_page

register = template.Library()


@register.simple_tag
def related_answers_for(page, limit=3):
    """[{title, url}]: the answers editors chose, then ones search finds for the question."""
    return related_for_page(page, get_language(), limit)
