"""Background work shared by every app. Mail goes out from the worker, so a slow or broken
mail server never delays or loses what a citizen submitted."""

from django_tasks import task

from . import mail


@task()
def send_email(subject, body, recipients, html_body=None, reply_to=None):
    """Send one message; what the mail server does not take is kept and retried
    (site_core.mail)."""
    return mail.deliver(subject, body, recipients, html_body=html_body, reply_to=reply_to)
