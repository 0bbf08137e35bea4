"""The state machine: which transitions exist, who may make them, what each records."""

from django.core import mail
from django.core.exceptions import PermissionDenied

import pytest

from complaint_forms import workflow
from complaint_forms.models import RejectionReason, Status
from complaint_forms.reminders import auto_close_answered
from site_core.audit import PrivateLogEntry
from tests.complaint_forms.text import t

from .factories import ReportFactory, UserFactory, coordinator, officer

pytestmark = pytest.mark.django_db


@pytest.fixture
def report(db):
    return ReportFactory()


def test_full_lifecycle_writes_an_event_and_an_audit_entry_per_step(
    report, unit, django_capture_on_commit_callbacks
):
    boss = coordinator()
    clerk = officer(unit)
    with django_capture_on_commit_callbacks(execute=True):
        workflow.verify(report, boss)
        workflow.assign(report, boss, unit, internal_note="Urgent")
        workflow.start_progress(report, clerk)
        workflow.answer(report, clerk, "Lampu sudah diganti.")
        workflow.close(report, boss)
    report.refresh_from_db()
    assert report.status == Status.CLOSED
    actions = list(report.events.values_list("action", flat=True))
    assert actions == ["verify", "assign", "start", "answer", "close"]
    logged = set(
        PrivateLogEntry.objects.filter(object_id=str(report.pk)).values_list("action", flat=True)
    )
    assert {"complaint_forms.assign", "complaint_forms.answer"} <= logged
    assert report.first_response_at is not None
    assert report.answered_within_deadline is True
    assert report.response_due is not None and report.close_due is not None
    recipients = [m.to[0] for m in mail.outbox]
    assert unit.email in recipients  # assignment mail to the unit
    assert report.reporter_email in recipients  # answer mail to the citizen


def test_reject_needs_a_known_reason_and_closes_the_report(report):
    boss = coordinator()
    with pytest.raises(ValueError):
        workflow.reject(report, boss, "because")
    workflow.reject(report, boss, RejectionReason.DUPLICATE)
    report.refresh_from_db()
    assert report.status == Status.REJECTED
    assert report.rejection_reason == "duplicate"
    assert t("Duplicate") in report.events.get().public_message


def test_transitions_from_the_wrong_state_are_refused(report, unit):
    boss = coordinator()
    with pytest.raises(workflow.TransitionNotAllowed):
        workflow.close(report, boss, system=True)  # not answered yet
    workflow.reject(report, boss, RejectionReason.SPAM)
    with pytest.raises(workflow.TransitionNotAllowed):
        workflow.assign(report, boss, unit)
    assert report.events.count() == 1


def test_officer_cannot_coordinate(report, unit):
    clerk = officer(unit)
    with pytest.raises(PermissionDenied):
        workflow.verify(report, clerk)
    with pytest.raises(PermissionDenied):
        workflow.assign(report, clerk, unit)
    assert report.events.count() == 0


def test_officer_of_another_unit_cannot_answer(report, unit, other_unit):
    workflow.assign(report, coordinator(), unit)
    stranger = officer(other_unit)
    with pytest.raises(PermissionDenied):
        workflow.answer(report, stranger, "Bukan urusan saya")
    with pytest.raises(PermissionDenied):
        workflow.start_progress(report, stranger)


def test_content_editor_can_do_nothing(report, unit):
    editor = UserFactory()
    for call in (
        lambda: workflow.verify(report, editor),
        lambda: workflow.assign(report, editor, unit),
        lambda: workflow.answer(report, editor, "x"),
    ):
        with pytest.raises(PermissionDenied):
            call()


def test_request_info_and_citizen_reply_restore_the_previous_status(report, unit):
    boss = coordinator()
    workflow.assign(report, boss, unit)
    clerk = officer(unit)
    workflow.request_info(report, clerk, "Mohon kirim foto lokasi.")
    report.refresh_from_db()
    assert report.status == Status.NEEDS_INFO
    workflow.citizen_reply(report, "Fotonya sudah saya kirim lewat WA.")
    report.refresh_from_db()
    assert report.status == Status.ASSIGNED
    reply = report.events.last()
    assert reply.by_citizen and reply.actor is None


