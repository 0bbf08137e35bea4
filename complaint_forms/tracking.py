"""What the tracking page tells the citizen: what happens next and by when, and what
each step of the timeline was, in the citizen's words.

The dates are the working-day deadlines the workflow already sets (forward_due,
response_due, close_due); the citizen sees the one that applies to the current status."""

from django.utils.translation import gettext_lazy as _

from .choices import Status
from .transitions import STATUS_DUE

NEXT_STEPS = {
    Status.SUBMITTED: _("We check your report and forward it to a work unit"),
    Status.VERIFIED: _("We forward your report to a work unit"),
    Status.ASSIGNED: _("The work unit answers your report"),
    Status.IN_PROGRESS: _("The work unit answers your report"),
    Status.NEEDS_INFO: _("We are waiting for your reply below"),
    Status.ANSWERED: _("The report is closed, unless you appeal"),
}

# Fields the tracking and confirmation queries must load for `next_step`.
DUE_FIELDS = tuple(dict.fromkeys(STATUS_DUE.values()))


def next_step(report):
    """{"text", "due"} for the report's status, or None once nothing more is expected."""
    text = NEXT_STEPS.get(report.status)
    if text is None:
        return None
    return {"text": text, "due": report.current_due()}


# Steps the citizen took are told as theirs: an appeal reopens the report and assigns it
# again, but "Assigned to a work unit" would hide that the citizen asked for it.
CITIZEN_STEPS = {
    "appeal": _("You appealed the answer; the report is open again"),
    "citizen_reply": _("You sent the information asked for"),
    "rate": _("You rated the answer"),
}


def timeline_label(event):
    if event.by_citizen and event.action in CITIZEN_STEPS:
        return CITIZEN_STEPS[event.action]
    return event.get_status_to_display() if event.status_to else ""
