"""Access logs keep the shape of a URL but never a tracking code or a signed token.

The servers run for real (runserver and gunicorn in their own processes) and the test
reads what they wrote to their logs."""

import os
import subprocess
import sys
import time
import urllib.error
import urllib.request

from django.conf import settings

import pytest

from site_core.access_log import mask_credentials
from tests.conftest import free_port

TOKEN = "12:Zq8xSECRETtokenVALUE"
CODE = "BJB-7KQ4-M2XD"
SECRET_URLS = [
    f"/outreach/ticket/{TOKEN}/",
    f"/outreach/ticket/{TOKEN}/certificate.pdf",
    f"/outreach/school-request/{TOKEN}/cancel/",
    f"/outreach/ambassador/{TOKEN}/activity/",
    f"/id/laporan/terkirim/{CODE}/",
    f"/id/laporan/lacak/?kode={CODE}",
    f"/id/laporan/lacak/?lang=id&KODE={CODE.lower()}",
    f"/en/report/sent/{CODE}/",  # the same routes in English words
    f"/en/report/track/?code={CODE}",
]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            f"GET /outreach/ticket/{TOKEN}/cancel/ HTTP/1.1",
            "GET /outreach/ticket/***/cancel/ HTTP/1.1",
        ),
        (f"/id/laporan/lacak/?kode={CODE}&x=1", "/id/laporan/lacak/?kode=***&x=1"),
        (f"kode={CODE}", "kode=***"),  # gunicorn's query-string atom
        ("GET /id/berita/ HTTP/1.1", "GET /id/berita/ HTTP/1.1"),
    ],
)
def test_mask_credentials(line, expected):
    assert mask_credentials(line) == expected


def _server_env(tmp_path):
    inherited = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    return {
        **inherited,
        "DJANGO_SETTINGS_MODULE": "site_core.settings.dev",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'empty.sqlite3'}",
        "REDIS_URL": "",
        "ALLOWED_HOSTS": "127.0.0.1",
        "PYTHONUNBUFFERED": "1",
    }


def _request_all(port):
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/robots.txt", timeout=20)  # noqa: S310
            break
        except OSError:  # not listening yet, or still loading the site
            if time.monotonic() > deadline:
                raise
            time.sleep(0.3)
    for url in SECRET_URLS:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}{url}", timeout=20)  # noqa: S310
        except urllib.error.HTTPError:
            pass  # 404 or 500 (the database is empty): the request is logged all the same


def _run_and_read_log(command, tmp_path):
    port = free_port()
    log_path = tmp_path / "server.log"
    with log_path.open("w") as log:
        server = subprocess.Popen(  # noqa: S603
            [part.format(port=port) for part in command],
            cwd=settings.BASE_DIR,
            env=_server_env(tmp_path),
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            _request_all(port)
            time.sleep(0.5)
        finally:
            server.terminate()
            server.wait(timeout=30)
    return log_path.read_text()


def _assert_masked(output):
    assert "/outreach/ticket/***/" in output
    assert "/outreach/ambassador/***/activity/" in output
    assert "kode=***" in output
    assert "Zq8xSECRET" not in output
    assert CODE not in output and CODE.lower() not in output


def test_runserver_access_log_masks_tokens_and_tracking_codes(tmp_path):
    output = _run_and_read_log(
        [sys.executable, "manage.py", "runserver", "--noreload", "127.0.0.1:{port}"], tmp_path
    )
    assert '"GET /robots.txt HTTP/1.1" 200' in output  # the log is there
    _assert_masked(output)


def test_gunicorn_access_log_masks_tokens_and_tracking_codes(tmp_path):
    gunicorn = os.path.join(os.path.dirname(sys.executable), "gunicorn")
    output = _run_and_read_log(
        [
            gunicorn,
            "site_core.wsgi",
            "-b",
            "127.0.0.1:{port}",
            "-w",
            "1",
            "--graceful-timeout",
            "2",
            "--access-logfile",
            "-",
        ],
        tmp_path,
    )
    assert '"GET /robots.txt HTTP/1.1" 200' in output
    _assert_masked(output)
