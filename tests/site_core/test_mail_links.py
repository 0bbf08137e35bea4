"""Every link in every mail the project sends opens for the person it is sent to.

Each mail template is sent through the task that sends it in production, to the recipient
it is meant for; every http(s) link in the message must be on the public address
(WAGTAILADMIN_BASE_URL) and answer 200 to that recipient: a citizen without logging in,
a unit officer or coordinator logged in with their own role (no login page, no 404).
A mail template without a scenario here fails the coverage test.
"""

import datetime
import re
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.core import mail
from django.test import Client
from django.utils import timezone

import pytest

from complaint_forms import tasks as complaint_tasks
from complaint_forms import workflow
from complaint_forms.models import ComplaintSettings, Report
from open_data import archive, awards
from open_data.models import MonthlyReportSettings, UnitAward
from outreach import tasks as outreach_tasks
from outreach.models import AmbassadorApplication
from outreach.registrations import register
from tests.complaint_forms.factories import (
    CategoryFactory,
    ReportFactory,
    ReportPageFactory,
    WorkUnitFactory,
    coordinator,
    officer,
)
from tests.open_data.test_open_data import StatisticsPageFactory
from tests.outreach.factories import (
    AmbassadorApplicationFactory,
    EventPageFactory,
    ProgramIndexPageFactory,
    ProgramPageFactory,
    SchoolSessionRequestFactory,
)

pytestmark = pytest.mark.django_db

LINK = re.compile(r"https?://[^\s<>\"']+")
TEMPLATES = Path(settings.BASE_DIR) / "templates"
COMPLAINT_MAIL = {
    "received": "citizen",
    "status": "citizen",
    "assigned": "officer",
    "reminder": "officer",
    "missed": "coordinator",
}
OUTREACH_MAIL = {
    **{f"registration_{kind}": "citizen" for kind in ("confirmed", "waitlisted", "promoted")},
    **{f"registration_{kind}": "citizen" for kind in ("cancelled", "reminder")},
    **{
        f"school_request_{kind}": "citizen"
        for kind in ("received", "proposed", "confirmed", "held", "cancelled")
    },
    **{
        f"application_{kind}": "citizen"
        for kind in ("applied", "shortlisted", "accepted", "rejected")
    },
}


# Leadership (the mayor's office) is not staff of the site: it follows links logged out.
OPEN_DATA_MAIL = {"monthly_report": "citizen"}
# A unit's staff share the certificate links with anyone: they open logged out.
AWARD_MAIL = {"award_confirmed": "citizen"}


def mail_templates():
    """Every mail the project can send, by its template name."""
    names = {path.stem.removesuffix("_subject") for path in TEMPLATES.glob("*/mail/*_subject.txt")}
    return names


def test_every_mail_template_has_a_scenario_here():
    assert mail_templates() == (
        set(COMPLAINT_MAIL) | set(OUTREACH_MAIL) | set(OPEN_DATA_MAIL) | set(AWARD_MAIL)
    )


@pytest.fixture
def world(home):
    """A report page, a unit with its officer, a coordinator and outreach pages."""
    ReportPageFactory(parent=home).save_revision().publish()
    unit = WorkUnitFactory(email="unit@banjarbaru.test")
    boss = coordinator(email="koordinator@banjarbaru.test")
    config = ComplaintSettings.current()
    config.coordinator_email = boss.email
    config.save()
    index = ProgramIndexPageFactory(parent=home)
    program = ProgramPageFactory(parent=index, slug="goes-to-school")
    event = EventPageFactory(parent=program, slug="sosialisasi", capacity=1)
    return {
        "unit": unit,
        "officer": officer(unit),
        "coordinator": boss,
        "event": event,
        "program": program,
    }


def client_for(role, world):
    client = Client()
    if role != "citizen":
        client.force_login(world[role])
    return client


def links_in(message):
    return [link.rstrip(".,;:)") for link in LINK.findall(message.body)]


def assert_links_open(message, role, world):
    links = links_in(message)
    client = client_for(role, world)
    base = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    for link in links:
        parts = urlsplit(link)
        assert (parts.scheme, parts.netloc) == (base.scheme, base.netloc), link
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        response = client.get(path, follow=True)
        assert response.status_code == 200, (link, response.status_code)
        assert all("/login/" not in url for url, _status in response.redirect_chain), link
    return links


def sent(template_kind, send):
    mail.outbox.clear()
    send()
    assert mail.outbox, f"{template_kind}: no mail sent"
    return mail.outbox[-1]


def test_complaint_mail_links_open_for_their_recipients(world):
    category = CategoryFactory(default_unit=world["unit"])
    report = ReportFactory(category=category, reporter_email="warga@example.test")
    workflow.assign(report, world["coordinator"], world["unit"])
    Report.objects.filter(pk=report.pk).update(
        response_due=timezone.localdate() - datetime.timedelta(days=1)
    )
    scenarios = {
        "received": lambda: complaint_tasks.send_received_mail.call(report.pk),
        "status": lambda: complaint_tasks.send_citizen_mail.call(report.pk, "answered"),
        "assigned": lambda: complaint_tasks.send_assignment_mail.call(report.pk),
        "reminder": lambda: complaint_tasks.send_deadline_reminder.call(report.pk),
        "missed": lambda: complaint_tasks.send_missed_deadline_alert.call(report.pk),
    }
    recipients = {
        "citizen": report.reporter_email,
        "officer": world["unit"].email,
        "coordinator": world["coordinator"].email,
    }
    for kind, role in COMPLAINT_MAIL.items():
        message = sent(kind, scenarios[kind])
        assert message.to == [recipients[role]], kind
        links = assert_links_open(message, role, world)
        assert links, f"{kind}: the mail has no link to follow"


