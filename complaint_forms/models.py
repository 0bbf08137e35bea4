"""Every model of complaint handling, gathered for Django and other apps.

Inside the app, modules import from where things are defined (`choices`, `records`,
`pages`): this module sits on top, since the pages' routes are the public views."""

from .choices import Channel, ContactChannel, Kind, Privacy, RejectionReason, Status
from .pages import RankingPage, ReportPage
from .records import (
    Attachment,
    Category,
    ComplaintSettings,
    ExtraHoliday,
    Report,
    ReportEvent,
    ReportQuerySet,
    UnitMembership,
    attachment_path,  # named by migration 0001
)

__all__ = [
    "Attachment",
    "Category",
    "Channel",
    "ComplaintSettings",
    "ContactChannel",
    "ExtraHoliday",
    "Kind",
    "Privacy",
    "RankingPage",
    "RejectionReason",
    "Report",
    "ReportEvent",
    "ReportPage",
    "ReportQuerySet",
    "Status",
    "UnitMembership",
    "attachment_path",
]
