"""Render each public page type N times and print median/p95 time and SQL queries.

Full-page caching is off (there is none); the site frame cache (menus, footer) is warm, as it
is in production. Runs on whatever DATABASE_URL points at (SQLite by default).
"""

import os
import statistics
import time

from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from tests.bench.results import record

pytestmark = [pytest.mark.bench, pytest.mark.django_db]

ROUNDS = int(os.environ.get("BENCH_ROUNDS", "200"))
PAGES = {
    "home": "/id/",
    "home_en": "/en/",
    "information": "/id/cara-melapor/",
    "news_index": "/id/berita/",
    "news_article": "/id/berita/banjarbaru-enam-besar-nasional-pengelolaan-pengaduan-2022/",
    "not_found": "/id/tidak-ada/",
}


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def test_page_rendering(client, settings, tmp_path, monkeypatch):
    settings.BASE_DIR = tmp_path
    settings.DEMO_CONTENT_COMMANDS = []
    monkeypatch.setenv("DEMO_ADMIN_PASSWORD", "bench-password-1")
    call_command("load_demo", stdout=open(os.devnull, "w"))
    vendor = connection.vendor
    print(f"\nPage rendering on {vendor}, {ROUNDS} rounds each (ms)")
    print(f"{'page':<14}{'median':>9}{'p95':>9}{'queries':>9}")
    for name, url in PAGES.items():
        client.get(url)
        timings = []
        for _ in range(ROUNDS):
            start = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code in (200, 404)
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        median, p95 = statistics.median(timings), percentile(timings, 0.95)
        print(f"{name:<14}{median:>9.2f}{p95:>9.2f}{len(queries):>9}")
        record(f"pages.{vendor}.{name}.median_ms", round(median, 2))
        record(f"pages.{vendor}.{name}.p95_ms", round(p95, 2))
        record(f"pages.{vendor}.{name}.queries", len(queries))
