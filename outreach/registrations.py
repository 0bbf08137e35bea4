"""Event registration: seats, waitlist, cancellation, check-in and certificates.

A seat is taken inside a transaction that first locks the event's row
(`SELECT ... FOR UPDATE`), so two people can never take the last seat. SQLite has no
row locks but serialises writers; a writer that finds the database locked retries.
"""

import time

from django.db import OperationalError, transaction
from django.utils import timezone, translation

from wagtail.log_actions import log

from site_core.codes import unique_code
from site_core.tasks import enqueue_on_commit

from .models.choices import EventStatus, RegistrationStatus
from .models.registrations import Registration
from .tasks import send_registration_mail

CERTIFICATE_PREFIX = "LPR-"


class RegistrationClosed(Exception):
    """Registration is not open for this event (cancelled, held, outside the window)."""


def _events():
    """The event pages, reached through the registration's relation: the pages' routes call
    this module, so it imports no page class."""
    return Registration.event.field.related_model.objects


def _retry_when_locked(func, attempts=50):
    """Run `func` again when SQLite reports a locked database (PostgreSQL waits instead)."""
    for attempt in range(attempts):
        try:
            return func()
        except OperationalError as error:
            if "locked" not in str(error) or attempt == attempts - 1:
                raise
            time.sleep(0.01 * (attempt + 1))
    return None  # pragma: no cover


def register(event, **fields):
    """Register someone for `event`: confirmed while seats remain, waitlisted after.

    `fields` are Registration fields (name, contact, guardian...). Mail goes out once the
    transaction has committed.
    """
    source = event.canonical()
    fields.setdefault("language", translation.get_language() or "id")
    fields.setdefault("consent_at", timezone.now())

    def attempt():
        with transaction.atomic():
            locked = _events().select_for_update(of=("self",)).get(pk=source.pk)
            if locked.registration_state() != "open":
                raise RegistrationClosed(locked.registration_state())
            confirmed = Registration.objects.filter(
                event_id=locked.pk, status=RegistrationStatus.CONFIRMED
            ).count()
            full = confirmed >= locked.capacity or locked.status == EventStatus.FULL
            registration = Registration.objects.create(
                event=locked,
                status=RegistrationStatus.WAITLISTED if full else RegistrationStatus.CONFIRMED,
                check_in_code=unique_code(Registration.objects, "check_in_code", 8),
                **fields,
            )
            _mail_on_commit(registration, registration.status)
            return registration

    return _retry_when_locked(attempt)


def cancel(registration):
    """Cancel a registration; if it held a seat, the first person waiting gets it."""

    def attempt():
        with transaction.atomic():
            locked_event = _events().select_for_update(of=("self",)).get(pk=registration.event_id)
            current = Registration.objects.select_for_update().get(pk=registration.pk)
            if current.status == RegistrationStatus.CANCELLED:
                return None
            had_seat = current.status == RegistrationStatus.CONFIRMED
            current.status = RegistrationStatus.CANCELLED
            current.cancelled_at = timezone.now()
            current.save(update_fields=["status", "cancelled_at"])
            _mail_on_commit(current, "cancelled")
            promoted = _promote(locked_event) if had_seat else None
            return promoted

    return _retry_when_locked(attempt)


def _promote(event):
    """Fill free seats from the waitlist, first come first served. Caller holds the lock."""
    confirmed = Registration.objects.filter(
        event_id=event.pk, status=RegistrationStatus.CONFIRMED
    ).count()
    free = event.capacity - confirmed
    if free <= 0 or event.status in (EventStatus.CANCELLED, EventStatus.HELD):
        return None
    waiting = list(
        Registration.objects.filter(
            event_id=event.pk, status=RegistrationStatus.WAITLISTED
        ).order_by("created_at", "pk")[:free]
    )
    for person in waiting:
        person.status = RegistrationStatus.CONFIRMED
        person.save(update_fields=["status"])
        _mail_on_commit(person, "promoted")
    return waiting[0] if waiting else None


def check_in(registration, user):
    """Mark attendance once; a second scan changes nothing."""
    if registration.attended_at or registration.status != RegistrationStatus.CONFIRMED:
        return False
    registration.attended_at = timezone.now()
    registration.checked_in_by = user
    registration.save(update_fields=["attended_at", "checked_in_by"])
    log(registration, "outreach.check_in", user=user)
    return True


def issue_certificate(registration):
    """The certificate code, created on first download; None unless attendance is verified."""
    if not registration.can_have_certificate():
        return None
    if not registration.certificate_code:
        registration.certificate_code = unique_code(
            Registration.objects, "certificate_code", 10, prefix=CERTIFICATE_PREFIX
        )
        registration.save(update_fields=["certificate_code"])
    return registration.certificate_code


def verify_certificate(code):
    code = (code or "").strip().upper()
    if not code:
        return None
    registration = (
        Registration.objects.select_related("event").filter(certificate_code=code).first()
    )
    if registration and registration.can_have_certificate():
        return registration
    return None


def _mail_on_commit(registration, kind):
    enqueue_on_commit(send_registration_mail, registration.pk, kind)
