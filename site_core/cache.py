"""The shared cache (Redis) that fails open: a cache is not a database.

When Redis cannot be reached, every cache call of this process goes to a local-memory
cache instead, so pages, report intake, search and the admin login keep working. Rate
limits and login lockouts then count per process: weaker than a shared count, but they
still protect. One warning marks the start of an outage and one its end, not one per
request; while Redis is away it is tried again every `CACHE_OUTAGE_RETRY_SECONDS`.

When Redis is back, what this process changed during the outage is carried over:
counters and version numbers that went up go up in Redis too, and values written or
deleted are deleted there, so no page keeps a menu or ranking cached before the outage.
"""

import logging
import threading
import time

from django.conf import settings
from django.core.cache.backends.locmem import LocMemCache

from django_redis.cache import RedisCache
from django_redis.exceptions import ConnectionInterrupted
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

OUTAGE_ERRORS = (ConnectionInterrupted, RedisConnectionError, RedisTimeoutError, OSError)
# Keys changed during an outage that are carried over to Redis when it is back; beyond
# this many the rest expire on their own (every key the site sets has a timeout or a
# version in front of it).
MAX_CHANGED_KEYS = 10_000
# Reads, fills (add only writes what is missing) and clear change nothing to carry over.
UNCHANGING = ("get", "get_many", "has_key", "add", "clear")
WRITES = ("set", "set_many", "touch", "delete", "delete_many")
COUNTERS = ("incr", "decr")


class _Outage:
    """Whether Redis is away, for every thread of this process (Django builds one cache
    object per thread), and what was changed meanwhile."""

    def __init__(self):
        self.lock = threading.Lock()
        self.since = None
        self.retry_at = 0.0
        self.changed = {}  # (key, version) -> "counter" or "write"

    def active(self):
        return self.since is not None

    def begin(self, error, retry_seconds):
        with self.lock:
            self.retry_at = time.monotonic() + retry_seconds
            if self.since is not None:
                return False
            self.since = time.monotonic()
            self.changed = {}
            return True

    def end(self):
        with self.lock:
            if self.since is None:
                return None
            seconds, changed = time.monotonic() - self.since, self.changed
            self.since, self.changed = None, {}
            return seconds, changed

    def remember(self, operation, args, kwargs):
        keys = args[0] if args else kwargs.get("key", kwargs.get("keys", kwargs.get("data")))
        if isinstance(keys, str):
            keys = [keys]
        version = kwargs.get("version")
        kind = "counter" if operation in COUNTERS else "write"
        with self.lock:
            for key in keys or ():
                if len(self.changed) >= MAX_CHANGED_KEYS:
                    return
                if self.changed.get((key, version)) != "counter":
                    self.changed[(key, version)] = kind


_OUTAGES = {}
_OUTAGES_LOCK = threading.Lock()


def _outage_for(server):
    with _OUTAGES_LOCK:
        return _OUTAGES.setdefault(str(server), _Outage())


class FailOpenRedisCache(RedisCache):
    """django-redis' cache whose Django cache API never raises because Redis is away."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._outage = _outage_for(server)
        self._fallback = LocMemCache(
            f"redis-fallback:{server}",
            {
                "TIMEOUT": params.get("TIMEOUT", 300),
                "KEY_PREFIX": params.get("KEY_PREFIX", ""),
                "VERSION": params.get("VERSION", 1),
                "OPTIONS": {"MAX_ENTRIES": 10_000},
            },
        )

    def in_outage(self):
        """Whether this process is serving from its own memory because Redis is away."""
        return self._outage.active()

    @property
    def retry_seconds(self):
        return getattr(settings, "CACHE_OUTAGE_RETRY_SECONDS", 5)

    def close(self, **kwargs):
        """Closing the connection after a request must not fail the request."""
        try:
            super().close(**kwargs)
        except OUTAGE_ERRORS:
            logger.debug("Redis connection could not be closed cleanly", exc_info=True)

    def _call(self, operation, args, kwargs):
        outage = self._outage
        if outage.active() and time.monotonic() < outage.retry_at:
            return self._from_fallback(operation, args, kwargs)
        try:
            result = getattr(super(), operation)(*args, **kwargs)
        except OUTAGE_ERRORS as error:
            if outage.begin(error, self.retry_seconds):
                self._fallback.clear()
                logger.warning(
                    "Redis cache unreachable (%s: %s): serving from this process's memory; "
                    "rate limits and login lockouts count per process until it is back.",
                    type(error).__name__,
                    error,
                )
            return self._from_fallback(operation, args, kwargs)
        if outage.active():
            self._recover()
        return result

    def _from_fallback(self, operation, args, kwargs):
        if operation in WRITES or operation in COUNTERS:
            self._outage.remember(operation, args, kwargs)
        return getattr(self._fallback, operation)(*args, **kwargs)

    def _recover(self):
        ended = self._outage.end()
        if ended is None:
            return
        seconds, changed = ended
        carried = 0
        for (key, version), kind in changed.items():
            try:
                if kind == "counter":
                    super().incr(key, version=version)
                else:
                    super().delete(key, version=version)
                carried += 1
            except ValueError:
                continue  # a counter that expired in Redis meanwhile
            except OUTAGE_ERRORS:
                break  # away again: the next call starts a new outage
        logger.warning(
            "Redis cache reachable again after %.0f s; %d changed keys carried over.",
            seconds,
            carried,
        )


def _fail_open(operation):
    def method(self, *args, **kwargs):
        return self._call(operation, args, kwargs)

    method.__name__ = operation
    method.__doc__ = f"`{operation}` on Redis, or on this process's memory while it is away."
    return method


for _operation in (*UNCHANGING, *WRITES, *COUNTERS):
    setattr(FailOpenRedisCache, _operation, _fail_open(_operation))
