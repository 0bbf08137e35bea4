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


# Tuesday 27 January 2026, 08:00 WITA: the office is open for the next eight hours.
TUESDAY_MORNING = datetime.datetime(2026, 1, 27, 0, 0, tzinfo=datetime.UTC)
AFTER_TUESDAY = TUESDAY_MORNING + datetime.timedelta(days=20)


def _handled(unit, hours, on_time=True, rating=None, assigned_at=None):
    report = ReportFactory()
    workflow.assign(report, coordinator(), unit)
    report.refresh_from_db()
    report.assigned_at = assigned_at or report.assigned_at
    report.first_response_at = report.assigned_at + datetime.timedelta(hours=hours)
    report.answered_within_deadline = on_time
    report.status = Status.ANSWERED
    report.rating = rating
    report.save()
    return report


def test_ranking_orders_units_and_leaves_out_small_ones():
    fast, slow, tiny = WorkUnitFactory(), WorkUnitFactory(), WorkUnitFactory()
    for hours in (1, 2, 3):
        _handled(fast, hours, rating=5, assigned_at=TUESDAY_MORNING)
    for hours in (10, 20, 30):
        _handled(slow, hours, on_time=hours < 30, rating=3, assigned_at=TUESDAY_MORNING)
    _handled(tiny, 0.1, rating=5, assigned_at=TUESDAY_MORNING)  # one lucky report: not ranked
    ranking = rank_units(window_days=90, min_reports=3, now=AFTER_TUESDAY)
    assert [f.unit_id for f in ranking] == [fast.pk, slow.pk]
    top, second = ranking
    assert top.median_response_hours == 2.0
    assert top.on_time_share == 100 and second.on_time_share == 67
    assert top.average_rating == 5 and second.average_rating == 3


def test_ranking_counts_working_hours_so_a_friday_evening_report_costs_the_weekend_nothing():
    weekend_unit, weekday_unit = WorkUnitFactory(), WorkUnitFactory()
    # Friday 23 January 2026 20:00 WITA, answered Monday 08:00 WITA: 60 clock hours,
    # half an office hour.
    friday_evening = datetime.datetime(2026, 1, 23, 12, 0, tzinfo=datetime.UTC)
    for _ in range(3):
        _handled(weekend_unit, 60, assigned_at=friday_evening)
        _handled(weekday_unit, 2, assigned_at=TUESDAY_MORNING)
    ranking = rank_units(window_days=90, min_reports=3, now=AFTER_TUESDAY)
    assert [f.unit_id for f in ranking] == [weekend_unit.pk, weekday_unit.pk]
    assert [f.median_response_hours for f in ranking] == [0.5, 2.0]


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


def test_ranking_page_shows_a_changed_report_at_once(client, home, unit):
    """The public table is cached; a report answered late changes it on the next request."""
    for hours in range(5):
        _handled(unit, hours + 1)
    page = RankingPageFactory(parent=home)
    page.save_revision().publish()
    assert "100%" in client.get(page.url).content.decode()
    _handled(unit, 6, on_time=False)
    html = client.get(page.url).content.decode()
    assert "83%" in html and "100%" not in html


def test_ranking_page_shows_a_renamed_unit_at_once(client, home, unit):
    for hours in range(5):
        _handled(unit, hours + 1)
    page = RankingPageFactory(parent=home)
    page.save_revision().publish()
    assert unit.name in client.get(page.url).content.decode()
    unit.name = "Dinas Yang Baru Dinamai"
    unit.save()
    assert "Dinas Yang Baru Dinamai" in client.get(page.url).content.decode()
