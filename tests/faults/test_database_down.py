"""The database away: refused before a request, lost mid-request before and after the
report's commit, or refusing writes. The citizen gets an honest 503 built without the
database with everything typed kept; pressing send again stores the report exactly once.

The lost-connection cases put a TCP proxy of the test's own in front of PostgreSQL and
close it; the machine's PostgreSQL is never touched."""

from django.db import close_old_connections, connection
from django.test import Client

import pytest

from complaint_forms.models import Report

from .conftest import TcpProxy, press_send_again

pytestmark = [pytest.mark.faults, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

SUBMIT = "/id/laporan/kirim/"
TYPED = 'Air PDAM keruh & berbau; tagihan > Rp 5000 dan < "biasa"'
# Plain text (markup is refused by the form) that would break out of an attribute.
TITLE = 'Air keruh" autofocus onfocus="alert(1)'


@pytest.fixture
def database_proxy():
    """Django's connection goes through a proxy the test can cut (PostgreSQL only)."""
    if connection.vendor != "postgresql":
        pytest.skip("the TCP-proxy faults need PostgreSQL (set DATABASE_URL); SQLite is a file")
    proxy = TcpProxy(
        connection.settings_dict["HOST"] or "127.0.0.1", connection.settings_dict["PORT"] or 5432
    )
    proxy.resume()
    saved = {key: connection.settings_dict.get(key) for key in ("HOST", "PORT", "OPTIONS")}
    connection.close()
    connection.settings_dict.update(
        HOST="127.0.0.1",
        PORT=str(proxy.port),
        # The proxy must see the protocol in clear to find the statement to cut after.
        OPTIONS={**(saved["OPTIONS"] or {}), "sslmode": "disable"},
    )
    yield proxy
    proxy.cut()
    connection.close()
    connection.settings_dict.update(saved)


def send(client, method, url, data=None):
    """One request, then what Django does between requests in production: drop a
    connection that broke (the test client leaves that out)."""
    response = (
        getattr(client, method)(url, data) if data is not None else getattr(client, method)(url)
    )
    close_old_connections()
    return response


def assert_busy_page_keeps_the_text(response, post):
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "no-store" in response["Cache-Control"]
    html = response.content.decode()
    assert "Laporan Anda belum terkirim" in html
    assert "Air PDAM keruh &amp; berbau; tagihan &gt; Rp 5000 dan &lt; &quot;biasa&quot;" in html
    assert 'value="Air keruh&quot; autofocus onfocus=&quot;alert(1)"' in html
    assert f'value="{post["idempotency_key"]}"' in html
    assert 'value="budi@example.test"' in html


def test_database_refused_before_the_request_then_send_again_stores_once(
    report_page, valid_post, database_proxy
):
    client = Client(raise_request_exception=False)
    post = valid_post(title=TITLE, description=TYPED)
    database_proxy.cut()

    busy = send(client, "post", SUBMIT, post)
    assert_busy_page_keeps_the_text(busy, post)
    home = send(client, "get", "/id/")
    assert home.status_code == 503
    assert home["Retry-After"] == "30"
    assert "Layanan sedang tidak tersedia" in home.content.decode()
    assert "Service temporarily unavailable" in send(client, "get", "/en/").content.decode()

    database_proxy.resume()
    sent = press_send_again(client, busy)
    close_old_connections()
    assert sent.status_code == 302
    report = Report.objects.get()
    assert report.description == TYPED
    assert report.reporter_email == "budi@example.test"
    assert send(client, "get", "/id/").status_code == 200


@pytest.mark.parametrize(
    ("cut_after", "stored_before_retry"),
    [(b'INSERT INTO "complaint_forms_report"', 0), (b"COMMIT", 1)],
    ids=["lost-before-commit", "lost-after-commit"],
)
def test_connection_lost_mid_request_no_report_lost_none_stored_twice(
    report_page, valid_post, database_proxy, cut_after, stored_before_retry
):
    client = Client(raise_request_exception=False)
    post = valid_post(title=TITLE, description=TYPED)
    database_proxy.cut_after(cut_after)

    busy = send(client, "post", SUBMIT, post)
    assert database_proxy.triggered.wait(5)
    assert_busy_page_keeps_the_text(busy, post)
    assert Report.objects.count() == stored_before_retry

    sent = press_send_again(client, busy)
    close_old_connections()
    assert sent.status_code == 302
    assert Report.objects.filter(idempotency_key=post["idempotency_key"]).count() == 1
    assert Report.objects.get().description == TYPED
    assert Report.objects.get().title == TITLE
    assert send(client, "get", sent["Location"]).status_code == 200


def test_database_refusing_writes_keeps_the_text_on_any_database(report_page, valid_post):
    """A read-only database (SQLite's query_only, PostgreSQL's read-only sessions): the
    fault every engine can show without a proxy."""
    client = Client(raise_request_exception=False)
    post = valid_post(title=TITLE, description=TYPED)
    read_only, writable = {
        "sqlite": ("PRAGMA query_only = ON", "PRAGMA query_only = OFF"),
        "postgresql": (
            "SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY",
            "SET SESSION CHARACTERISTICS AS TRANSACTION READ WRITE",
        ),
    }[connection.vendor]
    with connection.cursor() as cursor:
        cursor.execute(read_only)
    busy = client.post(SUBMIT, post)
    assert_busy_page_keeps_the_text(busy, post)
    assert Report.objects.count() == 0

    with connection.cursor() as cursor:
        cursor.execute(writable)
    assert press_send_again(client, busy).status_code == 302
    assert Report.objects.get().description == TYPED
    assert Report.objects.get().title == TITLE
