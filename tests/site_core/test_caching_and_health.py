"""Cache headers a front cache can trust, and /healthz (purges: test_purging)."""

import json

from django.contrib.auth import get_user_model

import pytest

from tests.conftest import free_port
from tests.factories import InformationPageFactory

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
