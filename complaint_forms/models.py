"""Complaint intake and case handling: categories, reports, their timeline and files,
the deadline settings staff edit, and the public report and ranking pages."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import path
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Site, TranslatableMixin

from site_core.areas import KECAMATAN_CHOICES, KELURAHAN_CHOICES
from site_core.blocks import BaseStreamBlock
from site_core.localized_urls import LocalizedRoutesMixin
from site_core.models import BasePage

from .codes import generate_tracking_code
from .storage import private_storage


class Category(TranslatableMixin, models.Model):
    """What a report is about; decides which unit gets it by default."""

    name = models.CharField(_("name"), max_length=120)
    description = models.CharField(_("description"), max_length=300, blank=True)
    default_unit = models.ForeignKey(
        "site_core.WorkUnit",
        verbose_name=_("default work unit"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    is_gender_based = models.BooleanField(
        _("gender-based harm"),
        default=False,
        help_text=_("Reports in this category are confidential by default."),
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [
        FieldPanel("name"),
        FieldPanel("description"),
        FieldPanel("default_unit"),
        FieldPanel("is_gender_based"),
        FieldPanel("sort_order"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order", "name"]
        verbose_name = _("report category")
        verbose_name_plural = _("report categories")

    def __str__(self):
        return self.name


class Kind(models.TextChoices):
    COMPLAINT = "pengaduan", _("Complaint")
    ASPIRATION = "aspirasi", _("Aspiration")
    INFORMATION_REQUEST = "permintaan-informasi", _("Information request")
    CONSULTATION = "konsultasi", _("Consultation question")


class Privacy(models.TextChoices):
    PUBLIC = "public", _("Public")
    ANONYMOUS = "anonymous", _("Anonymous (no identity stored)")
    CONFIDENTIAL = "confidential", _("Confidential (identity seen only by coordinators)")


class Channel(models.TextChoices):
    WEB = "web", _("Web form")
    WALK_IN = "walk-in", _("Walk-in")
    PHONE = "phone", _("Phone")
    LETTER = "letter", _("Letter")
    SMS = "sms", _("SMS")
    SOCIAL_MEDIA = "social-media", _("Social media")
    SCHOOL_SESSION = "school-session", _("School session")


class ContactChannel(models.TextChoices):
    EMAIL = "email", _("Email")
    PHONE = "phone", _("Phone call")
    TEXT = "text", _("Text message / WhatsApp only")
    NONE = "none", _("Do not contact me")


class Status(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted")
    VERIFIED = "verified", _("Verified")
    REJECTED = "rejected", _("Rejected")
    ASSIGNED = "assigned", _("Assigned to a work unit")
    IN_PROGRESS = "in-progress", _("In progress")
    NEEDS_INFO = "needs-info", _("Waiting for more information")
    ANSWERED = "answered", _("Answered")
    CLOSED = "closed", _("Closed")


class RejectionReason(models.TextChoices):
    NOT_CITY_AUTHORITY = "not-city-authority", _("Not the city's authority")
    DUPLICATE = "duplicate", _("Duplicate")
    SPAM = "spam", _("Spam")
    INCOMPLETE = "incomplete", _("Incomplete")


OPEN_STATUSES = [
    Status.SUBMITTED,
    Status.VERIFIED,
    Status.ASSIGNED,
    Status.IN_PROGRESS,
    Status.NEEDS_INFO,
]


class ReportQuerySet(models.QuerySet):
    def overdue(self, today=None):
        """Reports whose current deadline (forwarding or unit answer) has passed."""
        today = today or timezone.localdate()
        return self.filter(self.overdue_q(today))

    @staticmethod
    def overdue_q(today):
        return Q(status__in=[Status.SUBMITTED, Status.VERIFIED], forward_due__lt=today) | Q(
            status__in=[Status.ASSIGNED, Status.IN_PROGRESS], response_due__lt=today
        )

    def for_user(self, user):
        """What a staff member may see: coordinators everything, unit officers their unit's
        reports, anyone else nothing."""
        if not user.is_active:
            return self.none()
        if user.has_perm("complaint_forms.view_all_reports"):
            return self
        if user.has_perm("complaint_forms.view_report"):
            unit_id = UnitMembership.unit_id_for(user)
            if unit_id:
                return self.filter(assigned_unit_id=unit_id)
        return self.none()


class Report(models.Model):
    tracking_code = models.CharField(
        _("tracking code"),
        max_length=20,
        unique=True,
        default=generate_tracking_code,
        editable=False,
    )
    kind = models.CharField(_("kind"), max_length=24, choices=Kind.choices, default=Kind.COMPLAINT)
    title = models.CharField(_("title"), max_length=150)
    description = models.TextField(_("what happened"), max_length=5000)
    incident_date = models.DateField(_("date of the incident"), null=True, blank=True)
    kecamatan = models.CharField(
        _("kecamatan"), max_length=40, choices=KECAMATAN_CHOICES, blank=True
    )
    kelurahan = models.CharField(
        _("kelurahan"), max_length=60, choices=KELURAHAN_CHOICES, blank=True
    )
    location_detail = models.CharField(_("place"), max_length=200, blank=True)
    category = models.ForeignKey(
        Category,
        verbose_name=_("category"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reports",
    )
    privacy = models.CharField(
        _("privacy"), max_length=16, choices=Privacy.choices, default=Privacy.PUBLIC
    )
    reporter_name = models.CharField(_("name"), max_length=120, blank=True)
    reporter_email = models.EmailField(_("email"), blank=True)
    reporter_phone = models.CharField(_("phone"), max_length=20, blank=True)
    contact_channel = models.CharField(
        _("preferred contact"),
        max_length=10,
        choices=ContactChannel.choices,
        default=ContactChannel.EMAIL,
    )
    accessibility_needs = models.CharField(_("accessibility needs"), max_length=300, blank=True)
    channel = models.CharField(
        _("channel"), max_length=16, choices=Channel.choices, default=Channel.WEB
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.SUBMITTED, db_index=True
    )
    status_before_info_request = models.CharField(
        max_length=16, choices=Status.choices, blank=True, editable=False
    )
    rejection_reason = models.CharField(
        _("rejection reason"), max_length=24, choices=RejectionReason.choices, blank=True
    )
    assigned_unit = models.ForeignKey(
        "site_core.WorkUnit",
        verbose_name=_("assigned unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="reports",
    )
    language = models.CharField(_("language"), max_length=10, default="id")
    idempotency_key = models.UUIDField(null=True, blank=True, unique=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("entered by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("received"), default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)
    assigned_at = models.DateTimeField(null=True, blank=True)
    first_response_at = models.DateTimeField(_("first response"), null=True, blank=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    forward_due = models.DateField(_("forwarding due"), null=True, blank=True)
    response_due = models.DateField(_("answer due"), null=True, blank=True)
    close_due = models.DateField(_("closes automatically on"), null=True, blank=True)
    answered_within_deadline = models.BooleanField(null=True, blank=True, editable=False)
    rating = models.PositiveSmallIntegerField(
        _("rating"), null=True, blank=True, choices=[(i, str(i)) for i in range(1, 6)]
    )
    rating_comment = models.CharField(_("rating comment"), max_length=1000, blank=True)

    objects = ReportQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        permissions = [
            ("view_all_reports", "Can see every report, whatever the unit"),
            ("view_confidential_identity", "Can see the identity of confidential reporters"),
            ("coordinate_reports", "Can verify, reject, assign, close and reopen reports"),
            ("respond_reports", "Can handle and answer reports assigned to their unit"),
            ("export_reports", "Can export reports"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(rating__isnull=True) | Q(rating__gte=1, rating__lte=5),
                name="complaint_report_rating_1_5",
            ),
            models.CheckConstraint(
                condition=~Q(privacy="anonymous")
                | Q(reporter_name="", reporter_email="", reporter_phone=""),
                name="complaint_report_anonymous_has_no_identity",
            ),
        ]

    def __str__(self):
        return f"{self.tracking_code} {self.title}"

    def save(self, *args, **kwargs):
        if self.privacy == Privacy.ANONYMOUS:
            self.strip_identity()
        super().save(*args, **kwargs)

    def strip_identity(self):
        self.reporter_name = ""
        self.reporter_email = ""
        self.reporter_phone = ""

    @property
    def is_open(self):
        return self.status in OPEN_STATUSES

    def current_due(self):
        if self.status in (Status.SUBMITTED, Status.VERIFIED):
            return self.forward_due
        if self.status in (Status.ASSIGNED, Status.IN_PROGRESS):
            return self.response_due
        if self.status == Status.ANSWERED:
            return self.close_due
        return None

    def is_overdue(self, today=None):
        today = today or timezone.localdate()
        if self.status == Status.ANSWERED:
            return False
        due = self.current_due()
        return bool(due and due < today)

    def identity_is_restricted(self):
        return self.privacy == Privacy.CONFIDENTIAL

    def public_events(self):
        return self.events.exclude(public_message="").order_by("created_at", "pk")


ACTION_LABELS = {
    "submit": _("Report submitted"),
    "verify": _("Report verified"),
    "reject": _("Report rejected"),
    "assign": _("Report assigned to a unit"),
    "start": _("Report taken in hand"),
    "request_info": _("More information requested"),
    "citizen_reply": _("Citizen replied"),
    "answer": _("Report answered"),
    "close": _("Report closed"),
    "reopen": _("Report reopened"),
    "appeal": _("Citizen appealed the answer"),
    "rate": _("Citizen rated the answer"),
}


class ReportEvent(models.Model):
    """One step in a report's timeline. `public_message` is what the citizen sees on the
    tracking page; `internal_note` never leaves the admin."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="events")
    action = models.CharField(_("action"), max_length=32)
    status_from = models.CharField(_("from"), max_length=16, choices=Status.choices, blank=True)
    status_to = models.CharField(_("to"), max_length=16, choices=Status.choices, blank=True)
    public_message = models.TextField(_("public message"), max_length=5000, blank=True)
    internal_note = models.TextField(_("internal note"), max_length=5000, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    by_citizen = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("report event")
        verbose_name_plural = _("report events")

    def __str__(self):
        return f"{self.report.tracking_code}: {self.action}"

    @property
    def action_label(self):
        return ACTION_LABELS.get(self.action, self.action)


def attachment_path(instance, filename):
    now = timezone.now()
    return f"reports/{now:%Y/%m}/{filename}"


class Attachment(models.Model):
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("file"), storage=private_storage, upload_to=attachment_path)
    original_name = models.CharField(_("original name"), max_length=120)
    content_type = models.CharField(_("type"), max_length=100)
    size = models.PositiveIntegerField(_("size in bytes"))
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self):
        return self.original_name


