"""Lapor Goes To School: the life of a school's session request.

requested -> proposed (staff propose a date) -> confirmed (an event exists) -> held;
the school or staff may cancel before it is held. The school gets mail at each step.
"""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from wagtail.log_actions import log

from site_core.audiences import Audience
from site_core.tasks import enqueue_on_commit

from .models.choices import EventStatus, SchoolRequestStatus
from .models.school_requests import SchoolSessionRequest
from .tasks import send_school_request_mail

SESSION_LENGTH = datetime.timedelta(hours=2)


class InvalidTransition(Exception):
    pass


def _events():
    """The event pages, reached through the request's relation: the pages' routes call
    this module, so it imports no page class."""
    return SchoolSessionRequest.event.field.related_model.objects


def _mail(session_request, kind):
    enqueue_on_commit(send_school_request_mail, session_request.pk, kind)


def _require(session_request, *allowed):
    if session_request.status not in allowed:
        raise InvalidTransition(session_request.status)


def received(session_request):
    _mail(session_request, "received")


@transaction.atomic
def propose_date(session_request, start, user=None):
    _require(session_request, SchoolRequestStatus.REQUESTED, SchoolRequestStatus.PROPOSED)
    session_request.proposed_start = start
    session_request.status = SchoolRequestStatus.PROPOSED
    session_request.save(update_fields=["proposed_start", "status", "updated_at"])
    log(session_request, "outreach.school_request.propose", user=user)
    _mail(session_request, "proposed")


@transaction.atomic
def confirm(session_request, start=None, event=None, user=None):
    """Confirm the session, linking `event` or creating one under the school program."""
    _require(session_request, SchoolRequestStatus.REQUESTED, SchoolRequestStatus.PROPOSED)
    start = start or session_request.proposed_start
    if event is None:
        if start is None:
            raise InvalidTransition("no date")
        event = create_event(session_request, start)
    session_request.event = event
    session_request.proposed_start = event.start
    session_request.status = SchoolRequestStatus.CONFIRMED
    session_request.save(update_fields=["event", "proposed_start", "status", "updated_at"])
    log(session_request, "outreach.school_request.confirm", user=user)
    _mail(session_request, "confirmed")
    return event


def create_event(session_request, start):
    program = session_request.program
    title = f"Lapor Goes To School: {session_request.school_name}"
    base_slug = slugify(f"{session_request.school_name}-{start:%Y-%m-%d}")[:70] or "sesi"
    slug, n = base_slug, 1
    while _events().child_of(program).filter(slug=slug).exists():
        n += 1
        slug = f"{base_slug}-{n}"
    event = _events().model(
        title=title,
        slug=slug,
        start=start,
        end=start + SESSION_LENGTH,
        description=title,
        venue=f"{session_request.school_name}, {session_request.address}",
        kecamatan=session_request.kecamatan,
        audience=Audience.STUDENTS,
        capacity=session_request.expected_students,
        # Only the school's own students come: no public registration.
        registration_closes=timezone.now(),
        registration_opens=timezone.now() - datetime.timedelta(seconds=1),
    )
    program.add_child(instance=event)
    event.save_revision().publish()
    return event


@transaction.atomic
def mark_held(session_request, actual_students, user=None):
    _require(session_request, SchoolRequestStatus.CONFIRMED)
    session_request.actual_students = actual_students
    session_request.status = SchoolRequestStatus.HELD
    session_request.save(update_fields=["actual_students", "status", "updated_at"])
    event = session_request.event
    if event is not None:
        _events().filter(pk=event.pk).update(
            status=EventStatus.HELD, attendance_count=actual_students
        )
    log(session_request, "outreach.school_request.held", user=user)
    _mail(session_request, "held")


@transaction.atomic
def cancel(session_request, user=None):
    _require(
        session_request,
        SchoolRequestStatus.REQUESTED,
        SchoolRequestStatus.PROPOSED,
        SchoolRequestStatus.CONFIRMED,
    )
    session_request.status = SchoolRequestStatus.CANCELLED
    session_request.save(update_fields=["status", "updated_at"])
    if session_request.event_id:
        _events().filter(pk=session_request.event_id).update(status=EventStatus.CANCELLED)
    log(session_request, "outreach.school_request.cancel", user=user)
    _mail(session_request, "cancelled")
