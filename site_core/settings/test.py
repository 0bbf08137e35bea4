"""Test settings: the dev defaults, faster hashing, mail kept in memory."""

import os

from .dev import *  # noqa: F403

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Django's test runner sets EMAIL_BACKEND to memory too; tests that need the real path set
# KeepingBackend over SMTP (the `smtp_server` fixture).
EMAIL_BACKEND = MAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Tests run background tasks inline so their effects can be asserted.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
MEDIA_ROOT = BASE_DIR / ".test-media"  # noqa: F405
PRIVATE_MEDIA_ROOT = BASE_DIR / ".test-private-media"  # noqa: F405
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WAGTAILADMIN_BASE_URL = "http://testserver"
SERVE_MEDIA = True
# 404s are expected in tests; keep the output readable.
LOGGING["loggers"] = {"django.request": {"level": "ERROR"}}  # noqa: F405
# Test runs sharing a Redis database (pytest-xdist's workers run in parallel, and two runs
# may run side by side) keep to keys of their own: a prefix per process, and clearing the
# cache deletes only those keys.
if REDIS_URL:  # noqa: F405
    _worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    CACHES["default"]["KEY_PREFIX"] = f"test-{_worker}-{os.getpid()}"  # noqa: F405
    CACHES["default"]["OPTIONS"]["CLIENT_CLASS"] = "tests.cache.OwnKeysClient"  # noqa: F405
# The embedding model embeds every answer a test publishes (~0.1 s each): tests of it
# (tests/search/test_semantic.py) and the search bench turn it on.
SEARCH_EMBEDDINGS = env.bool("SEARCH_EMBEDDINGS", default=False)  # noqa: F405
