"""Lapor Goes To School: the request form and the staff steps, with mail at each."""

import datetime

from django.core import mail
from django.urls import reverse
from django.utils import timezone

import pytest

from outreach import links, schools
from outreach.models import (
    EventPage,
    EventStatus,
    SchoolRequestStatus,
    SchoolSessionRequest,
)
from tests.outreach.factories import EventPageFactory, SchoolSessionRequestFactory

pytestmark = pytest.mark.django_db


def day(n):
    return (timezone.localdate() + datetime.timedelta(days=n)).isoformat()


def request_data(**overrides):
    data = {
        "school_name": "SMAN 1 Banjarbaru",
        "npsn": "3030 4567",
        "level": "sma",
        "kecamatan": "banjarbaru-utara",
        "address": "Jl. Keruing No. 3",
        "contact_name": "Pak Hadi",
        "contact_role": "Guru BK",
        "phone": "0511 4772 000",
        "email": "sman1@example.org",
        "expected_students": "150",
        "grades": "X-XI",
        "preferred_date_1": day(20),
        "preferred_date_2": day(21),
        "preferred_date_3": "",
        "hall_size": "Aula 200 orang",
        "equipment": "Proyektor",
        "accessibility_needs": "",
        "consent": "on",
    }
    data.update(overrides)
    return data


def form_url(program):
    return program.url + program.reverse_subpage("school_request")


def test_school_request_is_stored_normalised_and_acknowledged(client, school_program, commit):
    with commit():
        response = client.post(form_url(school_program), request_data())
    assert response.status_code == 302
    stored = SchoolSessionRequest.objects.get()
    assert stored.npsn == "30304567"
    assert stored.phone == "+625114772000"
    assert stored.status == SchoolRequestStatus.REQUESTED
    assert mail.outbox[0].to == ["sman1@example.org"]
    assert "/outreach/school-request/" in mail.outbox[0].body


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("npsn", "1234567"),
        ("phone", "12345"),
        ("preferred_date_1", day(-1)),
        ("preferred_date_2", day(20)),  # same as the first choice
        ("expected_students", "0"),
        ("level", "university"),
    ],
)
def test_bad_requests_get_an_error_and_store_nothing(client, school_program, field, value):
    response = client.post(form_url(school_program), request_data(**{field: value}))
    assert response.status_code == 400
    assert f'id="id_{field}_error"' in response.content.decode()
    assert not SchoolSessionRequest.objects.exists()


def test_the_form_exists_only_on_the_school_program(client, program_index):
    from outreach.models import ProgramKind
    from tests.outreach.factories import ProgramPageFactory

    gender = ProgramPageFactory(parent=program_index, kind=ProgramKind.GENDER, slug="gender")
    assert client.get(gender.subpage_url("school_request")).status_code == 404


def test_staff_propose_confirm_and_mark_held_with_mail_each_step(
    school_program, commit, admin_user
):
    session_request = SchoolSessionRequestFactory(program=school_program)
    start = timezone.now() + datetime.timedelta(days=10)
    with commit():
        schools.propose_date(session_request, start, user=admin_user)
    assert session_request.status == SchoolRequestStatus.PROPOSED
    with commit():
        event = schools.confirm(session_request, user=admin_user)
    assert isinstance(event, EventPage) and event.live
    assert event.get_parent().pk == school_program.pk
    assert event.capacity == session_request.expected_students
    with commit():
        schools.mark_held(session_request, 110, user=admin_user)
    event.refresh_from_db()
    assert event.status == EventStatus.HELD and event.attendance_count == 110
    assert len(mail.outbox) == 3
    assert all(m.to == [session_request.email] for m in mail.outbox)
    from site_core.audit import PrivateLogEntry

    actions = set(PrivateLogEntry.objects.values_list("action", flat=True))
    assert {"outreach.school_request.confirm", "outreach.school_request.held"} <= actions


def test_confirming_can_link_an_existing_event(school_program):
    session_request = SchoolSessionRequestFactory(program=school_program)
    existing = EventPageFactory(parent=school_program, slug="ada")
    assert schools.confirm(session_request, event=existing).pk == existing.pk
    assert EventPage.objects.count() == 1


def test_held_sessions_cannot_be_cancelled_and_steps_keep_their_order(school_program):
    session_request = SchoolSessionRequestFactory(program=school_program)
    with pytest.raises(schools.InvalidTransition):
        schools.mark_held(session_request, 10)


def test_school_cancels_through_the_signed_link(client, school_program, commit):
    session_request = SchoolSessionRequestFactory(program=school_program)
    schools.confirm(session_request, start=timezone.now() + datetime.timedelta(days=5))
    url = reverse(
        "outreach:cancel_school_request", args=[links.SCHOOL_REQUEST_LINK.token(session_request)]
    )
    assert client.get(url).status_code == 200
    with commit():
        client.post(url)
    session_request.refresh_from_db()
    assert session_request.status == SchoolRequestStatus.CANCELLED
    assert session_request.event.status == EventStatus.CANCELLED
    assert mail.outbox[-1].subject == "Sesi Lapor Goes To School Anda dibatalkan"
    assert mail.outbox[-1].to == [session_request.email]
    forged = reverse("outreach:cancel_school_request", args=["99:forged"])
    assert client.get(forged).status_code == 404
