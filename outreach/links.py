"""Signed links in outreach mail: the ticket (with its cancel and certificate links), the
school's cancel link and the ambassador's activity form. One namespace (salt) per kind, so
a token of one kind opens nothing else; the namespaces are the settings' expiry keys and
must not change, or links already sent stop working."""

from site_core import tokens
from site_core.links import reverse_absolute

from .models.ambassadors import AmbassadorApplication
from .models.registrations import Registration
from .models.school_requests import SchoolSessionRequest

REGISTRATION_NAMESPACE = "outreach.registration"
SCHOOL_REQUEST_NAMESPACE = "outreach.school-request"
AMBASSADOR_NAMESPACE = "outreach.ambassador"


def registration_token(registration):
    return tokens.sign(registration.pk, REGISTRATION_NAMESPACE)


def registration_from_token(token):
    pk = tokens.unsign(token, REGISTRATION_NAMESPACE)
    if pk is None:
        return None
    return Registration.objects.select_related("event__locale").filter(pk=pk).first()


def school_request_token(session_request):
    return tokens.sign(session_request.pk, SCHOOL_REQUEST_NAMESPACE)


def school_request_from_token(token):
    pk = tokens.unsign(token, SCHOOL_REQUEST_NAMESPACE)
    if pk is None:
        return None
    return SchoolSessionRequest.objects.filter(pk=pk).first()


def ambassador_token(application):
    return tokens.sign(application.pk, AMBASSADOR_NAMESPACE)


def ambassador_from_token(token):
    pk = tokens.unsign(token, AMBASSADOR_NAMESPACE)
    return AmbassadorApplication.objects.filter(pk=pk).first() if pk is not None else None


def registration_links(registration):
    token = registration_token(registration)
    return {
        "ticket_url": reverse_absolute("outreach:ticket", args=[token]),
        "cancel_url": reverse_absolute("outreach:cancel_registration", args=[token]),
        "certificate_url": reverse_absolute("outreach:certificate", args=[token]),
    }
