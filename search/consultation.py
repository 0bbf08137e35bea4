"""What the complaint app's consultations and the knowledge base do for each other.

- `draft_answer_from_consultation()`: a citizen's question becomes a draft answer for
  editors. The draft is never published here: an editor removes personal data, writes
  the answer and publishes it through the normal workflow.
- `AnswersGivenForm` and `record_answers_given()`: staff who answer a consultation record
  which knowledge-base answers it got; the question's words then teach search the
  citizens' wording for those answers (`search.learning`).

The complaint app calls these with plain values (a consultation's id, its text, a language
code) through its `knowledge_base` module; it never imports this app's models.
"""

import logging

from django import forms
from django.db import transaction
from django.utils.html import escape
from django.utils.text import Truncator, slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.admin.widgets import AdminPageChooser
from wagtail.models import Locale

from . import answer_index
from .backends import get_backend
from .learning import question_words
from .models import AnswerPage, ConsultationAnswer, KnowledgeBaseIndexPage

logger = logging.getLogger(__name__)

TITLE_CHARS = 250
SUGGESTED_ANSWERS = 5


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


def _live_answers(language_code):
    return AnswerPage.objects.live().filter(locale__language_code=language_code)


class AnswersGivenForm(forms.Form):
    """Which answers a consultation got: the answers search finds for the question (and
    those recorded before) as checkboxes, and a page chooser for any other answer."""

    def __init__(self, *args, question="", language_code="id", consultation_id=None, **kwargs):
        super().__init__(*args, **kwargs)
        live = _live_answers(language_code)
        # Built here, not on the class: this module loads while the apps' models do.
        self.fields["answers"] = forms.ModelMultipleChoiceField(
            label=gettext_lazy("Knowledge-base answers the citizen got"),
            queryset=live,
            widget=forms.CheckboxSelectMultiple,
            required=False,
            help_text=gettext_lazy("Answers that match the question, found by the site's search."),
        )
        self.fields["other_answer"] = forms.ModelChoiceField(
            label=gettext_lazy("Another answer"),
            queryset=live,
            widget=AdminPageChooser(target_models=[AnswerPage]),
            required=False,
        )
        given = list(
            ConsultationAnswer.objects.filter(consultation_id=consultation_id).values_list(
                "page_id", flat=True
            )
        )
        found = get_backend().search(
            question[:1000],
            language=language_code,
            filters={"type": "answer"},
            page_size=SUGGESTED_ANSWERS,
        )
        offered = given + [hit.page_id for hit in found.hits if hit.page_id not in given]
        order = {pk: position for position, pk in enumerate(offered)}
        field = self.fields["answers"]
        field.queryset = live.filter(pk__in=offered)
        field.initial = given
        if not offered:
            field.help_text = gettext_lazy(
                "The site's search finds no answer for this question: choose one below."
            )
        field.choices = sorted(
            ((page.pk, page.title) for page in field.queryset), key=lambda c: order[c[0]]
        )

    def chosen_pages(self):
        pages = list(self.cleaned_data["answers"])
        other = self.cleaned_data.get("other_answer")
        if other is not None and other not in pages:
            pages.append(other)
        return pages


@transaction.atomic
def record_answers_given(consultation_id, question, pages, language_code="id"):
    """Record that consultation `consultation_id` got exactly these answers; the index
    relearns when that changed. Returns the titles recorded."""
    words = question_words(question, language_code)
    rows = ConsultationAnswer.objects.filter(consultation_id=consultation_id)
    before = set(rows.values_list("page_id", flat=True))
    wanted = {page.pk for page in pages}
    rows.exclude(page_id__in=wanted).delete()
    for page in pages:
        ConsultationAnswer.objects.update_or_create(
            consultation_id=consultation_id, page=page, defaults={"question_words": words}
        )
    changed = before ^ wanted
    if changed:
        transaction.on_commit(lambda: _relearn(changed))
    return [page.title for page in pages]


def _relearn(page_ids):
    """Every process rebuilds its index; Elasticsearch reindexes the pages concerned."""
    answer_index.bump_version()
    backend = get_backend()
    if hasattr(backend, "update_answer"):
        for page in AnswerPage.objects.live().filter(pk__in=page_ids):
            try:
                backend.update_answer(page)
            except Exception:  # noqa: BLE001 - staff's record stands when the index is down
                logger.exception("Could not update the search index for page %s", page.pk)
