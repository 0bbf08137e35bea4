"""What the whole site shares besides its pages: the footer's words (a translatable
snippet), contact details and navigation (site settings). Kept apart from the page types in
`models.py`, which imports them so Django finds them there."""

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import (
    FieldPanel,
    InlinePanel,
    ObjectList,
    PageChooserPanel,
    TabbedInterface,
)
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import (
    DraftStateMixin,
    Orderable,
    PreviewableMixin,
    RevisionMixin,
    TranslatableMixin,
)

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel


class FooterText(TranslatableMixin, DraftStateMixin, RevisionMixin, PreviewableMixin, models.Model):
    """The footer's words, one per language, edited as a snippet and translated with
    wagtail-localize: whatever is written in words (the organisation's name, opening hours)
    lives here; numbers and addresses that read the same in every language stay in
    `ContactSettings`."""

    organisation = models.CharField(
        _("organisation"),
        max_length=200,
        blank=True,
        help_text=_("Shown above the contact details, e.g. Pemerintah Kota Banjarbaru."),
    )
    opening_hours = models.CharField(
        _("opening hours"),
        max_length=160,
        blank=True,
        help_text=_("For example Senin-Jumat 08.00-16.00 WITA."),
    )
    body = RichTextField(_("footer text"), features=["bold", "italic", "link"], blank=True)
    revisions = GenericRelation("wagtailcore.Revision", related_query_name="footertext")

    panels = [FieldPanel("organisation"), FieldPanel("opening_hours"), FieldPanel("body")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("footer text")
        verbose_name_plural = _("footer texts")

    def __str__(self):
        return str(_("Footer text ({locale})")).format(locale=self.locale)

    def get_preview_template(self, request, mode_name):
        return "site_core/previews/footer_text.html"


@register_setting(icon="mail")
class ContactSettings(BaseSiteSetting):
    """Contact details and social links shown in the header, footer and contact pages."""

    phone = models.CharField(_("phone"), max_length=40, blank=True)
    whatsapp = models.CharField(_("WhatsApp"), max_length=40, blank=True)
    sms = models.CharField(_("SMS"), max_length=40, blank=True)
    email = models.EmailField(_("email"), blank=True)
    address = models.TextField(_("address"), max_length=400, blank=True)
    instagram_url = models.URLField(_("Instagram"), blank=True)
    facebook_url = models.URLField(_("Facebook"), blank=True)
    x_url = models.URLField(_("X (Twitter)"), blank=True)
    youtube_url = models.URLField(_("YouTube"), blank=True)
    tiktok_url = models.URLField(_("TikTok"), blank=True)

    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldPanel("phone"),
                    FieldPanel("whatsapp"),
                    FieldPanel("sms"),
                    FieldPanel("email"),
                    FieldPanel("address"),
                ],
                heading=_("Contact"),
            ),
            ObjectList(
                [
                    FieldPanel("instagram_url"),
                    FieldPanel("facebook_url"),
                    FieldPanel("x_url"),
                    FieldPanel("youtube_url"),
                    FieldPanel("tiktok_url"),
                ],
                heading=_("Social media"),
            ),
        ]
    )

    class Meta:
        verbose_name = _("contact and social media")

    def social_links(self):
        links = [
            ("Instagram", self.instagram_url),
            ("Facebook", self.facebook_url),
            ("X", self.x_url),
            ("YouTube", self.youtube_url),
            ("TikTok", self.tiktok_url),
        ]
        return [(name, url) for name, url in links if url]


@register_setting(icon="list-ul")
class NavigationSettings(ClusterableModel, BaseSiteSetting):
    """Main menu and footer links. Links point at pages, so each language shows its own
    translation of the page (title and URL) without a second menu."""

    panels = [
        InlinePanel("main_links", label=_("Main menu"), max_num=8),
        InlinePanel("footer_links", label=_("Footer links"), max_num=12),
    ]

    class Meta:
        verbose_name = _("navigation")


class NavigationLink(Orderable):
    page = models.ForeignKey("wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE)

    panels = [PageChooserPanel("page")]

    class Meta(Orderable.Meta):
        abstract = True


class MainNavigationLink(NavigationLink):
    setting = ParentalKey(NavigationSettings, related_name="main_links", on_delete=models.CASCADE)


class FooterNavigationLink(NavigationLink):
    setting = ParentalKey(NavigationSettings, related_name="footer_links", on_delete=models.CASCADE)
