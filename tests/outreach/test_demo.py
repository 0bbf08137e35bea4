"""The demo loader builds the programs in both languages, idempotently."""

from django.core.management import call_command

import pytest

from outreach.models import EventPage, ProgramIndexPage, ProgramPage
from site_core.models import NavigationSettings

pytestmark = pytest.mark.django_db


def test_demo_builds_programs_events_translations_and_menu_link(client, home, home_en):
    call_command("load_outreach_demo")
    call_command("load_outreach_demo")
    index = ProgramIndexPage.objects.get(locale__language_code="id")
    assert ProgramPage.objects.filter(locale__language_code="id").count() == 4
    assert ProgramPage.objects.filter(locale__language_code="en").count() == 4
    assert EventPage.objects.filter(locale__language_code="id", status="held").count() == 2
    assert EventPage.objects.filter(locale__language_code="en").count() == 6
    nav = NavigationSettings.objects.get()
    assert nav.main_links.filter(page=index).count() == 1
    gender = ProgramPage.objects.get(slug="lapor-peduli-gender", locale__language_code="en")
    html = client.get(gender.url).content.decode()
    assert "SAPA 129" in html and "Exit this page" in html
