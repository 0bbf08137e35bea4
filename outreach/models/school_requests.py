"""A school's request for a Lapor Goes To School session."""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from site_core.areas import KECAMATAN_CHOICES

from .choices import SchoolLevel, SchoolRequestStatus

# What a school sends: the public request form asks exactly these, and the staff export
# lists them before the fields staff fill in.
SCHOOL_REQUEST_FIELDS = [
    "school_name",
    "npsn",
    "level",
    "kecamatan",
    "address",
    "contact_name",
    "contact_role",
    "phone",
    "email",
    "expected_students",
    "grades",
    "preferred_date_1",
    "preferred_date_2",
    "preferred_date_3",
    "hall_size",
    "equipment",
    "accessibility_needs",
]


class SchoolSessionRequest(models.Model):
    program = models.ForeignKey(
        "outreach.ProgramPage",
        verbose_name=_("program"),
        on_delete=models.PROTECT,
        related_name="+",
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
        "outreach.EventPage",
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
