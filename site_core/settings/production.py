"""Production: every secret and service address from the environment, HTTPS only.

`manage.py check --deploy --fail-level WARNING` passes with these settings; CI runs it.
"""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = env("SECRET_KEY")  # noqa: F405
if len(SECRET_KEY) < 50:
    raise ImproperlyConfigured("SECRET_KEY must be at least 50 random characters.")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS")  # noqa: F405

# Google's published test keys pass every captcha: never in production.
_RECAPTCHA_TEST_KEYS = {
    "6LeIxAcTAAAAAJcZVRqyHh71UMIEGNQ_MXjiZKhI",
    "6LeIxAcTAAAAAGG-vFI1TnRWxMZNFuojJ4WifJWe",
}
RECAPTCHA_PUBLIC_KEY = env("RECAPTCHA_PUBLIC_KEY")  # noqa: F405
RECAPTCHA_PRIVATE_KEY = env("RECAPTCHA_PRIVATE_KEY")  # noqa: F405
if {RECAPTCHA_PUBLIC_KEY, RECAPTCHA_PRIVATE_KEY} & _RECAPTCHA_TEST_KEYS:
    raise ImproperlyConfigured("Production needs real reCAPTCHA keys, not Google's test keys.")
RECAPTCHA_ENABLED = True
SILENCED_SYSTEM_CHECKS = ["django_ratelimit.W001"]
for _directive, _sources in RECAPTCHA_CSP.items():  # noqa: F405
    if _sources[0] not in CONTENT_SECURITY_POLICY["DIRECTIVES"][_directive]:  # noqa: F405
        CONTENT_SECURITY_POLICY["DIRECTIVES"][_directive] += _sources  # noqa: F405

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)  # noqa: F405
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31_536_000)  # noqa: F405
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)  # noqa: F405
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
CSRF_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SECURE = True
LANGUAGE_COOKIE_HTTPONLY = True

MIDDLEWARE = [  # noqa: F405
    MIDDLEWARE[0],  # noqa: F405
    "whitenoise.middleware.WhiteNoiseMiddleware",
    *MIDDLEWARE[1:],  # noqa: F405
]
# Compressed, cache-busting static files served by whitenoise behind the proxy/CDN.
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
}

# No request waits for an answer index rebuild after an editor publishes (base.py).
SEARCH_SYNC_REBUILD_MAX_ANSWERS = env.int("SEARCH_SYNC_REBUILD_MAX_ANSWERS", default=0)  # noqa: F405

LOGGING["root"]["level"] = env("LOG_LEVEL", default="INFO")  # noqa: F405
