"""Demo loader and page-type rules."""

from django.core.management import call_command

from wagtail.test.utils import WagtailPageTestCase

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
    assert client.get("/en/report/lacak/").status_code == 200
    ranking = client.get("/id/unit-kerja-teresponsif/").content.decode()
    assert "Dinas" in ranking


class TestPageTypes(WagtailPageTestCase):
    def test_report_and_ranking_pages_live_under_the_home_page(self):
        self.assertAllowedParentPageTypes(ReportPage, {HomePage})
        self.assertAllowedParentPageTypes(RankingPage, {HomePage})
        self.assertAllowedSubpageTypes(ReportPage, {})
        self.assertAllowedSubpageTypes(RankingPage, {})
