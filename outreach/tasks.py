"""Background work: every mail the outreach app sends, and event reminders. Tasks load the
record and send; the rules that decide to send live in the services that enqueue them."""

from django.utils import timezone

from django_tasks import task

from site_core.links import page_absolute_url, reverse_absolute
from site_core.mail import send_templated

from .links import AMBASSADOR_LINK, SCHOOL_REQUEST_LINK, registration_links
from .models.ambassadors import AmbassadorApplication
from .models.choices import RegistrationStatus
from .models.registrations import Registration
from .models.school_requests import SchoolSessionRequest


def _registration_recipients(registration):
    recipients = [registration.email]
    if "@" in registration.guardian_contact:
        recipients.append(registration.guardian_contact.strip())
    return recipients


@task()
def send_registration_mail(registration_id, kind):
    """kind: confirmed, waitlisted, promoted, cancelled."""
    registration = Registration.objects.select_related("event").filter(pk=registration_id).first()
    if registration is None:
        return 0
    event = registration.localized_event()
    context = {"registration": registration, "event": event, "kind": kind}
    context.update(registration_links(registration))
    return send_templated(
        f"outreach/mail/registration_{kind}",
        _registration_recipients(registration),
        context,
        language=registration.language,
    )


@task()
def send_event_reminder(registration_id):
    """The day-before reminder; sent once even if the command runs twice."""
    registration = Registration.objects.select_related("event").filter(pk=registration_id).first()
    if (
        registration is None
        or registration.reminder_sent_at
        or registration.status != RegistrationStatus.CONFIRMED
    ):
        return 0
    context = {"registration": registration, "event": registration.localized_event()}
    context.update(registration_links(registration))
    sent = send_templated(
        "outreach/mail/registration_reminder",
        _registration_recipients(registration),
        context,
        language=registration.language,
    )
    Registration.objects.filter(pk=registration.pk).update(reminder_sent_at=timezone.now())
    return sent


@task()
def send_school_request_mail(request_id, kind):
    """kind: received, proposed, confirmed, held, cancelled."""
    session_request = (
        SchoolSessionRequest.objects.select_related("event").filter(pk=request_id).first()
    )
    if session_request is None:
        return 0
    token = SCHOOL_REQUEST_LINK.token(session_request)
    context = {
        "session_request": session_request,
        "kind": kind,
        "cancel_url": reverse_absolute("outreach:cancel_school_request", args=[token]),
        "event_url": page_absolute_url(session_request.event) if session_request.event else "",
    }
    return send_templated(
        f"outreach/mail/school_request_{kind}",
        [session_request.email],
        context,
        language=session_request.language,
    )


@task()
def send_application_mail(application_id, kind):
    """kind: applied, shortlisted, accepted, rejected."""
    application = AmbassadorApplication.objects.filter(pk=application_id).first()
    if application is None:
        return 0
    context = {
        "application": application,
        "kind": kind,
        "activity_url": reverse_absolute(
            "outreach:log_activity", args=[AMBASSADOR_LINK.token(application)]
        ),
    }
    recipients = [application.email]
    if "@" in application.guardian_contact:
        recipients.append(application.guardian_contact.strip())
    return send_templated(
        f"outreach/mail/application_{kind}", recipients, context, language=application.language
    )
