"""Render each public page type N times and print median/p95 time and SQL queries, beside a
bare Wagtail page (`wagtail.models.Page` with Wagtail's own template, through the same
middleware) rendered in the same run: the ratio to it, not the machine, is the figure.

Each page's requests are interleaved with the bare page's, so both meet the same load on a
shared machine. Wall time and CPU time (this process: the test client, the app and, on
SQLite, the database) are printed; the CPU ratio is the steadier figure on a loaded machine.
The previous run's ratios (.bench/results.json) are printed beside this run's.

`BENCH_PROFILE=ProgramPage_en,EventPage_id make bench` also writes a pyinstrument profile of
those pages, sampled on CPU time, to .bench/profile-<page>.txt.

The whole demo is loaded (every app's pages, 240 knowledge-base answers); one page of each
type per language is measured, plus the search page and a 404. Full-page caching is off
(there is none); the site frame cache (menus, footer) is warm, as it is in production. Runs
on whatever DATABASE_URL points at (SQLite by default). Templates render as in production:
the test runner's instrumentation (a signal and a copy of the context for every template and
include, for `response.context`) is switched off, since it weighs on pages by their number
of includes rather than by their work.
"""

import cProfile
import json
import os
import pstats
import statistics
import time

from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from tests.bench.results import RESULTS, record

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


def one_request(client, url):
    wall, cpu = time.perf_counter(), time.process_time()
    response = client.get(url)
    return (time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000, response


def timed(client, url, bare_url):
    """Median and p95 wall and CPU ms of `url` and of the bare page, requests interleaved."""
    client.get(url)
    client.get(bare_url)
    page, bare = {"wall": [], "cpu": []}, {"wall": [], "cpu": []}
    for _ in range(ROUNDS):
        for url_, into in ((url, page), (bare_url, bare)):
            wall, cpu, response = one_request(client, url_)
            into["wall"].append(wall)
            into["cpu"].append(cpu)
        assert response.status_code == 200
    assert client.get(url).status_code in (200, 404)
    return (
        {
            kind: (statistics.median(values), percentile(values, 0.95))
            for kind, values in page.items()
        },
        {
            kind: (statistics.median(values), percentile(values, 0.95))
            for kind, values in bare.items()
        },
    )


def python_calls(client, url):
    """Python function calls in one request (cProfile): a figure that, unlike time, does
    not move with the machine's load."""
    profile = cProfile.Profile()
    profile.enable()
    client.get(url)
    profile.disable()
    return pstats.Stats(profile).total_calls


def write_profile(client, name, url):
    """A pyinstrument profile of ROUNDS requests, sampled on this process's CPU time (wall
    time on a shared machine counts other processes' turns)."""
    from pyinstrument import Profiler
    from pyinstrument.stack_sampler import get_stack_sampler

    get_stack_sampler().timer_func = time.process_time
    profiler = Profiler(interval=0.0005)
    with profiler:
        for _ in range(ROUNDS):
            client.get(url)
    get_stack_sampler().timer_func = None
    path = RESULTS.parent / f"profile-{name}.txt"
    path.write_text(profiler.output_text(unicode=False, color=False))
    print(f"{'':<24}profile: {path}")


def previous_results():
    return json.loads(RESULTS.read_text()) if RESULTS.exists() else {}


def test_page_rendering(client, monkeypatch):
    from django.template import Template

    # Django's own Template._render, which the test runner replaced.
    monkeypatch.setattr(
        Template, "_render", lambda template, context: template.nodelist.render(context)
    )
    monkeypatch.setenv("DEMO_ADMIN_PASSWORD", "bench-password-1")
    call_command("load_demo", stdout=open(os.devnull, "w"))
    vendor = connection.vendor
    before = previous_results()
    bare_url = bare_wagtail_page()
    print(
        f"\nPage rendering on {vendor}, {ROUNDS} rounds each, interleaved with the bare page (ms)."
        "\nwall ratio = p95 / bare p95, cpu ratio = median CPU / bare median CPU,"
        " each against the bare page measured beside it; 'was' = the previous run's;"
        f" calls = Python calls per request (bare page: {python_calls(client, bare_url)})."
    )
    print(
        f"{'page':<24}{'median':>8}{'p95':>8}{'cpu med':>8}{'bare p95':>9}{'bare cpu':>9}"
        f"{'wall ratio':>11}{'was':>6}{'cpu ratio':>10}{'was':>6}{'queries':>8}"
        f"{'calls':>8}{'was':>8}"
    )
    for name, url in one_page_per_type().items():
        page, bare = timed(client, url, bare_url)
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        query_count = len(queries)  # counted now: the next request empties Django's log
        wall_ratio = page["wall"][1] / bare["wall"][1]
        cpu_ratio = page["cpu"][0] / bare["cpu"][0]
        prefix = f"pages.{vendor}.{name}"
        was_wall = before.get(f"{prefix}.p95_ratio_to_bare", "-")
        was_cpu = before.get(f"{prefix}.cpu_ratio_to_bare", "-")
        was_calls = before.get(f"{prefix}.python_calls", "-")
        calls = python_calls(client, url)
        print(
            f"{name:<24}{page['wall'][0]:>8.2f}{page['wall'][1]:>8.2f}{page['cpu'][0]:>8.2f}"
            f"{bare['wall'][1]:>9.2f}{bare['cpu'][0]:>9.2f}{wall_ratio:>11.2f}{was_wall:>6}"
            f"{cpu_ratio:>10.2f}{was_cpu:>6}{query_count:>8}{calls:>8}{was_calls:>8}"
        )
        record(f"{prefix}.p95_ratio_to_bare", round(wall_ratio, 2))
        record(f"{prefix}.cpu_ratio_to_bare", round(cpu_ratio, 2))
        record(f"{prefix}.median_ms", round(page["wall"][0], 2))
        record(f"{prefix}.p95_ms", round(page["wall"][1], 2))
        record(f"{prefix}.cpu_median_ms", round(page["cpu"][0], 2))
        record(f"{prefix}.queries", query_count)
        record(f"{prefix}.python_calls", calls)
        if name in os.environ.get("BENCH_PROFILE", "").split(","):
            write_profile(client, name, url)
    record(f"pages.{vendor}.bare_wagtail.p95_ms", round(bare["wall"][1], 2))
    record(f"pages.{vendor}.bare_wagtail.cpu_median_ms", round(bare["cpu"][0], 2))
