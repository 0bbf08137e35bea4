"""Duta Lapor: applications, reviews, status mail, and activity reports."""

from django.core import signing
from django.db import transaction

from wagtail.log_actions import log

from .models import AmbassadorApplication, ApplicationReview, ApplicationStatus

SIGNING_NAMESPACE = "outreach.ambassador"


def make_token(application):
    return signing.dumps(application.pk, salt=SIGNING_NAMESPACE)


def application_from_token(token):
    try:
        pk = signing.loads(token, salt=SIGNING_NAMESPACE)
    except signing.BadSignature:
        return None
    return AmbassadorApplication.objects.filter(pk=pk).first()


def _mail(application, kind):
    from .tasks import send_application_mail

    pk = application.pk
    transaction.on_commit(lambda: send_application_mail.enqueue(pk, kind))


def received(application):
    _mail(application, "applied")


@transaction.atomic
def set_status(application, status, user=None):
    if application.status == status:
        return False
    application.status = status
    application.save(update_fields=["status"])
    log(application, f"outreach.application.{status}", user=user)
    if status != ApplicationStatus.APPLIED:
        _mail(application, status)
    return True


@transaction.atomic
def score(application, reviewer, scores):
    """Record one reviewer's scores: {criterion: score}, each within the criterion's max."""
    for criterion, value in scores.items():
        value = max(0, min(int(value), criterion.max_score))
        ApplicationReview.objects.update_or_create(
            application=application,
            reviewer=reviewer,
            criterion=criterion,
            defaults={"score": value},
        )
    log(application, "outreach.application.scored", user=reviewer)
