"""The public tracking page: status and public timeline only, citizen actions, limits."""

import pytest

from complaint_forms import workflow
from complaint_forms.models import Privacy, Status

from .factories import ReportFactory, coordinator, officer
from .text import t

pytestmark = pytest.mark.django_db


@pytest.fixture
def answered(report_page, unit):
    report = ReportFactory(
        privacy=Privacy.CONFIDENTIAL,
        title="Pelecehan di kantor X",
        reporter_name="Rahasia Sekali",
        reporter_email="rahasia@example.test",
        reporter_phone="0811999888",
        accessibility_needs="Tunarungu",
        description="Deskripsi pribadi",
    )
    boss = coordinator()
    workflow.assign(report, boss, unit, internal_note="CATATAN-INTERNAL-1")
    workflow.answer(report, officer(unit), "Sudah ditindaklanjuti.", "CATATAN-INTERNAL-2")
    return report


def tracking(report_page):
    return report_page.url + "lacak/"


def test_status_and_public_timeline_without_personal_data(client, report_page, answered):
    response = client.get(tracking(report_page), {"kode": answered.tracking_code})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Sudah ditindaklanjuti." in html
    assert t("Answered") in html
    for secret in (
        "Rahasia Sekali",
        "rahasia@example.test",
        "0811999888",
        "Tunarungu",
        "Deskripsi pribadi",
        "CATATAN-INTERNAL",
        "Pelecehan",  # a confidential report's title is not shown either
    ):
        assert secret not in html
    assert '<meta name="robots" content="noindex">' in html


def test_code_is_accepted_in_lower_case_without_dashes(client, report_page, answered):
    code = answered.tracking_code.replace("-", "").lower()
    response = client.get(tracking(report_page), {"kode": code})
    assert answered.tracking_code in response.content.decode()


def test_unknown_code_says_so(client, report_page):
    response = client.get(tracking(report_page), {"kode": "BJB-AAAA-BBBB"})
    assert response.status_code == 404
    assert (
        t("No report has this tracking code. Check the code and try again.")
        in response.content.decode()
    )


def test_lookups_are_rate_limited(client, report_page, settings):
    settings.COMPLAINT_TRACK_RATE = "3/m"
    for _ in range(3):
        client.get(tracking(report_page), {"kode": "BJB-AAAA-BBBB"})
    response = client.get(tracking(report_page), {"kode": "BJB-AAAA-BBBB"})
    assert response.status_code == 429


def test_citizen_rates_then_appeals(client, report_page, answered):
    url = tracking(report_page)
    code = answered.tracking_code
    response = client.post(
        url, {"kode": code, "action": "rate", "rate-rating": "2", "rate-comment": "Lambat"}
    )
    assert response.status_code == 302
    answered.refresh_from_db()
    assert answered.rating == 2
    response = client.post(
        url, {"kode": code, "action": "appeal", "appeal-message": "Belum beres."}
    )
    assert response.status_code == 302
    answered.refresh_from_db()
    assert answered.status == Status.ASSIGNED
    page = client.get(response["Location"]).content.decode()
    assert "Belum beres." in page
    assert "Lambat" not in page  # rating comments are for staff


def test_citizen_replies_to_a_request_for_information(client, report_page, unit):
    report = ReportFactory()
    workflow.request_info(report, coordinator(), "Lokasi tepatnya di mana?")
    response = client.post(
        tracking(report_page),
        {"kode": report.tracking_code, "action": "reply", "reply-message": "Di RT 05."},
    )
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == Status.SUBMITTED


def test_action_not_allowed_in_this_state_changes_nothing(client, report_page):
    report = ReportFactory()
    response = client.post(
        tracking(report_page),
        {"kode": report.tracking_code, "action": "rate", "rate-rating": "5"},
    )
    assert response.status_code == 400
    report.refresh_from_db()
    assert report.rating is None


def test_invalid_rating_is_refused(client, report_page, answered):
    response = client.post(
        tracking(report_page),
        {"kode": answered.tracking_code, "action": "rate", "rate-rating": "9"},
    )
    assert response.status_code == 400
    answered.refresh_from_db()
    assert answered.rating is None


def test_confirmation_page_for_unknown_code_is_404(client, report_page):
    assert client.get(report_page.url + "terkirim/BJB-AAAA-BBBB/").status_code == 404


def test_fallback_tracking_url_works_without_a_report_page(client, home):
    report = ReportFactory()
    response = client.get("/id/laporan/lacak/", {"kode": report.tracking_code})
    assert response.status_code == 200
    assert report.tracking_code in response.content.decode()


def test_query_budget_of_public_pages(
    client, home, report_page, answered, django_assert_max_num_queries
):
    """The report form, tracking and confirmation pages stay within 15 queries, whatever
    the number of events or categories."""
    budget = 15  # the site-wide budget per public page
    for number in range(10):  # a long timeline must not cost more queries
        answered.events.create(action="note", public_message=f"Update {number}")
    client.get(report_page.url)  # the first request fills the site frame's cache
    with django_assert_max_num_queries(budget):
        assert client.get(report_page.url).status_code == 200
    with django_assert_max_num_queries(budget):
        client.get(tracking(report_page), {"kode": answered.tracking_code})
    with django_assert_max_num_queries(budget):
        client.get(report_page.url + f"terkirim/{answered.tracking_code}/")
