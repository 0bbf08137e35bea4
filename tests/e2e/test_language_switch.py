"""A citizen presses the language switch on routes that used to fall back to their parent
page (tracking, session request, Duta Lapor application, event listing with filters) and
lands on the same screen in the other language, and back."""

import re

from django.core.management import call_command

import pytest
from playwright.sync_api import expect

from complaint_forms.models import Report, ReportPage
from outreach.models import ProgramIndexPage, ProgramKind, ProgramPage

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def demo_site(live_server, monkeypatch, settings, tmp_path):
    settings.BASE_DIR = tmp_path  # the loader writes no password file into the checkout
    settings.DEMO_CONTENT_COMMANDS = ["load_complaints_demo", "load_outreach_demo"]
    monkeypatch.setenv("DEMO_ADMIN_PASSWORD", "e2e-switch-password-1")
    call_command("load_demo")
    return live_server.url


def english(page):
    return page.get_translations().get(locale__language_code="en").specific


def routes():
    """(Indonesian address, English address) of each route, arguments and filters kept."""
    code = Report.objects.order_by("pk").values_list("tracking_code", flat=True).first()
    report = ReportPage.objects.get(locale__language_code="id")
    index = ProgramIndexPage.objects.get(locale__language_code="id")
    school = ProgramPage.objects.get(locale__language_code="id", kind=ProgramKind.SCHOOL)
    ambassadors = ProgramPage.objects.get(locale__language_code="id", kind=ProgramKind.AMBASSADOR)
    return [
        (f"{report.url}lacak/?kode={code}", f"{english(report).url}track/?code={code}"),
        (f"{school.url}ajukan-sesi/", f"{english(school).url}request-session/"),
        (f"{ambassadors.url}daftar-duta/", f"{english(ambassadors).url}apply/"),
        (
            f"{index.url}agenda/?when=upcoming&program={school.pk}&kecamatan=&audience=",
            f"{english(index).url}events/?when=upcoming&program={english(school).pk}"
            "&kecamatan=&audience=",
        ),
    ]


@pytest.mark.parametrize("width", [360, 1280])
def test_language_switch_lands_on_the_same_route_and_back(browser, demo_site, width):
    page = browser.new_page(viewport={"width": width, "height": 800})
    for address_id, address_en in routes():
        page.goto(demo_site + address_id)
        heading_id = page.locator("h1").inner_text()
        page.get_by_role("navigation", name="Bahasa").get_by_role("link", name="English").click()
        expect(page).to_have_url(demo_site + address_en)
        expect(page.locator("html")).to_have_attribute("lang", "en")
        expect(page.locator("h1")).not_to_have_text(re.compile("Page not found|tidak ditemukan"))
        page.get_by_role("navigation", name="Language").get_by_role(
            "link", name="Bahasa Indonesia"
        ).click()
        expect(page).to_have_url(demo_site + address_id)
        expect(page.locator("h1")).to_have_text(heading_id)
    page.close()


def test_old_english_words_in_an_indonesian_address_still_open_the_page(page, demo_site):
    """A link from mail sent before the routes were translated."""
    school = ProgramPage.objects.get(locale__language_code="id", kind=ProgramKind.SCHOOL)
    page.goto(f"{demo_site}{school.url}request-session/")
    expect(page).to_have_url(f"{demo_site}{school.url}ajukan-sesi/")
    expect(page.locator("html")).to_have_attribute("lang", "id")
