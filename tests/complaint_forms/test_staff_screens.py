"""Staff screens read as staff screens: the offline form speaks about "the reporter", counts
deadlines from the day received and takes a scanned letter; the listing opens unfiltered;
admin 404s stay in the admin; exports say what the screen says, in WITA; intake routes a
report to its category's default unit."""

import csv
import datetime
import io

from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

import pytest
from openpyxl import load_workbook

from complaint_forms import workflow
from complaint_forms.deadlines import add_working_days
from complaint_forms.models import Channel, ComplaintSettings, Report, Status

from .factories import CategoryFactory, ReportFactory, coordinator, officer
from .text import t

pytestmark = pytest.mark.django_db

BASE = "/admin/complaint_reports/"
NEW = f"{BASE}new/"
PDF = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"


def offline_post(category, **overrides):
    data = {
        "channel": Channel.LETTER,
        "received_on": timezone.localdate().isoformat(),
        "kind": "pengaduan",
        "category": category.pk,
        "title": "Surat warga tentang jalan rusak",
        "description": "Warga mengirim surat tentang jalan berlubang.",
        "privacy": "public",
        "reporter_name": "Pak RT 05",
        "contact_channel": "none",
    }
    data.update(overrides)
    return data


def test_offline_form_speaks_to_staff_about_the_reporter(client, category):
    client.force_login(coordinator())
    html = client.get(NEW).content.decode()
    assert "Nama pelapor" in html
    assert t("Your name") not in html and "Nama Anda" not in html
    assert t("Date received") in html and 'type="date"' in html
    assert 'enctype="multipart/form-data"' in html
    assert t("Do not contact the reporter") in html
    assert t("Do not contact me") not in html


def test_deadlines_count_from_the_day_received_not_the_day_entered(client, unit):
    uncategorised = CategoryFactory(default_unit=None)
    client.force_login(coordinator())
    received = timezone.localdate() - datetime.timedelta(days=20)
    response = client.post(NEW, offline_post(uncategorised, received_on=received.isoformat()))
    assert response.status_code == 302
    report = Report.objects.get()
    config = ComplaintSettings.current()
    assert timezone.localdate(report.created_at) == received
    assert report.forward_due == add_working_days(received, config.forward_days)
    assert report.is_overdue()  # twenty days ago: the forwarding deadline has passed
    assert report.events.get(action="submit").created_at == report.created_at


def test_offline_report_routed_to_its_unit_counts_the_answer_deadline_from_receipt(
    client, category, unit
):
    client.force_login(coordinator())
    received = timezone.localdate() - datetime.timedelta(days=3)
    client.post(NEW, offline_post(category, received_on=received.isoformat()))
    report = Report.objects.get()
    config = ComplaintSettings.current()
    assert (report.status, report.assigned_unit) == (Status.ASSIGNED, unit)
    assert report.response_due == add_working_days(received, config.response_days)
    assert timezone.localdate(report.assigned_at) == received


def test_a_date_received_in_the_future_is_refused_and_nothing_is_stored(client, category):
    client.force_login(coordinator())
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    response = client.post(NEW, offline_post(category, received_on=tomorrow.isoformat()))
    assert response.status_code == 200
    assert t("The date received cannot be in the future.") in response.content.decode()
    assert not Report.objects.exists()


def test_a_scanned_letter_is_attached_to_an_offline_report(client, category):
    client.force_login(coordinator())
    letter = SimpleUploadedFile("Surat RT 05 (scan).pdf", PDF, content_type="application/pdf")
    response = client.post(NEW, {**offline_post(category), "attachments": [letter]})
    assert response.status_code == 302
    attachment = Report.objects.get().attachments.get()
    assert (attachment.original_name, attachment.content_type) == (
        "Surat RT 05 _scan.pdf",
        "application/pdf",
    )
    detail = client.get(response["Location"]).content.decode()
    assert "Surat RT 05 _scan.pdf" in detail


def test_an_unsafe_attachment_is_refused_and_nothing_is_stored(client, category):
    client.force_login(coordinator())
    script = SimpleUploadedFile(
        "surat.pdf", b"#!/bin/sh\nrm -rf /\n", content_type="application/pdf"
    )
    response = client.post(NEW, {**offline_post(category), "attachments": [script]})
    assert response.status_code == 200
    refused = t(
        "This type of file is not accepted. Attach a photo (JPEG, PNG, WebP), "
        "a PDF, a short video or a voice note."
    )
    assert refused in response.content.decode()
    assert not Report.objects.exists()


