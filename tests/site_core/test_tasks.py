"""Mail through the database queue: kept when the mail server refuses it, queued for a
retry, and delivered by the worker command once the server answers."""

from django.core.management import call_command
from django.db import transaction

import pytest
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from site_core import mail
from site_core.models import OutgoingMail
from site_core.tasks import enqueue_on_commit
from tests.conftest import free_port

# The worker closes and reopens database connections between tasks, as it must in
# production, so these tests run outside a wrapping transaction.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def database_queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def mail_server_away(settings):
    settings.EMAIL_BACKEND = "site_core.mail.KeepingBackend"
    settings.MAIL_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", free_port(), 2


def run_worker():
    call_command("db_worker", batch=True, no_startup_delay=True, reload=False, verbosity=0)


def test_a_mail_server_failure_keeps_the_message_and_queues_a_retry(
    database_queue, mail_server_away
):
    assert mail.deliver("Laporan diterima", "Kode: BJB-TEST", ["warga@example.org"]) == 0

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


def test_the_worker_delivers_a_kept_message_once_the_mail_server_answers(
    database_queue, mail_server_away, settings, smtp_server
):
    # smtp_server has pointed the settings at itself; the first try goes to a closed port.
    server_port = settings.EMAIL_PORT
    settings.EMAIL_PORT = free_port()
    settings.MAIL_RETRY_FIRST_DELAY_SECONDS = 0  # the retry is due at once
    mail.deliver("Laporan diterima", "Kode: BJB-TEST", ["warga@example.org"])
    assert OutgoingMail.objects.count() == 1
    assert smtp_server.messages == []

    settings.EMAIL_PORT = server_port
    run_worker()

    [message] = smtp_server.messages
    assert message["Subject"] == "Laporan diterima"
    assert message["To"] == "warga@example.org"
    assert not OutgoingMail.objects.exists()  # sent mail is not kept
    retry = DBTaskResult.objects.get(task_path="site_core.mail.retry_mail")
    assert retry.status == TaskResultStatus.SUCCESSFUL


def test_work_queued_in_a_transaction_is_kept_only_if_it_commits(database_queue):
    """The database queue stores the task in the caller's transaction: a rollback takes
    it away with the change, a commit keeps exactly one."""
    kept = OutgoingMail.objects.create(
        subject="s",
        body="b",
        recipients=["warga@example.org"],
        next_attempt_at="2026-01-01T00:00:00Z",
        give_up_at="2026-01-02T00:00:00Z",
    )
    with pytest.raises(RuntimeError), transaction.atomic():
        enqueue_on_commit(mail.retry_mail, kept.pk)
        raise RuntimeError("the change fails")
    assert not DBTaskResult.objects.exists()
    with transaction.atomic():
        enqueue_on_commit(mail.retry_mail, kept.pk)
    queued = DBTaskResult.objects.get()
    assert queued.task_path == "site_core.mail.retry_mail"
    assert queued.args_kwargs["args"] == [kept.pk]
