"""Wagtail's shared audit views show each staff member only the log entries of records they
may open, and no label carries a tracking code, a title or a name."""

import csv
import importlib
import io

from django.apps import apps
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType

from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

import pytest
from openpyxl import load_workbook

from complaint_forms import workflow
from complaint_forms.models import Privacy
from outreach import registrations
from site_core.audit import PrivateLogEntry
from tests.outreach.factories import EventPageFactory, ProgramIndexPageFactory, ProgramPageFactory

from .factories import ReportFactory, UserFactory, coordinator, officer

pytestmark = pytest.mark.django_db

SITE_HISTORY = "/admin/reports/site-history/"


@pytest.fixture
def cases(unit, other_unit):
    """Three reports with a history: two of unit A (one confidential, whose identity a
    coordinator viewed), one of unit B."""
    boss = coordinator()
    mine = ReportFactory(title="Jalan Mawar berlubang", reporter_name="Warga Publik")
    secret = ReportFactory(
        title="Pelecehan di kantor kelurahan",
        privacy=Privacy.CONFIDENTIAL,
        reporter_name="Nama Rahasia",
    )
    theirs = ReportFactory(title="Air PDAM keruh di Guntung", reporter_name="Warga Lain")
    for report, assigned in ((mine, unit), (secret, unit), (theirs, other_unit)):
        workflow.verify(report, boss)
        workflow.assign(report, boss, assigned)
    workflow.log_identity_view(secret, boss)
    return {"boss": boss, "mine": mine, "secret": secret, "theirs": theirs}


def site_history_csv(client, **params):
    response = client.get(SITE_HISTORY, {"export": "csv", **params})
    assert response.status_code == 200
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    # columns: ID, name (label), type, action, user, time; headings are translated
    _headings, *rows = csv.reader(io.StringIO(content))
    return [
        dict(zip(("ID", "Name", "Type", "Action", "User", "Time"), row, strict=True))
        for row in rows
    ]


def report_ids(rows):
    return {row["ID"] for row in rows if row["Name"].startswith("Laporan #")}


def secrets_of(*reports):
    for report in reports:
        yield from (report.tracking_code, report.title, report.reporter_name)


def test_unit_officer_sees_only_their_units_report_entries(client, cases, unit):
    client.force_login(officer(unit))
    html = client.get(SITE_HISTORY).content.decode()
    rows = site_history_csv(client)

    assert report_ids(rows) == {str(cases["mine"].pk), str(cases["secret"].pk)}
    theirs = cases["theirs"]
    assert theirs.tracking_code not in html
    assert f"Laporan #{theirs.pk}<" not in html
    # who opened a confidential identity is for those who may open it
    assert "complaint_forms.view_identity" not in {row["Action"] for row in rows}
    assert not any("identitas" in row["Action"].lower() for row in rows)


def test_unit_officer_cannot_filter_their_way_to_other_units_entries(client, cases, unit):
    client.force_login(officer(unit))
    response = client.get(f"{SITE_HISTORY}results/", {"label": f"#{cases['theirs'].pk}"})
    assert response.status_code == 200
    assert f"Laporan #{cases['theirs'].pk}" not in response.content.decode()


def test_editor_sees_no_report_entries(client, cases):
    editor = UserFactory(groups=["Editor Konten"])
    client.force_login(editor)
    assert report_ids(site_history_csv(client)) == set()
    assert "Laporan #" not in client.get(SITE_HISTORY).content.decode()


def test_coordinator_sees_every_report_entry_including_identity_views(client, cases):
    client.force_login(cases["boss"])
    rows = site_history_csv(client)
    assert report_ids(rows) == {str(cases[k].pk) for k in ("mine", "secret", "theirs")}
    identity_views = [row for row in rows if row["ID"] == str(cases["secret"].pk)]
    assert "Identitas rahasia dilihat" in {row["Action"] for row in identity_views}


def test_no_label_in_any_audit_view_carries_tracking_code_title_or_name(client, cases):
    client.force_login(cases["boss"])
    pages = [
        client.get(SITE_HISTORY).content.decode(),
        "\n".join(row["Name"] for row in site_history_csv(client)),
    ]
    for text in pages:
        for secret in secrets_of(cases["mine"], cases["secret"], cases["theirs"]):
            assert secret not in text
    assert set(PrivateLogEntry.objects.values_list("label", flat=True)) == {
        f"Laporan #{cases[k].pk}" for k in ("mine", "secret", "theirs")
    }


def test_registrant_names_and_check_in_codes_stay_out_of_the_log(client, home):
    program = ProgramPageFactory(parent=ProgramIndexPageFactory(parent=home))
    event = EventPageFactory(parent=program, capacity=5)
    registration = registrations.register(event, name="Dewi Lestari", email="d@example.org")
    staff = UserFactory(groups=["Petugas Sosialisasi"])
    registrations.check_in(registration, staff)
    entry = PrivateLogEntry.objects.get(action="outreach.check_in")
    assert entry.label == f"Pendaftaran acara #{registration.pk}"

    client.force_login(staff)
    rows = site_history_csv(client)
    assert {row["Name"] for row in rows} >= {f"Pendaftaran acara #{registration.pk}"}
    editor = UserFactory(groups=["Editor Konten"])
    client.force_login(editor)
    assert not any(row["Name"].startswith("Pendaftaran") for row in site_history_csv(client))


def test_site_history_exports_cannot_run_formulas(client, cases):
    """A user (or any label) named like a formula stays text in CSV and XLSX."""
    prankster = coordinator(first_name='=HYPERLINK("http://evil.test","klik")', last_name="")
    workflow.verify(ReportFactory(), prankster)
    client.force_login(cases["boss"])
    names = {row["User"] for row in site_history_csv(client)}
    assert '\'=HYPERLINK("http://evil.test","klik")' in names
    assert not any(name.startswith("=") for name in names)

    response = client.get(SITE_HISTORY, {"export": "xlsx"})
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    cells = [cell.value for row in sheet.iter_rows() for cell in row if cell.value]
    assert '\'=HYPERLINK("http://evil.test","klik")' in cells
    assert not any(isinstance(value, str) and value.startswith("=") for value in cells)


def test_existing_report_entries_move_to_the_private_log_without_their_old_labels(cases):
    """The data migration: entries written before the private log existed."""
    report = cases["theirs"]
    old = ModelLogEntry.objects.create(
        content_type=ContentType.objects.get_for_model(report),
        object_id=str(report.pk),
        label=str(report),
        action="complaint_forms.verify",
        timestamp=report.created_at,
        user=cases["boss"],
    )
    migration = importlib.import_module("complaint_forms.migrations.0003_reports_private_audit_log")
    migration.move_to_private_log(apps, None)

    assert not ModelLogEntry.objects.filter(pk=old.pk).exists()
    moved = PrivateLogEntry.objects.filter(object_id=str(report.pk), action=old.action)
    assert [entry.label for entry in moved] == [f"Laporan #{report.pk}"] * moved.count()
    assert moved.filter(user=cases["boss"], timestamp=old.timestamp).exists()


def test_a_caller_cannot_put_a_title_back_into_a_private_label(cases):
    report = cases["mine"]
    log(report, "complaint_forms.verify", title=str(report))
    assert PrivateLogEntry.objects.latest("timestamp", "id").label == f"Laporan #{report.pk}"


def test_groups_used_here_exist():
    assert Group.objects.filter(name__in=["Editor Konten", "Petugas Sosialisasi"]).count() == 2
