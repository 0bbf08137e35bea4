"""Sending purges to the front cache, and knowing when one did not arrive.

Wagtail's frontend_cache queues each purge as a background task. Under load the worker's
queue holds the mail of hundreds of new reports, and a published page stayed stale in the
front cache for as long as the worker took to reach its purge. Here the process that made
the change sends the purge itself once the change is committed (site_core.tasks); only
what could not be sent goes to the worker, which tries again later.

Wagtail's HTTP backend logs a failed purge and carries on, and waits on a hung cache for
as long as the operating system lets it: `HTTPBackend` below answers within `TIMEOUT`
seconds and says which purges failed, so they can be retried.
"""

import logging
from urllib.error import URLError
from urllib.parse import urlsplit, urlunsplit
from urllib.request import Request, urlopen

from wagtail.contrib.frontend_cache.backends import HTTPBackend as WagtailHTTPBackend
from wagtail.contrib.frontend_cache.utils import get_backends

logger = logging.getLogger(__name__)


class PurgeFailed(Exception):
    """The front cache did not confirm the purge (refused, timed out, an error status)."""


class HTTPBackend(WagtailHTTPBackend):
    """Sends `PURGE <path>` to the cache at LOCATION with the page's host name, as
    Wagtail's does; raises PurgeFailed instead of logging, and gives up after TIMEOUT
    seconds (default 2)."""

    def __init__(self, params):
        params = dict(params)
        self.timeout = float(params.pop("TIMEOUT", 2))
        super().__init__(params)

    def purge(self, url):
        parts = urlsplit(url)
        target = urlunsplit((self.cache_scheme, self.cache_netloc, parts.path, parts.query, ""))
        request = Request(target, method="PURGE", headers={"Host": parts.netloc})  # noqa: S310
        try:
            with urlopen(request, timeout=self.timeout):  # noqa: S310 - LOCATION is configured
                pass
        except (URLError, OSError, ValueError) as error:  # HTTPError is a URLError
            raise PurgeFailed(f"{url}: {error}") from error


def send(urls):
    """Purge `urls` from every configured front cache now. Returns the URLs that failed
    somewhere (to send again later). A cache that fails once is not asked for the rest of
    the batch: its remaining URLs count as failed, so an unreachable cache costs one
    timeout, not one per URL."""
    failed = []
    for name, backend in get_backends().items():
        wanted = [url for url in urls if backend.invalidates_hostname(urlsplit(url).hostname)]
        if not isinstance(backend, HTTPBackend):
            backend.purge_batch(wanted)  # other services report their own failures
            continue
        for position, url in enumerate(wanted):
            try:
                backend.purge(url)
            except PurgeFailed as error:
                logger.warning("Front cache %s did not purge: %s", name, error)
                failed.extend(wanted[position:])
                break
    return sorted(set(failed))
