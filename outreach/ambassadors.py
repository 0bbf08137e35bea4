"""Duta Lapor: applications, reviews, status mail, and activity reports."""

from django.db import transaction
from django.utils import timezone

from wagtail.log_actions import log

from site_core.tasks import enqueue_on_commit

from .models.ambassadors import ApplicationReview
from .models.choices import ApplicationStatus
from .tasks import send_application_mail

DECISIONS = (ApplicationStatus.ACCEPTED, ApplicationStatus.REJECTED)


def _mail(application, kind):
    enqueue_on_commit(send_application_mail, application.pk, kind)


def received(application):
    _mail(application, "applied")


@transaction.atomic
def set_status(application, status, user=None):
    if application.status == status:
        return False
    application.status = status
    # The retention period of a decided application runs from the decision.
    application.decided_at = timezone.now() if status in DECISIONS else None
    application.save(update_fields=["status", "decided_at"])
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
