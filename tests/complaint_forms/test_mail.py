"""Mail goes through a real SMTP conversation (aiosmtpd); a refusing or absent mail server
never loses a report."""

import socket

import pytest
from aiosmtpd.controller import Controller

from complaint_forms.models import Report

pytestmark = pytest.mark.django_db
SUBMIT = "/id/laporan/kirim/"


class Recorder:
    def __init__(self, refuse=False):
        self.refuse = refuse
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        if self.refuse:
            return "554 5.7.1 Transaction failed"
        self.messages.append(envelope)
        return "250 OK"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def smtp_server(settings):
    def start(refuse=False):
        handler = Recorder(refuse=refuse)
        controller = Controller(handler, hostname="127.0.0.1", port=free_port())
        controller.start()
        servers.append(controller)
        settings.EMAIL_BACKEND = "site_core.mail.KeepingBackend"
        settings.MAIL_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST = "127.0.0.1"
        settings.EMAIL_PORT = controller.port
        settings.EMAIL_USE_TLS = False
        settings.EMAIL_TIMEOUT = 5
        return handler

    servers = []
    yield start
    for controller in servers:
        controller.stop()


def test_received_mail_is_delivered_over_smtp(
    client, report_page, valid_post, smtp_server, django_capture_on_commit_callbacks
):
    handler = smtp_server()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(SUBMIT, valid_post())
    assert response.status_code == 302
    report = Report.objects.get()
    to_citizen = [m for m in handler.messages if m.rcpt_tos == [report.reporter_email]]
    assert len(to_citizen) == 1
    assert report.tracking_code.encode() in to_citizen[0].content


def test_refusing_mail_server_does_not_lose_the_report(
    client, report_page, valid_post, smtp_server, django_capture_on_commit_callbacks
):
    handler = smtp_server(refuse=True)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(SUBMIT, valid_post())
    assert response.status_code == 302
    assert Report.objects.count() == 1
    assert handler.messages == []
    confirmation = client.get(response["Location"])
    assert Report.objects.get().tracking_code in confirmation.content.decode()


def test_mail_server_down_does_not_lose_the_report(
    client, report_page, valid_post, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "site_core.mail.KeepingBackend"
    settings.MAIL_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = free_port()  # nothing listens here
    settings.EMAIL_TIMEOUT = 2
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(SUBMIT, valid_post())
    assert response.status_code == 302
    assert Report.objects.count() == 1


def test_mail_is_queued_only_after_commit(client, report_page, valid_post, mailoutbox):
    """Without a commit (the test transaction never commits) no mail leaves: the report
    is durable before anything is sent."""
    client.post(SUBMIT, valid_post())
    assert Report.objects.count() == 1
    assert mailoutbox == []
