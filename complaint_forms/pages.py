"""The public pages of complaint handling: the report form (with its confirmation and
tracking routes) and the responsiveness ranking."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import path
from wagtail.fields import RichTextField, StreamField

from site_core.blocks import BaseStreamBlock
from site_core.localized_urls import LocalizedRoutesMixin
from site_core.models import BasePage

from .choices import Kind
from .ranking import office_hours_description, public_ranking
from .records import ComplaintSettings
from .views import confirmation_response, report_form_context, tracking_response


class ReportPage(LocalizedRoutesMixin, BasePage):
    """The standalone report form, with the confirmation and tracking pages as routes."""

    introduction = models.TextField(_("introduction"), max_length=600, blank=True)
    channel_guide = StreamField(
        BaseStreamBlock(),
        verbose_name=_("which channel? guide"),
        blank=True,
        help_text=_("What the city handles here and where emergencies and crimes go."),
    )
    privacy_notice = RichTextField(
        _("privacy notice"), features=["bold", "italic", "link", "ul"], blank=True
    )
    tracking_intro = models.TextField(_("tracking page introduction"), max_length=600, blank=True)

    content_panels = BasePage.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("channel_guide"),
        FieldPanel("privacy_notice"),
        FieldPanel("tracking_intro"),
    ]

    parent_page_types = ["site_core.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("report page")

    @path("")
    def form_view(self, request):
        context = self.get_context(request)
        context.update(report_form_context(request))
        if self.url:  # a new report page in the editor's preview has no address yet
            context["tracking_page_url"] = self.subpage_url("tracking")
        return self.render(request, context_overrides=context)

    @path(pgettext_lazy("URL", "ask/"), name="consultation")
    def consultation_view(self, request):
        """The form set to a consultation question: where search sends citizens whose
        question the knowledge base does not answer yet."""
        context = self.get_context(request)
        # Search sends the question it could not answer (?q=): the citizen need not retype it.
        question = request.GET.get("q", "").strip()[:150]
        context.update(report_form_context(request, kind=Kind.CONSULTATION, title=question))
        if self.url:  # a new report page in the editor's preview has no address yet
            context["tracking_page_url"] = self.subpage_url("tracking")
        context["page_heading"] = _("Ask a question")
        context["form_heading"] = _("Your question")
        return self.render(request, context_overrides=context)

    @path(pgettext_lazy("URL", "sent/<str:code>/"), name="confirmation")
    def confirmation_view(self, request, code):
        return confirmation_response(request, code, page=self)

    @path(pgettext_lazy("URL", "track/"), name="tracking")
    def tracking_view(self, request):
        return tracking_response(request, page=self)


class RankingPage(BasePage):
    """“Unit Kerja Teresponsif”: the public responsiveness ranking of work units."""

    introduction = models.TextField(_("introduction"), max_length=600, blank=True)
    method = RichTextField(
        _("how the ranking is made"),
        features=["bold", "italic", "link", "ul", "ol"],
        blank=True,
        help_text=_("Shown under the table; the figures and window are added automatically."),
    )

    content_panels = BasePage.content_panels + [FieldPanel("introduction"), FieldPanel("method")]

    parent_page_types = ["site_core.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("responsiveness ranking page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["office_hours"] = office_hours_description()
        # Apps on top add sections without this app knowing them (open_data: past winners).
        context["extra_sections"] = [
            html
            for section in hooks.get_hooks("ranking_page_sections")
            if (html := section(request))
        ]
        complaint_settings = ComplaintSettings.current(request)
        context["ranking"] = public_ranking(
            complaint_settings.ranking_window_days, complaint_settings.ranking_min_reports
        )
        context["complaint_settings"] = complaint_settings
        return context
