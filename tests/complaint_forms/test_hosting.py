"""The report form embedded on a page (the gender campaign) takes its post on that page:
errors come back there, with the page's presets and quick-exit button."""

import re

import pytest
import wagtail_factories

from complaint_forms.models import ContactChannel, Privacy, Report
from outreach.models import ProgramKind
from tests.outreach.factories import ProgramIndexPageFactory, ProgramPageFactory


@pytest.fixture
def gender_page(home, category):
    category.is_gender_based = True
    category.save()
    index = ProgramIndexPageFactory(parent=home)
    page = ProgramPageFactory(
        parent=index,
        slug="peduli-gender",
        title="Lapor Peduli Gender",
        kind=ProgramKind.GENDER,
        body=wagtail_factories.StreamFieldFactory({}),
    )
    page.body.append(
        (
            "report_form",
            {
                "heading": "Laporkan secara rahasia",
                "intro": "Hanya koordinator yang melihat identitas Anda.",
                "preset_kind": "complaint",
                "preset_category": category,
                "force_confidential": True,
            },
        )
    )
    page.save_revision().publish()
    return page


def test_embedded_form_posts_to_its_own_page_and_offers_no_public_choice(client, gender_page):
    html = client.get(gender_page.url).content.decode()
    assert f'action="{gender_page.url}"' in html
    assert 'name="report_form_host"' in html
    assert 'value="public"' not in html
    assert re.search(r'value="confidential"[^>]*checked', html)
    assert "Laporan ini tidak pernah dipublikasikan." in html


def test_an_error_re_renders_the_campaign_page_with_exit_button_and_typed_text(
    client, gender_page, valid_post
):
    data = valid_post(
        privacy="confidential", reporter_email="", consent=None, title="Pelecehan di kantor"
    )
    data["report_form_host"] = "1"
    response = client.post(gender_page.url, data)
    html = response.content.decode()
    assert response.status_code == 400
    assert "<h1>Lapor Peduli Gender</h1>" in html
    assert 'id="exit-this-page"' in html
    assert 'value="Pelecehan di kantor"' in html
    assert "Silakan setujui pemberitahuan privasi untuk mengirim." in html
    assert f'<input type="hidden" name="category" value="{data["category"]}">' in html
    assert Report.objects.count() == 0


def test_a_valid_post_on_the_campaign_page_is_stored_once_and_redirects(
    client, gender_page, report_page, valid_post
):
    data = valid_post(privacy="confidential", reporter_email="", contact_channel="email")
    data["report_form_host"] = "1"
    first = client.post(gender_page.url, data)
    again = client.post(gender_page.url, data)
    assert first.status_code == again.status_code == 302
    assert first["Location"] == again["Location"]
    report = Report.objects.get()
    assert report.privacy == Privacy.CONFIDENTIAL
    # Phone given, no email: the contact method follows what the citizen gave.
    assert report.contact_channel == ContactChannel.PHONE


def test_a_post_without_the_marker_is_an_ordinary_page_view(client, gender_page, valid_post):
    response = client.post(gender_page.url, valid_post())
    assert response.status_code == 200
    assert Report.objects.count() == 0


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ({"reporter_email": "", "contact_channel": "email"}, ContactChannel.PHONE),
        ({"reporter_phone": "", "contact_channel": "phone"}, ContactChannel.EMAIL),
        ({"contact_channel": "text"}, ContactChannel.TEXT),
    ],
)
def test_contact_method_follows_what_the_citizen_gave(
    client, report_page, valid_post, given, expected
):
    response = client.post("/id/laporan/kirim/", valid_post(**given))
    assert response.status_code == 302
    assert Report.objects.get().contact_channel == expected


def test_no_contact_at_all_still_asks_for_one(client, report_page, valid_post):
    response = client.post("/id/laporan/kirim/", valid_post(reporter_email="", reporter_phone=""))
    assert response.status_code == 400
    assert "Masukkan alamat surel, atau pilih cara lain." in response.content.decode()
