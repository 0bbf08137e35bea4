"""The site's own pages (snippets and site settings are in `site_settings.py`).

Pages share one slim abstract base (`BasePage`) assembled from small mixins, so a page
type takes only what it needs.
"""

from django.core.exceptions import ValidationError
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
)
from wagtail.fields import StreamField
from wagtail.models import (
    Page,
)
from wagtail.search import index

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase

from .audit import PrivateLogEntry  # noqa: F401 (a model: Django finds it here)
from .blocks import BaseStreamBlock, HomeLinkBlock
from .public_pages import PublicPageManager, PublicPageQuerySet
from .routing import OneQueryChildRouteMixin, OneQueryViewRestrictionsMixin
from .site_settings import (  # noqa: F401 (models: Django finds them here)
    ContactSettings,
    FooterNavigationLink,
    FooterText,
    MainNavigationLink,
    NavigationSettings,
)

NEWS_PER_PAGE = 10


def validate_image_alt(image, alt_text, field="alt"):
    """An image shown to citizens must be described for screen-reader users."""
    if image and not (alt_text or "").strip():
        raise ValidationError(
            {field: _("Describe the image (alternative text) for screen readers.")}
        )


class SocialMetadataMixin(models.Model):
    """What link previews (OpenGraph) show when a page is shared."""

    social_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("social sharing image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    promote_panels = [FieldPanel("social_image")]

    class Meta:
        abstract = True


class ListingMixin(models.Model):
    """How a page appears in listings and cards, when it differs from the page itself."""

    listing_summary = models.CharField(
        _("listing summary"),
        max_length=300,
        blank=True,
        help_text=_("One or two sentences shown in lists and search results."),
    )

    promote_panels = [FieldPanel("listing_summary")]

    class Meta:
        abstract = True


class BasePage(
    SocialMetadataMixin,
    ListingMixin,
    OneQueryChildRouteMixin,
    OneQueryViewRestrictionsMixin,
    Page,
):
    """The slim base of every public page: SEO and listing fields, one-query routing."""

    promote_panels = [
        MultiFieldPanel(Page.promote_panels, heading=_("Common page configuration")),
        MultiFieldPanel(
            SocialMetadataMixin.promote_panels + ListingMixin.promote_panels,
            heading=_("Sharing and listings"),
        ),
    ]
    search_fields = Page.search_fields + [index.SearchField("listing_summary")]

    class Meta:
        abstract = True

    # Where an editor wrote no search description, the page's own opening text stands in
    # (search engines and link previews otherwise show whatever they pick).
    DESCRIPTION_FALLBACKS = ("hero_text", "introduction", "short_answer", "description")

    @property
    def meta_description(self):
        text = self.search_description or self.listing_summary
        for name in self.DESCRIPTION_FALLBACKS:
            if text:
                break
            text = strip_tags(str(getattr(self, name, "") or ""))
        return Truncator(" ".join(text.split())).chars(200)

    def get_page_context_summary(self):
        return self.listing_summary or self.search_description


class HomePage(BasePage):
    hero_heading = models.CharField(_("hero heading"), max_length=120)
    hero_text = models.TextField(_("hero text"), max_length=400, blank=True)
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_image_alt = models.CharField(
        _("hero image alternative text"),
        max_length=250,
        blank=True,
        help_text=_("Required when there is an image: describe it for screen readers."),
    )
    call_to_action_links = StreamField(
        [("link", HomeLinkBlock())],
        verbose_name=_("call-to-action links"),
        blank=True,
        max_num=4,
        help_text=_("The main things citizens come to do: report, search, join a program."),
    )
    featured_pages = StreamField(
        [("page", blocks.PageChooserBlock(label=_("Page")))],
        verbose_name=_("featured pages"),
        blank=True,
        max_num=6,
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("hero_heading"),
                FieldPanel("hero_text"),
                FieldRowPanel([FieldPanel("hero_image"), FieldPanel("hero_image_alt")]),
            ],
            heading=_("Hero"),
        ),
        FieldPanel("call_to_action_links"),
        FieldPanel("featured_pages"),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("hero_heading"),
        index.SearchField("hero_text"),
        index.SearchField("body"),
    ]

    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("home page")

    def clean(self):
        super().clean()
        validate_image_alt(self.hero_image, self.hero_image_alt, "hero_image_alt")

    def latest_news(self, count=3):
        return (
            NewsArticlePage.objects.live()
            .public()
            .filter(locale_id=self.locale_id)
            .defer_streamfields()
            .select_related("lead_image")
            .order_by("-date", "-pk")[:count]
        )

    def featured(self):
        """The featured pages that are live and public, in the editor's order."""
        featured_ids = [block.value.pk for block in self.featured_pages if block.value]
        featured = (
            PublicPageQuerySet(Page)
            .live()
            .public()
            .filter(pk__in=featured_ids)
            .defer_streamfields()
            .specific()
        )
        by_id = {page.pk: page for page in featured}
        return [by_id[pk] for pk in featured_ids if pk in by_id]


