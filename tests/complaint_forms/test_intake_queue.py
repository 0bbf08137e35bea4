"""With the database queue, a report's mails are queued in the report's own transaction:
they exist exactly when the report does, and the worker sends them after the commit."""

import uuid

from django.core import mail
from django.core.management import call_command
from django.db import transaction

import pytest
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from complaint_forms.intake import create_report
from complaint_forms.models import Report

SUBMIT = "/id/laporan/kirim/"


@pytest.fixture
def database_queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_web_report_queues_its_mails_and_the_worker_sends_them_after_the_commit(
    database_queue, client, report_page, valid_post, unit
):
    response = client.post(SUBMIT, valid_post())

    report = Report.objects.get()
    assert response.status_code == 302
    mails = DBTaskResult.objects.filter(task_path__startswith="complaint_forms.tasks.")
    queued = sorted((task.task_path, task.args_kwargs["args"]) for task in mails)
    assert queued == [
        ("complaint_forms.tasks.send_assignment_mail", [report.pk]),
        ("complaint_forms.tasks.send_received_mail", [report.pk]),
    ]
    assert mail.outbox == []  # nothing is sent by the web request itself

    call_command("db_worker", batch=True, no_startup_delay=True, reload=False, verbosity=0)

    assert set(mails.values_list("status", flat=True)) == {TaskResultStatus.SUCCESSFUL}
    assert sorted(message.to[0] for message in mail.outbox) == sorted(
        ["budi@example.test", unit.email]
    )
    assert all(report.tracking_code in message.body for message in mail.outbox)


@pytest.mark.django_db
def test_a_report_that_is_rolled_back_leaves_no_queued_mail(database_queue, category):
    data = {
        "kind": "complaint",
        "category": category,
        "title": "Lampu jalan mati",
        "description": "Lampu jalan di depan sekolah mati sejak seminggu.",
        "privacy": "public",
        "reporter_name": "Budi",
        "reporter_email": "budi@example.test",
        "contact_channel": "email",
    }
    mails = DBTaskResult.objects.filter(task_path__startswith="complaint_forms.tasks.")
    with pytest.raises(RuntimeError), transaction.atomic():
        create_report(data, idempotency_key=uuid.uuid4())
        assert mails.count() == 2  # queued inside the report's transaction
        raise RuntimeError("the request failed after the report was written")

    assert not Report.objects.exists()
    assert not mails.exists()
