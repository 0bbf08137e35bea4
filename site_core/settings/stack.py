"""`make stack`: the production settings on one machine, over plain HTTP on 127.0.0.1.

Everything production does (DEBUG off, compressed static files, gunicorn, the front cache and
its purges, the worker and the scheduler) except HTTPS and the captcha, which needs Google's
servers that this machine cannot reach. Never use it on a public address."""

import os

# Production refuses to start without captcha keys; the stack switches the captcha off below.
os.environ.setdefault("RECAPTCHA_PUBLIC_KEY", "local-stack-without-captcha")
os.environ.setdefault("RECAPTCHA_PRIVATE_KEY", "local-stack-without-captcha")

from .production import *  # noqa: E402, F403

RECAPTCHA_ENABLED = False
SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
LANGUAGE_COOKIE_SECURE = False
