"""Outreach programs, their events, and what people send us: registrations, school
session requests, ambassador applications and assisted-reporting requests.

Capacity and registrations always belong to the event in the default language (the
"canonical" event), so the Indonesian and English pages share one set of seats.
"""

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Exists, F, OuterRef, Q
from django.db.models.lookups import StartsWith
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import path, re_path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, Page, PageManager, PageViewRestriction
from wagtail.query import PageQuerySet
from wagtail.search import index

from complaint_forms.hosting import ReportFormHostMixin
from site_core.areas import KECAMATAN_CHOICES
from site_core.localized_urls import LocalizedRoutesMixin, counterpart_value
from site_core.models import BasePage

from .blocks import OutreachStreamBlock, ResourcesStreamBlock

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud at the door
EXIT_URL_DEFAULT = "https://www.google.com/search?q=cuaca"
TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link", "document-link"]


def random_code(length=8):
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(length))


def default_locale_id():
    return Locale.objects.get(language_code=settings.LANGUAGE_CODE).pk


class ProgramKind(models.TextChoices):
    SCHOOL = "school", _("Lapor Goes To School")
    AMBASSADOR = "ambassador", _("Duta Lapor (ambassadors)")
    GENDER = "gender", _("Lapor Peduli Gender")
    DISABILITY = "disability", _("Lapor Peduli Difabel")


class Audience(models.TextChoices):
    STUDENTS = "students", _("Students")
    TEACHERS = "teachers", _("Teachers")
    YOUTH = "youth", _("Young people")
    WOMEN = "women", _("Women")
    DISABILITY = "disability", _("People with disabilities")
    PUBLIC = "public", _("Everyone")


class EventStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    FULL = "full", _("Full")
    CANCELLED = "cancelled", _("Cancelled")
    HELD = "held", _("Held")


class OutreachPageQuerySet(PageQuerySet):
    def public(self):
        """Pages outside private sections, in the same query (Wagtail's `public()` first
        reads every view restriction in a query of its own)."""
        restricted = PageViewRestriction.objects.filter(
            StartsWith(OuterRef("path"), F("page__path"))
        )
        return self.exclude(Exists(restricted))


OutreachPageManager = PageManager.from_queryset(OutreachPageQuerySet)


class SpecificChildRouteMixin:
    """Route into a child of the one page type allowed below in one query instead of
    Wagtail's two (the page, then its specific version); the same query brings the child's
    version in the default language, where registrations and reach figures hang.

    Subpage routes come first, as in RoutablePageMixin; any other child (and a path that
    matches nothing) takes Wagtail's usual way."""

    def child_page_model(self):
        raise NotImplementedError

    def route(self, request, path_components):
        if self.live and path_components:
            try:
                self.resolve_subpage("/" + "/".join(path_components) + "/")
            except Http404:
                child = self._child_with_source(path_components[0])
                if child is not None:
                    return child.route(request, path_components[1:])
        return super().route(request, path_components)

    def _child_with_source(self, slug):
        model = self.child_page_model()
        is_child = Q(path__startswith=self.path, depth=self.depth + 1, slug=slug)
        rows = list(
            model.objects.filter(
                translation_key__in=model.objects.filter(is_child).values("translation_key")
            )
            .filter(is_child | Q(locale__language_code=settings.LANGUAGE_CODE))
            .select_related("locale")
            .order_by("path")
        )
        child = next(
            (
                row
                for row in rows
                if row.slug == slug
                and row.depth == self.depth + 1
                and row.path.startswith(self.path)
            ),
            None,
        )
        if child is None:
            return None
        child._cached_parent_obj = self
        sources = [row for row in rows if row.locale.language_code == settings.LANGUAGE_CODE]
        child._canonical_page = child if child in sources or not sources else sources[0]
        return child


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

    def child_page_model(self):
        return ProgramPage

    def programs(self):
        return ProgramPage.objects.child_of(self).live().public().order_by("path")

    def counterpart_query(self, query, target):
        return counterpart_value(query, "program", ProgramPage, self, target)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["programs"] = self.programs()
        return context

    @path(pgettext_lazy("URL", "events/"), name="events")
    def events_view(self, request):
        from .views import event_listing

        return event_listing(request, self)

    @path(pgettext_lazy("URL", "verify/"), name="verify_certificate")
    def verify_view(self, request):
        from .views import verify_certificate

        return verify_certificate(request, self)


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

    def child_page_model(self):
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

    def get_context(self, request, *args, **kwargs):
        from .reach import program_reach

        context = super().get_context(request, *args, **kwargs)
        context["events"] = list(self.upcoming_events()[:6])
        source = self.canonical()
        if source.pk is None:  # a new program in the editor's preview has no records yet
            return context
        if self.show_reach:
            context["reach"] = program_reach(source)
        if self.kind == ProgramKind.AMBASSADOR:
            context["ambassadors"] = AmbassadorApplication.public_profiles(source)
        return context

    @path(pgettext_lazy("URL", "request-session/"), name="school_request")
    def school_request_view(self, request):
        from .views import school_request

        return school_request(request, self)

    @path(pgettext_lazy("URL", "apply/"), name="ambassador_apply")
    def ambassador_apply_view(self, request):
        from .views import ambassador_apply

        return ambassador_apply(request, self)

    @path(pgettext_lazy("URL", "assisted-reporting/"), name="assisted_reporting")
    def assisted_reporting_view(self, request):
        from .views import assisted_reporting

        return assisted_reporting(request, self)

    @re_path(pgettext_lazy("URL", r"^thanks/(?P<what>[a-z-]+)/$"), name="thanks")
    def thanks_view(self, request, what):
        from .views import program_thanks

        return program_thanks(request, self, what)


