"""The report state machine as one table: which action may move a report from which status,
who may take it, where it goes, what the citizen and staff are told and which deadline it
sets. `workflow` carries the actions out; the admin's action panel, the tracking page, the
deadline queries and the reminders all read this table, so a change here changes them all.

Pure data (no models): `records` reads the status facts below, so this sits under it.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from .choices import Status


class Who:
    """Who may take an action. Coordinators may also do what unit officers do."""

    COORDINATOR = "coordinator"
    UNIT_OFFICER = "unit officer"  # of the unit the report is assigned to
    CITIZEN = "citizen"  # the reporter, on the tracking page, with the tracking code
    SYSTEM = "system"  # routing at intake, closing answered reports when time is up


# The deadline each status is measured against (statuses not listed have none running:
# waiting for the citizen, or finished).
STATUS_DUE = {
    Status.SUBMITTED: "forward_due",
    Status.VERIFIED: "forward_due",
    Status.ASSIGNED: "response_due",
    Status.IN_PROGRESS: "response_due",
    Status.ANSWERED: "close_due",
}
# Passing close_due is not late work by the city: the report then closes by itself.
OVERDUE_FIELDS = ("forward_due", "response_due")
OPEN_STATUSES = (
    Status.SUBMITTED,
    Status.VERIFIED,
    Status.ASSIGNED,
    Status.IN_PROGRESS,
    Status.NEEDS_INFO,
)
# Done with: closed_at is set (retention counts from it); only a reopen changes them.
FINISHED_STATUSES = (Status.CLOSED, Status.REJECTED)
BEFORE_UNIT = (Status.SUBMITTED, Status.VERIFIED)
WITH_UNIT = (Status.ASSIGNED, Status.IN_PROGRESS)


def statuses_due_by(*fields):
    """The statuses whose running deadline is one of `fields`."""
    return [status for status, due in STATUS_DUE.items() if due in fields]


COORDINATORS = frozenset({Who.COORDINATOR})
HANDLERS = frozenset({Who.COORDINATOR, Who.UNIT_OFFICER})
CITIZEN = frozenset({Who.CITIZEN})


@dataclass(frozen=True)
class Transition:
    action: str  # name in events, the audit log ("complaint_forms.<action>") and admin URLs
    sources: tuple  # statuses it starts from
    who: frozenset
    targets: tuple  # statuses it may end in; () when the status stays
    label: str  # the admin button and dialog title, or the tracking page's form heading
    event_label: str  # the step in the staff timeline and the audit log
    public_message: str = ""  # told to the citizen when staff write nothing ("" = required)
    sets_due: tuple = ()  # deadline fields it (re)starts
    mail: str = ""  # "assigned" to the unit, or the citizen's status mail it causes
    form: str = "message"  # which form collects its input (admin_views / views map it)
    group: str = ""  # admin action panel: triage, handle or finish
    style: str = "secondary"  # admin button: primary, secondary or refusal
    slug: str = ""  # the citizen's form field and ?done= value, when not the action name
    done_message: str = ""  # what the tracking page says once a citizen action is done
    submit_label: str = ""  # the citizen form's button
    # Narrower starting statuses for some of `who` (the system only closes answered reports).
    sources_for: dict = field(default_factory=dict)

    def starts_from(self, status, who):
        return status in self.sources_for.get(who, self.sources)

    @property
    def name(self):
        return self.slug or self.action


OPEN_OR_ANSWERED = (*OPEN_STATUSES, Status.ANSWERED)

TRANSITIONS = (
    Transition(
        "verify",
        (Status.SUBMITTED,),
        COORDINATORS,
        (Status.VERIFIED,),
        _("Verify"),
        _("Report verified"),
        _("Your report has been verified."),
        group="triage",
        style="primary",
    ),
    # From "assigned" too: reports routed to a unit at intake were never verified.
    Transition(
        "reject",
        (Status.SUBMITTED, Status.VERIFIED, Status.ASSIGNED),
        COORDINATORS,
        (Status.REJECTED,),
        _("Reject"),
        _("Report rejected"),
        _("Your report cannot be followed up: %(reason)s."),
        mail="rejected",
        form="reject",
        group="triage",
        style="refusal",
    ),
    Transition(
        "assign",
        (*BEFORE_UNIT, *WITH_UNIT),
        COORDINATORS | {Who.SYSTEM},
        (Status.ASSIGNED,),
        _("Assign to a work unit"),
        _("Report assigned to a unit"),
        _("Your report has been forwarded to %(unit)s."),
        sets_due=("response_due",),
        mail="assigned",
        form="assign",
        group="triage",
        style="primary",
    ),
    Transition(
        "start",
        (Status.ASSIGNED,),
        HANDLERS,
        (Status.IN_PROGRESS,),
        _("Start handling"),
        _("Report taken in hand"),
        _("The work unit is following up your report."),
        group="handle",
        style="primary",
    ),
    Transition(
        "request_info",
        (*BEFORE_UNIT, *WITH_UNIT),
        HANDLERS,
        (Status.NEEDS_INFO,),
        _("Ask the citizen for more information"),
        _("More information requested"),
        mail="needs_info",
        form="required_message",
        group="handle",
    ),
    # Back to the status before the request; that status's deadline starts again.
    Transition(
        "citizen_reply",
        (Status.NEEDS_INFO,),
        CITIZEN,
        (*BEFORE_UNIT, *WITH_UNIT),
        _("Reply with the information asked for"),
        _("Citizen replied"),
        sets_due=OVERDUE_FIELDS,
        form="reply",
        slug="reply",
        done_message=_("Thank you, your reply has been added."),
        submit_label=_("Send reply"),
    ),
    Transition(
        "answer",
        (Status.VERIFIED, *WITH_UNIT),
        HANDLERS,
        (Status.ANSWERED,),
        _("Send the answer"),
        _("Report answered"),
        sets_due=("close_due",),
        mail="answered",
        form="required_message",
        group="handle",
        style="primary",
    ),
    Transition(
        "close",
        OPEN_OR_ANSWERED,
        COORDINATORS | {Who.SYSTEM},
        (Status.CLOSED,),
        _("Close"),
        _("Report closed"),
        _("This report is closed."),
        group="finish",
        style="refusal",
        sources_for={Who.SYSTEM: (Status.ANSWERED,)},
    ),
    # Reopened reports go back to their unit if they had one, else to the coordinators.
    Transition(
        "reopen",
        (Status.ANSWERED, Status.CLOSED, Status.REJECTED),
        COORDINATORS,
        (Status.ASSIGNED, Status.SUBMITTED),
        _("Reopen"),
        _("Report reopened"),
        _("This report has been reopened."),
        sets_due=OVERDUE_FIELDS,
        group="finish",
    ),
    Transition(
        "rate",
        (Status.ANSWERED, Status.CLOSED),
        CITIZEN,
        (),
        _("Rate the answer"),
        _("Citizen rated the answer"),
        form="rating",
        done_message=_("Thank you for your rating."),
        submit_label=_("Send rating"),
    ),
    Transition(
        "appeal",
        (Status.ANSWERED, Status.CLOSED),
        CITIZEN,
        (Status.ASSIGNED, Status.SUBMITTED),
        _("Not satisfied? Appeal the answer"),
        _("Citizen appealed the answer"),
        sets_due=OVERDUE_FIELDS,
        form="appeal",
        done_message=_("Your appeal has been received; the report is open again."),
        submit_label=_("Send appeal"),
    ),
)

BY_ACTION = {transition.action: transition for transition in TRANSITIONS}
STAFF_ACTIONS = {t.action: t for t in TRANSITIONS if t.who & HANDLERS}
CITIZEN_ACTIONS = {t.name: t for t in TRANSITIONS if Who.CITIZEN in t.who}

# Timeline and audit-log labels: the transitions, and the report's creation.
EVENT_LABELS = {
    "submit": _("Report submitted"),
    **{t.action: t.event_label for t in TRANSITIONS},
}
