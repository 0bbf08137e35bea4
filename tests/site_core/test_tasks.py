"""Mail is queued in the database and delivered by the worker command."""

from django.core.management import call_command

import pytest
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from site_core.models import OutgoingMail
from site_core.tasks import send_email
from tests.conftest import free_port

# The worker closes and reopens database connections between tasks, as it must in
# production, so these tests run outside a wrapping transaction.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def database_queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def run_worker():
    call_command("db_worker", batch=True, no_startup_delay=True, reload=False, verbosity=0)


def test_queued_mail_is_delivered_by_the_worker(database_queue, smtp_server):
    result = send_email.enqueue("Laporan diterima", "Kode: BJB-TEST", ["warga@example.org"])
    assert DBTaskResult.objects.get(id=result.id).status == TaskResultStatus.READY
    assert smtp_server.messages == []  # nothing leaves before the worker runs

    run_worker()

    assert DBTaskResult.objects.get(id=result.id).status == TaskResultStatus.SUCCESSFUL
    [message] = smtp_server.messages
    assert message["Subject"] == "Laporan diterima"
    assert message["To"] == "warga@example.org"


def test_a_mail_server_failure_keeps_the_message_and_queues_a_retry(database_queue, settings):
    closed_port = free_port()  # nothing listens there
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", closed_port, 2
    result = send_email.enqueue("Laporan diterima", "Kode: BJB-TEST", ["warga@example.org"])

    run_worker()

    assert DBTaskResult.objects.get(id=result.id).status == TaskResultStatus.SUCCESSFUL
    kept = OutgoingMail.objects.get()
    assert (kept.subject, kept.body, kept.recipients) == (
        "Laporan diterima",
        "Kode: BJB-TEST",
        ["warga@example.org"],
    )
    assert kept.status == OutgoingMail.Status.RETRYING
    assert "ConnectionRefusedError" in kept.last_error
    retry = DBTaskResult.objects.get(task_path="site_core.mail.retry_mail")
    assert retry.status == TaskResultStatus.READY
    assert retry.args_kwargs["args"] == [kept.pk]
    assert retry.run_after == kept.next_attempt_at
