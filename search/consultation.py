"""Turn a citizen's consultation question into a draft answer for editors.

The draft is never published here: an editor removes personal data, writes the answer
and publishes it through the normal workflow.
"""

from django.utils.html import escape
from django.utils.text import Truncator, slugify
from django.utils.translation import gettext as _

from wagtail.models import Locale

from .models import AnswerPage, KnowledgeBaseIndexPage

TITLE_CHARS = 250


def draft_answer_from_consultation(title, text, language_code="id", user=None):
    """A new unpublished AnswerPage under the knowledge base of `language_code`."""
    locale = Locale.objects.get(language_code=language_code)
    index = KnowledgeBaseIndexPage.objects.filter(locale=locale).order_by("path").first()
    if index is None:
        raise LookupError(f"No knowledge base index page in locale {language_code!r}.")
    text = (text or "").strip()
    title = Truncator((title or "").strip() or text).chars(TITLE_CHARS)
    base_slug = slugify(title)[:60].strip("-") or "pertanyaan"
    slug, n = base_slug, 1
    while index.get_children().filter(slug=slug).exists():
        n += 1
        slug = f"{base_slug}-{n}"
    paragraphs = "".join(f"<p>{escape(line)}</p>" for line in text.splitlines() if line.strip())
    page = AnswerPage(
        title=title,
        slug=slug,
        short_answer=_("Draft from a consultation question: remove personal data, then answer."),
        body=[("paragraph", paragraphs)] if paragraphs else [],
        live=False,
        owner=user,
    )
    index.add_child(instance=page)
    page.save_revision(user=user, log_action=True)
    return page
