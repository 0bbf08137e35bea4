"""Plain-text mail rendered from templates in the recipient's language, sent through the
site's one mail path (kept and retried when the mail server does not take it)."""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from site_core.mail import deliver


def send_templated(template_base, recipients, context, language=None):
    """Render templates/outreach/mail/<template_base>_subject.txt and _body.txt and send."""
    recipients = [address for address in recipients if address]
    if not recipients:
        return 0
    with translation.override(language or settings.LANGUAGE_CODE):
        subject = render_to_string(f"outreach/mail/{template_base}_subject.txt", context)
        body = render_to_string(f"outreach/mail/{template_base}_body.txt", context)
    subject = " ".join(subject.split())
    return deliver(subject, body, recipients, from_email=settings.DEFAULT_FROM_EMAIL)
