"""Outreach pages: the program index, programs and their events.

Capacity and registrations always belong to the event in the default language (the
"canonical" event), so the Indonesian and English pages share one set of seats.

Pages are the top of the app's model layer: their routes hand requests to the views in
`outreach.views`, which work on the records and never import the page classes.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import path, re_path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageManager
from wagtail.search import index

from complaint_forms.hosting import ReportFormHostMixin
from site_core.areas import KECAMATAN_CHOICES
from site_core.audiences import Audience
from site_core.localized_urls import LocalizedRoutesMixin, counterpart_value
from site_core.models import BasePage

from .. import views
from ..blocks import OutreachStreamBlock, ResourcesStreamBlock
from ..reach import cached_program_reach
from ..seats import registrations_by_status
from .ambassadors import AmbassadorApplication
from .choices import EventStatus, ProgramKind, RegistrationStatus
from .routing import (
    OutreachPageManager,
    OutreachPageQuerySet,
    SpecificChildRouteMixin,
    canonical_page,
)

EXIT_URL_DEFAULT = "https://www.google.com/search?q=cuaca"
TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link", "document-link"]


class ProgramIndexPage(SpecificChildRouteMixin, LocalizedRoutesMixin, BasePage):
    """The list of programs, with the events listing and the all-events calendar feed."""

    introduction = models.TextField(_("introduction"), max_length=600, blank=True)

    objects = OutreachPageManager()

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    search_fields = BasePage.search_fields + [index.SearchField("introduction")]

    parent_page_types = ["site_core.HomePage"]
    subpage_types = ["outreach.ProgramPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("program index page")

    @classmethod
    def child_page_model(cls):
        return ProgramPage

    def programs(self):
        return (
            ProgramPage.objects.child_of(self).live().public().defer_streamfields().order_by("path")
        )

    def events(self):
        """Every live, public event under this index (the listing filters it further)."""
        return EventPage.objects.live().public().descendant_of(self).select_related("locale")

    def counterpart_query(self, query, target):
        return counterpart_value(query, "program", ProgramPage, self, target)

    @path(pgettext_lazy("URL", "events/"), name="events")
    def events_view(self, request):
        return views.event_listing(request, self)

    @path(pgettext_lazy("URL", "verify/"), name="verify_certificate")
    def verify_view(self, request):
        return views.verify_certificate(request, self)


class ProgramPage(ReportFormHostMixin, SpecificChildRouteMixin, LocalizedRoutesMixin, BasePage):
    kind = models.CharField(_("program kind"), max_length=20, choices=ProgramKind.choices)
    introduction = models.TextField(_("introduction"), max_length=600)
    aims = RichTextField(_("aims"), features=TEXT_FEATURES, blank=True)
    audience_text = RichTextField(_("who it is for"), features=TEXT_FEATURES, blank=True)
    how_to_join = RichTextField(_("how to join"), features=TEXT_FEATURES, blank=True)
    body = StreamField(OutreachStreamBlock(), verbose_name=_("body"), blank=True)
    resources = StreamField(ResourcesStreamBlock(), verbose_name=_("resources"), blank=True)
    contact_name = models.CharField(_("contact name"), max_length=160, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    contact_whatsapp = models.CharField(_("contact WhatsApp"), max_length=40, blank=True)
    show_reach = models.BooleanField(_("show reach figures"), default=True)
    # Duta Lapor only.
    min_age = models.PositiveSmallIntegerField(
        _("minimum age"), null=True, blank=True, validators=[MaxValueValidator(99)]
    )
    max_age = models.PositiveSmallIntegerField(
        _("maximum age"), null=True, blank=True, validators=[MaxValueValidator(99)]
    )
    applications_open = models.DateTimeField(_("applications open"), null=True, blank=True)
    applications_close = models.DateTimeField(_("applications close"), null=True, blank=True)
    # Lapor Peduli Gender only.
    exit_url = models.URLField(
        _("exit button destination"),
        default=EXIT_URL_DEFAULT,
        help_text=_("A neutral site the exit button opens (gender campaign only)."),
    )

    objects = OutreachPageManager()

    content_panels = Page.content_panels + [
        FieldPanel("kind"),
        FieldPanel("introduction"),
        FieldPanel("aims"),
        FieldPanel("audience_text"),
        FieldPanel("how_to_join"),
        FieldPanel("body"),
        FieldPanel("resources"),
        MultiFieldPanel(
            [
                FieldPanel("contact_name"),
                FieldRowPanel([FieldPanel("contact_email"), FieldPanel("contact_phone")]),
                FieldPanel("contact_whatsapp"),
            ],
            heading=_("Contact"),
        ),
        FieldPanel("show_reach"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("min_age"), FieldPanel("max_age")]),
                FieldRowPanel([FieldPanel("applications_open"), FieldPanel("applications_close")]),
            ],
            heading=_("Ambassador applications (Duta Lapor)"),
        ),
        FieldPanel("exit_url"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("aims"),
        index.SearchField("how_to_join"),
        index.SearchField("body"),
        index.FilterField("kind"),
    ]

    parent_page_types = ["outreach.ProgramIndexPage"]
    subpage_types = ["outreach.EventPage"]

    class Meta:
        verbose_name = _("program page")

    def clean(self):
        super().clean()
        if self.min_age and self.max_age and self.min_age > self.max_age:
            raise ValidationError({"max_age": _("The maximum age is below the minimum age.")})
        if (
            self.applications_open
            and self.applications_close
            and self.applications_open >= self.applications_close
        ):
            raise ValidationError(
                {"applications_close": _("Applications must close after they open.")}
            )

    @classmethod
    def child_page_model(cls):
        return EventPage

    @property
    def has_exit_button(self):
        return self.kind == ProgramKind.GENDER

    def canonical(self):
        return canonical_page(self)

    def applications_are_open(self, now=None):
        if self.kind != ProgramKind.AMBASSADOR:
            return False
        now = now or timezone.now()
        source = self.canonical()
        if source.applications_open and now < source.applications_open:
            return False
        if source.applications_close and now > source.applications_close:
            return False
        return True

    def upcoming_events(self):
        return EventPage.objects.upcoming().child_of(self)

    def next_events(self):
        """The first upcoming events, for the page's list (asked by the template only when
        its cached copy is stale)."""
        return self.upcoming_events().defer_streamfields()[:6]

    def assisted_reporting_url(self):
        return self.subpage_url("assisted_reporting")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        source = self.canonical()
        if source.pk is None:  # a new program in the editor's preview has no records yet
            return context
        if self.show_reach:
            context["reach"] = cached_program_reach(source)
        if self.kind == ProgramKind.AMBASSADOR:
            context["ambassadors"] = AmbassadorApplication.public_profiles(source)
        return context

    @path(pgettext_lazy("URL", "request-session/"), name="school_request")
    def school_request_view(self, request):
        return views.school_request(request, program=self)

    @path(pgettext_lazy("URL", "apply/"), name="ambassador_apply")
    def ambassador_apply_view(self, request):
        return views.ambassador_apply(request, program=self)

    @path(pgettext_lazy("URL", "assisted-reporting/"), name="assisted_reporting")
    def assisted_reporting_view(self, request):
        return views.assisted_reporting(request, program=self)

    @re_path(pgettext_lazy("URL", r"^thanks/(?P<what>[a-z-]+)/$"), name="thanks")
    def thanks_view(self, request, what):
        return views.program_thanks(request, self, what)


class EventPageQuerySet(OutreachPageQuerySet):
    def upcoming(self):
        return (
            self.live()
            .public()
            .filter(end__gte=timezone.now())
            .exclude(status=EventStatus.HELD)
            .order_by("start")
        )

    def past(self):
        return self.live().public().filter(end__lt=timezone.now()).order_by("-start")


EventPageManager = PageManager.from_queryset(EventPageQuerySet)


class EventPage(LocalizedRoutesMixin, BasePage):
    start = models.DateTimeField(_("starts"))
    end = models.DateTimeField(_("ends"))
    description = models.TextField(_("description"), max_length=1000)
    venue = models.CharField(_("venue"), max_length=250, blank=True)
    kecamatan = models.CharField(
        _("kecamatan"), max_length=40, choices=KECAMATAN_CHOICES, blank=True
    )
    online_url = models.URLField(_("online link"), blank=True)
    audience = models.CharField(
        _("audience"), max_length=20, choices=Audience.choices, default=Audience.EVERYONE
    )
    capacity = models.PositiveIntegerField(
        _("capacity"), default=50, validators=[MinValueValidator(1)]
    )
    registration_opens = models.DateTimeField(_("registration opens"), null=True, blank=True)
    registration_closes = models.DateTimeField(_("registration closes"), null=True, blank=True)
    wheelchair_access = models.BooleanField(_("wheelchair access"), default=False)
    sign_language_interpreter = models.BooleanField(_("sign-language interpreter"), default=False)
    easy_read_materials = models.BooleanField(_("easy-read materials"), default=False)
    accessibility_notes = models.TextField(_("other accessibility information"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=EventStatus.choices, default=EventStatus.SCHEDULED
    )
    attendance_count = models.PositiveIntegerField(
        _("attendance (people)"),
        null=True,
        blank=True,
        help_text=_("Leave empty to count people checked in."),
    )
    body = StreamField(OutreachStreamBlock(), verbose_name=_("body"), blank=True)

    objects = EventPageManager()

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldPanel("venue"),
                FieldPanel("kecamatan"),
                FieldPanel("online_url"),
            ],
            heading=_("Where"),
        ),
        FieldRowPanel([FieldPanel("audience"), FieldPanel("capacity")]),
        FieldRowPanel([FieldPanel("registration_opens"), FieldPanel("registration_closes")]),
        MultiFieldPanel(
            [
                FieldPanel("wheelchair_access"),
                FieldPanel("sign_language_interpreter"),
                FieldPanel("easy_read_materials"),
                FieldPanel("accessibility_notes"),
            ],
            heading=_("Accessibility"),
        ),
        FieldRowPanel([FieldPanel("status"), FieldPanel("attendance_count")]),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("description"),
        index.SearchField("venue"),
        index.FilterField("start"),
        index.FilterField("status"),
        index.FilterField("kecamatan"),
        index.FilterField("audience"),
    ]

    parent_page_types = ["outreach.ProgramPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("event page")

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("The event must end after it starts.")})
        if not self.venue and not self.online_url:
            raise ValidationError({"venue": _("Give a venue or an online link.")})
        if (
            self.registration_opens
            and self.registration_closes
            and self.registration_opens >= self.registration_closes
        ):
            raise ValidationError(
                {"registration_closes": _("Registration must close after it opens.")}
            )

    def canonical(self):
        return canonical_page(self)

    def registration_state(self, now=None):
        """Why registration is or is not possible: "open", "not_yet", "closed", "cancelled"."""
        now = now or timezone.now()
        if self.status in (EventStatus.CANCELLED, EventStatus.HELD) or now > self.end:
            return "cancelled" if self.status == EventStatus.CANCELLED else "closed"
        if self.registration_opens and now < self.registration_opens:
            return "not_yet"
        if self.registration_closes and now > self.registration_closes:
            return "closed"
        return "open"

    def seat_counts(self):
        source = self.canonical()
        counts = registrations_by_status(source.pk)
        confirmed = counts.get(RegistrationStatus.CONFIRMED, 0)
        return {
            "capacity": source.capacity,
            "confirmed": confirmed,
            "waitlisted": counts.get(RegistrationStatus.WAITLISTED, 0),
            "remaining": max(source.capacity - confirmed, 0),
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        source = self.canonical()  # looked up once: seat_counts() reuses it
        context["seats"] = self.seat_counts()
        context["registration_state"] = source.registration_state()
        context["program"] = self.get_parent()
        return context

    def assisted_reporting_url(self):
        return self.get_parent().specific.assisted_reporting_url()

    @path(pgettext_lazy("URL", "register/"), name="register")
    def register_view(self, request):
        return views.event_register(request, self)