def canonical_page(page):
    """The page's version in the default language (where shared data is attached).

    Looked up once per page object, in one query (none when the page's locale is loaded).
    """
    cached = page.__dict__.get("_canonical_page")
    if cached is not None:
        return cached
    locale = page._state.fields_cache.get("locale")
    if locale is not None and locale.language_code == settings.LANGUAGE_CODE:
        source = page
    else:
        source = (
            type(page)
            .objects.filter(
                translation_key=page.translation_key,
                locale__language_code=settings.LANGUAGE_CODE,
            )
            .first()
        )
        if source is None or source.pk == page.pk:
            source = page
    page._canonical_page = source
    return source


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
        _("audience"), max_length=20, choices=Audience.choices, default=Audience.PUBLIC
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
        counts = dict(
            Registration.objects.filter(event_id=source.pk)
            .values_list("status")
            .annotate(n=models.Count("pk"))
        )
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

    @path(pgettext_lazy("URL", "register/"), name="register")
    def register_view(self, request):
        from .views import event_register

        return event_register(request, self)


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("Confirmed")
    WAITLISTED = "waitlisted", _("On the waitlist")
    CANCELLED = "cancelled", _("Cancelled")


class Registration(models.Model):
    event = models.ForeignKey(
        EventPage,
        verbose_name=_("event"),
        on_delete=models.CASCADE,
        related_name="registrations",
    )
    name = models.CharField(_("name"), max_length=160)
    affiliation = models.CharField(_("school/class or organisation"), max_length=200, blank=True)
    phone = models.CharField(_("phone"), max_length=20, blank=True)
    email = models.EmailField(_("email"), blank=True)
    under_18 = models.BooleanField(_("under 18"), default=False)
    date_of_birth = models.DateField(_("date of birth"), null=True, blank=True)
    guardian_name = models.CharField(_("guardian name"), max_length=160, blank=True)
    guardian_contact = models.CharField(_("guardian contact"), max_length=160, blank=True)
    guardian_consent_at = models.DateTimeField(_("guardian consent recorded"), null=True)
    accessibility_needs = models.TextField(_("accessibility needs"), blank=True)
    consent_at = models.DateTimeField(_("consent recorded"))
    status = models.CharField(
        _("status"), max_length=20, choices=RegistrationStatus.choices, db_index=True
    )
    check_in_code = models.CharField(_("check-in code"), max_length=12, unique=True)
    attended_at = models.DateTimeField(_("checked in"), null=True, blank=True)
    checked_in_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("checked in by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    certificate_code = models.CharField(
        _("certificate code"), max_length=20, unique=True, null=True, blank=True
    )
    reminder_sent_at = models.DateTimeField(_("reminder sent"), null=True, blank=True)
    language = models.CharField(_("language"), max_length=10, default=settings.LANGUAGE_CODE)
    created_at = models.DateTimeField(_("registered"), auto_now_add=True, db_index=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("event registration")
        verbose_name_plural = _("event registrations")
        permissions = [
            ("check_in_registration", _("Can check in event attendees")),
        ]

    def __str__(self):
        return f"{self.name} ({self.check_in_code})"

    @property
    def attended(self):
        return self.attended_at is not None

    def localized_event(self):
        """The event page in the language the person registered in (for mail and ticket)."""
        event = self.event
        if self.language == event.locale.language_code:
            return event
        translated = (
            EventPage.objects.filter(
                translation_key=event.translation_key, locale__language_code=self.language
            )
            .exclude(pk=event.pk)
            .first()
        )
        return translated or event

    def can_have_certificate(self):
        return (
            self.attended
            and self.status == RegistrationStatus.CONFIRMED
            and self.event.status == EventStatus.HELD
        )


class SchoolLevel(models.TextChoices):
    SD = "sd", _("SD/MI")
    SMP = "smp", _("SMP/MTs")
    SMA = "sma", _("SMA/MA")
    SMK = "smk", _("SMK")
    OTHER = "other", _("Other")


class SchoolRequestStatus(models.TextChoices):
    REQUESTED = "requested", _("Requested")
    PROPOSED = "proposed", _("Date proposed")
    CONFIRMED = "confirmed", _("Confirmed")
    HELD = "held", _("Held")
    CANCELLED = "cancelled", _("Cancelled")


class SchoolSessionRequest(models.Model):
    program = models.ForeignKey(
        ProgramPage, verbose_name=_("program"), on_delete=models.PROTECT, related_name="+"
    )
    school_name = models.CharField(_("school name"), max_length=200)
    npsn = models.CharField(_("NPSN"), max_length=8, db_index=True)
    level = models.CharField(_("level"), max_length=10, choices=SchoolLevel.choices)
    kecamatan = models.CharField(_("kecamatan"), max_length=40, choices=KECAMATAN_CHOICES)
    address = models.TextField(_("address"), max_length=400)
    contact_name = models.CharField(_("contact person"), max_length=160)
    contact_role = models.CharField(_("role"), max_length=120)
    phone = models.CharField(_("phone"), max_length=20)
    email = models.EmailField(_("email"))
    expected_students = models.PositiveIntegerField(
        _("expected number of students"), validators=[MinValueValidator(1)]
    )
    grades = models.CharField(_("grades"), max_length=120)
    preferred_date_1 = models.DateField(_("first choice date"))
    preferred_date_2 = models.DateField(_("second choice date"))
    preferred_date_3 = models.DateField(_("third choice date"), null=True, blank=True)
    hall_size = models.CharField(_("hall size"), max_length=160, blank=True)
    equipment = models.TextField(_("equipment available"), blank=True)
    accessibility_needs = models.TextField(_("accessibility needs"), blank=True)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=SchoolRequestStatus.choices,
        default=SchoolRequestStatus.REQUESTED,
        db_index=True,
    )
    proposed_start = models.DateTimeField(_("proposed date and time"), null=True, blank=True)
    event = models.ForeignKey(
        EventPage,
        verbose_name=_("event"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="school_requests",
    )
    actual_students = models.PositiveIntegerField(_("students attended"), null=True, blank=True)
    staff_notes = models.TextField(_("staff notes"), blank=True)
    language = models.CharField(_("language"), max_length=10, default=settings.LANGUAGE_CODE)
    created_at = models.DateTimeField(_("received"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("school session request")
        verbose_name_plural = _("school session requests")

    def __str__(self):
        return f"{self.school_name} ({self.npsn})"

    def preferred_dates(self):
        return [
            d for d in (self.preferred_date_1, self.preferred_date_2, self.preferred_date_3) if d
        ]


class ApplicationStatus(models.TextChoices):
    APPLIED = "applied", _("Applied")
    SHORTLISTED = "shortlisted", _("Shortlisted")
    ACCEPTED = "accepted", _("Accepted")
    REJECTED = "rejected", _("Rejected")


class ReviewCriterion(models.Model):
    """What reviewers score ambassador applications against; staff edit the list."""

    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("description"), blank=True)
    max_score = models.PositiveSmallIntegerField(
        _("maximum score"), default=5, validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)
    is_active = models.BooleanField(_("active"), default=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("max_score"), FieldPanel("sort_order")]),
        FieldPanel("is_active"),
    ]

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = _("review criterion")
        verbose_name_plural = _("review criteria")

    def __str__(self):
        return self.name


