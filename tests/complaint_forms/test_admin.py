"""Staff side: who sees which reports and identities, actions, export, downloads."""

import csv
import io

from django.core.files.base import ContentFile
from django.utils import timezone

import pytest
from openpyxl import load_workbook

from complaint_forms import workflow
from complaint_forms.models import Attachment, Channel, Privacy, Report, Status
from site_core.audit import PrivateLogEntry

from .factories import ReportFactory, UserFactory, coordinator, officer
from .text import t

pytestmark = pytest.mark.django_db

BASE = "/admin/complaint_reports/"


@pytest.fixture
def reports(unit, other_unit):
    boss = coordinator()
    mine = ReportFactory(title="Laporan unit A", reporter_name="Warga Publik")
    secret = ReportFactory(
        title="Laporan rahasia unit A",
        privacy=Privacy.CONFIDENTIAL,
        reporter_name="Nama Rahasia",
        reporter_email="rahasia@example.test",
    )
    theirs = ReportFactory(title="Laporan unit B")
    workflow.assign(mine, boss, unit)
    workflow.assign(secret, boss, unit)
    workflow.assign(theirs, boss, other_unit)
    return {"mine": mine, "secret": secret, "theirs": theirs}


def status(client, url, **params):
    """Status after any redirects (an admin 404 stays in the admin: no redirect)."""
    return client.get(url, params, follow=True).status_code


