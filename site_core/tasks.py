"""Background work shared by every app. Mail goes out from the worker, so a slow or broken
mail server never delays or loses what a citizen submitted."""

from django.core.mail import EmailMultiAlternatives

from django_tasks import task


@task()
def send_email(subject, body, recipients, html_body=None, reply_to=None):
    """Send one message through Django's mail API; a failure marks the task failed and
    keeps it in the queue's records for a retry."""
    message = EmailMultiAlternatives(
        subject=subject, body=body, to=list(recipients), reply_to=reply_to or None
    )
    if html_body:
        message.attach_alternative(html_body, "text/html")
    return message.send()
