"""Cache headers a front cache can trust, purges on publish/move/delete, and /healthz."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from django.contrib.auth import get_user_model

import pytest

from tests.conftest import free_port
from tests.factories import InformationPageFactory, NewsArticlePageFactory, NewsIndexPageFactory

pytestmark = pytest.mark.django_db


def cache_control(response):
    return {part.strip() for part in response.get("Cache-Control", "").split(",") if part}


def test_anonymous_pages_are_shared_by_the_front_cache(client, home, settings):
    settings.PUBLIC_CACHE_SECONDS = 120
    info = InformationPageFactory(parent=home, slug="info")
    for url in (home.url, info.url):
        response = client.get(url)
        assert response.status_code == 200
        assert {"public", "s-maxage=120", "max-age=0"} <= cache_control(response)
        assert not response.cookies


def test_not_found_is_shared_too(client, home):
    response = client.get("/id/tidak-ada-halaman-ini/")
    assert response.status_code == 404
    assert "public" in cache_control(response)


def test_logged_in_visitors_get_private_pages(client, home):
    user = get_user_model().objects.create_user("pembaca", password="x" * 12)
    client.force_login(user)
    assert cache_control(client.get(home.url)) == {"private", "no-store"}


def test_pages_with_a_form_token_are_never_shared(client, home):
    from tests.complaint_forms.factories import ReportPageFactory

    report_page = ReportPageFactory(parent=home)
    response = client.get(report_page.url)
    assert response.status_code == 200
    assert "csrfmiddlewaretoken" in response.content.decode()
    assert {"private", "no-store"} <= cache_control(response)


def test_posts_redirects_and_cookie_setting_responses_are_private(client, home):
    response = client.post("/preferences/", {"text": "large", "next": home.url})
    assert response.status_code == 302 and response.cookies
    assert {"private", "no-store"} <= cache_control(response)
    assert {"private", "no-store"} <= cache_control(client.get("/"))  # language redirect


def test_the_display_preference_does_not_make_pages_private(client, home):
    client.cookies["display"] = "text=large;contrast=high"
    response = client.get(home.url)
    assert "public" in cache_control(response)
    assert "Cookie" in response.get("Vary", "")  # the front cache keys on that cookie


def test_admin_is_never_cached(admin_client):
    assert {"private", "no-store"} <= cache_control(admin_client.get("/admin/"))


class _PurgeRecorder(BaseHTTPRequestHandler):
    def do_PURGE(self):  # noqa: N802 (http.server's naming)
        self.server.purged.append(self.path)
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def front_cache(settings):
    """A server of the test's own that answers PURGE like Varnish and records the paths."""
    server = ThreadingHTTPServer(("127.0.0.1", free_port()), _PurgeRecorder)
    server.purged = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{server.server_port}",
        }
    }
    yield server.purged
    server.shutdown()
    server.server_close()


def test_publish_purges_the_page_and_the_listing_that_shows_it(home, front_cache):
    news = NewsIndexPageFactory(parent=home, slug="berita")
    article = NewsArticlePageFactory(parent=news, slug="artikel")
    front_cache.clear()
    article.title = "Judul baru"
    article.save_revision().publish()
    assert "/id/berita/artikel/" in front_cache
    assert "/id/berita/" in front_cache


def test_unpublish_move_and_delete_purge_the_old_addresses(home, front_cache):
    news = NewsIndexPageFactory(parent=home, slug="berita")
    other = InformationPageFactory(parent=home, slug="lain")
    article = NewsArticlePageFactory(parent=news, slug="artikel")
    front_cache.clear()
    article.unpublish()
    assert "/id/berita/artikel/" in front_cache

    article.save_revision().publish()
    front_cache.clear()
    article.move(other, pos="last-child")
    assert "/id/berita/artikel/" in front_cache  # the old address
    assert "/id/lain/artikel/" in front_cache  # the new one
    assert "/id/berita/" in front_cache

    front_cache.clear()
    article.refresh_from_db()
    article.delete()
    assert "/id/lain/artikel/" in front_cache


def test_healthz_reports_each_part_without_secrets(client, settings):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["checks"]["database"]["ok"] is True
    assert body["checks"]["cache"]["ok"] is True
    assert "no-store" in response["Cache-Control"]
    text = json.dumps(body)
    assert settings.SECRET_KEY not in text and "postgres://" not in text


def test_healthz_says_degraded_when_the_cache_server_is_unreachable(client, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "site_core.cache.FailOpenRedisCache",
            "LOCATION": f"redis://127.0.0.1:{free_port()}/0",
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 0.5},
        }
    }
    response = client.get("/healthz")
    body = response.json()
    assert response.status_code == 200
    assert body["status"] == "degraded"
    assert body["checks"]["cache"]["ok"] is False
    assert body["checks"]["database"]["ok"] is True


def test_coordinators_see_the_status_panel_on_the_dashboard(client, home):
    from tests.complaint_forms.factories import coordinator

    client.force_login(coordinator())
    html = client.get("/admin/").content.decode()
    assert 'id="system-status-heading"' in html


def test_editors_do_not_see_the_status_panel(client, home):
    from django.contrib.auth.models import Permission

    editor = get_user_model().objects.create_user("penyunting", password="x" * 12)
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    response = client.get("/admin/")
    assert response.status_code == 200
    assert 'id="system-status-heading"' not in response.content.decode()
