"""Who is asking: the client address every rate limit counts against.

django-ratelimit's `key="ip"` calls `client_ip` (settings.RATELIMIT_IP_META_KEY), so every
app's limits honour the same trusted proxy header.
"""

from django.conf import settings


def client_ip(request):
    """The client address, from the first trusted header present (set
    TRUSTED_CLIENT_IP_HEADERS behind a proxy, e.g. ["HTTP_X_REAL_IP"]). For
    X-Forwarded-For the right-most entry is the one our own proxy added."""
    for header in getattr(settings, "TRUSTED_CLIENT_IP_HEADERS", ["REMOTE_ADDR"]):
        value = request.META.get(header, "")
        if value:
            return value.split(",")[-1].strip()[:64]
    return request.META.get("REMOTE_ADDR", "")
