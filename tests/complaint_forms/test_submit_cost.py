"""What one submission costs the database, and the cached look-ups that keep it low staying
right: the report page's address and the deadline rules follow every change."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import pytest

from complaint_forms.deadlines import add_working_days, extra_holidays
from complaint_forms.forms import ReportForm
from complaint_forms.models import ComplaintSettings, ExtraHoliday, Privacy, Report
from site_core.audit import PrivateLogEntry

pytestmark = pytest.mark.django_db

SUBMIT = "/id/laporan/kirim/"
# The key look-up, the topic, the report, its timeline, the audit entry, the queued mail
# (and the transaction around them where the backend counts it). Page and settings
# look-ups come from the cache once a first report has filled it.
MAX_QUERIES_PER_POST = 8


def _queries_for(client, data):
    with CaptureQueriesContext(connection) as queries:
        response = client.post(SUBMIT, data)
    assert response.status_code == 302
    return [query["sql"] for query in queries.captured_queries]


def test_a_submission_costs_a_bounded_number_of_queries(client, report_page, valid_post):
    ComplaintSettings.current()  # a running site has its settings row (made on first read)
    client.post(SUBMIT, valid_post())  # fills the caches, as the first report of the day
    queries = _queries_for(client, valid_post(title="Lampu taman mati"))
    assert len(queries) <= MAX_QUERIES_PER_POST, "\n".join(queries)
    assert not [sql for sql in queries if "wagtailcore_page" in sql]
    assert not [sql for sql in queries if "complaintsettings" in sql or "extraholiday" in sql]
    assert Report.objects.count() == 2
    # The audit entry still names the report's content type.
    entry = PrivateLogEntry.objects.filter(action="complaint_forms.submit").first()
    assert entry.content_type.model_class() is Report


def test_a_retry_costs_one_query_and_lands_on_the_same_report(client, report_page, valid_post):
    data = valid_post()
    first = client.post(SUBMIT, data)
    with CaptureQueriesContext(connection) as queries:
        second = client.post(SUBMIT, data)
    assert second["Location"] == first["Location"]
    assert len(queries.captured_queries) == 1
    assert Report.objects.count() == 1


def test_the_confirmation_follows_the_report_page_when_its_address_changes(
    client, report_page, valid_post
):
    client.post(SUBMIT, valid_post())  # the page's address is now cached
    report_page.slug = "lapor-warga"
    report_page.save_revision().publish()
    response = client.post(SUBMIT, valid_post(title="Jalan berlubang"))
    code = Report.objects.get(title="Jalan berlubang").tracking_code
    assert response["Location"] == f"/id/lapor-warga/terkirim/{code}/"
    assert code in client.get(response["Location"]).content.decode()

    report_page.unpublish()
    response = client.post(SUBMIT, valid_post(title="Got mampet"))
    code = Report.objects.get(title="Got mampet").tracking_code
    assert response["Location"] == f"/id/laporan/terkirim/{code}/"
    assert code in client.get(response["Location"]).content.decode()


def _forward_due_of_next_report(client, valid_post, title):
    client.post(SUBMIT, valid_post(title=title))
    return Report.objects.get(title=title).forward_due


def test_new_reports_follow_changed_deadline_settings_and_days_off(client, report_page, valid_post):
    today = timezone.localdate()
    config = ComplaintSettings.current()
    first = _forward_due_of_next_report(client, valid_post, "Laporan pertama")
    assert first == add_working_days(today, config.forward_days, extra_holidays())

    config.forward_days += 4
    config.save()
    second = _forward_due_of_next_report(client, valid_post, "Laporan kedua")
    assert second == add_working_days(today, config.forward_days, extra_holidays())
    assert second > first

    # A day off on the second report's deadline moves the next one a working day later.
    ExtraHoliday.objects.create(date=second, name="Cuti bersama")
    third = _forward_due_of_next_report(client, valid_post, "Laporan ketiga")
    assert third == add_working_days(today, config.forward_days, {second})
    assert third > second

    ExtraHoliday.objects.filter(date=second).delete()
    assert _forward_due_of_next_report(client, valid_post, "Laporan keempat") == second
    assert isinstance(second, datetime.date)


def test_forms_share_their_fixed_choice_lists_but_narrowing_one_leaves_the_others(db):
    """Each form shares the kelurahan and privacy lists instead of copying them; a form
    that offers only the private choices (gender-based harm) does not narrow the next one."""
    narrowed, other = ReportForm(), ReportForm()
    assert narrowed.fields["kelurahan"].choices is other.fields["kelurahan"].choices
    narrowed.offer_private_choices_only()
    assert Privacy.PUBLIC not in dict(narrowed.fields["privacy"].choices)
    assert Privacy.PUBLIC in dict(other.fields["privacy"].choices)
    assert Privacy.PUBLIC in dict(ReportForm().fields["privacy"].choices)
    assert 'value="public"' in str(ReportForm()["privacy"])
    assert 'value="public"' not in str(narrowed["privacy"])
