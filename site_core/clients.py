"""Who is asking: the client address every rate limit counts against.

django-ratelimit's `key="ip"` calls `client_ip` (settings.RATELIMIT_IP_META_KEY), so every
app's limits honour the same trusted proxy header.
"""

import ipaddress

from django.conf import settings

# Counted when no address can be read (a unix socket, a malformed header): one shared
# bucket is safer than a crash in every rate-limited view.
UNKNOWN_CLIENT = "0.0.0.0"  # noqa: S104 - a rate-limit key, never bound to


def _valid(address):
    try:
        ipaddress.ip_address(address)
    except ValueError:
        return False
    return True


def client_ip(request):
    """The client address, from the first trusted header present (set
    TRUSTED_CLIENT_IP_HEADERS behind a proxy, e.g. ["HTTP_X_REAL_IP"]). For
    X-Forwarded-For the right-most entry is the one our own proxy added."""
    for header in getattr(settings, "TRUSTED_CLIENT_IP_HEADERS", ["REMOTE_ADDR"]):
        value = request.META.get(header, "").split(",")[-1].strip()[:64]
        if value and _valid(value):
            return value
    remote = request.META.get("REMOTE_ADDR", "")
    return remote if _valid(remote) else UNKNOWN_CLIENT
