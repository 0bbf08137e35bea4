"""Carrying out the report state machine of `transitions`: one function per action.

Each function checks, against the table, that the person may take the action and that the
report is in a status it starts from; then changes the report, writes a `ReportEvent` for
the timeline, records the action in Wagtail's audit log and, once the transaction commits,
queues the mail the table names. Citizens' own actions (reply, appeal, rating) come from
the tracking page with no user; the system's (routing, automatic closing) with none either.
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone, translation

from wagtail.log_actions import log

from site_core.tasks import enqueue_on_commit
from site_core.text import is_visibly_empty

from . import tasks
from .choices import Privacy, RejectionReason, Status
from .deadlines import add_working_days
from .records import ComplaintSettings, Report, ReportEvent, UnitMembership
from .transitions import BY_ACTION, WITH_UNIT, Who


class TransitionNotAllowed(Exception):
    """The report is not in a state this action starts from."""


def can_coordinate(user):
    return bool(user and user.is_active and user.has_perm("complaint_forms.coordinate_reports"))


def is_unit_officer(user, report):
    """An officer of the unit the report is assigned to."""
    if not (user and user.is_active and user.has_perm("complaint_forms.respond_reports")):
        return False
    return bool(
        report.assigned_unit_id and UnitMembership.unit_id_for(user) == report.assigned_unit_id
    )


def roles(user, report):
    """The parts of the `transitions` table a staff member plays for this report."""
    if can_coordinate(user):
        return {Who.COORDINATOR}  # the table lets coordinators do the officers' part too
    if is_unit_officer(user, report):
        return {Who.UNIT_OFFICER}
    return set()


def available(report, roles_):
    """The transitions `roles_` may take from the report's status, in table order."""
    return [
        transition
        for transition in BY_ACTION.values()
        if any(transition.starts_from(report.status, who) for who in set(roles_) & transition.who)
    ]


def can_see_identity(user, report):
    """Confidential identities are for coordinators only; anonymous reports have none."""
    if report.privacy == Privacy.ANONYMOUS:
        return False
    if report.privacy == Privacy.CONFIDENTIAL:
        return bool(user.has_perm("complaint_forms.view_confidential_identity"))
    return Report.objects.for_user(user).filter(pk=report.pk).exists()


def _begin(report, action, roles_):
    """Lock the report and check the table: PermissionDenied when none of `roles_` may take
    the action at all, TransitionNotAllowed when not from the report's status. Returns
    (transition, status it starts from)."""
    transition = _may(action, roles_)
    acting = set(roles_) & transition.who
    _locked(report)
    if not any(transition.starts_from(report.status, who) for who in acting):
        raise TransitionNotAllowed(
            f"{report.tracking_code}: cannot go from {report.status} with this action."
        )
    return transition, report.status


def _may(action, roles_):
    transition = BY_ACTION[action]
    if not set(roles_) & transition.who:
        raise PermissionDenied("Not allowed to change this report.")
    return transition


def _staff(user, report, system=False):
    return {Who.SYSTEM} if system else roles(user, report)


CITIZEN = {Who.CITIZEN}


def _settings():
    return ComplaintSettings.current()


def _record(report, transition, status_from, user=None, public="", note="", **data):
    """The timeline event and audit entry of a transition; its mail once committed."""
    by_citizen = Who.CITIZEN in transition.who
    user = user if user and user.is_authenticated else None
    event = ReportEvent.objects.create(
        report=report,
        action=transition.action,
        status_from=status_from,
        status_to=report.status,
        public_message=public,
        internal_note=note,
        actor=user,
        by_citizen=by_citizen,
    )
    log(
        instance=report,
        action=f"complaint_forms.{transition.action}",
        user=user,
        data={"status_from": status_from, "status_to": report.status, **data},
    )
    _mail_on_commit(report, transition.mail)
    return event


def _mail_on_commit(report, mail):
    if mail == "assigned":
        enqueue_on_commit(tasks.send_assignment_mail, report.pk)
    elif mail and report.reporter_email:
        enqueue_on_commit(tasks.send_citizen_mail, report.pk, mail)


