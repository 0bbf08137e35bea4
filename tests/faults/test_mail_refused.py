"""The mail server away, then refusing, then accepting: the citizen's mail is kept,
retried with backoff by the real worker, and delivered once; mail that finally failed is
shown to coordinators, who send it again from the admin."""

import logging
import re
import time

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.mail import EmailMessage, get_connection
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

import pytest
from aiosmtpd.controller import Controller

from complaint_forms.models import Report
from site_core.models import OutgoingMail
from tests.conftest import _Inbox, free_port
from tests.factories import InformationPageFactory

pytestmark = [pytest.mark.faults, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

SUBMIT = "/id/laporan/kirim/"


class RefusingInbox:
    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd API)
        return "451 4.3.0 Mail server busy, try again later"


@pytest.fixture
def mail_server(settings):
    """Points Django's SMTP backend at a port; `start(handler)` runs aiosmtpd there."""
    port = free_port()
    settings.EMAIL_BACKEND = "site_core.mail.KeepingBackend"
    settings.MAIL_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", port, 2
    settings.EMAIL_USE_TLS = False
    controllers = []

    def start(handler):
        for controller in controllers:
            controller.stop()
        controllers[:] = [Controller(handler, hostname="127.0.0.1", port=port)]
        controllers[0].start()
        return handler

    yield start
    for controller in controllers:
        controller.stop()


def run_worker():
    call_command("db_worker", batch=True, no_startup_delay=True, reload=False, verbosity=0)


def wait_until_due():
    latest = max(OutgoingMail.objects.values_list("next_attempt_at", flat=True))
    time.sleep(max(0.0, (latest - timezone.now()).total_seconds()) + 0.2)


def test_mail_refused_then_accepted_is_delivered_once_by_the_worker(
    settings, report_page, valid_post, mail_server
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.MAIL_RETRY_FIRST_DELAY_SECONDS = 1
    response = Client().post(SUBMIT, valid_post())
    assert response.status_code == 302
    report = Report.objects.get()

    run_worker()  # nothing listens on the mail port
    kept = OutgoingMail.objects.get(recipients=[report.reporter_email])
    assert kept.attempts == 1

    mail_server(RefusingInbox())
    wait_until_due()
    run_worker()
    kept.refresh_from_db()
    assert kept.attempts == 2
    assert "451" in kept.last_error
    assert (kept.next_attempt_at - kept.created_at).total_seconds() >= 1 + 2  # doubled

    inbox = mail_server(_Inbox())
    wait_until_due()
    run_worker()
    assert not OutgoingMail.objects.exists()  # every kept message went out
    [message] = [m for m in inbox.messages if m["To"] == report.reporter_email]
    assert report.tracking_code in message.get_payload(decode=True).decode()
    assert Report.objects.count() == 1


@pytest.fixture
def staff():
    def make(username, group):
        user = get_user_model().objects.create_user(username, f"{username}@example.test", "x" * 12)
        user.groups.add(Group.objects.get(name=group))
        client = Client()
        client.force_login(user)
        return client

    return make


def test_mail_that_finally_failed_alerts_coordinators_who_send_it_again(
    settings, mail_server, staff, caplog
):
    settings.MAIL_RETRY_FIRST_DELAY_SECONDS = 0
    settings.MAIL_RETRY_HOURS = 0  # give up at the first retry
    from site_core.mail import deliver

    assert deliver("Laporan diterima", "Kode: BJB-1", ["warga@example.test"]) == 0
    with caplog.at_level(logging.ERROR, logger="site_core.mail"):
        call_command("retry_mail", verbosity=0)
    kept = OutgoingMail.objects.get()
    assert kept.status == OutgoingMail.Status.FAILED
    errors = [r for r in caplog.records if r.name == "site_core.mail" and r.levelname == "ERROR"]
    assert len(errors) == 1
    assert "finally failed" in errors[0].getMessage()

    coordinator = staff("koordinator", "Koordinator Pengaduan")
    officer = staff("petugas", "Petugas Unit Kerja")
    assert "1 pesan tidak dapat dikirim" in coordinator.get("/admin/").content.decode()
    assert "Surat tidak terkirim" not in officer.get("/admin/").content.decode()
    # Wagtail answers a permission refusal in the admin with a redirect to the dashboard.
    refused = officer.get("/admin/undelivered-mail/")
    assert (refused.status_code, refused["Location"]) == (302, "/admin/")
    resend_url = f"/admin/undelivered-mail/{kept.pk}/resend/"
    inbox = mail_server(_Inbox())
    assert officer.post(resend_url)["Location"] == "/admin/"
    assert inbox.messages == []
    kept.refresh_from_db()
    assert kept.status == OutgoingMail.Status.FAILED

    listing = coordinator.get("/admin/undelivered-mail/").content.decode()
    assert "warga@example.test" in listing
    assert re.search(rf'action="{re.escape(resend_url)}"', listing)
    response = coordinator.post(resend_url, follow=True)
    assert response.status_code == 200
    assert "Surat terkirim." in response.content.decode()
    assert not OutgoingMail.objects.exists()
    [message] = inbox.messages
    assert message["Subject"] == "Laporan diterima"


def test_editor_submits_for_moderation_with_the_mail_server_away(
    settings, mail_server, home, client, django_user_model
):
    """Wagtail's own notifications take the project's mail path: the editor's submission is
    saved, the moderator's notification is kept and goes out once the server is back."""
    settings.MAIL_RETRY_FIRST_DELAY_SECONDS = 0
    editor = django_user_model.objects.create_user("editor", "editor@example.test", "x" * 12)
    editor.groups.add(Group.objects.get(name="Editor Konten"))
    moderator = django_user_model.objects.create_user("mod", "moderator@example.test", "x" * 12)
    moderator.groups.add(Group.objects.get(name="Moderator Konten"))
    page = InformationPageFactory(parent=home, live=False, slug="jam-layanan")
    client.force_login(editor)

    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        nested_form_data(
            {
                "title": "Jam layanan baru",
                "slug": "jam-layanan",
                "introduction": "Kapan kami buka.",
                "body": streamfield([("paragraph", rich_text("<p>Senin sampai Jumat.</p>"))]),
                "action-submit": "submit",
            }
        ),
    )

    assert response.status_code == 302  # saved and submitted, not a server error
    page.refresh_from_db()
    assert page.workflow_in_progress
    kept = OutgoingMail.objects.get(recipients=[moderator.email])
    assert "Jam layanan baru" in kept.subject + kept.body
    inbox = mail_server(_Inbox())
    call_command("retry_mail", verbosity=0)
    assert not OutgoingMail.objects.filter(recipients=[moderator.email]).exists()
    assert moderator.email in [message["To"] for message in inbox.messages]


def test_a_connection_opened_while_the_mail_server_is_away_keeps_what_it_is_given(
    settings, mail_server
):
    """Wagtail opens the connection before sending, outside its own error handling: opening
    must not raise, and the message sent through it is kept."""
    connection = get_connection()
    assert connection.open() is False
    message = EmailMessage("Komentar baru", "Ada komentar.", None, ["editor@example.test"])
    assert connection.send_messages([message]) == 0
    connection.close()
    kept = OutgoingMail.objects.get()
    assert (kept.subject, kept.recipients) == ("Komentar baru", ["editor@example.test"])
