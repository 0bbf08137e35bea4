"""Signed links expire per kind; a cancelled ticket shows neither name nor check-in code."""

import time

from django.core import signing
from django.urls import reverse

import pytest

from outreach import links, registrations
from outreach.models import ApplicationStatus, ProgramKind
from tests.outreach.factories import (
    AmbassadorApplicationFactory,
    ProgramPageFactory,
    SchoolSessionRequestFactory,
)

pytestmark = pytest.mark.django_db
DAY = 24 * 60 * 60


def backdated_token(value, namespace, days):
    """A token signed `days` ago, exactly as `signing.dumps` signs one today."""

    class Backdated(signing.TimestampSigner):
        def timestamp(self):
            return signing.b62_encode(int(time.time()) - days * DAY)

    return Backdated(salt=namespace).sign_object(value, serializer=signing.JSONSerializer)


def test_a_fresh_ticket_link_works_and_an_old_one_does_not(client, event, person, settings):
    registration = registrations.register(event, **person)
    settings.SIGNED_LINK_MAX_AGE_DAYS = {
        **settings.SIGNED_LINK_MAX_AGE_DAYS,
        "outreach.registration": 30,
    }
    namespace = links.REGISTRATION_LINK.namespace
    within = backdated_token(registration.pk, namespace, 29)
    expired = backdated_token(registration.pk, namespace, 31)
    assert client.get(reverse("outreach:ticket", args=[within])).status_code == 200
    for name in ("ticket", "cancel_registration", "certificate"):
        assert client.get(reverse(f"outreach:{name}", args=[expired])).status_code == 404


def test_school_and_ambassador_links_expire_too(client, school_program, settings):
    session_request = SchoolSessionRequestFactory(program=school_program)
    duta = ProgramPageFactory(
        parent=school_program.get_parent(), slug="duta", kind=ProgramKind.AMBASSADOR
    )
    application = AmbassadorApplicationFactory(program=duta, status=ApplicationStatus.ACCEPTED)
    limits = settings.SIGNED_LINK_MAX_AGE_DAYS
    school_days = limits[links.SCHOOL_REQUEST_LINK.namespace]
    ambassador_days = limits[links.AMBASSADOR_LINK.namespace]
    cases = [
        (
            "outreach:cancel_school_request",
            session_request.pk,
            links.SCHOOL_REQUEST_LINK.namespace,
            school_days,
        ),
        ("outreach:log_activity", application.pk, links.AMBASSADOR_LINK.namespace, ambassador_days),
    ]
    for url_name, pk, namespace, days in cases:
        fresh = backdated_token(pk, namespace, days - 1)
        old = backdated_token(pk, namespace, days + 1)
        assert client.get(reverse(url_name, args=[fresh])).status_code == 200
        assert client.get(reverse(url_name, args=[old])).status_code == 404


def test_a_token_of_one_kind_does_not_open_another(client, event, person):
    registration = registrations.register(event, **person)
    token = backdated_token(registration.pk, links.SCHOOL_REQUEST_LINK.namespace, 0)
    assert client.get(reverse("outreach:ticket", args=[token])).status_code == 404


def test_a_cancelled_ticket_shows_no_name_and_no_check_in_code(client, event):
    registration = registrations.register(event, name="Rahmat Hidayat", email="r@example.org")
    token = links.REGISTRATION_LINK.token(registration)
    url = reverse("outreach:ticket", args=[token])
    html = client.get(url).content.decode()
    assert "Rahmat Hidayat" in html and registration.check_in_code in html
    registrations.cancel(registration)
    html = client.get(url).content.decode()
    assert "Rahmat Hidayat" not in html
    assert registration.check_in_code not in html
    assert 'class="qr"' not in html
