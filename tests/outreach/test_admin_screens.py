"""Every outreach admin screen renders for outreach staff; editors can create the pages."""

from django.contrib.auth.models import Group
from django.urls import reverse

from wagtail.test.utils.form_data import nested_form_data, streamfield

import pytest

from outreach import registrations
from outreach.models import (
    AmbassadorActivity,
    EventPage,
    ReviewCriterion,
)
from tests.outreach.factories import AmbassadorApplicationFactory, SchoolSessionRequestFactory

pytestmark = pytest.mark.django_db

MODELS = [
    "registration",
    "schoolsessionrequest",
    "ambassadorapplication",
    "ambassadoractivity",
    "assistedreportrequest",
    "reviewcriterion",
]


@pytest.fixture
def records(event, school_program):
    registration = registrations.register(event, name="Nadia", email="n@example.org")
    application = AmbassadorApplicationFactory(program=school_program, status="accepted")
    activity = AmbassadorActivity.objects.create(
        ambassador=application,
        date="2026-01-05",
        title="Kelas",
        kecamatan="cempaka",
        people_reached=10,
    )
    return {
        "registration": registration,
        "schoolsessionrequest": SchoolSessionRequestFactory(program=school_program),
        "ambassadorapplication": application,
        "ambassadoractivity": activity,
        "reviewcriterion": ReviewCriterion.objects.create(name="Motivasi"),
    }


@pytest.fixture
def staff_client(client, django_user_model):
    user = django_user_model.objects.create_user("staf", password="x", is_staff=True)
    user.groups.add(Group.objects.get(name="Petugas Sosialisasi"))
    client.force_login(user)
    return client


@pytest.mark.parametrize("model", MODELS)
def test_listings_render_for_outreach_staff(staff_client, records, model):
    response = staff_client.get(reverse(f"wagtailsnippets_outreach_{model}:list"))
    assert response.status_code == 200
    obj = records.get(model)
    if obj is not None:
        edit = reverse(f"wagtailsnippets_outreach_{model}:edit", args=[obj.pk])
        assert staff_client.get(edit).status_code == 200


def test_custom_screens_render(staff_client, records, event):
    urls = [
        reverse("outreach_events:index"),
        reverse("outreach_events:check_in", args=[event.pk]) + "?q=nadia",
        reverse(
            "wagtailsnippets_outreach_schoolsessionrequest:process",
            args=[records["schoolsessionrequest"].pk],
        ),
        reverse(
            "wagtailsnippets_outreach_ambassadorapplication:review",
            args=[records["ambassadorapplication"].pk],
        ),
    ]
    for url in urls:
        assert staff_client.get(url).status_code == 200, url


def test_outreach_menu_is_shown_to_staff(staff_client):
    html = staff_client.get(reverse("wagtailadmin_home")).content.decode()
    # The admin speaks Indonesian: the sidebar's "Outreach" submenu is "Sosialisasi".
    assert '{"name": "sosialisasi", "label": "Sosialisasi"' in html
    assert '"label": "Acara dan presensi", "icon_name": "date"' in html


def test_editors_can_create_an_event_under_a_program(admin_client, school_program):
    """Through the real page editor form, as an editor would."""
    url = reverse("wagtailadmin_pages:add", args=["outreach", "eventpage", school_program.pk])
    data = nested_form_data(
        {
            "title": "Sosialisasi baru",
            "slug": "sosialisasi-baru",
            "start": "2027-02-01 09:00",
            "end": "2027-02-01 11:00",
            "description": "Sosialisasi",
            "venue": "Aula",
            "kecamatan": "cempaka",
            "audience": "everyone",
            "capacity": "40",
            "status": "scheduled",
            "body": streamfield([]),
        }
    )
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert EventPage.objects.filter(slug="sosialisasi-baru").exists()


def test_form_posts_are_rate_limited(client, school_program):
    url = school_program.subpage_url("school_request")
    statuses = [client.post(url, {"school_name": ""}).status_code for _ in range(21)]
    assert statuses[-1] == 429
    assert 429 not in statuses[:20]


def test_a_class_can_register_from_one_school_network(client, event):
    url = event.subpage_url("register")
    statuses = [client.post(url, {"name": ""}).status_code for _ in range(40)]
    assert 429 not in statuses


def test_page_editors_render(admin_client, program_index, school_program, event):
    for page in (program_index, school_program, event):
        response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        assert response.status_code == 200