def _locked(report):
    """Re-read the report under a row lock so two officers cannot act on a stale copy."""
    fresh = Report.objects.select_for_update().get(pk=report.pk)
    report.__dict__.update(
        {f.attname: getattr(fresh, f.attname) for f in Report._meta.concrete_fields}
    )
    return report


def _mark_first_response(report, now):
    if report.assigned_unit_id and report.first_response_at is None:
        report.first_response_at = now


PERFORMERS = {}


def _carries_out(action):
    """Register the function that carries out `action` (which must be in the table)."""

    def register(function):
        if action not in BY_ACTION:
            raise LookupError(f"{action} is not in the transitions table")
        PERFORMERS[action] = transaction.atomic(function)
        return PERFORMERS[action]

    return register


def perform(action, report, user=None, data=None):
    """Carry out `action` with a form's cleaned data: the admin's action forms and the
    tracking page's citizen forms name their fields after the functions' arguments."""
    data = dict(data or {})
    if Who.CITIZEN in BY_ACTION[action].who:
        return PERFORMERS[action](report, **data)
    return PERFORMERS[action](report, user, **data)


def _default(report, transition, public_message, **values):
    """The staff's message, or the transition's own in the citizen's language (the
    report's): whoever acts, the citizen reads the timeline and its mail in theirs."""
    if public_message:
        return public_message
    with translation.override(report.language or settings.LANGUAGE_CODE):
        return str(transition.public_message) % {k: str(v) for k, v in values.items()}


@_carries_out("verify")
def verify(report, user, public_message="", internal_note=""):
    transition, status_from = _begin(report, "verify", _staff(user, report))
    report.status = Status.VERIFIED
    report.save()
    public = _default(report, transition, public_message)
    return _record(report, transition, status_from, user, public, internal_note)


@_carries_out("reject")
def reject(report, user, reason, public_message="", internal_note=""):
    staff = _staff(user, report)
    _may("reject", staff)
    if reason not in RejectionReason.values:
        raise ValueError("Unknown rejection reason")
    transition, status_from = _begin(report, "reject", staff)
    report.status = Status.REJECTED
    report.rejection_reason = reason
    report.closed_at = timezone.now()
    report.save()
    public = _default(report, transition, public_message, reason=RejectionReason(reason).label)
    return _record(report, transition, status_from, user, public, internal_note, reason=reason)


def _assign_fields(report, unit, now, config, extra=None):
    report.status = Status.ASSIGNED
    report.assigned_unit = unit
    report.assigned_at = now
    report.first_response_at = None
    report.response_due = add_working_days(timezone.localdate(now), config.response_days, extra)


@_carries_out("assign")
def assign(report, user, unit, public_message="", internal_note="", system=False, at=None):
    """Forward to a work unit (coordinators; or the system, `at` the time the report was
    received)."""
    transition, status_from = _begin(report, "assign", _staff(user, report, system))
    _assign_fields(report, unit, at or timezone.now(), _settings())
    report.save()
    public = _default(report, transition, public_message, unit=unit.name)
    return _record(report, transition, status_from, user, public, internal_note, unit=unit.pk)


def route_new_report(report, unit, *, at, config, extra=None, internal_note=""):
    """The system's "assign" for a report being created (routing at intake by its
    category's default unit): the same change as `assign`, made before the report's first
    save so that it is inserted once, already routed, with nothing to lock (no one else
    can see the row yet). Returns the timeline event, unsaved: the intake stores it with
    the report's own and queues `mail_for("assign", report)` once the report is saved."""
    transition = _may("assign", {Who.SYSTEM})
    if not transition.starts_from(report.status, Who.SYSTEM):
        raise TransitionNotAllowed(f"A new report cannot be routed from {report.status}.")
    status_from = report.status
    _assign_fields(report, unit, at, config, extra)
    return ReportEvent(
        report=report,
        action=transition.action,
        status_from=status_from,
        status_to=report.status,
        public_message=_default(report, transition, "", unit=unit.name),
        internal_note=internal_note,
    )


def mail_for(action, report):
    """Queue, for when the transaction commits, the mail the table names for `action`."""
    _mail_on_commit(report, BY_ACTION[action].mail)


