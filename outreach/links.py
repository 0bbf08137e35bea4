"""Signed links in outreach mail: the ticket (with its cancel and certificate links), the
school's cancel link and the ambassador's activity form. One namespace (salt) per kind, so
a token of one kind opens nothing else; the namespaces are the settings' expiry keys and
must not change, or links already sent stop working."""

from site_core.links import reverse_absolute
from site_core.tokens import SignedLink

from .models.ambassadors import AmbassadorApplication
from .models.registrations import Registration
from .models.school_requests import SchoolSessionRequest

REGISTRATION_LINK = SignedLink("outreach.registration")
SCHOOL_REQUEST_LINK = SignedLink("outreach.school-request")
AMBASSADOR_LINK = SignedLink("outreach.ambassador")


def registration_from_token(token):
    return REGISTRATION_LINK.get(Registration.objects.select_related("event__locale"), token)


def school_request_from_token(token):
    return SCHOOL_REQUEST_LINK.get(SchoolSessionRequest.objects.all(), token)


def ambassador_from_token(token):
    return AMBASSADOR_LINK.get(AmbassadorApplication.objects.all(), token)


def registration_links(registration):
    token = REGISTRATION_LINK.token(registration)
    return {
        "ticket_url": reverse_absolute("outreach:ticket", args=[token]),
        "cancel_url": reverse_absolute("outreach:cancel_registration", args=[token]),
        "certificate_url": reverse_absolute("outreach:certificate", args=[token]),
    }
