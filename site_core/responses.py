"""Pages that search engines must not list: the ones a signed link or a code opens.

They are rendered in the language of the person the link was made for (the language they
used when they registered or applied), whatever language the address carries."""

from django.template.response import TemplateResponse
from django.utils import translation


def render_unindexed(request, template, context, *, language=None, status=200, no_store=False):
    """`template` rendered now (in `language` when given) with `X-Robots-Tag: noindex`;
    `no_store` keeps it out of every cache too (tickets with a check-in code)."""
    with translation.override(language or translation.get_language()):
        response = TemplateResponse(request, template, context, status=status)
        response.render()
    response["X-Robots-Tag"] = "noindex"
    if no_store:
        response["Cache-Control"] = "private, no-store"
    return response
