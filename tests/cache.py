"""The Redis client of the test runs (site_core/settings/test.py): several runs may share
one Redis database (pytest-xdist's workers, a developer's runs beside CI's), so each keeps
to keys under its own prefix and `clear()` deletes those keys only, not the database."""

from django_redis.client import DefaultClient
from django_redis.client.default import _main_exceptions
from django_redis.exceptions import ConnectionInterrupted


class OwnKeysClient(DefaultClient):
    def clear(self, client=None):
        if client is None:
            client = self.get_client(write=True)
        prefix = self._backend.key_prefix
        if not prefix:
            raise ValueError("a shared Redis database needs a KEY_PREFIX of the run's own")
        pattern = "".join(f"[{char}]" if char in "*?[]\\" else char for char in prefix) + ":*"
        try:
            keys = list(client.scan_iter(match=pattern, count=1000))
            for start in range(0, len(keys), 1000):
                client.delete(*keys[start : start + 1000])
        except _main_exceptions as error:
            raise ConnectionInterrupted(connection=client) from error
