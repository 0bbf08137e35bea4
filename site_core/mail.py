"""The one path every mail takes: send it now, or keep it and try again with backoff.

A mail server that is down or refusing must not lose a message: what it does not take is
stored (`OutgoingMail`) and retried, first after `MAIL_RETRY_FIRST_DELAY_SECONDS`, then
twice as long each time (at most `MAIL_RETRY_MAX_DELAY_SECONDS` apart) until
`MAIL_RETRY_HOURS` have passed. Then it is marked failed, logged as an ERROR and shown to
coordinators on the admin dashboard, who can re-send it. Sent mail is not kept; what
finally failed is deleted `PERSONAL_DATA_RETENTION_DAYS["undelivered_mail"]` days after the
last try gave up (`purge`), since it holds addresses and whatever the message said.
"""

import base64
import datetime
import logging
import smtplib
from email.mime.base import MIMEBase

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.template.loader import render_to_string
from django.utils import timezone, translation

from django_tasks import default_task_backend, task

from .models import OutgoingMail
from .retention import cutoff

logger = logging.getLogger(__name__)

# What a mail server that is away, refusing or timing out raises through Django's backends.
DELIVERY_ERRORS = (smtplib.SMTPException, OSError)
# A retry claims its message for this long, so the worker and the cron command never send
# the same message twice at once.
CLAIM_SECONDS = 120


def deliver(
    subject, body, recipients, *, html_body="", from_email=None, reply_to=None, attachments=()
):
    """Send one message; when the mail server does not take it, it is kept for retries
    (`KeepingBackend`). `attachments` are (filename, bytes, MIME type).
    Returns how many messages went out now (0 when kept for later)."""
    recipients = [address for address in recipients if address]
    if not recipients:
        return 0
    message = EmailMultiAlternatives(
        subject, body, from_email or None, recipients, reply_to=list(reply_to or []) or None
    )
    if html_body:
        message.attach_alternative(html_body, "text/html")
    for filename, content, mimetype in attachments:
        message.attach(filename, content, mimetype)
    return message.send()


class KeepingBackend(BaseEmailBackend):
    """The project's EMAIL_BACKEND, so that every mail takes this path: the project's own,
    Wagtail's moderation and comment notifications, password resets. Each message goes to
    MAIL_DELIVERY_BACKEND (SMTP in production); one it does not take is kept as an
    `OutgoingMail` and retried. Opening never fails: Wagtail opens the connection before
    sending, outside its error handling, so a mail server that is away would otherwise
    stop an editor's save."""

    def __init__(self, fail_silently=False, **kwargs):
        super().__init__(fail_silently=fail_silently)
        self.delivery = _delivery_connection(**kwargs)
        self.unreachable = None

    def open(self):
        try:
            return self.delivery.open()
        except DELIVERY_ERRORS as error:
            self.unreachable = error
            return False

    def close(self):
        try:
            self.delivery.close()
        except DELIVERY_ERRORS:
            pass
        self.unreachable = None

    def send_messages(self, email_messages):
        sent = 0
        for message in email_messages:
            error = self.unreachable
            if error is None:
                try:
                    sent += self.delivery.send_messages([message]) or 0
                    continue
                except DELIVERY_ERRORS as refused:
                    error = refused
            try:
                _keep(message, error)
            except Exception:
                if not self.fail_silently:
                    raise
                logger.exception("Mail %r was neither sent nor kept.", message.subject)
        return sent


def _keep(message, error):
    """Store what the mail server did not take and schedule its first retry. Blind copies
    are kept one per address, so a retry cannot show one reader's address to another."""
    now = timezone.now()
    alternatives = getattr(message, "alternatives", [])
    html = [content for content, mimetype in alternatives if mimetype == "text/html"]
    common = {
        "subject": message.subject,
        "body": message.body,
        "html_body": html[0] if html else "",
        "from_email": message.from_email or "",
        "reply_to": list(message.reply_to),
        "attachments": [_stored_attachment(attachment) for attachment in message.attachments],
        "last_error": _describe(error),
        "next_attempt_at": now + backoff(1),
        "give_up_at": _retry_window_end(now),
    }
    groups = [list(message.to) + list(message.cc)] + [[address] for address in message.bcc]
    for recipients in filter(None, groups):
        mail = OutgoingMail.objects.create(recipients=recipients, **common)
        logger.warning(
            "Mail %s was not taken by the mail server (%s); retrying until %s.",
            mail.pk,
            mail.last_error,
            mail.give_up_at.isoformat(timespec="minutes"),
        )
        _schedule(mail)


def _stored_attachment(attachment):
    if isinstance(attachment, MIMEBase):
        filename = attachment.get_filename() or "attachment"
        content, mimetype = attachment.get_payload(decode=True), attachment.get_content_type()
    else:
        filename, content, mimetype = attachment
    if isinstance(content, str):
        content = content.encode()
    return {
        "filename": filename,
        "content": base64.b64encode(content).decode("ascii"),
        "mimetype": mimetype or "application/octet-stream",
    }


