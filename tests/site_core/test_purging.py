"""Publishing, unpublishing, moving and deleting a page purge the front cache as soon as
the change is committed, from the process that made it (not through the worker's queue);
a purge that fails is retried by the worker. The front cache here is an HTTP server of the
test's own that answers PURGE as Varnish does and records what it was asked."""

import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from django.core.management import call_command
from django.db import transaction

import pytest
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from tests.conftest import free_port
from tests.factories import InformationPageFactory, NewsArticlePageFactory, NewsIndexPageFactory

pytestmark = pytest.mark.django_db


class _PurgeRecorder(BaseHTTPRequestHandler):
    def do_PURGE(self):  # noqa: N802 (http.server's naming)
        self.server.purged.append(self.path)
        self.server.hosts.add(self.headers["Host"])
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


class FrontCache:
    """A PURGE-answering server on a fixed port, which can go away and come back."""

    def __init__(self):
        self.port = free_port()
        self.purged = []
        self.hosts = set()
        self.server = None

    def start(self):
        self.server = ThreadingHTTPServer(("127.0.0.1", self.port), _PurgeRecorder)
        self.server.purged, self.server.hosts = self.purged, self.hosts
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self):
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()
            self.server = None


@pytest.fixture
def front_cache(settings):
    cache = FrontCache()
    cache.start()
    backend = dict(settings.WAGTAILFRONTENDCACHE.get("varnish") or {})
    backend.setdefault("BACKEND", "site_core.purging.HTTPBackend")
    backend["LOCATION"] = f"http://127.0.0.1:{cache.port}"
    settings.WAGTAILFRONTENDCACHE = {"varnish": backend}
    yield cache
    cache.stop()


@pytest.fixture
def database_queue(settings):
    """The production queue: anything handed to the worker waits there, visibly."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def queued_purges():
    return DBTaskResult.objects.filter(task_path__icontains="purge")


def test_the_project_purges_through_its_own_backend():
    from django.conf import settings

    assert "wagtail.contrib.frontend_cache" not in settings.INSTALLED_APPS
    assert "site_core.apps.FrontendCacheConfig" in settings.INSTALLED_APPS


def test_publish_purges_the_page_and_its_listing_once_committed_not_through_the_worker(
    home, front_cache, database_queue, django_capture_on_commit_callbacks
):
    news = NewsIndexPageFactory(parent=home, slug="berita")
    article = NewsArticlePageFactory(parent=news, slug="artikel")
    front_cache.purged.clear()
    with django_capture_on_commit_callbacks(execute=True):
        article.title = "Judul baru"
        article.save_revision().publish()
        # Before the commit the cache would only fetch the old page again.
        assert front_cache.purged == []
    assert sorted(front_cache.purged) == ["/id/berita/", "/id/berita/artikel/"]
    assert front_cache.hosts == {"testserver"}  # the site's host name, as Varnish hashes
    assert not queued_purges().exists()  # nothing waits for the worker


def test_a_rolled_back_publish_purges_nothing(
    home, front_cache, django_capture_on_commit_callbacks
):
    page = InformationPageFactory(parent=home, slug="info")
    front_cache.purged.clear()
    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(RuntimeError), transaction.atomic():
            page.save_revision().publish()
            raise RuntimeError("the editor's request failed after the publish")
    assert front_cache.purged == []


def test_unpublish_move_and_delete_purge_the_old_addresses(
    home, front_cache, django_capture_on_commit_callbacks
):
    news = NewsIndexPageFactory(parent=home, slug="berita")
    other = InformationPageFactory(parent=home, slug="lain")
    article = NewsArticlePageFactory(parent=news, slug="artikel")
    front_cache.purged.clear()
    with django_capture_on_commit_callbacks(execute=True):
        article.unpublish()
    assert "/id/berita/artikel/" in front_cache.purged

    with django_capture_on_commit_callbacks(execute=True):
        article.save_revision().publish()
    front_cache.purged.clear()
    with django_capture_on_commit_callbacks(execute=True):
        article.move(other, pos="last-child")
    assert "/id/berita/artikel/" in front_cache.purged  # the old address
    assert "/id/lain/artikel/" in front_cache.purged  # the new one
    assert "/id/berita/" in front_cache.purged

    front_cache.purged.clear()
    article.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        article.delete()
    assert "/id/lain/artikel/" in front_cache.purged


def test_a_rolled_back_move_purges_nothing(home, front_cache, django_capture_on_commit_callbacks):
    news = NewsIndexPageFactory(parent=home, slug="berita")
    other = InformationPageFactory(parent=home, slug="lain")
    article = NewsArticlePageFactory(parent=news, slug="artikel")
    front_cache.purged.clear()
    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(RuntimeError), transaction.atomic():
            article.move(other, pos="last-child")
            raise RuntimeError("the move's request failed after the move")
    # Only Wagtail's new-redirect purge of the old path (sent at once, slash-less) is seen.
    assert front_cache.purged == ["/id/berita/artikel"]


# The worker closes its database connection between tasks: no test transaction around it.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_purge_the_cache_missed_is_sent_again_by_the_worker(
    home, front_cache, database_queue, settings
):
    settings.FRONTEND_CACHE_RETRY_SECONDS = [0, 0]
    page = InformationPageFactory(parent=home, slug="info")
    front_cache.stop()  # the cache restarts while the editor publishes
    page.save_revision().publish()  # committed at once: the purge is tried then
    retry = queued_purges().get()
    assert retry.task_path == "site_core.tasks.retry_purge"
    assert "http://testserver/id/info/" in retry.args_kwargs["args"][0]

    front_cache.start()  # back, on the same address
    call_command("db_worker", batch=True, no_startup_delay=True, reload=False, verbosity=0)
    retry.refresh_from_db()
    assert retry.status == TaskResultStatus.SUCCESSFUL
    assert "/id/info/" in front_cache.purged
    assert queued_purges().count() == 1  # done: no further try queued


def test_a_cache_that_never_answers_costs_one_timeout_not_one_per_address(
    home, front_cache, database_queue, settings, django_capture_on_commit_callbacks
):
    settings.FRONTEND_CACHE_RETRY_SECONDS = [60]
    news = NewsIndexPageFactory(parent=home, slug="berita")
    article = NewsArticlePageFactory(parent=news, slug="artikel")
    front_cache.stop()
    with socket.socket() as hung:  # accepts connections, never answers
        hung.bind(("127.0.0.1", front_cache.port))
        hung.listen(8)
        settings.WAGTAILFRONTENDCACHE["varnish"]["TIMEOUT"] = 0.5
        started = time.monotonic()
        with django_capture_on_commit_callbacks(execute=True):
            article.save_revision().publish()
        elapsed = time.monotonic() - started
    assert 0.5 <= elapsed < 0.95
    retry = queued_purges().get()
    assert sorted(retry.args_kwargs["args"][0]) == [
        "http://testserver/id/berita/",
        "http://testserver/id/berita/artikel/",
    ]
    assert retry.run_after is not None  # the worker waits before trying again
