"""Duta Lapor applications and activities; gender and disability campaign pages."""

import datetime
import io

from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

import pytest
from PIL import Image

from outreach import links
from outreach.models import (
    ActivityStatus,
    AmbassadorActivity,
    AmbassadorApplication,
    ApplicationStatus,
    AssistedReportRequest,
    ProgramKind,
)
from tests.outreach.factories import AmbassadorApplicationFactory, ProgramPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def duta(program_index):
    return ProgramPageFactory(
        parent=program_index,
        slug="duta-lapor",
        kind=ProgramKind.AMBASSADOR,
        min_age=15,
        max_age=25,
        applications_open=timezone.now() - datetime.timedelta(days=1),
        applications_close=timezone.now() + datetime.timedelta(days=30),
    )


def born(years_ago, days=0):
    today = timezone.localdate()
    return (today.replace(year=today.year - years_ago) - datetime.timedelta(days=days)).isoformat()


def application_data(**overrides):
    data = {
        "name": "Rizky Pratama",
        "date_of_birth": born(20),
        "institution": "Universitas Lambung Mangkurat",
        "kecamatan": "banjarbaru-selatan",
        "phone": "+62 821 5555 1234",
        "email": "rizky@example.org",
        "motivation": "Saya ingin warga berani melapor.",
        "activities": "OSIS, relawan",
        "social_media": "",
        "consent": "on",
    }
    data.update(overrides)
    return data


def apply_url(program):
    return program.url + program.reverse_subpage("ambassador_apply")


def test_an_adult_applies_and_gets_mail(client, duta, commit):
    with commit():
        response = client.post(apply_url(duta), application_data())
    assert response.status_code == 302
    application = AmbassadorApplication.objects.get()
    assert application.phone == "+6282155551234"
    assert application.guardian_consent_at is None
    assert application.public_profile is False
    assert mail.outbox[0].to == ["rizky@example.org"]


def test_under_18_applicants_need_guardian_consent(client, duta):
    data = application_data(date_of_birth=born(16))
    assert client.post(apply_url(duta), data).status_code == 400
    data.update(guardian_name="Ayah", guardian_contact="0812 1111 2222", guardian_consent="on")
    assert client.post(apply_url(duta), data).status_code == 302
    assert AmbassadorApplication.objects.get().guardian_consent_at is not None


@pytest.mark.parametrize("years", [14, 26])
def test_age_limits_from_the_program_page(client, duta, years):
    response = client.post(apply_url(duta), application_data(date_of_birth=born(years, days=2)))
    assert response.status_code == 400
    assert not AmbassadorApplication.objects.exists()


def test_no_applications_outside_the_window(client, duta):
    duta.applications_close = timezone.now() - datetime.timedelta(hours=1)
    duta.save_revision().publish()
    response = client.post(apply_url(duta), application_data())
    assert response.status_code == 200
    assert not AmbassadorApplication.objects.exists()


def test_public_profile_only_for_accepted_ambassadors_who_opted_in(client, duta):
    AmbassadorApplicationFactory(
        program=duta, name="Terbuka", status="accepted", public_profile=True
    )
    AmbassadorApplicationFactory(program=duta, name="Tertutup", status="accepted")
    AmbassadorApplicationFactory(
        program=duta, name="Pelamar", status="applied", public_profile=True
    )
    html = client.get(duta.url).content.decode()
    assert "Terbuka" in html
    assert "Tertutup" not in html and "Pelamar" not in html


def test_accepted_ambassadors_log_activities_that_count_once_approved(client, duta):
    application = AmbassadorApplicationFactory(program=duta, status=ApplicationStatus.ACCEPTED)
    url = reverse("outreach:log_activity", args=[links.AMBASSADOR_LINK.token(application)])
    photo = io.BytesIO()
    Image.new("RGB", (10, 10), "red").save(photo, "JPEG")
    response = client.post(
        url,
        {
            "date": (timezone.localdate() - datetime.timedelta(days=2)).isoformat(),
            "title": "Sosialisasi di SMPN 3",
            "kecamatan": "cempaka",
            "sessions_held": "1",
            "people_reached": "60",
            "schools_reached": "1",
            "photo": SimpleUploadedFile("foto.jpg", photo.getvalue(), "image/jpeg"),
        },
    )
    assert response.status_code == 200
    activity = AmbassadorActivity.objects.get()
    assert activity.status == ActivityStatus.SUBMITTED
    from outreach.reach import program_reach

    assert program_reach(duta)["totals"]["people"] == 0
    activity.status = ActivityStatus.APPROVED
    activity.save()
    assert program_reach(duta)["totals"]["people"] == 60


