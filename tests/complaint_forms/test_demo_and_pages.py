"""Demo loader and page-type rules."""

from django.core.management import call_command

from wagtail.models import Page, Site
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

import pytest

from complaint_forms.models import RankingPage, Report, ReportPage
from site_core.models import HomePage

pytestmark = pytest.mark.django_db


def test_demo_loader_builds_pages_and_reports_and_is_idempotent(client):
    call_command("load_demo", "--skip-apps", verbosity=0)
    call_command("load_complaints_demo")
    count = Report.objects.count()
    assert count >= 30
    assert len(set(Report.objects.values_list("status", flat=True))) >= 5
    call_command("load_complaints_demo")
    assert Report.objects.count() == count
    client.defaults["HTTP_HOST"] = "localhost"
    assert client.get("/id/lapor/").status_code == 200
    assert client.get("/en/report/").status_code == 200
    assert client.get("/en/report/track/").status_code == 200
    assert client.get("/id/lapor/lacak/").status_code == 200
    ranking = client.get("/id/unit-kerja-teresponsif/").content.decode()
    assert "Dinas" in ranking


class TestPageTypes(WagtailPageTestCase):
    def test_report_and_ranking_pages_live_under_the_home_page(self):
        self.assertAllowedParentPageTypes(ReportPage, {HomePage})
        self.assertAllowedParentPageTypes(RankingPage, {HomePage})
        self.assertAllowedSubpageTypes(ReportPage, {})
        self.assertAllowedSubpageTypes(RankingPage, {})

    def test_editors_can_create_a_report_page(self):
        from django.contrib.auth import get_user_model

        from tests.factories import HomePageFactory

        home = HomePageFactory(parent=Page.get_first_root_node(), slug="beranda-uji")
        Site.objects.filter(is_default_site=True).update(root_page=home)
        self.client.force_login(get_user_model().objects.create_superuser("root", "r@x.test", "pw"))
        self.assertCanCreate(
            home,
            ReportPage,
            nested_form_data(
                {
                    "title": "Lapor",
                    "slug": "lapor",
                    "introduction": "Sampaikan laporan.",
                    "channel_guide": streamfield([("paragraph", rich_text("<p>Darurat: 112</p>"))]),
                    "privacy_notice": rich_text("<p>Data Anda aman.</p>"),
                    "tracking_intro": "",
                }
            ),
        )
