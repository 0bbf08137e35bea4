"""Mail really leaves through SMTP: a confirmation reaches an aiosmtpd server."""

import socket

from django.test import override_settings

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Message

from outreach import registrations

pytestmark = pytest.mark.django_db


class Inbox(Message):
    def __init__(self):
        super().__init__()
        self.messages = []

    def handle_message(self, message):
        self.messages.append(message)


@pytest.fixture
def smtp_server():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    yield inbox, port
    controller.stop()


def test_confirmation_is_delivered_by_smtp(smtp_server, event, commit):
    inbox, port = smtp_server
    with override_settings(
        EMAIL_BACKEND="site_core.mail.KeepingBackend",
        MAIL_DELIVERY_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=port,
        EMAIL_USE_TLS=False,
    ):
        with commit():
            registration = registrations.register(event, name="Rina", email="rina@example.org")
    assert len(inbox.messages) == 1
    message = inbox.messages[0]
    assert message["To"] == "rina@example.org"
    body = message.get_payload(decode=True).decode()
    assert registration.check_in_code in body
    assert "/outreach/ticket/" in body
