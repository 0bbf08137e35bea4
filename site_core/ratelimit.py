"""The one rate-limit check for public views: per client address, counted on every call.

Each app answers an over-the-limit request its own way (a page, JSON, an error on the
form); what counts as "over" is decided here, once. The client address comes from
`site_core.clients.client_ip` (settings.RATELIMIT_IP_META_KEY)."""

from django_ratelimit import ALL
from django_ratelimit.core import is_ratelimited

__all__ = ["ALL", "over_limit"]


def over_limit(request, group, rate, *, method=ALL):
    """True when this client has gone over `rate` ("10/h", "30/10m") in `group`.

    The request is counted. With `method="POST"` only POSTs count (a GET is never
    limited), so a form can always be shown."""
    return is_ratelimited(request, group=group, key="ip", rate=rate, method=method, increment=True)
