"""The report form's fields, rendered once per language and preset rather than per visit.

About half of the report page's time went into rendering the widgets of an unbound form,
which are the same for every citizen. Only unbound forms whose initial values come from the
page's presets are reused; a bound form (errors, what was typed), a title prefilled from the
citizen's question and anything per visit (the CSRF token, the idempotency key, the
captcha) are rendered every time, outside the reused part."""

import time
import uuid

from django import template
from django.core.cache import cache
from django.utils import translation

register = template.Library()

FIELDS_TEMPLATE = "complaint_forms/includes/report_fields.html"
# A random token rather than a counter: a cache that is cleared starts a new version
# instead of going back to one that processes still hold HTML for.
VERSION_KEY = "report-form-fields-version"
# Topic changes made in another process reach a process whose cache is not shared (the
# embedded default's local memory) within this time, as for the page frame.
TIMEOUT = 5 * 60
MAX_ENTRIES = 256
_rendered = {}  # key -> (html, monotonic time stored)


def invalidate(**_kwargs):
    """Topics changed: every process renders the fields afresh."""
    cache.set(VERSION_KEY, uuid.uuid4().hex, None)
    _rendered.clear()


def _key(context):
    form = context.get("report_form")
    if form is None or form.is_bound or form.initial.get("title"):
        return None
    if context.get("deflection_answers") or context.get("notice"):
        return None
    category = context.get("preset_category")
    try:
        initial = tuple(sorted((name, str(value)) for name, value in form.initial.items()))
    except TypeError:
        return None
    return (
        cache.get_or_set(VERSION_KEY, lambda: uuid.uuid4().hex, None),
        translation.get_language(),
        context.get("preset_kind") or "",
        category.pk if category is not None else None,
        bool(context.get("private_only")),
        initial,
    )


@register.simple_tag(takes_context=True)
def report_form_fields(context):
    key = _key(context)
    if key is not None:
        hit = _rendered.get(key)
        if hit is not None and time.monotonic() - hit[1] < TIMEOUT:
            return hit[0]
    fields = context.template.engine.get_template(FIELDS_TEMPLATE)
    with context.push():
        html = fields.render(context)
    if key is not None:
        if len(_rendered) >= MAX_ENTRIES:
            _rendered.clear()
        _rendered[key] = (html, time.monotonic())
    return html