@_carries_out("start")
def start_progress(report, user, public_message="", internal_note=""):
    transition, status_from = _begin(report, "start", _staff(user, report))
    report.status = Status.IN_PROGRESS
    _mark_first_response(report, timezone.now())
    report.save()
    public = _default(report, transition, public_message)
    return _record(report, transition, status_from, user, public, internal_note)


@_carries_out("request_info")
def request_info(report, user, public_message, internal_note=""):
    if is_visibly_empty(public_message):
        raise ValueError("Say what information is needed.")
    transition, status_from = _begin(report, "request_info", _staff(user, report))
    report.status_before_info_request = status_from
    report.status = Status.NEEDS_INFO
    _mark_first_response(report, timezone.now())
    report.save()
    return _record(report, transition, status_from, user, public_message, internal_note)


@_carries_out("citizen_reply")
def citizen_reply(report, message):
    """The reporter answers a request for more information; the clock restarts."""
    if is_visibly_empty(message):
        raise ValueError("Empty reply")
    transition, status_from = _begin(report, "citizen_reply", CITIZEN)
    report.status = report.status_before_info_request or Status.SUBMITTED
    report.status_before_info_request = ""
    _restart_clock(report)
    report.save()
    return _record(report, transition, status_from, None, message)


@_carries_out("answer")
def answer(report, user, public_message, internal_note=""):
    if is_visibly_empty(public_message):
        raise ValueError("An answer needs a public message.")
    transition, status_from = _begin(report, "answer", _staff(user, report))
    now = timezone.now()
    today = timezone.localdate(now)
    due = report.response_due if report.assigned_unit_id else report.forward_due
    report.status = Status.ANSWERED
    report.answered_at = now
    if report.answered_within_deadline is None:
        report.answered_within_deadline = bool(due is None or today <= due)
    report.close_due = add_working_days(today, _settings().auto_close_days)
    _mark_first_response(report, now)
    report.save()
    return _record(report, transition, status_from, user, public_message, internal_note)


@_carries_out("close")
def close(report, user=None, public_message="", internal_note="", system=False):
    """Close a report (coordinators; or the system once an answered report's time for the
    citizen to reply has passed)."""
    transition, status_from = _begin(report, "close", _staff(user, report, system))
    report.status = Status.CLOSED
    report.closed_at = timezone.now()
    report.save()
    public = _default(report, transition, public_message)
    return _record(report, transition, status_from, user, public, internal_note)


def _restart_clock(report):
    """The deadline of the status the report is now in counts again from today."""
    config = _settings()
    today = timezone.localdate()
    if report.status in WITH_UNIT:
        report.response_due = add_working_days(today, config.response_days)
    else:
        report.forward_due = add_working_days(today, config.forward_days)


def _reopen_fields(report):
    report.closed_at = None
    report.close_due = None
    report.rejection_reason = ""
    report.status = Status.ASSIGNED if report.assigned_unit_id else Status.SUBMITTED
    _restart_clock(report)


@_carries_out("reopen")
def reopen(report, user, public_message="", internal_note=""):
    transition, status_from = _begin(report, "reopen", _staff(user, report))
    _reopen_fields(report)
    report.save()
    public = _default(report, transition, public_message)
    return _record(report, transition, status_from, user, public, internal_note)


@_carries_out("appeal")
def appeal(report, message):
    """The reporter is not satisfied with the answer: the report goes back to the unit."""
    if is_visibly_empty(message):
        raise ValueError("Empty appeal")
    transition, status_from = _begin(report, "appeal", CITIZEN)
    _reopen_fields(report)
    report.save()
    return _record(report, transition, status_from, None, message)


@_carries_out("rate")
def rate(report, rating, comment=""):
    if not 1 <= int(rating) <= 5:
        raise ValueError("Rating must be 1 to 5")
    transition, status_from = _begin(report, "rate", CITIZEN)
    report.rating = int(rating)
    report.rating_comment = comment
    report.save(update_fields=["rating", "rating_comment", "updated_at"])
    return _record(report, transition, status_from, None, "", comment, rating=rating)


def log_identity_view(report, user):
    log(instance=report, action="complaint_forms.view_identity", user=user)