def denied(response):
    """Wagtail answers PermissionDenied with a redirect to the dashboard and a message."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == "/admin/"
    )


def login(client, user):
    client.force_login(user)
    return client


def test_officer_lists_only_their_units_reports(client, reports, unit):
    login(client, officer(unit))
    html = client.get(BASE).content.decode()
    assert "Laporan unit A" in html
    assert "Laporan unit B" not in html


def test_an_officer_not_yet_linked_to_a_unit_is_told_why_the_listing_is_empty(client, reports):
    login(client, UserFactory(groups=["Petugas Unit Kerja"]))
    html = client.get(BASE, headers={"accept-language": "id"}).content.decode()
    assert "Laporan unit A" not in html and "Laporan unit B" not in html
    assert "belum terhubung ke unit kerja" in html


def test_a_linked_officer_with_nothing_assigned_gets_the_ordinary_empty_listing(client, unit):
    login(client, officer(unit))
    html = client.get(BASE).content.decode()
    assert "belum terhubung" not in html


def test_officer_cannot_open_another_units_report(client, reports, unit):
    login(client, officer(unit))
    assert status(client, f"{BASE}{reports['theirs'].pk}/") == 404


def test_officer_never_sees_a_confidential_identity(client, reports, unit):
    login(client, officer(unit))
    url = f"{BASE}{reports['secret'].pk}/"
    for query in ("", "?identity=1"):
        html = client.get(url + query).content.decode()
        assert "Nama Rahasia" not in html
        assert "rahasia@example.test" not in html
    # The public reporter of the unit's own report is visible to the unit.
    assert "Warga Publik" in client.get(f"{BASE}{reports['mine'].pk}/").content.decode()


def test_coordinator_sees_confidential_identity_on_request_and_it_is_logged(client, reports):
    boss = coordinator()
    login(client, boss)
    url = f"{BASE}{reports['secret'].pk}/"
    assert "Nama Rahasia" not in client.get(url).content.decode()
    assert "Nama Rahasia" in client.get(url + "?identity=1").content.decode()
    assert PrivateLogEntry.objects.filter(
        action="complaint_forms.view_identity", user=boss, object_id=str(reports["secret"].pk)
    ).exists()


def test_content_editor_sees_no_reports(client, reports):
    editor = (
        UserFactory(groups=["Editor Konten"]) if _group_exists("Editor Konten") else UserFactory()
    )
    from django.contrib.auth.models import Permission

    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    login(client, editor)
    response = client.get(BASE, follow=True)
    assert response.redirect_chain  # sent away to the dashboard with "permission denied"
    assert "Laporan unit A" not in response.content.decode()
    assert status(client, f"{BASE}{reports['mine'].pk}/") == 404


def _group_exists(name):
    from django.contrib.auth.models import Group

    return Group.objects.filter(name=name).exists()


def test_listing_filters_by_status_and_overdue(client, reports):
    login(client, coordinator())
    late = reports["theirs"]
    Report.objects.filter(pk=late.pk).update(response_due="2020-01-01")
    html = client.get(BASE, {"overdue": "yes"}).content.decode()
    assert "Laporan unit B" in html and "Laporan unit A" not in html
    assert t("Overdue") in html
    html = client.get(BASE, {"status": Status.ASSIGNED}).content.decode()
    assert "Laporan unit A" in html


def test_officer_answers_through_the_action_form(client, reports, unit):
    clerk = officer(unit)
    login(client, clerk)
    report = reports["mine"]
    response = client.post(
        f"{BASE}{report.pk}/action/answer/",
        {"answer-public_message": "Sudah diperbaiki.", "answer-internal_note": "Tim B"},
    )
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == Status.ANSWERED
    event = report.events.last()
    assert (event.public_message, event.internal_note, event.actor) == (
        "Sudah diperbaiki.",
        "Tim B",
        clerk,
    )


def test_officer_cannot_use_coordinator_actions(client, reports, unit):
    login(client, officer(unit))
    report = reports["mine"]
    assert denied(client.post(f"{BASE}{report.pk}/action/close/", {}))
    report.refresh_from_db()
    assert report.status == Status.ASSIGNED


def test_coordinator_rejects_with_a_reason(client, unit):
    report = ReportFactory()
    login(client, coordinator())
    client.post(f"{BASE}{report.pk}/action/reject/", {"reject-reason": "not-city-authority"})
    report.refresh_from_db()
    assert (report.status, report.rejection_reason) == (Status.REJECTED, "not-city-authority")


def test_staff_record_an_offline_report(client, category):
    boss = coordinator()
    login(client, boss)
    response = client.post(
        f"{BASE}new/",
        {
            "channel": Channel.WALK_IN,
            "kind": "aspiration",
            "category": category.pk,
            "title": "Usul taman",
            "description": "Warga usul taman bermain.",
            "privacy": "public",
            "reporter_name": "Pak RT",
            "contact_channel": "phone",
            "received_on": timezone.localdate().isoformat(),
        },
    )
    assert response.status_code == 302
    report = Report.objects.get()
    assert report.channel == Channel.WALK_IN and report.created_by == boss


def test_export_neutralises_formulas_and_is_logged(client, unit):
    boss = coordinator()
    report = ReportFactory(title='=HYPERLINK("http://evil.example","klik")')
    ReportFactory(title="+SUM(A1:A9)")
    login(client, boss)
    response = client.get(BASE, {"export": "csv"})
    assert response.status_code == 200
    content = b"".join(response.streaming_content).decode()
    rows = list(csv.reader(io.StringIO(content)))
    titles = {row[5] for row in rows[1:]}
    assert '\'=HYPERLINK("http://evil.example","klik")' in titles
    assert "'+SUM(A1:A9)" in titles
    assert "siti@example.test" not in content  # no identities in exports
    assert PrivateLogEntry.objects.filter(action="complaint_forms.export", user=boss).exists()
    xlsx = client.get(BASE, {"export": "xlsx"})
    sheet = load_workbook(io.BytesIO(b"".join(xlsx.streaming_content))).active
    values = [cell.value for row in sheet.iter_rows() for cell in row]
    assert '\'=HYPERLINK("http://evil.example","klik")' in values  # the sheet has the rows
    assert all(not str(v).startswith("=") for v in values if v)
    assert report.pk


def test_officer_cannot_export(client, reports, unit):
    login(client, officer(unit))
    assert denied(client.get(BASE, {"export": "csv"}))


def test_attachment_download_is_forced_and_permission_checked(client, reports, unit, other_unit):
    report = reports["mine"]
    attachment = Attachment.objects.create(
        report=report,
        file=ContentFile(b"%PDF-1.4\n", name="abc.pdf"),
        original_name="bukti.pdf",
        content_type="application/pdf",
        size=9,
    )
    url = f"{BASE}attachment/{attachment.pk}/"
    login(client, officer(other_unit))
    assert status(client, url) == 404
    login(client, officer(unit))
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Type"] == "application/octet-stream"


def test_responsiveness_view_for_coordinators_only(client, reports, unit):
    login(client, officer(unit))
    assert denied(client.get("/admin/complaint_responsiveness/"))
    login(client, coordinator())
    response = client.get("/admin/complaint_responsiveness/")
    assert response.status_code == 200
    assert unit.name in response.content.decode()


def test_audit_history_is_limited_to_reports_the_user_may_see(client, reports, unit):
    login(client, officer(unit))
    assert status(client, f"{BASE}history/{reports['mine'].pk}/") == 200
    assert status(client, f"{BASE}history/{reports['theirs'].pk}/") == 404
    assert status(client, f"{BASE}usage/{reports['theirs'].pk}/") == 404


def test_other_apps_can_add_buttons_to_the_report_page(client, reports):
    from wagtail import hooks

    def button(report, user):
        if report.kind == "complaint":
            return {"label": "Buat draf jawaban", "url": "/admin/kb/draft/"}
        return None

    with hooks.register_temporarily("register_complaint_report_buttons", button):
        login(client, coordinator())
        html = client.get(f"{BASE}{reports['mine'].pk}/").content.decode()
    assert 'href="/admin/kb/draft/"' in html
