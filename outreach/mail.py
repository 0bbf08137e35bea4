"""Plain-text mail rendered from templates in the recipient's language."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation


def send_templated(template_base, recipients, context, language=None):
    """Render templates/outreach/mail/<template_base>_subject.txt and _body.txt and send."""
    recipients = [address for address in recipients if address]
    if not recipients:
        return 0
    with translation.override(language or settings.LANGUAGE_CODE):
        subject = render_to_string(f"outreach/mail/{template_base}_subject.txt", context)
        body = render_to_string(f"outreach/mail/{template_base}_body.txt", context)
    subject = " ".join(subject.split())
    return send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients)