def _delivery_connection(**kwargs):
    return get_connection(settings.MAIL_DELIVERY_BACKEND, fail_silently=False, **kwargs)


def send_templated(template, recipients, context, *, language=None, attachments=()):
    """Render `<template>_subject.txt` and `<template>_body.txt` in `language` (the
    recipient's; the site's default when not given) and `deliver` them.

    `template` names both files without the ending, e.g. "outreach/mail/registration_confirmed"
    for templates/outreach/mail/registration_confirmed_subject.txt and ..._body.txt. The
    subject is folded onto one line. Returns what `deliver` returns."""
    recipients = [address for address in recipients if address]
    if not recipients:
        return 0
    with translation.override(language or settings.LANGUAGE_CODE):
        subject = render_to_string(f"{template}_subject.txt", context)
        body = render_to_string(f"{template}_body.txt", context)
    return deliver(" ".join(subject.split()), body, recipients, attachments=attachments)


def backoff(attempts):
    """The wait after the `attempts`-th failed try: doubling, capped."""
    first = _setting("MAIL_RETRY_FIRST_DELAY_SECONDS", 60)
    longest = _setting("MAIL_RETRY_MAX_DELAY_SECONDS", 3600)
    return datetime.timedelta(seconds=min(first * 2 ** (attempts - 1), longest))


def retry(mail_id):
    """Try a kept message again if it is due. Returns True when it went out."""
    now = timezone.now()
    claimed = OutgoingMail.objects.filter(
        pk=mail_id, status=OutgoingMail.Status.RETRYING, next_attempt_at__lte=now
    ).update(next_attempt_at=now + datetime.timedelta(seconds=CLAIM_SECONDS))
    mail = OutgoingMail.objects.filter(pk=mail_id).first() if claimed else None
    if mail is None:
        return False
    try:
        _message(mail).send()
    except DELIVERY_ERRORS as error:
        _failed_again(mail, error)
        return False
    mail.delete()
    logger.info("Mail %s sent after %d failed attempts.", mail_id, mail.attempts)
    return True


def retry_due():
    """Every kept message that is due, for the cron command and queues that cannot defer."""
    due = OutgoingMail.objects.filter(
        status=OutgoingMail.Status.RETRYING, next_attempt_at__lte=timezone.now()
    ).values_list("pk", flat=True)
    return sum(retry(pk) for pk in list(due))


def resend(mail):
    """Staff asked for a failed message to go out again: one new retry window from now."""
    now = timezone.now()
    mail.status = OutgoingMail.Status.RETRYING
    mail.next_attempt_at = now
    mail.give_up_at = _retry_window_end(now)
    mail.save(update_fields=["status", "next_attempt_at", "give_up_at"])
    retry_mail.enqueue(mail.pk)


@task()
def retry_mail(mail_id):
    return retry(mail_id)


def _failed_again(mail, error):
    now = timezone.now()
    mail.attempts += 1
    mail.last_error = _describe(error)
    if now >= mail.give_up_at:
        mail.status = OutgoingMail.Status.FAILED
        mail.save(update_fields=["attempts", "last_error", "status"])
        logger.error(
            "Mail %s to %d recipient(s) finally failed after %d attempts (%s); "
            "coordinators can re-send it from the admin.",
            mail.pk,
            len(mail.recipients),
            mail.attempts,
            mail.last_error,
        )
        return
    mail.next_attempt_at = min(now + backoff(mail.attempts), mail.give_up_at)
    mail.save(update_fields=["attempts", "last_error", "next_attempt_at"])
    _schedule(mail)


def _schedule(mail):
    """Queue the retry for its time where the queue can wait (the database queue);
    elsewhere `manage.py retry_mail` from cron picks it up."""
    if default_task_backend.supports_defer:
        retry_mail.using(run_after=mail.next_attempt_at).enqueue(mail.pk)


def _message(mail):
    message = EmailMultiAlternatives(
        subject=mail.subject,
        body=mail.body,
        from_email=mail.from_email or None,
        to=list(mail.recipients),
        reply_to=list(mail.reply_to) or None,
        # Straight to the mail server: a failed retry updates this row, it is not kept anew.
        connection=_delivery_connection(),
    )
    if mail.html_body:
        message.attach_alternative(mail.html_body, "text/html")
    for attachment in mail.attachments:
        message.attach(
            attachment["filename"],
            base64.b64decode(attachment["content"]),
            attachment["mimetype"],
        )
    return message


def _describe(error):
    return f"{type(error).__name__}: {error}"[:500]


def _retry_window_end(now):
    """A message is retried for MAIL_RETRY_HOURS from when it was kept or resent."""
    return now + datetime.timedelta(hours=_setting("MAIL_RETRY_HOURS", 24))


def _setting(name, default):
    return getattr(settings, name, default)


def purge(now, dry_run=False):
    """Failed messages nobody re-sent within their period go, addresses and all."""
    expired = OutgoingMail.objects.filter(
        status=OutgoingMail.Status.FAILED, give_up_at__lt=cutoff("undelivered_mail", now)
    )
    counts = {"undelivered mail": expired.count()}
    if not dry_run:
        expired.delete()
    return counts