class AmbassadorApplication(models.Model):
    program = models.ForeignKey(
        ProgramPage, verbose_name=_("program"), on_delete=models.PROTECT, related_name="+"
    )
    name = models.CharField(_("name"), max_length=160)
    # Empty only once the retention period has passed (outreach/retention.py).
    date_of_birth = models.DateField(_("date of birth"), null=True)
    institution = models.CharField(_("school, university or community"), max_length=200)
    kecamatan = models.CharField(_("kecamatan"), max_length=40, choices=KECAMATAN_CHOICES)
    phone = models.CharField(_("phone"), max_length=20)
    email = models.EmailField(_("email"))
    motivation = models.TextField(_("motivation"), max_length=2000)
    activities = models.TextField(_("relevant activities"), max_length=2000, blank=True)
    social_media = models.CharField(_("social media"), max_length=200, blank=True)
    guardian_name = models.CharField(_("guardian name"), max_length=160, blank=True)
    guardian_contact = models.CharField(_("guardian contact"), max_length=160, blank=True)
    guardian_consent_at = models.DateTimeField(_("guardian consent recorded"), null=True)
    consent_at = models.DateTimeField(_("consent recorded"))
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ApplicationStatus.choices,
        default=ApplicationStatus.APPLIED,
        db_index=True,
    )
    public_profile = models.BooleanField(
        _("public profile"),
        default=False,
        help_text=_("Only if the ambassador asked for a public profile."),
    )
    profile_bio = models.TextField(_("public profile text"), max_length=600, blank=True)
    language = models.CharField(_("language"), max_length=10, default=settings.LANGUAGE_CODE)
    created_at = models.DateTimeField(_("received"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("ambassador application")
        verbose_name_plural = _("ambassador applications")
        permissions = [("review_application", _("Can score ambassador applications"))]

    def __str__(self):
        return self.name or gettext("(name erased)")

    @classmethod
    def public_profiles(cls, program):
        return list(
            cls.objects.filter(
                program=program, status=ApplicationStatus.ACCEPTED, public_profile=True
            ).only("name", "institution", "kecamatan", "profile_bio")
        )

    def total_score(self):
        """Average over reviewers of each reviewer's total."""
        totals = {}
        for review in self.reviews.all():
            totals[review.reviewer_id] = totals.get(review.reviewer_id, 0) + review.score
        return round(sum(totals.values()) / len(totals), 1) if totals else None


class ApplicationReview(models.Model):
    application = models.ForeignKey(
        AmbassadorApplication, on_delete=models.CASCADE, related_name="reviews"
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    criterion = models.ForeignKey(ReviewCriterion, on_delete=models.CASCADE, related_name="+")
    score = models.PositiveSmallIntegerField(_("score"))
    created_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["application", "reviewer", "criterion"], name="one_score_per_criterion"
            )
        ]
        verbose_name = _("application score")

    def __str__(self):
        return f"{self.criterion}: {self.score}"


class ActivityStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Waiting for approval")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


class AmbassadorActivity(models.Model):
    ambassador = models.ForeignKey(
        AmbassadorApplication,
        verbose_name=_("ambassador"),
        on_delete=models.CASCADE,
        related_name="activity_reports",
    )
    date = models.DateField(_("date"))
    title = models.CharField(_("what you did"), max_length=200)
    kecamatan = models.CharField(_("kecamatan"), max_length=40, choices=KECAMATAN_CHOICES)
    sessions_held = models.PositiveSmallIntegerField(_("sessions held"), default=1)
    people_reached = models.PositiveIntegerField(_("people reached"))
    schools_reached = models.PositiveSmallIntegerField(_("schools reached"), default=0)
    photo = models.ImageField(_("photo"), upload_to="outreach/activities/", blank=True)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ActivityStatus.choices,
        default=ActivityStatus.SUBMITTED,
        db_index=True,
    )
    created_at = models.DateTimeField(_("reported"), auto_now_add=True)

    class Meta:
        ordering = ["-date"]
        verbose_name = _("ambassador activity")
        verbose_name_plural = _("ambassador activities")

    def __str__(self):
        return f"{self.date}: {self.title}"


