"""Deadline reminders and the responsiveness ranking."""

import datetime
from io import StringIO

from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from wagtail.models import Site

import pytest

from complaint_forms import workflow
from complaint_forms.models import ComplaintSettings, Status
from complaint_forms.ranking import rank_units
from complaint_forms.reminders import queue_deadline_mail

from .factories import RankingPageFactory, ReportFactory, WorkUnitFactory, coordinator, officer
from .text import t

pytestmark = pytest.mark.django_db


def test_unit_is_reminded_before_the_deadline_and_coordinators_after(unit, home):
    config = ComplaintSettings.for_site(Site.objects.get(is_default_site=True))
    config.coordinator_email = "koordinator@banjarbaru.test"
    config.save()
    report = ReportFactory()
    workflow.assign(report, coordinator(), unit)
    mail.outbox.clear()
    report.refresh_from_db()
    day_before = report.response_due - datetime.timedelta(days=1)
    assert queue_deadline_mail(today=day_before) == (1, 0)
    assert mail.outbox[-1].to == [unit.email]
    assert report.tracking_code in mail.outbox[-1].subject
    day_after = report.response_due + datetime.timedelta(days=1)
    assert queue_deadline_mail(today=day_after) == (0, 1)
    assert mail.outbox[-1].to == ["koordinator@banjarbaru.test"]


def test_answered_reports_get_no_reminder(unit):
    report = ReportFactory()
    workflow.assign(report, coordinator(), unit)
    workflow.answer(report, coordinator(), "Selesai.")
    report.refresh_from_db()
    assert queue_deadline_mail(today=report.response_due) == (0, 0)


def test_command_runs_and_reports_counts(db):
    out = StringIO()
    call_command("send_deadline_reminders", stdout=out)
    assert "Queued 0 reminder(s)" in out.getvalue()


def _handled(unit, hours, on_time=True, rating=None):
    report = ReportFactory()
    workflow.assign(report, coordinator(), unit)
    report.refresh_from_db()
    report.first_response_at = report.assigned_at + datetime.timedelta(hours=hours)
    report.answered_within_deadline = on_time
    report.status = Status.ANSWERED
    report.rating = rating
    report.save()
    return report


def test_ranking_orders_units_and_leaves_out_small_ones():
    fast, slow, tiny = WorkUnitFactory(), WorkUnitFactory(), WorkUnitFactory()
    for hours in (1, 2, 3):
        _handled(fast, hours, rating=5)
    for hours in (10, 20, 30):
        _handled(slow, hours, on_time=hours < 30, rating=3)
    _handled(tiny, 0.1, rating=5)  # one lucky report must not top the list
    ranking = rank_units(window_days=90, min_reports=3)
    assert [f.unit_id for f in ranking] == [fast.pk, slow.pk]
    top, second = ranking
    assert top.median_response_hours == 2.0
    assert top.on_time_share == 100 and second.on_time_share == 67
    assert top.average_rating == 5 and second.average_rating == 3


def test_ranking_window_excludes_old_reports(unit):
    old = _handled(unit, 1)
    old.assigned_at = timezone.now() - datetime.timedelta(days=200)
    old.save()
    assert rank_units(window_days=90, min_reports=1) == []


def test_ranking_page_shows_figures_and_method(client, home, unit, django_assert_max_num_queries):
    for hours in range(5):
        _handled(unit, hours + 1, rating=4)
    page = RankingPageFactory(parent=home)
    page.save_revision().publish()
    client.get(page.url)
    with django_assert_max_num_queries(30):
        response = client.get(page.url)
    html = response.content.decode()
    assert unit.name in html
    assert t("How the ranking is made") in html
    assert "100%" in html


def test_officer_of_the_unit_first_response_counts(unit):
    report = ReportFactory()
    workflow.assign(report, coordinator(), unit)
    workflow.start_progress(report, officer(unit))
    report.refresh_from_db()
    assert report.first_response_at >= report.assigned_at
