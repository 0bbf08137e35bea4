"""Duta Lapor: applications, reviewers' scores and the activities ambassadors report."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel

from site_core.areas import KECAMATAN_CHOICES

from .choices import ActivityStatus, ApplicationStatus


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


# What an applicant sends: the public application form asks exactly these, and the staff
# export lists them first.
APPLICATION_FIELDS = [
    "name",
    "date_of_birth",
    "institution",
    "kecamatan",
    "phone",
    "email",
    "motivation",
    "activities",
    "social_media",
]


class AmbassadorApplication(models.Model):
    program = models.ForeignKey(
        "outreach.ProgramPage",
        verbose_name=_("program"),
        on_delete=models.PROTECT,
        related_name="+",
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
