"""The report state machine: one function per transition.

Each function checks that the report is in a state the transition starts from and that the
person may make it, changes the report, writes a `ReportEvent` for the timeline, records the
action in Wagtail's audit log and, once the transaction commits, queues the mail it causes.
Citizens' own actions (reply, appeal, rating) come from the tracking page with no user.
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.log_actions import log

from site_core.text import is_visibly_empty

from . import tasks
from .deadlines import add_working_days
from .models import (
    ComplaintSettings,
    Privacy,
    RejectionReason,
    Report,
    ReportEvent,
    Status,
    UnitMembership,
)

S = Status


class TransitionNotAllowed(Exception):
    """The report is not in a state this action starts from."""


def can_coordinate(user):
    return bool(user and user.is_active and user.has_perm("complaint_forms.coordinate_reports"))


def can_respond(user, report):
    """Coordinators, and officers of the unit the report is assigned to."""
    if can_coordinate(user):
        return True
    if not (user and user.is_active and user.has_perm("complaint_forms.respond_reports")):
        return False
    return bool(
        report.assigned_unit_id and UnitMembership.unit_id_for(user) == report.assigned_unit_id
    )


def can_see_identity(user, report):
    """Confidential identities are for coordinators only; anonymous reports have none."""
    if report.privacy == Privacy.ANONYMOUS:
        return False
    if report.privacy == Privacy.CONFIDENTIAL:
        return bool(user.has_perm("complaint_forms.view_confidential_identity"))
    return Report.objects.for_user(user).filter(pk=report.pk).exists()


def _require(allowed, message=None):
    if not allowed:
        raise PermissionDenied(message or "Not allowed to change this report.")


def _require_state(report, states):
    if report.status not in states:
        raise TransitionNotAllowed(
            f"{report.tracking_code}: cannot go from {report.status} with this action."
        )


def _settings():
    return ComplaintSettings.current()


def _record(report, action, status_from, user=None, public="", note="", by_citizen=False, **data):
    event = ReportEvent.objects.create(
        report=report,
        action=action,
        status_from=status_from,
        status_to=report.status,
        public_message=public,
        internal_note=note,
        actor=user if user and user.is_authenticated else None,
        by_citizen=by_citizen,
    )
    log(
        instance=report,
        action=f"complaint_forms.{action}",
        user=user if user and user.is_authenticated else None,
        data={"status_from": status_from, "status_to": report.status, **data},
    )
    return event


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


@transaction.atomic
def verify(report, user, public_message="", internal_note=""):
    _require(can_coordinate(user))
    _locked(report)
    _require_state(report, [S.SUBMITTED])
    status_from = report.status
    report.status = S.VERIFIED
    report.save()
    public = public_message or _("Your report has been verified.")
    return _record(report, "verify", status_from, user, public, internal_note)


@transaction.atomic
def reject(report, user, reason, public_message="", internal_note=""):
    _require(can_coordinate(user))
    if reason not in RejectionReason.values:
        raise ValueError("Unknown rejection reason")
    _locked(report)
    _require_state(report, [S.SUBMITTED, S.VERIFIED, S.ASSIGNED])
    status_from = report.status
    report.status = S.REJECTED
    report.rejection_reason = reason
    report.closed_at = timezone.now()
    report.save()
    public = public_message or _("Your report cannot be followed up: %(reason)s.") % {
        "reason": RejectionReason(reason).label
    }
    event = _record(report, "reject", status_from, user, public, internal_note, reason=reason)
    _mail_citizen_on_commit(report, "rejected")
    return event


@transaction.atomic
def assign(report, user, unit, public_message="", internal_note="", system=False, at=None):
    """Forward to a work unit (coordinators; or the system at intake, routing by the
    category's default unit, `at` the time the report was received)."""
    if not system:
        _require(can_coordinate(user))
    _locked(report)
    _require_state(report, [S.SUBMITTED, S.VERIFIED, S.ASSIGNED, S.IN_PROGRESS])
    status_from = report.status
    now = at or timezone.now()
    report.status = S.ASSIGNED
    report.assigned_unit = unit
    report.assigned_at = now
    report.first_response_at = None
    report.response_due = add_working_days(timezone.localdate(now), _settings().response_days)
    report.save()
    public = public_message or _("Your report has been forwarded to %(unit)s.") % {
        "unit": unit.name
    }
    event = _record(report, "assign", status_from, user, public, internal_note, unit=unit.pk)
    tasks.enqueue_after_commit(tasks.send_assignment_mail, report.pk)
    return event


@transaction.atomic
def start_progress(report, user, public_message="", internal_note=""):
    _require(can_respond(user, report))
    _locked(report)
    _require_state(report, [S.ASSIGNED])
    status_from = report.status
    report.status = S.IN_PROGRESS
    _mark_first_response(report, timezone.now())
    report.save()
    public = public_message or _("The work unit is following up your report.")
    return _record(report, "start", status_from, user, public, internal_note)


@transaction.atomic
def request_info(report, user, public_message, internal_note=""):
    if is_visibly_empty(public_message):
        raise ValueError("Say what information is needed.")
    _require(can_respond(user, report))
    _locked(report)
    _require_state(report, [S.SUBMITTED, S.VERIFIED, S.ASSIGNED, S.IN_PROGRESS])
    status_from = report.status
    report.status_before_info_request = status_from
    report.status = S.NEEDS_INFO
    _mark_first_response(report, timezone.now())
    report.save()
    event = _record(report, "request_info", status_from, user, public_message, internal_note)
    _mail_citizen_on_commit(report, "needs_info")
    return event


@transaction.atomic
def citizen_reply(report, message):
    """The reporter answers a request for more information; the clock restarts."""
    if is_visibly_empty(message):
        raise ValueError("Empty reply")
    _locked(report)
    _require_state(report, [S.NEEDS_INFO])
    status_from = report.status
    report.status = report.status_before_info_request or S.SUBMITTED
    report.status_before_info_request = ""
    today = timezone.localdate()
    settings = _settings()
    if report.status in (S.ASSIGNED, S.IN_PROGRESS):
        report.response_due = add_working_days(today, settings.response_days)
    else:
        report.forward_due = add_working_days(today, settings.forward_days)
    report.save()
    return _record(report, "citizen_reply", status_from, None, message, by_citizen=True)


@transaction.atomic
def answer(report, user, public_message, internal_note=""):
    if is_visibly_empty(public_message):
        raise ValueError("An answer needs a public message.")
    _require(can_respond(user, report))
    _locked(report)
    _require_state(report, [S.VERIFIED, S.ASSIGNED, S.IN_PROGRESS])
    status_from = report.status
    now = timezone.now()
    today = timezone.localdate(now)
    due = report.response_due if report.assigned_unit_id else report.forward_due
    report.status = S.ANSWERED
    report.answered_at = now
    if report.answered_within_deadline is None:
        report.answered_within_deadline = bool(due is None or today <= due)
    report.close_due = add_working_days(today, _settings().auto_close_days)
    _mark_first_response(report, now)
    report.save()
    event = _record(report, "answer", status_from, user, public_message, internal_note)
    _mail_citizen_on_commit(report, "answered")
    return event


@transaction.atomic
def close(report, user=None, public_message="", internal_note="", system=False):
    """Close an answered report (coordinators; or the system once the citizen's time to
    reply has passed)."""
    if not system:
        _require(can_coordinate(user))
    _locked(report)
    _require_state(report, [S.ANSWERED] if system else [*_open_or_answered()])
    status_from = report.status
    report.status = S.CLOSED
    report.closed_at = timezone.now()
    report.save()
    public = public_message or _("This report is closed.")
    return _record(report, "close", status_from, user, public, internal_note)


def _open_or_answered():
    return [S.SUBMITTED, S.VERIFIED, S.ASSIGNED, S.IN_PROGRESS, S.NEEDS_INFO, S.ANSWERED]


def _reopen_fields(report):
    today = timezone.localdate()
    settings = _settings()
    report.closed_at = None
    report.close_due = None
    report.rejection_reason = ""
    if report.assigned_unit_id:
        report.status = S.ASSIGNED
        report.response_due = add_working_days(today, settings.response_days)
    else:
        report.status = S.SUBMITTED
        report.forward_due = add_working_days(today, settings.forward_days)


@transaction.atomic
def reopen(report, user, public_message="", internal_note=""):
    _require(can_coordinate(user))
    _locked(report)
    _require_state(report, [S.ANSWERED, S.CLOSED, S.REJECTED])
    status_from = report.status
    _reopen_fields(report)
    report.save()
    public = public_message or _("This report has been reopened.")
    return _record(report, "reopen", status_from, user, public, internal_note)


@transaction.atomic
def appeal(report, message):
    """The reporter is not satisfied with the answer: the report goes back to the unit."""
    if is_visibly_empty(message):
        raise ValueError("Empty appeal")
    _locked(report)
    _require_state(report, [S.ANSWERED, S.CLOSED])
    status_from = report.status
    _reopen_fields(report)
    report.save()
    return _record(report, "appeal", status_from, None, message, by_citizen=True)


@transaction.atomic
def rate(report, rating, comment=""):
    if not 1 <= int(rating) <= 5:
        raise ValueError("Rating must be 1 to 5")
    _locked(report)
    _require_state(report, [S.ANSWERED, S.CLOSED])
    report.rating = int(rating)
    report.rating_comment = comment
    report.save(update_fields=["rating", "rating_comment", "updated_at"])
    return _record(report, "rate", report.status, None, "", comment, by_citizen=True, rating=rating)


def log_identity_view(report, user):
    log(instance=report, action="complaint_forms.view_identity", user=user)


def _mail_citizen_on_commit(report, what):
    if report.reporter_email:
        transaction.on_commit(lambda: tasks.send_citizen_mail.enqueue(report.pk, what))
