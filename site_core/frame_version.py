"""The page frame's cache version (site_core.frame bumps it on publish, unpublish, move,
delete and frame settings), in a module of its own so that page routing can key on it
without importing the frame's models."""

from .versioned_cache import VersionedCache

# Changes made in another process (a cron job publishing scheduled pages) reach a web
# process whose cache is not shared (the embedded default's local memory) within this time.
TIMEOUT = 5 * 60
versions = VersionedCache("site-frame", TIMEOUT)


def versioned_key(name):
    """A cache key that any change dropping the frame's cache drops too."""
    return versions.key(name, per_language=False)
