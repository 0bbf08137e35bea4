"""Redis away: a redis-server of the test's own is killed by pid before and during a
sequence of requests. Pages, report intake, tracking, search and the admin login keep
working from each process's memory, rate limits still count, one warning marks the outage
and one its end."""

import logging
import time

from django.contrib.auth import get_user_model
from django.test import Client

import pytest
import redis
from axes.handlers.proxy import AxesProxyHandler

from complaint_forms.models import Report
from tests.conftest import free_port

pytestmark = [pytest.mark.faults, pytest.mark.django_db]

SUBMIT = "/id/laporan/kirim/"
OUTAGE = "Redis cache unreachable"
RECOVERED = "Redis cache reachable again"


def use_redis(settings, url):
    settings.CACHES = {
        "default": {
            "BACKEND": "site_core.cache.FailOpenRedisCache",
            "LOCATION": url,
            "KEY_PREFIX": "fault-test",
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 1.0},
        }
    }
    settings.AXES_HANDLER = "axes.handlers.cache.AxesCacheHandler"
    settings.CACHE_OUTAGE_RETRY_SECONDS = 0.3
    AxesProxyHandler.get_implementation(force=True)


@pytest.fixture(autouse=True)
def _fresh_axes_handler():
    yield
    AxesProxyHandler.implementation = None  # rebuilt from the restored settings


def cache_warnings(caplog, text):
    return [r for r in caplog.records if r.name == "site_core.cache" and text in r.getMessage()]


def public_pages(report_page):
    tracking = report_page.url + report_page.reverse_subpage("tracking")
    return ["/id/", report_page.url, tracking, "/id/cari/?q=lampu", "/api/search/?q=lampu"]


def staff_login(client, password):
    return client.post("/admin/login/", {"username": "koordinator", "password": password})


@pytest.fixture
def staff(db):
    return get_user_model().objects.create_superuser(
        "koordinator", "koordinator@example.test", "kata-sandi-rahasia"
    )


def test_redis_killed_mid_sequence_pages_intake_and_login_keep_working(
    settings, redis_server, report_page, valid_post, staff, caplog
):
    use_redis(settings, redis_server.url)
    settings.COMPLAINT_TRACK_RATE = "4/m"
    caplog.set_level(logging.WARNING, logger="site_core.cache")
    client = Client(raise_request_exception=True)
    for url in public_pages(report_page):
        assert client.get(url).status_code == 200, url

    redis_server.kill()

    for url in public_pages(report_page):
        assert client.get(url).status_code == 200, url
    post = valid_post(title='Jalan "berlubang" & retak')
    response = client.post(SUBMIT, post)
    assert response.status_code == 302
    assert client.post(SUBMIT, post).status_code == 302  # a double click
    report = Report.objects.get()
    assert report.title == 'Jalan "berlubang" & retak'
    assert client.get(response["Location"]).status_code == 200

    assert staff_login(client, "salah").status_code == 200
    assert staff_login(client, "kata-sandi-rahasia").status_code == 302
    assert len(cache_warnings(caplog, OUTAGE)) == 1


def test_rate_limits_and_lockouts_still_count_while_redis_is_away(
    settings, redis_server, report_page, staff, caplog
):
    use_redis(settings, redis_server.url)
    settings.COMPLAINT_TRACK_RATE = "3/m"
    settings.AXES_FAILURE_LIMIT = 3
    redis_server.kill()
    client = Client()
    tracking = report_page.url + report_page.reverse_subpage("tracking") + "?kode=ABCD-1234"
    statuses = [client.get(tracking).status_code for _ in range(4)]
    assert statuses == [404, 404, 404, 429]

    attempts = [staff_login(client, "salah").status_code for _ in range(3)]
    assert attempts == [200, 200, 429]  # axes' lockout, counted in this process's memory
    assert staff_login(client, "kata-sandi-rahasia").status_code == 429
    assert len(cache_warnings(caplog, OUTAGE)) == 1


def test_redis_down_before_start_then_back_carries_invalidations_over(
    settings, redis_server, report_page, caplog
):
    """The site starts with Redis away; when it is back the one "back" warning comes and
    the menu version bumped meanwhile reaches Redis, so no process serves an old menu."""
    from django.core.cache import cache

    from site_core import frame

    use_redis(settings, redis_server.url)
    caplog.set_level(logging.WARNING, logger="site_core.cache")
    assert Client().get("/id/").status_code == 200
    before = cache.get(frame.VERSION_KEY)
    redis_server.kill()

    assert Client().get("/id/").status_code == 200
    frame.invalidate()  # an editor publishes while Redis is away
    redis_server.start()  # an empty Redis: the outage lost everything
    # As if it had kept its data (django-redis stores integers as plain numbers).
    redis.Redis(port=redis_server.port).set(cache.make_key(frame.VERSION_KEY), before)
    time.sleep(0.4)
    assert Client().get("/id/").status_code == 200
    assert len(cache_warnings(caplog, OUTAGE)) == 1
    assert len(cache_warnings(caplog, RECOVERED)) == 1
    assert cache.get(frame.VERSION_KEY) == before + 1


def test_redis_never_reachable_pages_and_intake_work(settings, report_page, valid_post):
    use_redis(settings, f"redis://127.0.0.1:{free_port()}/0")
    client = Client()
    for url in public_pages(report_page):
        assert client.get(url).status_code == 200, url
    assert client.post(SUBMIT, valid_post()).status_code == 302
    assert Report.objects.count() == 1
