"""What the citizen sees after sending and when following a report: the code in a panel,
the expected date of the next step, their own steps told as theirs, and no shared cache."""

import re

from django.utils import dateformat, translation

import pytest

from complaint_forms import workflow

from .factories import ReportFactory, coordinator, officer
from .text import t

pytestmark = pytest.mark.django_db


def long_date(day):
    with translation.override("id"):
        return dateformat.format(day, "l, j F Y")


def test_confirmation_shows_code_panel_next_step_date_and_is_not_cached(
    client, report_page, valid_post
):
    # No category: the report waits for the coordinators (a categorised one goes straight
    # to its unit, and the next step is the unit's answer, as in the test below).
    response = client.post("/id/laporan/kirim/", valid_post(category=None))
    confirmation = client.get(response["Location"])
    html = confirmation.content.decode()
    report = confirmation.context["report"]
    assert confirmation["Cache-Control"] == "private, no-store"
    assert re.search(
        rf'<p class="code-panel__code" id="tracking-code">{report.tracking_code}</p>', html
    )
    assert t("Copy the code") in html and "data-copy=" in html
    assert report.forward_due is not None and report.forward_due.weekday() < 5
    assert t("We check your report and forward it to a work unit") in html
    assert long_date(report.forward_due) in html


def test_tracking_shows_answer_due_date_and_the_citizens_own_appeal(client, report_page, unit):
    report = ReportFactory()
    workflow.assign(report, coordinator(), unit)
    report.refresh_from_db()
    url = report_page.url + "lacak/"
    html = client.get(url, {"kode": report.tracking_code}).content.decode()
    assert t("The work unit answers your report") in html
    assert long_date(report.response_due) in html

    workflow.answer(report, officer(unit), "Sudah diperbaiki.")
    workflow.appeal(report, "Belum beres.")
    response = client.get(url, {"kode": report.tracking_code})
    html = response.content.decode()
    assert response["Cache-Control"] == "private, no-store"
    appeal_entry = re.search(r"<li>(?:(?!</li>).)*Belum beres\.(?:(?!</li>).)*</li>", html, re.S)
    assert appeal_entry is not None
    assert t("You appealed the answer; the report is open again") in appeal_entry.group(0)
    assert t("Assigned to a work unit") not in appeal_entry.group(0)


def test_unknown_code_page_is_not_cached_either(client, report_page):
    response = client.get(report_page.url + "lacak/", {"kode": "BJB-AAAA-BBBB"})
    assert response.status_code == 404
    assert response["Cache-Control"] == "private, no-store"


def test_next_step_is_absent_once_the_report_is_closed(client, report_page, unit):
    report = ReportFactory()
    workflow.assign(report, coordinator(), unit)
    workflow.answer(report, officer(unit), "Selesai.")
    workflow.close(report, coordinator())
    html = client.get(report_page.url + "lacak/", {"kode": report.tracking_code}).content
    assert t("What happens next") not in html.decode()
