"""site_core.mail.send_templated and site_core.tasks.enqueue_on_commit: the one way every
app renders a mail in its recipient's language and queues it after the data is stored."""

from django.core import mail
from django.db import transaction

import pytest
from django_tasks import task

from site_core.mail import send_templated
from site_core.models import OutgoingMail
from site_core.tasks import enqueue_on_commit

pytestmark = pytest.mark.django_db

QUEUED = []


@task()
def remember(value, *, kind):
    QUEUED.append((value, kind))


@pytest.fixture
def mail_templates(settings, tmp_path):
    folder = tmp_path / "templates" / "demo" / "mail"
    folder.mkdir(parents=True)
    (folder / "greeting_subject.txt").write_text(
        "{% load i18n %}{% get_current_language as lang %}\n  Hello   {{ name }}\n({{ lang }})\n"
    )
    (folder / "greeting_body.txt").write_text(
        "{% load i18n %}{% get_current_language as lang %}Dear {{ name }}, in {{ lang }}.\n"
    )
    engine = {**settings.TEMPLATES[0], "DIRS": [tmp_path / "templates"]}
    settings.TEMPLATES = [engine]


def test_subject_and_body_come_from_the_two_templates_in_the_recipients_language(mail_templates):
    sent = send_templated(
        "demo/mail/greeting", ["warga@example.org"], {"name": "Sari"}, language="en"
    )
    assert sent == 1
    [message] = mail.outbox
    assert message.subject == "Hello Sari (en)"  # folded onto one line
    assert message.body == "Dear Sari, in en.\n"
    assert message.to == ["warga@example.org"]


def test_without_a_language_the_site_default_indonesian_is_used(mail_templates):
    send_templated("demo/mail/greeting", ["warga@example.org"], {"name": "Sari"})
    assert mail.outbox[0].subject == "Hello Sari (id)"


def test_no_address_means_no_mail(mail_templates):
    assert send_templated("demo/mail/greeting", ["", None], {"name": "Sari"}) == 0
    assert mail.outbox == []
    assert not OutgoingMail.objects.exists()


def test_a_missing_template_fails_loudly(mail_templates):
    from django.template import TemplateDoesNotExist

    with pytest.raises(TemplateDoesNotExist):
        send_templated("demo/mail/nothing", ["warga@example.org"], {})


def test_work_is_queued_only_when_the_transaction_commits(django_capture_on_commit_callbacks):
    QUEUED.clear()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        enqueue_on_commit(remember, 7, kind="confirmed")
        assert QUEUED == []  # nothing before the commit
    assert len(callbacks) == 1
    assert QUEUED == [(7, "confirmed")]


@pytest.mark.django_db(transaction=True)
def test_a_rolled_back_change_queues_nothing():
    QUEUED.clear()
    with pytest.raises(RuntimeError), transaction.atomic():
        enqueue_on_commit(remember, 8, kind="cancelled")
        raise RuntimeError("the change failed")
    assert QUEUED == []


def test_arguments_are_taken_when_queued_not_when_committed(django_capture_on_commit_callbacks):
    QUEUED.clear()
    value = {"pk": 1}
    with django_capture_on_commit_callbacks(execute=True):
        enqueue_on_commit(remember, value["pk"], kind="first")
        value["pk"] = 2
    assert QUEUED == [(1, "first")]
