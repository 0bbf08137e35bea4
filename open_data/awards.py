"""Awards for the most responsive work units.

After each period (a quarter by default) the responsiveness ranking of that period, asked
from complaint_forms as plain data, names the top units: they are *proposed*. A complaint
coordinator confirms each award in the admin; a confirmed award gets an unguessable
certificate code, which a public page at a stable address verifies; the unit is told by mail.
"""

import datetime

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone

from wagtail.log_actions import log

from complaint_forms.statistics import award_ranking
from site_core.codes import unique_code
from site_core.tasks import enqueue_on_commit

from .award_periods import last_completed_period
from .models import UnitAward
from .tasks import send_award_confirmed_mail

CONFIRM_PERMISSION = "open_data.confirm_unitaward"
CODE_PREFIX = "PGH-"  # piagam penghargaan
CODE_LENGTH = 12  # 30**12, about 5e17 codes: not guessable, still readable on paper


def can_confirm(user):
    return bool(user and user.is_active and user.has_perm(CONFIRM_PERMISSION))


def propose(today=None, top=None):
    """Propose the awards of the last completed period, once: returns the new awards (an
    empty list when the period already has its proposals or no unit qualifies)."""
    today = today or timezone.localdate()
    start, end = last_completed_period(today)
    if UnitAward.objects.filter(period_start=start).exists():
        return []
    top = settings.UNIT_AWARD_TOP_UNITS if top is None else top
    proposed = []
    try:
        with transaction.atomic():
            for row in award_ranking(start, end)[:top]:
                award = UnitAward.objects.create(
                    unit_id=row["unit_id"],
                    period_start=start,
                    period_end=end,
                    rank=row["rank"],
                    reports=row["reports"],
                    on_time_share=row["on_time_share"],
                    median_response_hours=row["median_response_hours"],
                    average_rating=row["average_rating"],
                )
                log(instance=award, action="wagtail.create")
                proposed.append(award)
    except IntegrityError:  # a second scheduler proposed the same period at the same time
        return []
    return proposed


@transaction.atomic
def confirm(award, user):
    """Confirm a proposed award (coordinators only); confirming twice changes nothing."""
    if not can_confirm(user):
        raise PermissionDenied("Only complaint coordinators confirm unit awards.")
    award = UnitAward.objects.select_for_update().get(pk=award.pk)
    if award.status == UnitAward.Status.CONFIRMED:
        return award
    award.status = UnitAward.Status.CONFIRMED
    award.confirmed_at = timezone.now()
    award.confirmed_by = user
    award.certificate_code = unique_code(
        UnitAward.objects, "certificate_code", CODE_LENGTH, prefix=CODE_PREFIX
    )
    award.save()
    log(instance=award, action="open_data.confirm_award", user=user)
    enqueue_on_commit(send_award_confirmed_mail, award.pk)
    return award


def normalise_code(raw):
    return "".join(ch for ch in (raw or "").upper() if ch.isascii() and (ch.isalnum() or ch == "-"))


def confirmed_award(code):
    """The confirmed award with this certificate code, or None."""
    code = normalise_code(code)
    if not code.startswith(CODE_PREFIX):
        return None
    return (
        UnitAward.objects.select_related("unit")
        .filter(status=UnitAward.Status.CONFIRMED, certificate_code=code)
        .first()
    )


def past_winners(periods=4):
    """The confirmed awards of the latest `periods` periods, newest first, as
    [(period label, [awards in rank order])]."""
    confirmed = UnitAward.objects.filter(status=UnitAward.Status.CONFIRMED)
    latest = (
        confirmed.order_by("-period_start").values("period_start").distinct()[:periods]
    )  # a subquery: one query in all
    grouped = {}
    for award in (
        confirmed.filter(period_start__in=latest)
        .select_related("unit")
        .order_by("-period_start", "rank")
    ):
        grouped.setdefault(award.period_start, []).append(award)
    return [(group[0].period_label, group) for group in grouped.values()]


def demo_awards(today=None, periods=3, confirmed=2):
    """Demo: the awards of the last `periods` completed periods, the older `confirmed`
    ones confirmed by the demo coordinator, the latest awaiting confirmation."""
    from django.contrib.auth import get_user_model

    today = today or timezone.localdate()
    ends = []
    for _ in range(periods):
        start, end = last_completed_period(today)
        ends.append(end)
        today = start
    coordinator = get_user_model().objects.filter(username="koordinator").first()
    count = 0
    for index, end in enumerate(reversed(ends)):
        propose(today=end + datetime.timedelta(days=1))
        if coordinator is None or index >= confirmed:
            continue
        # Confirmed a week after the period, as the coordinators would have.
        confirmed_at = timezone.make_aware(
            datetime.datetime.combine(end + datetime.timedelta(days=7), datetime.time(10))
        )
        for award in UnitAward.objects.filter(period_end=end):
            if award.status != UnitAward.Status.CONFIRMED:
                confirm(award, coordinator)
                UnitAward.objects.filter(pk=award.pk).update(confirmed_at=confirmed_at)
                count += 1
    return count