class AssistedRequestMethod(models.TextChoices):
    PHONE = "phone", _("A phone call")
    VIDEO_SIGN = "video_sign", _("A video call with a sign-language interpreter")
    TEXT = "text", _("Text messages (WhatsApp or SMS)")
    HOME_VISIT = "home_visit", _("A visit at home")
    OFFICE_VISIT = "office_visit", _("A meeting at the office, with assistance")


class AssistedReportRequest(models.Model):
    """Someone asks staff to help them report (Lapor Peduli Difabel)."""

    program = models.ForeignKey(
        ProgramPage, verbose_name=_("program"), on_delete=models.PROTECT, related_name="+"
    )
    name = models.CharField(_("name"), max_length=160)
    method = models.CharField(
        _("how we help"), max_length=20, choices=AssistedRequestMethod.choices
    )
    phone = models.CharField(_("phone"), max_length=20, blank=True)
    email = models.EmailField(_("email"), blank=True)
    kecamatan = models.CharField(
        _("kecamatan"), max_length=40, choices=KECAMATAN_CHOICES, blank=True
    )
    address = models.TextField(_("address for a visit"), max_length=400, blank=True)
    preferred_time = models.CharField(_("preferred time"), max_length=160, blank=True)
    needs = models.TextField(_("what would help you"), max_length=1000, blank=True)
    consent_at = models.DateTimeField(_("consent recorded"))
    handled = models.BooleanField(_("handled"), default=False)
    created_at = models.DateTimeField(_("received"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("assisted reporting request")
        verbose_name_plural = _("assisted reporting requests")

    def __str__(self):
        return f"{self.name} ({self.get_method_display()})"