def test_appeal_reopens_an_answered_report_to_its_unit(report, unit):
    boss = coordinator()
    workflow.assign(report, boss, unit)
    workflow.answer(report, boss, "Sudah ditangani.")
    workflow.appeal(report, "Belum diperbaiki sama sekali.")
    report.refresh_from_db()
    assert report.status == Status.ASSIGNED
    assert report.assigned_unit == unit
    assert report.close_due is None


def test_rating_only_after_an_answer_and_within_one_to_five(report, unit):
    with pytest.raises(workflow.TransitionNotAllowed):
        workflow.rate(report, 5)
    workflow.assign(report, coordinator(), unit)
    workflow.answer(report, coordinator(), "Selesai.")
    with pytest.raises(ValueError):
        workflow.rate(report, 6)
    workflow.rate(report, 4, "Cepat")
    report.refresh_from_db()
    assert (report.rating, report.rating_comment) == (4, "Cepat")


def test_staff_reopen_of_rejected_report_goes_back_to_submitted(report):
    boss = coordinator()
    workflow.reject(report, boss, RejectionReason.INCOMPLETE)
    workflow.reopen(report, boss, internal_note="Data dilengkapi")
    report.refresh_from_db()
    assert report.status == Status.SUBMITTED
    assert report.rejection_reason == ""


def test_answered_reports_close_automatically_after_the_citizen_period(report, unit):
    import datetime

    workflow.assign(report, coordinator(), unit)
    workflow.answer(report, coordinator(), "Selesai.")
    report.refresh_from_db()
    assert auto_close_answered(today=report.close_due) == 0
    assert auto_close_answered(today=report.close_due + datetime.timedelta(days=1)) == 1
    report.refresh_from_db()
    assert report.status == Status.CLOSED


def test_late_answer_is_recorded_as_not_within_deadline(report, unit):
    import datetime

    workflow.assign(report, coordinator(), unit)
    report.response_due = datetime.date(2020, 1, 1)
    report.save()
    workflow.answer(report, coordinator(), "Maaf terlambat.")
    report.refresh_from_db()
    assert report.answered_within_deadline is False


def test_staff_edited_deadline_settings_apply_to_new_reports(home, client, report_page, valid_post):
    from django.db import IntegrityError, transaction
    from django.utils import timezone

    from wagtail.models import Site

    from complaint_forms.deadlines import add_working_days
    from complaint_forms.models import ComplaintSettings, Report

    config = ComplaintSettings.for_site(Site.objects.get(is_default_site=True))
    config.forward_days = 7
    config.save()
    client.post("/id/laporan/kirim/", valid_post())
    report = Report.objects.get()
    assert report.forward_due == add_working_days(timezone.localdate(), 7)
    # The database itself refuses identity on an anonymous report.
    Report.objects.filter(pk=report.pk).update(
        privacy="anonymous", reporter_name="", reporter_email="", reporter_phone=""
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        Report.objects.filter(pk=report.pk).update(reporter_name="Nama")


@pytest.mark.parametrize(("language", "staff_language"), [("en", "id"), ("id", "en")])
def test_default_timeline_messages_are_in_the_citizens_language(unit, language, staff_language):
    """The citizen reads the timeline (and its mail) in the language of their report,
    whatever language the staff member's admin is in."""
    from django.utils import translation

    def message(action, language, **values):
        with translation.override(language):
            return str(workflow.BY_ACTION[action].public_message) % values

    report, rejected = ReportFactory(language=language), ReportFactory(language=language)
    with translation.override(staff_language):
        workflow.verify(report, coordinator())
        workflow.assign(report, coordinator(), unit)
        workflow.reject(rejected, coordinator(), RejectionReason.DUPLICATE)
    events = dict(report.events.values_list("action", "public_message"))
    assert events["verify"] == message("verify", language)
    assert events["verify"] != message("verify", staff_language)
    assert events["assign"] == message("assign", language, unit=unit.name)
    with translation.override(language):
        duplicate = str(RejectionReason.DUPLICATE.label)
    assert rejected.events.get().public_message == message("reject", language, reason=duplicate)
