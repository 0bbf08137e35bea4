"""The knowledge base (answers as pages), the synonym list, and what citizens tell us.

Answers are pages so editors, translations (wagtail-localize), search promotions and
revisions work as for every other page. Search itself lives in `search.services`.
"""

from urllib.parse import urlencode

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.utils import translation
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, Site, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase

from site_core import frame
from site_core.audiences import Audience
from site_core.localized_urls import counterpart_value
from site_core.models import BasePage
from site_core.public_pages import PublicPageManager

from .blocks import AnswerStreamBlock
from .fields import ANSWER_FIELD_WEIGHTS
from .forms import AnswerFeedbackForm
from .text import plain_words

ANSWERS_PER_PAGE = 20


class AnswerCategory(TranslatableMixin, index.Indexed, models.Model):
    """A topic of the knowledge base (kependudukan, perizinan ...); translated per locale."""

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=80)
    description = models.TextField(_("description"), blank=True, max_length=400)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name = _("answer category")
        verbose_name_plural = _("answer categories")
        constraints = [
            models.UniqueConstraint(fields=["locale", "slug"], name="search_category_slug_locale")
        ]

    def __str__(self):
        return self.name


class KnowledgeBaseIndexPage(BasePage):
    """The knowledge base home: categories and answers, filtered by category."""

    introduction = models.TextField(_("introduction"), max_length=600, blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    search_fields = BasePage.search_fields + [index.SearchField("introduction")]

    parent_page_types = ["site_core.HomePage"]
    subpage_types = ["search.AnswerPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("knowledge base index page")

    def answers(self):
        return (
            AnswerPage.objects.child_of(self)
            .live()
            .public()
            .select_related("category")
            .order_by("title")
        )

    def categories(self):
        return AnswerCategory.objects.filter(locale_id=self.locale_id).order_by("name")

    def counterpart_query(self, query, target):
        """The language switch keeps the category filter (its slug differs per language)."""
        return counterpart_value(query, "category", AnswerCategory, self, target, field="slug")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        listing = self._listing(request)
        selected = next(
            (c for c in listing["categories"] if c.slug == request.GET.get("category")), None
        )
        rows = listing["answers"].get(selected.pk if selected else None, [])
        paginator = Paginator(rows, ANSWERS_PER_PAGE)
        try:
            page_obj = paginator.page(request.GET.get("page", 1))
        except (EmptyPage, PageNotAnInteger):
            page_obj = paginator.page(1)
        context.update(
            categories=listing["categories"], selected_category=selected, answers=page_obj
        )
        context["only_in_source"] = listing["only_in_source"].get(selected.pk if selected else None)
        return context

    def _listing(self, request):
        """Categories, the answers (title, URL, short answer) in each and how many answers
        wait for a translation, cached with the site frame: answers change only when pages
        are published, unpublished, moved or deleted, and categories' changes drop the
        frame's cache too (search.signals). One build serves every filter and page number."""

        def build(_locale):
            categories = list(self.categories())
            answers = {None: []}
            for answer in self.answers():
                row = {
                    "title": answer.title,
                    "url": answer.get_url(request),
                    "short_answer": Truncator(answer.short_answer).chars(200),
                }
                answers[None].append(row)
                answers.setdefault(answer.category_id, []).append(row)
            only_in_source = {
                category.pk if category else None: self.answers_only_in_source_language(category)
                for category in [None, *categories]
            }
            return {"categories": categories, "answers": answers, "only_in_source": only_in_source}

        if not self.pk:  # a new index in the editor's preview
            return build(None)
        return frame.cached(f"kb-index-{self.pk}", Site.find_for_request(request), build)

    def answers_only_in_source_language(self, category=None):
        """On a translated index: how many answers exist only in the default language, and
        where to read them (that language's index, same category). None on the source."""
        if translation.get_language() == settings.LANGUAGE_CODE:
            return None  # served in the default language: nothing is missing
        source = (  # with its locale, in one query
            KnowledgeBaseIndexPage.objects.filter(
                translation_key=self.translation_key,
                locale__language_code=settings.LANGUAGE_CODE,
            )
            .select_related("locale")
            .first()
        )
        if source is None:
            return None
        translated = AnswerPage.objects.live().filter(locale_id=self.locale_id)
        answers = AnswerPage.objects.child_of(source).live().public()
        answers = answers.exclude(translation_key__in=translated.values("translation_key"))
        url = source.url
        if category is not None:
            source_category = category.get_translation_or_none(source.locale_id)
            if source_category is None:
                return None
            answers = answers.filter(category=source_category)
            url = f"{url}?{urlencode({'category': source_category.slug})}"
        count = answers.count()
        if not count:
            return None
        return {"count": count, "url": url, "language": source.locale.language_code}


class AnswerPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "search.AnswerPage", related_name="tagged_items", on_delete=models.CASCADE
    )


class AnswerPage(BasePage):
    """One question citizens ask, answered: the question is the page title."""

    short_answer = models.TextField(
        _("short answer"),
        max_length=600,
        help_text=_("One or two sentences; shown in search results and listings."),
    )
    body = StreamField(AnswerStreamBlock(), verbose_name=_("full answer"), blank=True)
    category = models.ForeignKey(
        AnswerCategory,
        verbose_name=_("category"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="answers",
    )
    unit = models.ForeignKey(
        "site_core.WorkUnit",
        verbose_name=_("responsible work unit"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="answers",
    )
    tags = ClusterTaggableManager(through=AnswerPageTag, blank=True)
    last_reviewed = models.DateField(_("last reviewed"), null=True, blank=True)
    audience = models.CharField(
        _("audience"), max_length=20, choices=Audience.choices, default=Audience.EVERYONE
    )
    source_id = models.CharField(
        _("source id"),
        max_length=40,
        blank=True,
        db_index=True,
        help_text=_("Identifier of the imported answer (kb-001); other channels refer to it."),
    )
    show_exit_button = models.BooleanField(
        _("exit button"),
        default=False,
        help_text=_(
            "For answers about violence or abuse: a button at the top that leaves this site "
            "quickly, for a reader whose phone someone else may see."
        ),
    )

    objects = PublicPageManager()  # public() in the listing's own query
    route_select_related = ("category", "unit")

    content_panels = Page.content_panels + [
        FieldPanel("short_answer"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("category"),
                FieldPanel("unit"),
                FieldPanel("audience"),
                FieldPanel("tags"),
                FieldPanel("last_reviewed"),
                FieldPanel("show_exit_button"),
            ],
            heading=_("About this answer"),
        ),
        InlinePanel("related_answers", label=_("Related answers")),
    ]
    settings_panels = Page.settings_panels + [FieldPanel("source_id")]

    @property
    def has_exit_button(self):
        """Asked by the editors, and always on the help answer that search shows first for
        a query about violence or danger."""
        return self.show_exit_button or (
            bool(self.source_id) and self.source_id == settings.SEARCH_HELP_ANSWER_SOURCE_ID
        )

    # Weights come from `search.fields`, the one definition every backend reads (the later
    # "title" entry replaces Page's own: modelsearch keeps the last field of a name).
    search_fields = BasePage.search_fields + [
        index.SearchField("title", boost=ANSWER_FIELD_WEIGHTS["title"]),
        index.SearchField("short_answer", boost=ANSWER_FIELD_WEIGHTS["short_answer"]),
        index.SearchField("body", boost=ANSWER_FIELD_WEIGHTS["body"]),
        index.SearchField("source_id"),
        index.AutocompleteField("title"),
        index.RelatedFields(
            "tags", [index.SearchField("name", boost=ANSWER_FIELD_WEIGHTS["tags"])]
        ),
        index.RelatedFields(
            "category", [index.SearchField("name", boost=ANSWER_FIELD_WEIGHTS["category"])]
        ),
        index.FilterField("category"),
        index.FilterField("audience"),
        index.FilterField("source_id"),
    ]
    override_translatable_fields = [
        SynchronizedField("source_id"),
        SynchronizedField("unit"),
        SynchronizedField("audience"),
        SynchronizedField("last_reviewed"),
    ]

    parent_page_types = ["search.KnowledgeBaseIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("answer page")

    def clean(self):
        super().clean()
        # Page.locale lives on another table, so uniqueness per locale is checked here.
        if self.source_id:
            clash = (
                AnswerPage.objects.filter(source_id=self.source_id, locale_id=self.locale_id)
                .exclude(pk=self.pk)
                .exists()
            )
            if clash:
                raise ValidationError(
                    {"source_id": _("Another answer in this language has this source id.")}
                )

    def get_page_context_summary(self):
        return super().get_page_context_summary() or self.short_answer

    def short_answer_opens_body(self):
        """True when the full answer begins with the short answer word for word (imported
        answers do): the page then shows it once, not twice above the steps."""
        if not self.body or not self.short_answer:
            return False
        first = self.body[0].value
        opening = plain_words(str(getattr(first, "source", first)))
        summary = plain_words(self.short_answer.removesuffix("…"))
        return bool(summary) and opening.startswith(summary)

    def chosen_related(self):
        """[{title, url}] of the answers editors chose, live ones only."""
        links = self.related_answers.select_related("page").all()
        return [
            {"title": link.page.title, "url": link.page.url}
            for link in links
            if link.page and link.page.live
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["feedback_form"] = AnswerFeedbackForm()
        context["feedback_sent"] = request.GET.get("feedback") == "thanks"
        context["exit_url"] = settings.EXIT_THIS_PAGE_URL
        return context


class RelatedAnswer(Orderable):
    source = ParentalKey(AnswerPage, related_name="related_answers", on_delete=models.CASCADE)
    page = models.ForeignKey(
        AnswerPage,
        verbose_name=_("answer"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [PageChooserPanel("page", "search.AnswerPage")]

    class Meta(Orderable.Meta):
        verbose_name = _("related answer")


class Synonym(models.Model):
    """Words people use for the same thing; search treats them as one (editable by staff)."""

    terms = models.TextField(
        _("terms"),
        help_text=_(
            "Comma-separated words or phrases that mean the same, e.g. "
            "'ktp, e-ktp, kartu tanda penduduk'. Abbreviations belong here too."
        ),
    )
    language_code = models.CharField(
        _("language"),
        max_length=10,
        blank=True,
        help_text=_("Leave empty to use in every language."),
    )
    is_active = models.BooleanField(_("active"), default=True)

    panels = [FieldPanel("terms"), FieldPanel("language_code"), FieldPanel("is_active")]

    class Meta:
        ordering = ["terms"]
        verbose_name = _("synonym")
        verbose_name_plural = _("synonyms")

    def __str__(self):
        return self.terms

    def clean(self):
        from django.conf import settings

        codes = [code for code, _name in settings.LANGUAGES]
        if self.language_code and self.language_code not in codes:
            raise ValidationError(
                {"language_code": _("Use one of: %(codes)s.") % {"codes": ", ".join(codes)}}
            )
        if len(self.term_list()) < 2:
            raise ValidationError({"terms": _("Give at least two words separated by commas.")})

    def term_list(self):
        return [t.strip().lower() for t in self.terms.split(",") if t.strip()]


class AnswerFeedback(models.Model):
    """A citizen's "Was this helpful?": no login, no identity stored."""

    page = models.ForeignKey(AnswerPage, on_delete=models.CASCADE, related_name="feedback")
    helpful = models.BooleanField(_("helpful"))
    comment = models.TextField(_("comment"), blank=True, max_length=500)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("answer feedback")
        verbose_name_plural = _("answer feedback")

    def __str__(self):
        return f"{self.page_id}: {'+' if self.helpful else '-'}"


class ZeroResultQuery(models.Model):
    """A query that found nothing: the editors' to-do list of missing answers."""

    query_text = models.CharField(_("query"), max_length=255)
    language_code = models.CharField(_("language"), max_length=10)
    hits = models.PositiveIntegerField(_("times searched"), default=0)
    first_seen = models.DateTimeField(_("first searched"), auto_now_add=True)
    last_seen = models.DateTimeField(_("last searched"), auto_now=True, db_index=True)

    class Meta:
        ordering = ["-hits", "-last_seen"]
        verbose_name = _("query without results")
        verbose_name_plural = _("queries without results")
        constraints = [
            models.UniqueConstraint(
                fields=["query_text", "language_code"], name="search_zero_result_unique"
            )
        ]

    def __str__(self):
        return self.query_text


class LearnedQuery(models.Model):
    """Words citizens used before opening an answer from the search results.

    Once enough searches agree (SEARCH_LEARN_MIN_CLICKS), the answer is indexed with these
    words too (`search.learning`): paraphrases the editors never wrote. Redacted
    (`search.privacy`) and purged after SEARCH_QUERY_LOG_DAYS like every search log.
    """

    page = models.ForeignKey(AnswerPage, on_delete=models.CASCADE, related_name="learned_queries")
    query_text = models.CharField(_("query"), max_length=255)
    clicks = models.PositiveIntegerField(_("clicks from search"), default=0)
    last_seen = models.DateTimeField(_("last used"), auto_now=True, db_index=True)

    class Meta:
        ordering = ["-clicks"]
        verbose_name = _("learned query")
        verbose_name_plural = _("learned queries")
        constraints = [
            models.UniqueConstraint(fields=["page", "query_text"], name="search_learned_unique")
        ]

    def __str__(self):
        return self.query_text


class ConsultationAnswer(models.Model):
    """A knowledge-base answer that staff gave a citizen's consultation question.

    Staff pick the answers when they answer a consultation (complaint_forms, through
    `search.consultation`). The question's words, redacted and without names, numbers or
    stop words, teach search the citizens' wording for the answer (`search.learning`) once
    enough consultations share a word. The consultation is named by its id only: search
    does not depend on the complaint app's models.
    """

    consultation_id = models.PositiveBigIntegerField(_("consultation"), db_index=True)
    page = models.ForeignKey(
        AnswerPage, on_delete=models.CASCADE, related_name="consultation_answers"
    )
    question_words = models.TextField(_("words of the question"), blank=True)
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("answer given to a consultation")
        verbose_name_plural = _("answers given to consultations")
        constraints = [
            models.UniqueConstraint(
                fields=["consultation_id", "page"], name="search_consultation_answer_unique"
            )
        ]

    def __str__(self):
        return f"{self.consultation_id} → {self.page_id}"


class AnswerVector(models.Model):
    """The embedding model's vector of an answer's text (`search.semantic`), by the text's
    digest: an unchanged republish, or one text in two answers, is embedded once."""

    model = models.CharField(_("model"), max_length=64)
    digest = models.CharField(_("text digest"), max_length=64)
    vector = models.BinaryField(_("vector"))

    class Meta:
        verbose_name = _("answer vector")
        verbose_name_plural = _("answer vectors")
        constraints = [
            models.UniqueConstraint(fields=["model", "digest"], name="search_answer_vector_unique")
        ]

    def __str__(self):
        return f"{self.model} {self.digest[:12]}"