def test_activity_photo_must_be_an_image(client, duta):
    application = AmbassadorApplicationFactory(program=duta, status=ApplicationStatus.ACCEPTED)
    url = reverse("outreach:log_activity", args=[links.AMBASSADOR_LINK.token(application)])
    response = client.post(
        url,
        {
            "date": timezone.localdate().isoformat(),
            "title": "x",
            "kecamatan": "cempaka",
            "sessions_held": "1",
            "people_reached": "5",
            "schools_reached": "0",
            "photo": SimpleUploadedFile("foto.jpg", b"<?php echo 1; ?>", "image/jpeg"),
        },
    )
    assert response.status_code == 400
    assert not AmbassadorActivity.objects.exists()


def test_applicants_not_accepted_cannot_log_activities(client, duta):
    application = AmbassadorApplicationFactory(program=duta)
    url = reverse("outreach:log_activity", args=[links.AMBASSADOR_LINK.token(application)])
    assert client.get(url).status_code == 404


def test_assisted_reporting_request_from_the_disability_page(client, program_index):
    difabel = ProgramPageFactory(
        parent=program_index,
        slug="difabel",
        kind=ProgramKind.DISABILITY,
        body=[("assisted_reporting", {"heading": "Butuh bantuan melapor?", "text": "Kami bantu."})],
    )
    html = client.get(difabel.url).content.decode()
    assert "Butuh bantuan melapor?" in html
    url = difabel.url + difabel.reverse_subpage("assisted_reporting")
    form_html = client.get(url).content.decode()
    # Every method is a real choice: no blank "---------" radio, none chosen in advance.
    assert 'name="method" value=""' not in form_html and "---------" not in form_html
    assert form_html.count('name="method"') == 5 and "checked" not in form_html
    response = client.post(
        url,
        {"name": "Pak Slamet", "method": "video_sign", "email": "s@example.org", "consent": "on"},
    )
    assert response.status_code == 302
    assert AssistedReportRequest.objects.get().method == "video_sign"
    thanks = client.get(response["Location"]).content.decode()
    assert '<div class="panel panel--confirmation"><h1 class="panel__title">' in thanks
    response = client.post(
        url, {"name": "X", "method": "home_visit", "phone": "0812 3456 7890", "consent": "on"}
    )
    assert response.status_code == 400  # a visit needs an address


def test_campaign_blocks_render(client, program_index):
    gender = ProgramPageFactory(
        parent=program_index,
        slug="gender",
        kind=ProgramKind.GENDER,
        body=[
            (
                "referral_services",
                {
                    "heading": "Layanan rujukan",
                    "services": [
                        {"name": "SAPA 129", "phone": "129", "description": "Hotline KemenPPPA"},
                        {"name": "UPTD PPA Kota Banjarbaru", "phone": "0511 000000"},
                    ],
                },
            ),
            ("easy_read", {"heading": "Mudah dibaca", "items": [{"text": "Anda aman."}]}),
            (
                "accessible_channels",
                {
                    "heading": "Kanal",
                    "channels": [
                        {
                            "name": "SMS 1708",
                            "how": "Kirim SMS",
                            "without_sight": False,
                            "without_hearing": True,
                        },
                    ],
                },
            ),
        ],
    )
    html = client.get(gender.url).content.decode()
    assert "SAPA 129" in html and 'href="tel:129"' in html
    assert "Anda aman." in html and "SMS 1708" in html


def test_assisted_reporting_block_on_an_event_links_to_its_program(client, program_index):
    from tests.outreach.factories import EventPageFactory

    difabel = ProgramPageFactory(parent=program_index, slug="difabel", kind=ProgramKind.DISABILITY)
    event = EventPageFactory(
        parent=difabel,
        slug="kelas",
        body=[("assisted_reporting", {"heading": "Butuh bantuan?", "text": ""})],
    )
    html = client.get(event.url).content.decode()
    assert f'href="{difabel.url}pendampingan-melapor/"' in html


def test_activity_reports_from_one_client_are_rate_limited_and_keep_what_was_typed(
    client, duta, settings
):
    settings.OUTREACH_ACTIVITY_RATE = "1/h"
    application = AmbassadorApplicationFactory(program=duta, status=ApplicationStatus.ACCEPTED)
    url = reverse("outreach:log_activity", args=[links.AMBASSADOR_LINK.token(application)])

    def send(title):
        photo = io.BytesIO()
        Image.new("RGB", (10, 10), "red").save(photo, "JPEG")
        data = {
            "date": (timezone.localdate() - datetime.timedelta(days=2)).isoformat(),
            "title": title,
            "kecamatan": "cempaka",
            "sessions_held": "1",
            "people_reached": "60",
            "schools_reached": "1",
            "photo": SimpleUploadedFile("foto.jpg", photo.getvalue(), "image/jpeg"),
        }
        return client.post(url, data)

    assert send("Sosialisasi pertama").status_code == 200
    refused = send("Sosialisasi kedua")
    assert refused.status_code == 429
    html = refused.content.decode()
    assert "Terlalu banyak laporan dari koneksi Anda" in html
    assert 'value="Sosialisasi kedua"' in html
    assert list(AmbassadorActivity.objects.values_list("title", flat=True)) == [
        "Sosialisasi pertama"
    ]
