"""Platform behaviour: headers, errors, robots, sitemap, preferences, uploads, lockout."""

import io
import os
import subprocess
import sys

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation

import pytest
from PIL import Image

from site_core import views
from tests.factories import InformationPageFactory, NewsArticlePageFactory, NewsIndexPageFactory

pytestmark = pytest.mark.django_db

PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "site_core.settings.production",
    "SECRET_KEY": "x" * 30 + "production-secret-for-the-check-only-0123456789",
    "ALLOWED_HOSTS": "lapor.banjarbarukota.go.id",
    "DATABASE_URL": "sqlite:////tmp/lapor-deploy-check.sqlite3",
    "REDIS_URL": "redis://127.0.0.1:6379/9",
    "EMAIL_URL": "smtp+tls://user:pass@mail.example.org:587",
    "RECAPTCHA_PUBLIC_KEY": "real-public-key-from-the-environment",
    "RECAPTCHA_PRIVATE_KEY": "real-private-key-from-the-environment",
}


def run_manage(*args, env):
    # The browser tests' async escape hatch must not leak into a deployment check.
    inherited = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env={**inherited, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_settings_pass_the_deploy_check():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_googles_test_captcha_keys():
    env = {**PRODUCTION_ENV, "RECAPTCHA_PUBLIC_KEY": "6LeIxAcTAAAAAJcZVRqyHh71UMIEGNQ_MXjiZKhI"}
    result = run_manage("check", env=env)
    assert result.returncode != 0
    assert "real reCAPTCHA keys" in result.stderr


def test_production_refuses_a_missing_or_short_secret_key():
    result = run_manage("check", env={**PRODUCTION_ENV, "SECRET_KEY": "short"})
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_public_pages_send_security_headers(client, home):
    response = client.get("/id/")
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert "geolocation=()" in response["Permissions-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_pages_use_no_inline_script_or_third_party_assets(client, home):
    html = client.get("/id/").content.decode()
    assert "<script>" not in html and "style=" not in html
    assert "https://fonts." not in html and "cdn" not in html.lower()


@pytest.fixture
def every_page_type(home, home_en, locales):
    info = InformationPageFactory(parent=home, slug="info")
    news = NewsIndexPageFactory(parent=home)
    for n in range(5):
        article = NewsArticlePageFactory(parent=news, slug=f"artikel-{n}")
        article.tags.add("pelajar", f"topik-{n}")
        article.save_revision().publish()
    return {"home": home, "info": info, "news": news, "article": article, "home_en": home_en}


@pytest.mark.parametrize("name", ["home", "info", "news", "article", "home_en"])
def test_every_public_page_type_stays_within_its_query_budget(
    client, every_page_type, django_assert_max_num_queries, name
):
    url = every_page_type[name].url
    client.get(url)  # warm per-process caches (site root paths)
    with django_assert_max_num_queries(15):
        assert client.get(url).status_code == 200


def test_not_found_page_is_translated(client, home, home_en):
    response = client.get("/id/tidak-ada/")
    assert response.status_code == 404
    assert "Halaman tidak ditemukan" in response.content.decode()
    response = client.get("/en/does-not-exist/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_server_error_page_renders_without_the_database_in_each_language():
    request = RequestFactory().get("/en/")
    for code, expected in (("id", "Terjadi kesalahan"), ("en", "Something went wrong")):
        with translation.override(code):
            request.LANGUAGE_CODE = code
            response = views.server_error(request)
        assert response.status_code == 500
        assert expected in response.content.decode()


def test_robots_txt_points_at_the_sitemap_and_hides_admin(client):
    text = client.get("/robots.txt").content.decode()
    assert "Disallow: /admin/" in text
    assert "Disallow: /id/cari/" in text and "Disallow: /en/search/" in text
    assert "Sitemap: http://testserver/sitemap.xml" in text


def test_sitemap_lists_both_languages(client, every_page_type):
    xml = client.get("/sitemap.xml").content.decode()
    assert "http://testserver/id/info/" in xml
    assert "http://testserver/en/" in xml


def test_display_preferences_persist_without_javascript(client, home):
    response = client.post(reverse("display_preferences"), {"text": "larger", "next": "/id/"})
    assert response.status_code == 302 and response["Location"] == "/id/"
    client.post(reverse("display_preferences"), {"contrast": "high", "next": "/id/"})
    html = client.get("/id/").content.decode()
    assert 'class="text-larger contrast-high"' in html
    assert 'value="larger" aria-pressed="true"' in html


def test_display_preferences_ignore_bad_values_and_foreign_redirects(client, home):
    response = client.post(
        reverse("display_preferences"),
        {"text": "<script>", "contrast": "neon", "next": "https://evil.example/"},
    )
    assert response["Location"] == "/"
    assert client.cookies["display"].value == "text=normal;contrast=normal"


def test_news_tag_filter_escapes_what_is_typed(client, every_page_type):
    html = client.get(every_page_type["news"].url, {"tag": '"><script>alert(1)</script>'})
    assert b"<script>alert(1)" not in html.content


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("boss", "boss@example.org", "pw-123456789")
    client.force_login(user)
    return client


def test_document_upload_refuses_unsafe_extensions(admin_client):
    from wagtail.documents.models import Document

    evil = SimpleUploadedFile("laporan.html", b"<script>alert(1)</script>", "text/html")
    response = admin_client.post(reverse("wagtaildocs:add"), {"title": "x", "file": evil})
    assert response.status_code == 200
    assert not Document.objects.exists()


def test_document_upload_refuses_oversized_files(admin_client, settings):
    from wagtail.documents.models import Document

    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1024
    big = SimpleUploadedFile("besar.pdf", b"%PDF-1.4\n" + b"0" * 4096, "application/pdf")
    response = admin_client.post(reverse("wagtaildocs:add"), {"title": "x", "file": big})
    assert response.status_code == 200
    assert not Document.objects.exists()


def test_image_upload_refuses_too_many_pixels(admin_client, settings):
    from wagtail.images.models import Image as WagtailImage

    settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = 100 * 100
    buffer = io.BytesIO()
    Image.new("RGB", (200, 200), "white").save(buffer, format="PNG")
    upload = SimpleUploadedFile("poster.png", buffer.getvalue(), "image/png")
    response = admin_client.post(reverse("wagtailimages:add"), {"title": "x", "file": upload})
    assert response.status_code == 200
    assert not WagtailImage.objects.exists()


def test_admin_login_locks_out_after_repeated_failures(client, django_user_model):
    django_user_model.objects.create_superuser("target", "t@example.org", "the-right-password")
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        client.post("/admin/login/", {"username": "target", "password": "wrong"})
    response = client.post(
        "/admin/login/", {"username": "target", "password": "the-right-password"}
    )
    assert response.status_code == 429  # django-axes' lockout answer
    assert "Akun terkunci" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_login_lockout_behind_a_proxy_locks_only_the_attacking_client(client, settings):
    """Five wrong passwords from one citizen behind the proxy lock that citizen out; the
    officer behind the same proxy (another X-Forwarded-For) still logs in."""
    from django.contrib.auth import get_user_model

    settings.TRUSTED_CLIENT_IP_HEADERS = ["HTTP_X_FORWARDED_FOR"]
    get_user_model().objects.create_superuser("officer", "o@example.org", "the-right-password")
    proxy = {"REMOTE_ADDR": "10.0.0.1"}
    attacker = {**proxy, "HTTP_X_FORWARDED_FOR": "198.51.100.7, 203.0.113.66"}
    officer = {**proxy, "HTTP_X_FORWARDED_FOR": "203.0.113.10"}
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        client.post("/admin/login/", {"username": "officer", "password": "wrong"}, **attacker)
    locked = client.post(
        "/admin/login/", {"username": "officer", "password": "the-right-password"}, **attacker
    )
    assert locked.status_code == 429
    assert "_auth_user_id" not in client.session

    response = client.post(
        "/admin/login/", {"username": "officer", "password": "the-right-password"}, **officer
    )
    assert response.status_code == 302
    assert client.session["_auth_user_id"]


def test_production_csp_allows_only_googles_captcha_hosts_besides_self():
    code = (
        "from django.conf import settings; "
        "print(settings.CONTENT_SECURITY_POLICY['DIRECTIVES']['script-src'])"
    )
    result = run_manage("shell", "-c", code, env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    assert "https://www.gstatic.com/recaptcha/" in result.stdout
    assert "unsafe-inline" not in result.stdout


@pytest.mark.parametrize(
    "value, expected",
    [
        ('=HYPERLINK("http://evil")', '\'=HYPERLINK("http://evil")'),
        ("+62811", "'+62811"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tcmd", "'\tcmd"),
        ("Jalan rusak", "Jalan rusak"),
        (-5, -5),
        (None, None),
    ],
)
def test_exported_cells_cannot_run_as_formulas(value, expected):
    from site_core.exports import neutralise_formula

    assert neutralise_formula(value) == expected


def test_every_rate_limit_counts_the_client_behind_the_trusted_proxy(settings):
    """Forms of every app use key="ip"; behind a proxy that means the trusted header."""
    from django_ratelimit.core import is_ratelimited

    settings.TRUSTED_CLIENT_IP_HEADERS = ["HTTP_X_REAL_IP", "REMOTE_ADDR"]

    def limited(address):
        request = RequestFactory().post("/", REMOTE_ADDR="10.0.0.1", HTTP_X_REAL_IP=address)
        return is_ratelimited(request, group="t", key="ip", rate="1/m", increment=True)

    assert not limited("203.0.113.1")
    assert not limited("203.0.113.2")  # another citizen behind the same proxy
    assert limited("203.0.113.1")
