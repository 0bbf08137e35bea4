"""What complaint handling stores: categories, reports, their timeline and files, unit
memberships, extra holidays and the deadline settings staff edit. The pages live in
`pages`; `models` gathers both for Django."""

import operator
from functools import reduce

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Site, TranslatableMixin

from site_core.areas import KECAMATAN_CHOICES, KELURAHAN_CHOICES

from .choices import Channel, ContactChannel, Kind, Privacy, RejectionReason, Status
from .codes import generate_tracking_code
from .storage import private_storage
from .transitions import EVENT_LABELS, OVERDUE_FIELDS, STATUS_DUE, statuses_due_by


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


class ReportQuerySet(models.QuerySet):
    def overdue(self, today=None):
        """Reports whose current deadline (forwarding or unit answer) has passed."""
        today = today or timezone.localdate()
        return self.filter(self.overdue_q(today))

    @staticmethod
    def overdue_q(today):
        return reduce(
            operator.or_,
            (Q(status__in=statuses_due_by(due), **{f"{due}__lt": today}) for due in OVERDUE_FIELDS),
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


# What a report says about the case, and who sent it: intake copies exactly these from the
# forms into a report, and both forms (public and staff) show them in these two groups.
CASE_FIELDS = [
    "kind",
    "category",
    "title",
    "description",
    "incident_date",
    "kecamatan",
    "kelurahan",
    "location_detail",
]
REPORTER_FIELDS = [
    "privacy",
    "reporter_name",
    "reporter_email",
    "reporter_phone",
    "contact_channel",
    "accessibility_needs",
]


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
    # Working days from receipt, kept in step with the timestamps by complaint_forms.durations
    # so that statistics take their median in the database.
    working_days_to_first_response = models.PositiveSmallIntegerField(
        _("working days to the first response"), null=True, blank=True, editable=False
    )
    working_days_to_answer = models.PositiveSmallIntegerField(
        _("working days to the answer"), null=True, blank=True, editable=False
    )
    rating = models.PositiveSmallIntegerField(
        _("rating"), null=True, blank=True, choices=[(i, str(i)) for i in range(1, 6)]
    )
    rating_comment = models.CharField(_("rating comment"), max_length=1000, blank=True)

    objects = ReportQuerySet.as_manager()

    # Reports are case records, not content: Wagtail's reference index ("used in" a
    # category or unit) would queue a background task for every save of every report.
    wagtail_reference_index_ignore = True

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

    def current_due(self):
        due = STATUS_DUE.get(self.status)
        return getattr(self, due) if due else None

    def is_overdue(self, today=None):
        today = today or timezone.localdate()
        if STATUS_DUE.get(self.status) not in OVERDUE_FIELDS:
            return False
        due = self.current_due()
        return bool(due and due < today)

    def public_events(self):
        return self.events.exclude(public_message="").order_by("created_at", "pk")


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
        return EVENT_LABELS.get(self.action, self.action)


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
        # One query where the row exists (every report's intake asks); the site and a
        # first row with the defaults otherwise.
        stored = cls.objects.filter(site__is_default_site=True).first()
        if stored is not None:
            return stored
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            return cls()
        return cls.for_site(site)
