"""Render each public page type N times and print median/p95 time and SQL queries, beside a
bare Wagtail page (`wagtail.models.Page` with Wagtail's own template, through the same
middleware) rendered in the same run: the ratio to it, not the machine, is the figure.

The whole demo is loaded (every app's pages, 240 knowledge-base answers); one page of each
type per language is measured, plus the search page and a 404. Full-page caching is off
(there is none); the site frame cache (menus, footer) is warm, as it is in production. Runs
on whatever DATABASE_URL points at (SQLite by default).
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

ROUNDS = int(os.environ.get("BENCH_ROUNDS", "100"))
EXTRA_URLS = {
    "search_id": "/id/cari/?q=ktp+hilang",
    "search_en": "/en/search/?q=lost+id+card",
    "not_found": "/id/tidak-ada/",
}


def one_page_per_type():
    """{"<type>_<language>": url} for the first live page of every type in each language."""
    from wagtail.models import Page

    urls = {}
    for page in Page.objects.live().filter(depth__gt=1).specific().order_by("path"):
        key = f"{type(page).__name__}_{page.locale.language_code}"
        urls.setdefault(key, page.url)
    return {**urls, **EXTRA_URLS}


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def bare_wagtail_page():
    """A plain Wagtail page under the Indonesian home: the baseline of every ratio."""
    from wagtail.models import Page

    home = Page.objects.get(depth=2, locale__language_code="id")
    bare = home.add_child(instance=Page(title="Halaman dasar", slug="bench-bare-wagtail"))
    bare.save_revision().publish()
    return bare.url


def timed(client, url):
    client.get(url)
    timings = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
    assert response.status_code in (200, 404)
    return statistics.median(timings), percentile(timings, 0.95)


def test_page_rendering(client, monkeypatch):
    monkeypatch.setenv("DEMO_ADMIN_PASSWORD", "bench-password-1")
    call_command("load_demo", stdout=open(os.devnull, "w"))
    vendor = connection.vendor
    base_median, base_p95 = timed(client, bare_wagtail_page())
    print(f"\nPage rendering on {vendor}, {ROUNDS} rounds each (ms); ratio = p95 / bare p95")
    print(f"{'page':<26}{'median':>9}{'p95':>9}{'ratio':>8}{'queries':>9}")
    print(f"{'bare Wagtail page':<26}{base_median:>9.2f}{base_p95:>9.2f}{1:>8.2f}{'':>9}")
    record(f"pages.{vendor}.bare_wagtail.p95_ms", round(base_p95, 2))
    for name, url in one_page_per_type().items():
        median, p95 = timed(client, url)
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        ratio = p95 / base_p95
        print(f"{name:<26}{median:>9.2f}{p95:>9.2f}{ratio:>8.2f}{len(queries):>9}")
        record(f"pages.{vendor}.{name}.p95_ratio_to_bare", round(ratio, 2))
        record(f"pages.{vendor}.{name}.median_ms", round(median, 2))
        record(f"pages.{vendor}.{name}.p95_ms", round(p95, 2))
        record(f"pages.{vendor}.{name}.queries", len(queries))