class InformationPage(BasePage):
    """The general page: guidance, procedures, statements."""

    introduction = models.TextField(_("introduction"), max_length=600, blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"))
    last_reviewed = models.DateField(_("last reviewed"), null=True, blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("body"),
        FieldPanel("last_reviewed"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]

    parent_page_types = ["site_core.HomePage", "site_core.InformationPage"]
    subpage_types = ["site_core.InformationPage"]

    class Meta:
        verbose_name = _("information page")

    def get_page_context_summary(self):
        return super().get_page_context_summary() or self.introduction


class NewsIndexPage(BasePage):
    introduction = models.TextField(_("introduction"), max_length=600, blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction")]

    parent_page_types = ["site_core.HomePage"]
    subpage_types = ["site_core.NewsArticlePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("news index page")

    def articles(self):
        return (
            NewsArticlePage.objects.child_of(self)
            .live()
            .public()
            .defer_streamfields()
            .select_related("lead_image")
            .order_by("-date", "-pk")
        )

    def counterpart_query(self, query, target):
        """Tags belong to one language's articles: keep the filter only where the other
        language's news uses the same tag."""
        query = query.copy()
        tag = query.get("tag")
        if tag and not NewsArticleTag.tags_for_index(target).filter(slug=tag).exists():
            query.pop("tag")
        return query

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        articles = self.articles()
        tag = request.GET.get("tag", "").strip()[:100]
        if tag:
            articles = articles.filter(tags__slug=tag)
        paginator = Paginator(articles, NEWS_PER_PAGE)
        try:
            page_obj = paginator.page(request.GET.get("page", 1))
        except PageNotAnInteger:
            page_obj = paginator.page(1)
        except EmptyPage:
            page_obj = paginator.page(paginator.num_pages)
        context.update(
            articles=page_obj,
            paginator=paginator,
            current_tag=tag,
            tags=NewsArticleTag.tags_for_index(self),
            # The listing is cached per tag and page number, only for tags that have news
            # (any text can be typed as a tag: those variants are rendered, not kept).
            listing_key=f"{tag}:{page_obj.number}" if paginator.count else None,
        )
        return context


class NewsArticleTag(TaggedItemBase):
    content_object = ParentalKey(
        "site_core.NewsArticlePage", related_name="tagged_items", on_delete=models.CASCADE
    )

    @classmethod
    def tags_for_index(cls, index_page):
        from taggit.models import Tag

        return (
            Tag.objects.filter(
                site_core_newsarticletag_items__content_object__path__startswith=index_page.path,
                site_core_newsarticletag_items__content_object__live=True,
            )
            .distinct()
            .order_by("name")
        )


class NewsArticlePage(BasePage):
    date = models.DateField(_("date"), default=timezone.localdate)
    lead_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("lead image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    lead_image_alt = models.CharField(_("lead image alternative text"), max_length=250, blank=True)
    summary = models.TextField(_("summary"), max_length=400)
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"))
    tags = ClusterTaggableManager(through=NewsArticleTag, blank=True, verbose_name=_("tags"))
    source_name = models.CharField(_("source"), max_length=200, blank=True)
    source_url = models.URLField(_("source URL"), blank=True)

    objects = PublicPageManager()  # public() in the listing's own query
    route_select_related = ("lead_image",)

    content_panels = Page.content_panels + [
        FieldPanel("date"),
        FieldPanel("summary"),
        FieldRowPanel([FieldPanel("lead_image"), FieldPanel("lead_image_alt")]),
        FieldPanel("body"),
        FieldPanel("tags"),
        FieldRowPanel([FieldPanel("source_name"), FieldPanel("source_url")]),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.FilterField("date"),
    ]

    parent_page_types = ["site_core.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("news article")

    def clean(self):
        super().clean()
        validate_image_alt(self.lead_image, self.lead_image_alt, "lead_image_alt")

    def get_page_context_summary(self):
        return super().get_page_context_summary() or self.summary


class WorkUnit(models.Model):
    """A city work unit (OPD). Shared reference data: complaints are assigned to units,
    knowledge-base answers name the unit responsible, open data reports figures per unit."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    short_name = models.CharField(_("short name"), max_length=40, unique=True)
    email = models.EmailField(
        _("email"), blank=True, help_text=_("Where assignment and deadline mail is sent.")
    )
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("short_name"),
        FieldRowPanel([FieldPanel("email"), FieldPanel("phone")]),
        FieldPanel("is_active"),
    ]

    class Meta:
        ordering = ["short_name"]
        verbose_name = _("work unit")
        verbose_name_plural = _("work units")

    def __str__(self):
        return f"{self.short_name} - {self.name}"


class OutgoingMail(models.Model):
    """A message the mail server did not take: kept, retried with backoff (site_core.mail),
    deleted once sent. What finally failed waits here for staff to re-send."""

    class Status(models.TextChoices):
        RETRYING = "retrying", _("Retrying")
        FAILED = "failed", _("Failed")

    subject = models.CharField(_("subject"), max_length=255)
    body = models.TextField(_("body"))
    html_body = models.TextField(blank=True)
    from_email = models.CharField(max_length=254, blank=True)
    recipients = models.JSONField(_("recipients"), default=list)
    reply_to = models.JSONField(default=list, blank=True)
    # [{"filename", "content" (base64), "mimetype"}]: a kept message is sent whole later.
    attachments = models.JSONField(default=list, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.RETRYING, db_index=True
    )
    attempts = models.PositiveIntegerField(_("attempts"), default=1)
    last_error = models.CharField(_("last error"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("first tried"), auto_now_add=True)
    next_attempt_at = models.DateTimeField(_("next attempt"))
    give_up_at = models.DateTimeField(_("retried until"))

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("undelivered mail")
        verbose_name_plural = _("undelivered mail")
        permissions = [("resend_outgoingmail", _("Can see and re-send undelivered mail"))]

    def __str__(self):
        return self.subject
