"""Bulk status changes in the outreach listings, through the same rules as one by one."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from wagtail.log_actions import log
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction

from . import ambassadors, registrations
from .models import (
    ActivityStatus,
    AmbassadorActivity,
    AmbassadorApplication,
    ApplicationStatus,
    Registration,
)


class StatusBulkAction(SnippetBulkAction):
    """Change the status of many records at once, through the same rules as one by one."""

    template_name = "outreach/admin/confirm_bulk_status.html"
    action_priority = 50
    permission = None

    def check_perm(self, obj):
        return self.request.user.has_perm(self.permission)

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d item updated.", "%(count)d items updated.", num_parent_objects
        ) % {"count": num_parent_objects}


class CancelRegistrationsBulkAction(StatusBulkAction):
    display_name = _("Cancel registrations")
    aria_label = _("Cancel the selected registrations")
    action_type = "outreach_cancel_registrations"
    models = [Registration]
    permission = "outreach.change_registration"

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        for registration in objects:
            registrations.cancel(registration)
            log(registration, "outreach.status_change", user=user, data={"status": "cancelled"})
        return len(objects), 0


class CheckInBulkAction(StatusBulkAction):
    display_name = _("Mark attended")
    aria_label = _("Mark the selected people as attended")
    action_type = "outreach_check_in"
    models = [Registration]
    permission = "outreach.check_in_registration"

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        done = sum(1 for registration in objects if registrations.check_in(registration, user))
        return done, 0


def _application_action(status, label):
    class ApplicationStatusBulkAction(StatusBulkAction):
        display_name = label
        aria_label = label
        action_type = f"outreach_application_{status}"
        models = [AmbassadorApplication]
        permission = "outreach.review_application"

        @classmethod
        def execute_action(cls, objects, user=None, **kwargs):
            changed = sum(1 for app in objects if ambassadors.set_status(app, status, user=user))
            return changed, 0

    ApplicationStatusBulkAction.__name__ = f"Application{status.title()}BulkAction"
    return ApplicationStatusBulkAction


def _activity_action(status, label):
    class ActivityStatusBulkAction(StatusBulkAction):
        display_name = label
        aria_label = label
        action_type = f"outreach_activity_{status}"
        models = [AmbassadorActivity]
        permission = "outreach.change_ambassadoractivity"

        @classmethod
        def execute_action(cls, objects, user=None, **kwargs):
            for activity in objects:
                activity.status = status
                activity.save(update_fields=["status"])
                log(activity, "outreach.status_change", user=user, data={"status": status})
            return len(objects), 0

    ActivityStatusBulkAction.__name__ = f"Activity{status.title()}BulkAction"
    return ActivityStatusBulkAction


BULK_ACTIONS = (
    CancelRegistrationsBulkAction,
    CheckInBulkAction,
    _application_action(ApplicationStatus.SHORTLISTED, _("Shortlist")),
    _application_action(ApplicationStatus.ACCEPTED, _("Accept")),
    _application_action(ApplicationStatus.REJECTED, _("Reject")),
    _activity_action(ActivityStatus.APPROVED, _("Approve")),
    _activity_action(ActivityStatus.REJECTED, _("Reject")),
)
