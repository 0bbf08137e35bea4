"""Staff admin: who sees personal data, exports, check-in, bulk changes, processing and
reviewing, and the audit log."""

import csv
import datetime
import io

from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.urls import reverse
from django.utils import timezone

import openpyxl
import pytest

from outreach import registrations
from outreach.models import (
    ApplicationReview,
    ApplicationStatus,
    RegistrationStatus,
    ReviewCriterion,
    SchoolRequestStatus,
)
from site_core.audit import PrivateLogEntry
from tests.outreach.factories import AmbassadorApplicationFactory, SchoolSessionRequestFactory

pytestmark = pytest.mark.django_db

REGISTRATIONS = "wagtailsnippets_outreach_registration:list"


@pytest.fixture
def staff(django_user_model):
    user = django_user_model.objects.create_user("petugas", password="x", is_staff=True)
    user.groups.add(Group.objects.get(name="Petugas Sosialisasi"))
    return user


@pytest.fixture
def editor(django_user_model):
    """A content editor: may edit pages, has no outreach model permissions."""
    user = django_user_model.objects.create_user("redaksi", password="x", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(Group.objects.get(name="Editor Konten"))
    return user


def test_editors_cannot_see_personal_data_but_outreach_staff_can(client, editor, staff, event):
    registrations.register(event, name="Rahasia", email="r@example.org")
    client.force_login(editor)
    urls = [reverse(name) for name in (REGISTRATIONS, "outreach_events:index")]
    for url in [*urls, reverse("outreach_events:check_in", args=[event.pk])]:
        response = client.get(url)
        # Wagtail's permission refusal: back to the dashboard.
        assert (response.status_code, response["Location"]) == (302, "/admin/"), url
    menu = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Rahasia" not in menu
    client.force_login(staff)
    html = client.get(reverse(REGISTRATIONS)).content.decode()
    assert "Rahasia" in html


def test_exports_neutralise_spreadsheet_formulas(client, staff, event):
    registrations.register(event, name='=HYPERLINK("http://evil")', email="x@example.org")
    registrations.register(event, name="@SUM(A1)", affiliation="-1+2", email="y@example.org")
    client.force_login(staff)
    response = client.get(reverse(REGISTRATIONS), {"export": "csv"})
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    cells = [cell for row in rows[1:] for cell in row]
    assert '\'=HYPERLINK("http://evil")' in cells
    assert "'@SUM(A1)" in cells and "'-1+2" in cells
    assert not any(cell.startswith(("=", "@", "-")) for cell in cells)
    response = client.get(reverse(REGISTRATIONS), {"export": "xlsx"})
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    values = [c.value for row in sheet.iter_rows(min_row=2) for c in row if c.value]
    assert "'@SUM(A1)" in values
    assert not any(isinstance(v, str) and v.startswith("=") for v in values)


def test_exports_speak_in_labels_and_the_citys_time(client, staff, event):
    """Headings and values as the admin shows them, in Indonesian; times in WITA."""
    from django.utils import translation
    from django.utils.text import capfirst

    from outreach.models import Registration

    registration = registrations.register(event, name="Dewi", email="d@example.org")
    Registration.objects.filter(pk=registration.pk).update(
        created_at=datetime.datetime(2026, 5, 4, 17, 15, tzinfo=datetime.UTC)
    )
    client.force_login(staff)
    response = client.get(reverse(REGISTRATIONS), {"export": "csv"})
    header, row = csv.reader(io.StringIO(b"".join(response.streaming_content).decode()))
    cells = dict(zip(header, row, strict=True))
    with translation.override("id"):

        def heading(name):
            return capfirst(str(Registration._meta.get_field(name).verbose_name))

        assert cells[heading("status")] == str(RegistrationStatus.CONFIRMED.label)
        assert cells[heading("created_at")] == "2026-05-05 01:15"  # 17:15 UTC is 01:15 WITA
        assert cells[heading("under_18")] == translation.gettext("No")
    assert "status" not in header and "created_at" not in header


def test_check_in_screen_finds_by_code_and_marks_attendance(client, staff, event):
    registration = registrations.register(event, name="Dewi Lestari", email="d@example.org")
    client.force_login(staff)
    url = reverse("outreach_events:check_in", args=[event.pk])
    html = client.get(url, {"q": registration.check_in_code.lower()}).content.decode()
    assert "Dewi Lestari" in html
    assert client.get(url, {"q": "lestari"}).content.decode().count("Dewi Lestari") >= 1
    client.post(url, {"registration": registration.pk})
    registration.refresh_from_db()
    assert registration.attended_at is not None
    assert registration.checked_in_by == staff
    assert PrivateLogEntry.objects.filter(action="outreach.check_in").exists()


def test_events_screen_shows_capacity_and_waitlist(client, staff, event):
    for n in range(3):
        registrations.register(event, name=f"P{n}", email=f"p{n}@example.org")
    client.force_login(staff)
    html = client.get(reverse("outreach_events:index")).content.decode()
    assert event.title in html
    assert "<td>2</td>" in html and "<td>1</td>" in html


def test_bulk_cancel_promotes_from_the_waitlist(client, staff, event, commit):
    first = registrations.register(event, name="A", email="a@example.org")
    registrations.register(event, name="B", email="b@example.org")
    waiting = registrations.register(event, name="C", email="c@example.org")
    client.force_login(staff)
    url = reverse(
        "wagtail_bulk_action",
        args=["outreach", "registration", "outreach_cancel_registrations"],
    )
    with commit():
        response = client.post(f"{url}?id={first.pk}", {})
    assert response.status_code == 302
    first.refresh_from_db()
    waiting.refresh_from_db()
    assert first.status == RegistrationStatus.CANCELLED
    assert waiting.status == RegistrationStatus.CONFIRMED
    assert any(m.to == ["c@example.org"] for m in mail.outbox)


def test_staff_process_a_school_request_into_an_event(client, staff, school_program, commit):
    session_request = SchoolSessionRequestFactory(program=school_program)
    client.force_login(staff)
    url = reverse(
        "wagtailsnippets_outreach_schoolsessionrequest:process", args=[session_request.pk]
    )
    assert client.get(url).status_code == 200
    start = (timezone.localtime() + datetime.timedelta(days=9)).strftime("%Y-%m-%dT09:00")
    with commit():
        client.post(url, {"action": "confirm", "start": start})
    session_request.refresh_from_db()
    assert session_request.status == SchoolRequestStatus.CONFIRMED
    assert session_request.event is not None
    with commit():
        client.post(url, {"action": "held", "actual_students": "88"})
    session_request.refresh_from_db()
    assert session_request.status == SchoolRequestStatus.HELD
    assert len(mail.outbox) == 2


def test_reviewers_score_and_decide(client, staff, django_user_model, program_index, commit):
    from outreach.models import ProgramKind
    from tests.outreach.factories import ProgramPageFactory

    program = ProgramPageFactory(parent=program_index, kind=ProgramKind.AMBASSADOR, slug="duta")
    application = AmbassadorApplicationFactory(program=program)
    criteria = [
        ReviewCriterion.objects.create(name="Motivasi", max_score=5),
        ReviewCriterion.objects.create(name="Pengalaman", max_score=5),
    ]
    other = django_user_model.objects.create_user("penilai2", password="x", is_staff=True)
    other.groups.add(Group.objects.get(name="Petugas Sosialisasi"))
    url = reverse("wagtailsnippets_outreach_ambassadorapplication:review", args=[application.pk])
    for user, scores in ((staff, (5, 3)), (other, (4, 9))):
        client.force_login(user)
        client.post(url, {f"criterion-{c.pk}": s for c, s in zip(criteria, scores, strict=True)})
    assert ApplicationReview.objects.count() == 4
    assert application.total_score() == 8.5  # (8 + 9, the 9 capped to 5) / 2
    with commit():
        client.post(url, {"status": ApplicationStatus.ACCEPTED})
    application.refresh_from_db()
    assert application.status == ApplicationStatus.ACCEPTED
    assert "/outreach/ambassador/" in mail.outbox[-1].body
    assert PrivateLogEntry.objects.filter(action="outreach.application.accepted").exists()


def test_registrations_filter_by_program(client, staff, event, program_index):
    from tests.outreach.factories import EventPageFactory, ProgramPageFactory

    other_program = ProgramPageFactory(parent=program_index, slug="lain")
    other_event = EventPageFactory(parent=other_program, slug="lain")
    registrations.register(event, name="Di Sekolah", email="a@example.org")
    registrations.register(other_event, name="Di Tempat Lain", email="b@example.org")
    client.force_login(staff)
    html = client.get(reverse(REGISTRATIONS), {"program": event.get_parent().pk}).content.decode()
    assert "Di Sekolah" in html and "Di Tempat Lain" not in html


def test_the_school_request_export_carries_everything_the_school_sent(
    client, staff, school_program
):
    """The export's columns start with the request form's field list, so what a school
    writes in the form (hall, equipment, accessibility needs too) reaches the export."""
    from outreach.forms import SchoolRequestForm

    SchoolSessionRequestFactory(
        program=school_program,
        hall_size="Aula untuk 200 orang",
        equipment="Proyektor dan pengeras suara",
        accessibility_needs="Juru bahasa isyarat untuk dua siswa",
    )
    client.force_login(staff)
    response = client.get(
        reverse("wagtailsnippets_outreach_schoolsessionrequest:list"), {"export": "csv"}
    )
    header, row = csv.reader(io.StringIO(b"".join(response.streaming_content).decode()))
    assert len(header) == len(row) == len(SchoolRequestForm._meta.fields) + 4
    assert "Aula untuk 200 orang" in row
    assert "Proyektor dan pengeras suara" in row
    assert "Juru bahasa isyarat untuk dua siswa" in row