def test_staff_links_in_mail_open_the_report_only_for_staff(world):
    report = ReportFactory()
    workflow.assign(report, world["coordinator"], world["unit"])
    message = sent("assigned", lambda: complaint_tasks.send_assignment_mail.call(report.pk))
    (link,) = links_in(message)
    response = Client().get(urlsplit(link).path)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_outreach_mail_links_open_for_their_recipients(world):
    event = world["event"]
    first = register(event, name="Budi", email="budi@example.org", affiliation="SMAN 1")
    second = register(event, name="Sari", email="sari@example.org", affiliation="SMAN 2")
    session = SchoolSessionRequestFactory(program=world["program"], event=event)
    session.proposed_start = timezone.now() + datetime.timedelta(days=10)
    session.save()
    application = AmbassadorApplicationFactory(program=world["program"])
    scenarios = {
        "registration_confirmed": lambda: outreach_tasks.send_registration_mail.call(
            first.pk, "confirmed"
        ),
        "registration_waitlisted": lambda: outreach_tasks.send_registration_mail.call(
            second.pk, "waitlisted"
        ),
        "registration_promoted": lambda: outreach_tasks.send_registration_mail.call(
            second.pk, "promoted"
        ),
        "registration_reminder": lambda: outreach_tasks.send_event_reminder.call(first.pk),
        "registration_cancelled": lambda: outreach_tasks.send_registration_mail.call(
            first.pk, "cancelled"
        ),
    }
    for kind in ("received", "proposed", "confirmed", "held", "cancelled"):
        scenarios[f"school_request_{kind}"] = lambda kind=kind: (
            outreach_tasks.send_school_request_mail.call(session.pk, kind)
        )

    def application_mail(status):
        # Sent when the application reaches that status (ambassadors.set_status).
        AmbassadorApplication.objects.filter(pk=application.pk).update(status=status)
        outreach_tasks.send_application_mail.call(application.pk, status)

    for kind in ("applied", "shortlisted", "accepted", "rejected"):
        scenarios[f"application_{kind}"] = lambda kind=kind: application_mail(kind)
    followed = 0
    for kind, role in OUTREACH_MAIL.items():
        message = sent(kind, scenarios[kind])
        followed += len(assert_links_open(message, role, world))
    assert followed >= 10  # tickets, cancellations, the event page, the activity log


def test_monthly_report_mail_links_open_for_leadership(world, home):
    StatisticsPageFactory(parent=home).save_revision().publish()
    recipients = MonthlyReportSettings.load()
    recipients.recipients = "walikota@banjarbarukota.go.id"
    recipients.save()
    for kind, role in OPEN_DATA_MAIL.items():
        message = sent(kind, lambda: archive.send_due(datetime.date(2027, 1, 4)))
        assert message.to == ["walikota@banjarbarukota.go.id"]
        assert assert_links_open(message, role, world), f"{kind}: the mail has no link to follow"


def test_wagtail_moderation_mail_links_open_for_the_moderator(world, home):
    """Wagtail's own mail (a page submitted for approval) is part of what the site sends."""
    from tests.complaint_forms.factories import UserFactory
    from tests.factories import InformationPageFactory

    author = UserFactory(groups=["Editor Konten"], email="editor@banjarbaru.test")
    moderator = UserFactory(groups=["Moderator Konten"], email="moderator@banjarbaru.test")
    page = InformationPageFactory(parent=home, slug="panduan-baru", title="Panduan baru")
    page.save_revision(user=author)
    mail.outbox.clear()
    page.get_workflow().start(page, author)
    to_moderator = [message for message in mail.outbox if moderator.email in message.to]
    assert to_moderator, [message.to for message in mail.outbox]
    world["moderator"] = moderator
    assert assert_links_open(to_moderator[0], "moderator", world)


def test_award_mail_links_open_for_anyone(world, django_capture_on_commit_callbacks):
    award = UnitAward.objects.create(
        unit=world["unit"],
        period_start=datetime.date(2026, 7, 1),
        period_end=datetime.date(2026, 9, 30),
        rank=1,
        reports=12,
        on_time_share=0.9,
        median_response_hours=2.0,
    )

    def confirm():
        with django_capture_on_commit_callbacks(execute=True):  # the mail follows the commit
            awards.confirm(award, world["coordinator"])

    for kind, role in AWARD_MAIL.items():
        message = sent(kind, confirm)
        assert message.to == ["unit@banjarbaru.test"]
        assert len(assert_links_open(message, role, world)) == 2  # verification, certificate