class UnitMembership(models.Model):
    """Links a staff account to the work unit whose reports the person handles."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="unit_membership",
    )
    unit = models.ForeignKey(
        "site_core.WorkUnit",
        verbose_name=_("work unit"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )

    panels = [FieldPanel("user"), FieldPanel("unit")]

    class Meta:
        verbose_name = _("unit membership")
        verbose_name_plural = _("unit memberships")

    def __str__(self):
        return f"{self.user} → {self.unit.short_name}"

    @classmethod
    def unit_id_for(cls, user):
        return cls.objects.filter(user=user).values_list("unit_id", flat=True).first()


class ExtraHoliday(models.Model):
    """Days off that the holiday library does not know: cuti bersama, local decisions."""

    date = models.DateField(_("date"), unique=True)
    name = models.CharField(_("name"), max_length=120)

    panels = [FieldPanel("date"), FieldPanel("name")]

    class Meta:
        ordering = ["date"]
        verbose_name = _("extra holiday (cuti bersama)")
        verbose_name_plural = _("extra holidays (cuti bersama)")

    def __str__(self):
        return f"{self.date:%Y-%m-%d} {self.name}"


@register_setting(icon="time")
class ComplaintSettings(BaseSiteSetting):
    """Deadlines and ranking rules, editable by staff without a deploy."""

    forward_days = models.PositiveSmallIntegerField(
        _("working days to verify and forward"), default=3
    )
    response_days = models.PositiveSmallIntegerField(
        _("working days for the unit to answer"), default=5
    )
    auto_close_days = models.PositiveSmallIntegerField(
        _("working days before an answered report closes"), default=10
    )
    reminder_days_before = models.PositiveSmallIntegerField(
        _("remind the unit this many working days before a deadline"), default=1
    )
    coordinator_email = models.EmailField(
        _("coordinators' email"), blank=True, help_text=_("Receives missed-deadline alerts.")
    )
    ranking_window_days = models.PositiveSmallIntegerField(_("ranking window in days"), default=90)
    ranking_min_reports = models.PositiveSmallIntegerField(
        _("minimum reports for a unit to be ranked"), default=5
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("forward_days"),
                FieldPanel("response_days"),
                FieldPanel("auto_close_days"),
                FieldPanel("reminder_days_before"),
                FieldPanel("coordinator_email"),
            ],
            heading=_("Deadlines"),
        ),
        MultiFieldPanel(
            [FieldPanel("ranking_window_days"), FieldPanel("ranking_min_reports")],
            heading=_("Responsiveness ranking"),
        ),
    ]

    class Meta:
        verbose_name = _("complaint handling")

    @classmethod
    def current(cls, request=None):
        """The settings for the request's site, or the default site outside a request."""
        if request is not None:
            return cls.for_request(request)
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            return cls()
        return cls.for_site(site)


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
        from .views import report_form_context

        context = self.get_context(request)
        context.update(report_form_context(request))
        if self.url:  # a new report page in the editor's preview has no address yet
            context["tracking_page_url"] = self.subpage_url("tracking")
        return self.render(request, context_overrides=context)

    @path(pgettext_lazy("URL", "ask/"), name="consultation")
    def consultation_view(self, request):
        """The form set to a consultation question: where search sends citizens whose
        question the knowledge base does not answer yet."""
        from .views import report_form_context

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
        from .views import confirmation_response

        return confirmation_response(request, code, page=self)

    @path(pgettext_lazy("URL", "track/"), name="tracking")
    def tracking_view(self, request):
        from .views import tracking_response

        return tracking_response(request, page=self)

    @classmethod
    def for_active_locale(cls):
        from wagtail.models import Locale

        # With its locale: its routes are reversed in its language (one query less).
        pages = cls.objects.live().filter(locale=Locale.get_active())
        return pages.select_related("locale").first()


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
        from .ranking import rank_units

        context = super().get_context(request, *args, **kwargs)
        complaint_settings = ComplaintSettings.current(request)
        context["ranking"] = rank_units(
            window_days=complaint_settings.ranking_window_days,
            min_reports=complaint_settings.ranking_min_reports,
        )
        context["complaint_settings"] = complaint_settings
        return context
