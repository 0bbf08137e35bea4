"""A cached value that a signal drops: every key carries a version number, and a change
to what the values are made of bumps the version (after the commit, so no request reads
the old rows again and caches them under the new version)."""

from django.core.cache import cache
from django.db import transaction
from django.utils import translation


class VersionedCache:
    def __init__(self, name, timeout):
        self.name = name
        self.version_key = f"{name}-version"
        # Changes made in another process reach a web process whose cache is not shared
        # (the embedded default's local memory) within this time.
        self.timeout = timeout

    def version(self):
        return cache.get_or_set(self.version_key, 1, None)

    def key(self, key, per_language=True):
        """The cache key of `key` under the current version (and the active language unless
        `per_language` is False). Read it before building the value: a value built from
        rows that changed meanwhile then lands under a version nobody reads any more."""
        full_key = f"{self.name}:{self.version()}:{key}"
        if per_language:
            full_key += f":{translation.get_language()}"
        return full_key

    def get_or_build(self, key, builder, per_language=True):
        """`builder()` for `key`, from the cache when it is fresh."""
        full_key = self.key(key, per_language)
        value = cache.get(full_key)
        if value is None:
            value = builder()
            self.store(full_key, value)
        return value

    def store(self, full_key, value):
        cache.set(full_key, value, self.timeout)

    def invalidate(self, **_kwargs):
        """A signal receiver: the next read builds afresh once the change is committed."""
        transaction.on_commit(self.bump)

    def bump(self):
        """A new version now: every value cached under the old one is dropped."""
        try:
            cache.incr(self.version_key)
        except ValueError:
            cache.set(self.version_key, 1, None)
