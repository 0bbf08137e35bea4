"""Retention of the personal data people give outreach (see site_core/retention.py).

Rows stay where reach figures and certificates need them; only personal fields are
erased. Each rule names the date its period runs from.
"""

from django.db.models import F
from django.db.models.functions import Coalesce

from site_core.retention import cutoff

from .models import (
    AmbassadorApplication,
    ApplicationStatus,
    AssistedReportRequest,
    Registration,
    SchoolSessionRequest,
)

# Fields erased, per record; a registration keeps its name for the certificate.
REGISTRATION_FIELDS = {
    "phone": "",
    "email": "",
    "date_of_birth": None,
    "guardian_name": "",
    "guardian_contact": "",
    "accessibility_needs": "",
}
SCHOOL_CONTACT_FIELDS = {
    "contact_name": "",
    "contact_role": "",
    "phone": "",
    "email": "",
    "accessibility_needs": "",
    "staff_notes": "",
}
# What an application was judged on: gone for everyone once decided and past the period.
APPLICATION_ASSESSMENT_FIELDS = {
    "date_of_birth": None,
    "guardian_name": "",
    "guardian_contact": "",
    "motivation": "",
    "activities": "",
}
# A rejected applicant is not in touch with us any more: everything personal goes.
REJECTED_APPLICANT_FIELDS = {
    **APPLICATION_ASSESSMENT_FIELDS,
    "name": "",
    "institution": "",
    "phone": "",
    "email": "",
    "social_media": "",
}
ASSISTED_REQUEST_FIELDS = {
    "name": "",
    "phone": "",
    "email": "",
    "address": "",
    "preferred_time": "",
    "needs": "",
}


def _not_erased(queryset, fields):
    """Rows where at least one of `fields` still holds something."""
    return queryset.exclude(**{name: value for name, value in fields.items()})


def _erase(queryset, fields, dry_run):
    pending = _not_erased(queryset, fields)
    return pending.count() if dry_run else pending.update(**fields)


def purge(now, dry_run=False):
    registrations = Registration.objects.filter(event__end__lt=cutoff("registration", now))
    schools = SchoolSessionRequest.objects.annotate(
        reference=Coalesce(F("event__end"), F("proposed_start"), F("updated_at"))
    ).filter(reference__lt=cutoff("school_request", now))
    decided = AmbassadorApplication.objects.annotate(
        reference=Coalesce(F("decided_at"), F("created_at"))
    ).filter(
        status__in=(ApplicationStatus.ACCEPTED, ApplicationStatus.REJECTED),
        reference__lt=cutoff("ambassador_application", now),
    )
    assisted = AssistedReportRequest.objects.filter(created_at__lt=cutoff("assisted_request", now))
    return {
        "registrant contact details": _erase(registrations, REGISTRATION_FIELDS, dry_run),
        "school contact details": _erase(schools, SCHOOL_CONTACT_FIELDS, dry_run),
        "rejected applicants": _erase(
            decided.filter(status=ApplicationStatus.REJECTED), REJECTED_APPLICANT_FIELDS, dry_run
        ),
        "accepted ambassadors' application details": _erase(
            decided.filter(status=ApplicationStatus.ACCEPTED),
            APPLICATION_ASSESSMENT_FIELDS,
            dry_run,
        ),
        "assisted-reporting requests": _erase(assisted, ASSISTED_REQUEST_FIELDS, dry_run),
    }
