"""What an operator (or a load balancer) needs to know: can the site reach its database and
cache, is background work keeping up, is mail failing. No secrets, no personal data."""

import logging
import time
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.utils import timezone

from .models import OutgoingMail

logger = logging.getLogger(__name__)

# A task waiting longer than this means no worker is running or workers cannot keep up.
QUEUE_AGE_WARNING_SECONDS = 300


def _timed(check):
    started = time.perf_counter()
    try:
        result = check()
    except Exception as error:  # noqa: BLE001 - a health check reports every failure
        logger.warning("Health check %s failed: %s", check.__name__, error.__class__.__name__)
        return {"ok": False, "error": error.__class__.__name__}
    result = {"ok": True, **(result or {})}
    result["ms"] = round((time.perf_counter() - started) * 1000, 1)
    return result


def database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def cache_store():
    key = "healthz-probe"
    cache.set(key, "1", 10)
    if cache.get(key) != "1":
        raise RuntimeError("cache did not return what was written")
    if getattr(cache, "in_outage", lambda: False)():
        raise ConnectionError("the shared cache is away; serving from process memory")
    return {"backend": settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1]}


def task_queue():
    """Age of the oldest task that is due and waiting; failed tasks of the last day."""
    if "django_tasks_db" not in settings.TASKS["default"]["BACKEND"]:
        return {"backend": "immediate"}
    from django_tasks_db.models import DBTaskResult

    now = timezone.now()
    waiting = DBTaskResult.objects.ready()
    oldest = waiting.order_by("enqueued_at").values_list("enqueued_at", "run_after").first()
    age = 0
    if oldest:
        due = max(value for value in oldest if value and value <= now)
        age = int((now - due).total_seconds())
    failed = DBTaskResult.objects.failed().filter(finished_at__gte=now - timedelta(days=1))
    return {
        "waiting": waiting.count(),
        "oldest_waiting_seconds": age,
        "failed_last_day": failed.count(),
        # Mail the server did not take is kept and retried (site_core.mail), not failed
        # as a task: count what finally failed plus mail tasks that broke otherwise.
        "failed_mail_last_day": failed.filter(task_path__contains="mail").count()
        + OutgoingMail.objects.filter(
            status=OutgoingMail.Status.FAILED, give_up_at__gte=now - timedelta(days=1)
        ).count(),
        "slow": age > QUEUE_AGE_WARNING_SECONDS,
    }


def report():
    """The whole picture. `status`: ok, degraded (cache or queue) or down (no database)."""
    checks = {"database": _timed(database), "cache": _timed(cache_store)}
    checks["tasks"] = _timed(task_queue) if checks["database"]["ok"] else {"ok": False}
    if not checks["database"]["ok"]:
        status = "down"
    elif not checks["cache"]["ok"] or not checks["tasks"]["ok"] or checks["tasks"].get("slow"):
        status = "degraded"
    else:
        status = "ok"
    return {"status": status, "checks": checks}
