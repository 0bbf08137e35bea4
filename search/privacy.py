"""What the search log keeps of a citizen: query text without personal numbers, for a while.

People type identity numbers, phone numbers and e-mail addresses into search boxes ("NIK
6372xxxxxxxxxxxx tidak terdaftar"). `redact()` replaces them before the query reaches the
task queue, Wagtail's search-terms report, the zero-result list, the learned queries or the
words kept of answered consultations;
`purge_expired()` deletes log rows older than `SEARCH_QUERY_LOG_DAYS`; the project's daily
`purge_personal_data` runs it through `purge()` (listed in PERSONAL_DATA_PURGERS), and
`purge_search_logs` runs it alone.
"""

import datetime
import re

from django.conf import settings
from django.db import transaction
from django.utils import timezone

EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
# NIK and KK numbers: 16 digits, possibly grouped by spaces, dots or dashes.
NIK_RE = re.compile(r"(?<!\d)(?:\d[\s.-]?){15}\d(?!\d)")
# Indonesian phone numbers: 08.., +62 8.., 62 8.., (0511) ..., 9-15 digits with separators.
PHONE_RE = re.compile(r"(?<!\w)(?:\+?62|0)[\s.-]?\(?\d{2,4}\)?(?:[\s.-]?\d{2,5}){2,4}(?!\w)")

NIK_MARK = "[nik]"
PHONE_MARK = "[telepon]"
EMAIL_MARK = "[email]"


def redact(text):
    """The text with NIK/KK numbers, phone numbers and e-mail addresses replaced."""
    text = EMAIL_RE.sub(EMAIL_MARK, text or "")
    text = NIK_RE.sub(NIK_MARK, text)
    text = PHONE_RE.sub(PHONE_MARK, text)
    return text


def retention_cutoff(now=None):
    days = getattr(settings, "SEARCH_QUERY_LOG_DAYS", 180)
    return (now or timezone.now()) - datetime.timedelta(days=days)


def _expired(cutoff):
    from wagtail.contrib.search_promotions.models import QueryDailyHits

    from .models import ConsultationAnswer, LearnedQuery, ZeroResultQuery

    return {
        "daily_hits": QueryDailyHits.objects.filter(date__lt=cutoff.date()),
        "zero_result_queries": ZeroResultQuery.objects.filter(last_seen__lt=cutoff),
        "learned_queries": LearnedQuery.objects.filter(last_seen__lt=cutoff),
        "consultation_words": ConsultationAnswer.objects.filter(created_at__lt=cutoff),
    }


def purge(now, dry_run=False):
    """The search app's part of `purge_personal_data`: {what: rows}."""
    if dry_run:
        return {
            f"search log: {name}": rows.count()
            for name, rows in _expired(retention_cutoff(now)).items()
        }
    return {f"search log: {name}": n for name, n in purge_expired(now).items()}


@transaction.atomic
def purge_expired(now=None):
    """Delete search log rows older than the retention period; {what: rows deleted}."""
    from wagtail.contrib.search_promotions.models import Query

    cutoff = retention_cutoff(now)
    deleted = {name: rows.delete()[0] for name, rows in _expired(cutoff).items()}
    # A query string without hits left and without an editor's promotion is gone too.
    stale = Query.objects.filter(daily_hits__isnull=True, editors_picks__isnull=True)
    deleted["queries"] = stale.delete()[0]
    return deleted
