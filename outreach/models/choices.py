"""The choices outreach records and pages share. No model imports: every other module of
the app may import this one."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ProgramKind(models.TextChoices):
    SCHOOL = "school", _("Lapor Goes To School")
    AMBASSADOR = "ambassador", _("Duta Lapor (ambassadors)")
    GENDER = "gender", _("Lapor Peduli Gender")
    DISABILITY = "disability", _("Lapor Peduli Difabel")


class EventStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    FULL = "full", _("Full")
    CANCELLED = "cancelled", _("Cancelled")
    HELD = "held", _("Held")


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("Confirmed")
    WAITLISTED = "waitlisted", _("On the waitlist")
    CANCELLED = "cancelled", _("Cancelled")


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


class ApplicationStatus(models.TextChoices):
    APPLIED = "applied", _("Applied")
    SHORTLISTED = "shortlisted", _("Shortlisted")
    ACCEPTED = "accepted", _("Accepted")
    REJECTED = "rejected", _("Rejected")


class ActivityStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Waiting for approval")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


class AssistedRequestMethod(models.TextChoices):
    PHONE = "phone", _("A phone call")
    VIDEO_SIGN = "video_sign", _("A video call with a sign-language interpreter")
    TEXT = "text", _("Text messages (WhatsApp or SMS)")
    HOME_VISIT = "home_visit", _("A visit at home")
    OFFICE_VISIT = "office_visit", _("A meeting at the office, with assistance")
