"""gunicorn for LAPOR! Banjarbaru: `gunicorn -c deploy/gunicorn.conf.py site_core.wsgi`.

Workers follow the CPU count (2 per core + 1, gunicorn's rule of thumb for request/response
work that waits on the database); GUNICORN_WORKERS and GUNICORN_BIND override."""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8001")
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
worker_class = "sync"
timeout = 30
graceful_timeout = 20
keepalive = 5
# Recycle workers now and then, so a slow leak in any library cannot grow without bound.
max_requests = 5000
max_requests_jitter = 500
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
    """Build the answer index before the worker takes requests: a new worker (at start and
    each max_requests recycle) would otherwise make its first searcher wait for it."""
    from django.conf import settings

    from search.backends import get_backend

    try:
        get_backend().warm([code for code, _name in settings.LANGUAGES])
    except Exception:  # the database away: the worker starts anyway and answers 503s
        worker.log.exception("The answer index was not built at start; the first search will.")
