"""Outreach in the Wagtail admin: one "Outreach" menu with listings, exports, bulk status
changes, check-in and review screens (admin_viewsets, bulk_actions). Personal data is
visible only with the model permissions that the "Petugas Sosialisasi" group holds (see
migration 0002)."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from site_core.audit import entries_for_model_permission_holders, register_private_model

from .admin_viewsets import OutreachViewSetGroup
from .bulk_actions import BULK_ACTIONS
from .models import (
    AmbassadorActivity,
    AmbassadorApplication,
    ApplicationReview,
    AssistedReportRequest,
    Registration,
    SchoolSessionRequest,
)

# Their audit-log entries are labelled "<kind> #<id>", never with a name or check-in code.
PERSONAL_DATA_MODELS = (
    Registration,
    SchoolSessionRequest,
    AmbassadorApplication,
    AmbassadorActivity,
    AssistedReportRequest,
    ApplicationReview,
)


@hooks.register("register_admin_viewset")
def register_outreach_viewsets():
    return OutreachViewSetGroup()


for action in BULK_ACTIONS:
    hooks.register("register_bulk_action", action)


@hooks.register("register_log_actions")
def register_outreach_log_actions(actions):
    for action, label, message in (
        ("outreach.check_in", _("Check in"), _("Attendee checked in")),
        ("outreach.school_request.propose", _("Propose date"), _("Session date proposed")),
        ("outreach.school_request.confirm", _("Confirm session"), _("Session confirmed")),
        ("outreach.school_request.held", _("Mark held"), _("Session marked held")),
        ("outreach.school_request.cancel", _("Cancel session"), _("Session cancelled")),
        ("outreach.application.applied", _("Applied"), _("Application set to applied")),
        ("outreach.application.shortlisted", _("Shortlist"), _("Application shortlisted")),
        ("outreach.application.accepted", _("Accept"), _("Application accepted")),
        ("outreach.application.rejected", _("Reject"), _("Application rejected")),
        ("outreach.application.scored", _("Score"), _("Application scored")),
        ("outreach.status_change", _("Change status"), _("Status changed")),
    ):
        actions.register_action(action, label, message)
    for model in PERSONAL_DATA_MODELS:
        register_private_model(actions, model, entries_for_model_permission_holders(model))
