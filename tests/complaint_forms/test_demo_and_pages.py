"""Demo loader and page-type rules."""

import io

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone

from wagtail.models import Page, Site
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

import pytest

from complaint_forms.deadlines import add_working_days
from complaint_forms.demo import CATEGORIES
from complaint_forms.models import (
    Category,
    ComplaintSettings,
    RankingPage,
    Report,
    ReportPage,
    UnitMembership,
)
from complaint_forms.ranking import rank_units
from site_core.models import HomePage, WorkUnit
from tests.demo_slice import DEMO_PASSWORD

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(demo_site):
    """The reports of the session's demo (tests/conftest.py)."""
    return Report.objects.all()


def test_demo_loader_builds_pages_and_reports_and_is_idempotent(client, demo):
    count = demo.count()
    assert count >= 150
    assert len(set(demo.values_list("status", flat=True))) >= 6
    call_command("load_complaints_demo", stdout=io.StringIO())
    assert Report.objects.count() == count
    client.defaults["HTTP_HOST"] = "localhost"
    assert client.get("/id/lapor/").status_code == 200
    assert client.get("/en/report/").status_code == 200
    assert client.get("/en/report/track/").status_code == 200
    assert client.get("/id/lapor/lacak/").status_code == 200
    ranking = client.get("/id/unit-kerja-teresponsif/").content.decode()
    assert "Dinas Lingkungan Hidup" in ranking


def test_demo_shows_the_product_working(demo):
    """One demo load (it takes a while), four facts a visitor relies on."""
    categories_route_reports_to_the_units_that_handle_them(demo)
    reports_spread_over_a_year_with_deadlines_from_their_received_days(demo)
    some_reports_are_overdue_and_the_ranking_has_a_story(demo)
    every_role_has_an_account_on_the_one_password()


def categories_route_reports_to_the_units_that_handle_them(demo):
    for name, _en, unit_name, _gender, _count, texts in CATEGORIES:
        category = Category.objects.get(name=name, locale__language_code="id")
        assert category.default_unit.short_name == unit_name
        reports = demo.filter(category=category).exclude(assigned_unit=None)
        assert reports.exists()
        assert set(reports.values_list("assigned_unit__short_name", flat=True)) == {unit_name}
        assert set(reports.values_list("title", flat=True)) <= {title for title, _d in texts}
    assert demo.filter(title__startswith="Sampah", assigned_unit__short_name="DLH").exists()
    assert not demo.filter(title__startswith="Sampah").exclude(assigned_unit__short_name="DLH")
    assert not demo.filter(title__startswith="KTP").exclude(assigned_unit__short_name="Disdukcapil")


def reports_spread_over_a_year_with_deadlines_from_their_received_days(demo):
    received_days = [timezone.localdate(r.created_at) for r in demo]
    today = timezone.localdate()
    assert (today - min(received_days)).days >= 300
    assert len({(day.year, day.month) for day in received_days}) >= 12
    config = ComplaintSettings.current()
    for report in demo:
        received = timezone.localdate(report.created_at)
        assert report.forward_due == add_working_days(received, config.forward_days)
        if report.assigned_at:
            assigned = timezone.localdate(report.assigned_at)
            assert report.response_due == add_working_days(assigned, config.response_days)
        first, last = report.events.first(), report.events.last()
        assert first.action == "submit" and first.created_at == report.created_at
        assert last.created_at <= timezone.now()
        if report.answered_at:
            assert report.answered_within_deadline == (
                timezone.localdate(report.answered_at) <= report.response_due
            )


def some_reports_are_overdue_and_the_ranking_has_a_story(demo):
    overdue = demo.overdue().count()
    assert 0.05 <= overdue / demo.count() <= 0.25
    assert demo.overdue().filter(assigned_unit__short_name__in=["Dishub", "Disdukcapil"]).exists()
    ranked = [figures.short_name for figures in rank_units(365, min_reports=3)]
    assert ranked.index("DLH") < ranked.index("Disdukcapil")
    assert ranked.index("Dinkes") < ranked.index("Dishub")


def every_role_has_an_account_on_the_one_password():
    User = get_user_model()
    for unit in WorkUnit.objects.filter(is_active=True):
        officer = User.objects.get(username="petugas." + unit.short_name.lower().replace(" ", ""))
        assert UnitMembership.objects.get(user=officer).unit == unit
        assert officer.check_password(DEMO_PASSWORD)
        assert officer.groups.filter(name="Petugas Unit Kerja").exists()
    assert (
        User.objects.get(username="koordinator")
        .groups.filter(name="Koordinator Pengaduan")
        .exists()
    )
    for username in ("admin", "editor", "moderator", "koordinator"):
        assert User.objects.get(username=username).check_password(DEMO_PASSWORD)


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
