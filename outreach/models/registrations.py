"""Event registrations: a seat (or a waitlist place) taken by one person."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .choices import EventStatus, RegistrationStatus


class Registration(models.Model):
    event = models.ForeignKey(
        "outreach.EventPage",
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
            type(event)
            .objects.filter(
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
