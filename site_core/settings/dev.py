"""Local development: the embedded default with DEBUG on."""

from .base import *  # noqa: F403

DEBUG = env.bool("DEBUG", default=True)  # noqa: F405
# A fixed development key is fine here: dev settings never face the internet.
SECRET_KEY = env("SECRET_KEY", default="dev-only-insecure-key-change-me")  # noqa: F405 S105
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])  # noqa: F405
SERVE_MEDIA = env.bool("SERVE_MEDIA", default=True)  # noqa: F405
# Background tasks run at once, in the process that queues them, so `make run` needs no
# worker and the demo's mail (printed to the console) goes out when the page says it did.
# Set TASKS_BACKEND=django_tasks_db.DatabaseBackend to try the queue with `make worker`.
TASKS = {
    "default": {
        "BACKEND": env(  # noqa: F405
            "TASKS_BACKEND", default="django_tasks.backends.immediate.ImmediateBackend"
        ),
    }
}
