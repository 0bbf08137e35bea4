"""Retention (UU PDP 27/2022): one command erases what has outlived its period in every
app, keeps what is still inside it, and keeps the rows that figures count."""

import datetime
from pathlib import Path

from django.core.files.base import ContentFile
from django.core.management import call_command
from django.utils import timezone, translation

import pytest

from complaint_forms import workflow
from complaint_forms.models import Attachment, ContactChannel, Report, Status
from outreach import ambassadors
from outreach.models import (
    AmbassadorApplication,
    ApplicationStatus,
    AssistedReportRequest,
    ProgramKind,
    SchoolRequestStatus,
    SchoolSessionRequest,
)
from outreach.reach import program_reach
from site_core.models import OutgoingMail
from tests.complaint_forms.factories import CategoryFactory, ReportFactory, coordinator
from tests.outreach.factories import (
    AmbassadorApplicationFactory,
    ProgramIndexPageFactory,
    ProgramPageFactory,
    SchoolSessionRequestFactory,
)

pytestmark = pytest.mark.django_db
NOW = timezone.now()


def days_ago(days):
    return NOW - datetime.timedelta(days=days)


@pytest.fixture
def purge(capsys, django_capture_on_commit_callbacks):
    """Run the command as cron does; its after-commit work (file deletion) runs too."""

    def run(*args):
        with django_capture_on_commit_callbacks(execute=True):
            call_command("purge_personal_data", *args)
        return capsys.readouterr().out

    return run


def closed_report(days, status=Status.CLOSED, **fields):
    report = ReportFactory(status=status, **fields)
    Report.objects.filter(pk=report.pk).update(closed_at=days_ago(days))
    report.attachments.create(
        file=ContentFile(b"%PDF-1.4\n%%EOF\n", name="bukti.pdf"),
        original_name="bukti.pdf",
        content_type="application/pdf",
        size=15,
    )
    return report


def test_complaint_identity_and_attachments_go_two_years_after_closing(purge, locales):
    old = closed_report(731, rating=4)
    rejected = closed_report(800, status=Status.REJECTED)
    recent = closed_report(700)
    still_open = ReportFactory(status=Status.IN_PROGRESS)
    old_file = Path(old.attachments.get().file.path)
    assert old_file.exists()

    out = purge()

    assert "complaint identities: 2" in out and "complaint attachments: 2" in out
    for report in (old, rejected):
        report.refresh_from_db()
        assert (report.reporter_name, report.reporter_email, report.reporter_phone) == ("",) * 3
        assert report.contact_channel == ContactChannel.NONE
        assert not report.attachments.exists()
    assert not old_file.exists()
    # The reports stay for statistics, with what figures use.
    assert Report.objects.count() == 4
    assert Report.objects.get(pk=old.pk).rating == 4
    assert Report.objects.filter(status=Status.CLOSED).count() == 2
    for kept in (recent, still_open):
        kept.refresh_from_db()
        assert kept.reporter_email == "siti@example.test"
    assert Attachment.objects.filter(report=recent).exists()


def test_a_reopened_report_keeps_its_identity(purge, locales):
    report = closed_report(900)
    workflow.reopen(report, coordinator(), public_message="Dibuka lagi")
    purge()
    report.refresh_from_db()
    assert report.reporter_name == "Siti Aminah"


def test_dry_run_counts_and_changes_nothing(purge, locales):
    report = closed_report(731)
    out = purge("--dry-run")
    assert "Would erase complaint identities: 1" in out
    report.refresh_from_db()
    assert report.reporter_name == "Siti Aminah" and report.attachments.count() == 1


@pytest.fixture
def program_index(home):
    return ProgramIndexPageFactory(parent=home)


@pytest.fixture
def school_program(program_index):
    return ProgramPageFactory(parent=program_index, slug="sekolah", kind=ProgramKind.SCHOOL)


def test_school_contacts_go_a_year_after_the_session_and_reach_still_counts(purge, school_program):
    held = SchoolSessionRequestFactory(
        program=school_program, status=SchoolRequestStatus.HELD, actual_students=90
    )
    SchoolSessionRequest.objects.filter(pk=held.pk).update(
        proposed_start=days_ago(400), updated_at=days_ago(400)
    )
    recent = SchoolSessionRequestFactory(program=school_program)
    reach_before = program_reach(school_program)

    assert "school contact details: 1" in purge()

    held.refresh_from_db()
    assert (held.contact_name, held.phone, held.email) == ("", "", "")
    assert held.school_name and held.npsn and held.actual_students == 90
    recent.refresh_from_db()
    assert recent.contact_name == "Ibu Rina"
    assert program_reach(school_program) == reach_before


@pytest.fixture
def duta(program_index):
    return ProgramPageFactory(parent=program_index, slug="duta", kind=ProgramKind.AMBASSADOR)


