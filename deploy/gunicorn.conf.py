"""gunicorn for LAPOR! Banjarbaru: `gunicorn -c deploy/gunicorn.conf.py site_core.wsgi`.

Workers follow the CPU count (2 per core + 1, gunicorn's rule of thumb for request/response
work that waits on the database); GUNICORN_WORKERS and GUNICORN_BIND override."""

import multiprocessing
import os
import sys
from pathlib import Path

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8001")
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
worker_class = "sync"
timeout = 30
graceful_timeout = 20
keepalive = 5
# Recycle workers now and then, so a slow leak in any library cannot grow without bound (a
# safety net: the soak's workers stay flat without it, docs/decisions.md). The jitter keeps
# the workers from all restarting, and building their answer index, at once.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "5000"))
max_requests_jitter = max_requests // 10
# The access log goes through Django's logging filters (masked tokens) in production; here
# only errors, to stdout for systemd's journal.
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
errorlog = "-"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
# gunicorn's control socket (for `gunicornc`) defaults to one path per user, which every
# gunicorn on the machine shares, so two stacks side by side collide there; systemd (or
# deploy/stack.sh) manages the server instead.
control_socket_disable = True


def post_worker_init(worker):
    """Build the answer index and load the holiday tables before the worker takes requests:
    a new worker (at start and each max_requests recycle) would otherwise make its first
    searcher wait for them, and grow by their size minutes into its life."""
    from django.conf import settings

    from complaint_forms import deadlines
    from search.backends import get_backend

    try:
        get_backend().warm([code for code, _name in settings.LANGUAGES])
        deadlines.warm()  # the holiday tables, read by deadlines and the ranking
    except Exception:  # the database away: the worker starts anyway and answers 503s
        worker.log.exception("The worker was not warmed at start; its first requests will.")
    if MEMORY_PROBE:
        memory_probe.start()


# Debug only, for a soak: each worker's memory split into Python objects, malloc in use and
# malloc kept free (deploy/memory_probe.py); a directory to write to switches it on.
MEMORY_PROBE = os.environ.get("GUNICORN_MEMORY_PROBE")
if MEMORY_PROBE:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import memory_probe

    def post_request(worker, req, environ, resp):
        memory_probe.after_request(MEMORY_PROBE)
