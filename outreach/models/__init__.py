"""Outreach models, one module per concept; imported from here by everything above the
model layer (admin, statistics, tests). Modules the pages import (views, services, forms)
import the record modules directly, so the import runs one way."""

from .ambassadors import (
    AmbassadorActivity,
    AmbassadorApplication,
    ApplicationReview,
    ReviewCriterion,
)
from .assisted_reporting import AssistedReportRequest
from .choices import (
    ActivityStatus,
    ApplicationStatus,
    AssistedRequestMethod,
    EventStatus,
    ProgramKind,
    RegistrationStatus,
    SchoolLevel,
    SchoolRequestStatus,
)
from .pages import EventPage, ProgramIndexPage, ProgramPage
from .registrations import Registration
from .routing import canonical_page
from .school_requests import SchoolSessionRequest

__all__ = [
    "ActivityStatus",
    "AmbassadorActivity",
    "AmbassadorApplication",
    "ApplicationReview",
    "ApplicationStatus",
    "AssistedReportRequest",
    "AssistedRequestMethod",
    "EventPage",
    "EventStatus",
    "ProgramIndexPage",
    "ProgramKind",
    "ProgramPage",
    "Registration",
    "RegistrationStatus",
    "ReviewCriterion",
    "SchoolLevel",
    "SchoolRequestStatus",
    "SchoolSessionRequest",
    "canonical_page",
]