def test_intake_routes_a_report_to_its_categorys_default_unit(unit):
    from complaint_forms.intake import create_report

    routed, _created = create_report(
        {
            "title": "Sampah menumpuk",
            "description": "TPS penuh.",
            "category": CategoryFactory(default_unit=unit),
        }
    )
    assert (routed.status, routed.assigned_unit) == (Status.ASSIGNED, unit)
    assert routed.response_due is not None
    assert [e.action for e in routed.events.all()] == ["submit", "assign"]
    unrouted, _created = create_report({"title": "Lain-lain", "description": "Pertanyaan."})
    assert (unrouted.status, unrouted.assigned_unit) == (Status.SUBMITTED, None)
    unit.is_active = False
    unit.save()
    inactive, _created = create_report(
        {"title": "Sampah", "description": "TPS.", "category": CategoryFactory(default_unit=unit)}
    )
    assert inactive.status == Status.SUBMITTED


def test_the_units_officer_sees_a_routed_report_and_coordinators_can_still_reject_it(
    client, unit, django_capture_on_commit_callbacks
):
    from complaint_forms.intake import create_report

    with django_capture_on_commit_callbacks(execute=True):
        report, _created = create_report(
            {
                "title": "Iklan",
                "description": "Spam.",
                "category": CategoryFactory(default_unit=unit),
            }
        )
    assert [m.to for m in mail.outbox] == [[unit.email]]
    client.force_login(officer(unit))
    assert "Iklan" in client.get(BASE).content.decode()
    workflow.reject(report, coordinator(), "spam")
    assert Report.objects.get().status == Status.REJECTED


def test_the_listing_opens_without_an_active_filter(client, category):
    ReportFactory(title="Laporan biasa")
    client.force_login(coordinator())
    html = client.get(BASE).content.decode()
    assert "Laporan biasa" in html
    # Wagtail lists active filters as pills in <ul class="w-active-filters">.
    assert 'class="w-active-filters"' not in html
    assert 'data-w-active-filter-id="id_overdue"' not in html
    assert "False" not in html
    filtered = client.get(BASE, {"overdue": "yes"}).content.decode()
    assert 'data-w-active-filter-id="id_overdue"' in filtered
    assert "Laporan biasa" not in filtered  # no deadline: not overdue
    not_overdue = client.get(BASE, {"overdue": "no"}).content.decode()
    assert "Laporan biasa" in not_overdue


@pytest.mark.parametrize(
    "path",
    [
        "/admin/complaint_forms/report/inspect/1/",
        f"{BASE}999999/",
        "/admin/no-such-screen/",
    ],
)
def test_admin_404s_stay_in_the_admin(client, home, path):
    client.force_login(coordinator())
    response = client.get(path)
    assert response.status_code == 404
    assert "wagtailadmin/404.html" in [template.name for template in response.templates]


def test_public_pages_still_get_their_language_prefix(client, home):
    response = client.get("/")
    assert response.status_code == 302 and response["Location"] == "/id/"


def rows_of(response):
    return list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))


def test_report_export_speaks_in_labels_and_wita(client, unit):
    report = ReportFactory(
        title="Jalan rusak",
        kecamatan="banjarbaru-utara",
        created_at=datetime.datetime(2026, 3, 2, 23, 30, tzinfo=datetime.UTC),
    )
    workflow.verify(report, coordinator())
    client.force_login(coordinator())
    header, row = rows_of(client.get(BASE, {"export": "csv"}))
    columns = dict(zip(header, row, strict=True))
    assert "tracking_code" not in header and "Tracking code" not in header
    assert columns[t("Code")] == report.tracking_code
    assert columns[t("Status")] == t("Verified")
    assert columns[t("Kecamatan")] == "Banjarbaru Utara"
    assert columns[t("Kind")] == t("Complaint")
    # 23:30 UTC on 2 March is 07:30 WITA on 3 March.
    assert columns[t("Received")] == "2026-03-03 07:30"
    xlsx = client.get(BASE, {"export": "xlsx"})
    sheet = load_workbook(io.BytesIO(b"".join(xlsx.streaming_content))).active
    header, row = [[cell.value for cell in r] for r in sheet.iter_rows()]
    cells = dict(zip(header, row, strict=True))
    assert cells[t("Received")] == datetime.datetime(2026, 3, 3, 7, 30)
    assert cells[t("Status")] == t("Verified")


def test_report_detail_shows_actions_as_grouped_admin_buttons(client, unit):
    report = ReportFactory(title="Lampu mati")
    client.force_login(coordinator())
    html = client.get(f"{BASE}{report.pk}/").content.decode()
    assert 'id="report-actions-section"' in html  # a Wagtail panel
    for group in ("Triage", "Finish"):
        assert t(group) in html
    assert 'data-a11y-dialog-show="report-action-verify"' in html
    assert 'data-a11y-dialog-show="report-action-reject"' in html
    assert "<details" not in html