def test_applications_are_erased_a_year_after_the_decision(purge, duta):
    rejected = AmbassadorApplicationFactory(
        program=duta, guardian_name="Ibu Ani", guardian_contact="0812"
    )
    accepted = AmbassadorApplicationFactory(program=duta)
    fresh = AmbassadorApplicationFactory(program=duta)
    undecided = AmbassadorApplicationFactory(program=duta)
    for application, status in (
        (rejected, ApplicationStatus.REJECTED),
        (accepted, ApplicationStatus.ACCEPTED),
        (fresh, ApplicationStatus.REJECTED),
    ):
        ambassadors.set_status(application, status)
    AmbassadorApplication.objects.filter(pk__in=[rejected.pk, accepted.pk]).update(
        decided_at=days_ago(366)
    )
    AmbassadorApplication.objects.filter(pk=undecided.pk).update(created_at=days_ago(900))

    out = purge()

    assert "rejected applicants: 1" in out
    assert "accepted ambassadors' application details: 1" in out
    rejected.refresh_from_db()
    assert (rejected.name, rejected.email, rejected.guardian_name) == ("", "", "")
    assert rejected.date_of_birth is None
    with translation.override("id"):
        assert str(rejected) == "(nama dihapus)"
    accepted.refresh_from_db()
    # An active ambassador keeps name and contact; the birth date and essay go.
    assert accepted.date_of_birth is None and accepted.motivation == ""
    assert accepted.name and accepted.email
    for kept in (fresh, undecided):
        kept.refresh_from_db()
        assert kept.date_of_birth is not None and kept.email


def test_deciding_records_when(duta):
    application = AmbassadorApplicationFactory(program=duta)
    ambassadors.set_status(application, ApplicationStatus.SHORTLISTED)
    assert application.decided_at is None
    ambassadors.set_status(application, ApplicationStatus.ACCEPTED)
    assert application.decided_at is not None


def test_assisted_requests_are_erased_after_90_days_handled_or_not(purge, duta):
    def request(days, handled):
        row = AssistedReportRequest.objects.create(
            program=duta,
            name="Pak Darto",
            method="phone",
            phone="+6281234567890",
            needs="Tuna netra",
            consent_at=NOW,
            handled=handled,
        )
        AssistedReportRequest.objects.filter(pk=row.pk).update(created_at=days_ago(days))
        return row

    waiting, handled, recent = request(91, False), request(120, True), request(30, False)

    assert "assisted-reporting requests: 2" in purge()

    assert AssistedReportRequest.objects.count() == 3  # counted, not deleted
    for row in (waiting, handled):
        row.refresh_from_db()
        assert (row.name, row.phone, row.needs) == ("", "", "")
        assert row.method == "phone"
    recent.refresh_from_db()
    assert recent.name == "Pak Darto"


def test_undelivered_mail_goes_after_its_period(purge):
    """A message the mail server never took holds addresses and its text: kept for staff to
    re-send, then deleted. Mail still being retried is never touched."""

    def mail(status, gave_up_days_ago):
        return OutgoingMail.objects.create(
            subject="Laporan Anda",
            body="Kode pelacakan ...",
            recipients=["warga@example.id"],
            status=status,
            next_attempt_at=NOW,
            give_up_at=days_ago(gave_up_days_ago),
        )

    old = mail(OutgoingMail.Status.FAILED, 31)
    recent = mail(OutgoingMail.Status.FAILED, 29)
    retrying = mail(OutgoingMail.Status.RETRYING, 40)

    assert "undelivered mail: 1" in purge("--dry-run")
    assert OutgoingMail.objects.count() == 3
    assert "undelivered mail: 1" in purge()
    assert set(OutgoingMail.objects.values_list("pk", flat=True)) == {recent.pk, retrying.pk}
    assert not OutgoingMail.objects.filter(pk=old.pk).exists()


def test_retention_periods_are_settings(purge, settings, locales):
    settings.PERSONAL_DATA_RETENTION_DAYS = {
        **settings.PERSONAL_DATA_RETENTION_DAYS,
        "complaint_identity": 30,
    }
    closed_report(31)
    assert "complaint identities: 1" in purge()


def test_every_app_registers_its_purge(settings):
    assert {
        "complaint_forms.retention.purge",
        "outreach.retention.purge",
        "search.privacy.purge",
        "site_core.mail.purge",
    } <= set(settings.PERSONAL_DATA_PURGERS)


def test_category_fixture_is_not_needed_for_anonymous_reports(purge, locales):
    """Anonymous reports have no identity: the purge leaves them untouched and counts 0."""
    ReportFactory(privacy="anonymous", status=Status.CLOSED, category=CategoryFactory())
    Report.objects.update(closed_at=days_ago(800))
    assert "complaint identities: 0" in purge()
