"""The values a report's fields take. The database stores the first value of each pair:
English slugs, the code's vocabulary; people read the translated labels."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    COMPLAINT = "complaint", _("Complaint")
    ASPIRATION = "aspiration", _("Aspiration")
    INFORMATION_REQUEST = "information-request", _("Information request")
    CONSULTATION = "consultation", _("Consultation question")


# The Indonesian slugs the kinds were stored and posted as until December 2026: a report
# form cached or saved before then still posts them, so the form takes them as the kind.
KIND_FROM_INDONESIAN = {
    "pengaduan": Kind.COMPLAINT.value,
    "aspirasi": Kind.ASPIRATION.value,
    "permintaan-informasi": Kind.INFORMATION_REQUEST.value,
    "konsultasi": Kind.CONSULTATION.value,
}


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
