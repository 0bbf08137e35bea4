from django.utils.translation import gettext_lazy as _

from wagtail import hooks


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
        ("outreach.export", _("Export"), _("Personal data exported")),
    ):
        actions.register_action(action, label, message)
