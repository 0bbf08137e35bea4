"""Load figures for the stack that `make stack` runs (Varnish -> gunicorn, PostgreSQL, Redis).

`make loadtest` starts the stack, runs this and stops it. Each figure is printed beside the
one it should be compared with, measured in the same run on the same machine: cached pages as
a share of a static file from the same front cache; uncached pages straight from gunicorn;
report submissions by 100 concurrent citizens (none lost, none stored twice); a publish seen
through the cache under load; and worker memory over a soak (SOAK_SECONDS, default 600).
Traffic goes to 127.0.0.1 only, and every loop is bounded in time.
"""

import json
import os
import random
import re
import shutil
import statistics
import subprocess  # noqa: S404 - runs wrk against 127.0.0.1 with fixed arguments
import sys
import threading
import time
import uuid
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import quote, urlsplit

import requests

FRONT = os.environ.get("STACK_FRONT", "http://127.0.0.1:8080")
APP = os.environ.get("STACK_APP", "http://127.0.0.1:8001")
DURATION = os.environ.get("LOAD_SECONDS", "10")
SOAK_SECONDS = int(os.environ.get("SOAK_SECONDS", "600"))
CITIZENS = int(os.environ.get("CITIZENS", "100"))
REPORTS_PER_CITIZEN = int(os.environ.get("REPORTS_PER_CITIZEN", "5"))


def wrk(url, connections=20):
    """Requests per second that wrk measured for one URL."""
    if not shutil.which("wrk"):
        sys.exit("wrk is missing: apt-get install wrk")
    result = subprocess.run(  # noqa: S603
        ["wrk", "-t2", f"-c{connections}", f"-d{DURATION}s", url],  # noqa: S607
        capture_output=True,
        text=True,
        check=True,
    )
    rate = re.search(r"Requests/sec:\s+([\d.]+)", result.stdout)
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", result.stdout)
    return float(rate.group(1)), int(non_2xx.group(1)) if non_2xx else 0


def gunicorn_workers():
    """PIDs of the workers of the stack's gunicorn master (its pid file), read from /proc:
    other gunicorns on a shared machine are not counted."""
    master = Path(os.environ.get("GUNICORN_PID_FILE", ".stack/gunicorn.pid")).read_text().strip()
    workers = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            fields = dict(line.split(":", 1) for line in status.read_text().splitlines())
        except (OSError, ValueError):
            continue
        if fields.get("PPid", "").strip() == master:
            workers.append(int(status.parent.name))
    return sorted(workers)


def cpu_seconds(pids):
    """User + system CPU time the processes have used so far (from /proc/<pid>/stat)."""
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime in clock ticks
    return total / os.sysconf("SC_CLK_TCK")


def postgres_backends():
    """PIDs of the PostgreSQL server processes serving the web workers' connections
    (stack.sh names them with PGAPPNAME=lapor-web; the task worker's are lapor-worker):
    when the server runs on this machine, the CPU a post costs the database is read from
    /proc too."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
            "AND application_name = 'lapor-web' AND pid <> pg_backend_pid()"
        )
        return [row[0] for row in cursor.fetchall()]


def rss_mb(pid):
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def report_form():
    """The report page's address and a category the form offers."""
    html = requests.get(f"{FRONT}/id/lapor/", timeout=10).text
    category = re.search(r'<option value="(\d+)"', html).group(1)
    return f"{FRONT}/id/laporan/kirim/", category


def submit_reports(submit_url, category, measure):
    """Every citizen fetches the form (CSRF cookie); once all have it, they send their
    reports at once, the first one double-clicked (two identical posts at the same time).
    `measure()` is called when a phase starts and returns a function called when it ends:
    once for the form pages (`outcomes["form_pages"]`), once for the posts."""
    outcomes = {"sent": 0, "accepted": 0, "failed": 0, "codes": set(), "doubles": 0}
    outcomes["statuses"] = Counter()
    lock = threading.Lock()
    ready = threading.Barrier(CITIZENS + 1)

    def post(session, data):
        response = session.post(
            submit_url,
            data=data,
            headers={"Referer": submit_url},
            allow_redirects=False,
            timeout=60,
        )
        with lock:
            outcomes["sent"] += 1
            if response.status_code in (302, 303):
                return response.headers["Location"]
            outcomes["failed"] += 1
            outcomes["statuses"][response.status_code] += 1
        return None

    def citizen(number):
        session = requests.Session()
        page = session.get(f"{FRONT}/id/lapor/", timeout=60).text
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        twin = requests.Session()  # the same browser's second, simultaneous request
        twin.cookies.update(session.cookies)
        ready.wait()
        for attempt in range(REPORTS_PER_CITIZEN):
            data = {
                "csrfmiddlewaretoken": token,
                "kind": "complaint",
                "category": category,
                "title": f"Uji beban {number}-{attempt}",
                "description": "Lampu jalan di depan sekolah mati sejak seminggu yang lalu.",
                "kecamatan": "banjarbaru-utara",
                "kelurahan": "Komet",
                "privacy": "anonymous",
                "contact_channel": "none",
                "consent": "on",
                "website": "",
                "idempotency_key": str(uuid.uuid4()),
            }
            if attempt == 0:
                with ThreadPoolExecutor(1) as other_click:
                    second = other_click.submit(post, twin, data)
                    codes = [post(session, data), second.result()]
            else:
                codes = [post(session, data)]
            codes = {code for code in codes if code}
            with lock:
                outcomes["accepted"] += 1 if codes else 0
                outcomes["codes"] |= codes
                outcomes["doubles"] += len(codes) - 1 if len(codes) > 1 else 0

    finish_form_pages = measure()
    with ThreadPoolExecutor(CITIZENS) as pool:
        futures = [pool.submit(citizen, number) for number in range(CITIZENS)]
        ready.wait()
        outcomes["form_pages"] = finish_form_pages()
        started = time.perf_counter()
        finish = measure()
        for future in futures:
            future.result()
        outcomes["seconds"] = time.perf_counter() - started
        outcomes.update(finish())
    return outcomes


# A visitor with display preferences gets a variant of each page of their own.
DISPLAY_COOKIE = 'display="text=large;contrast=high"'


def publish_seen_within(page_url, publish):
    """Seconds from a publish until the front cache serves the new title, to a visitor
    without preferences and to one with them (each variant must be purged)."""
    marker = f"Diperbarui {uuid.uuid4().hex[:8]}"
    started = time.perf_counter()
    publish(marker)
    seen = {}
    variants = {"plain": {}, "display preference": {"Cookie": DISPLAY_COOKIE}}
    while time.perf_counter() - started < 30 and len(seen) < len(variants):
        for name, headers in variants.items():
            if name in seen:
                continue
            try:
                if marker in requests.get(page_url, headers=headers, timeout=10).text:
                    seen[name] = time.perf_counter() - started
            except requests.RequestException:
                pass  # a slow answer under load is not the new page either
        time.sleep(0.05)
    return seen


def cached_through_front(url, headers=None):
    requests.get(url, headers=headers, timeout=30)
    return requests.get(url, headers=headers, timeout=30).headers.get("X-Cache") == "HIT"


def django_publisher():
    """A page the front cache keeps (a page with a form is never cached, so its publish
    would say nothing about purging), its address through the cache, and a publish."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    import django

    django.setup()
    from wagtail.models import Page

    from search.models import AnswerPage

    candidates = [
        *AnswerPage.objects.live().filter(locale__language_code="id")[:3],
        *Page.objects.live().filter(locale__language_code="id", depth__gte=3)[:40],
    ]
    for candidate in candidates:
        page = candidate.specific
        url = page.full_url.replace(page.get_site().root_url, FRONT)
        if cached_through_front(url) and cached_through_front(url, {"Cookie": DISPLAY_COOKIE}):
            break
    else:
        return None, None, None

    def publish(marker):
        revision = page.get_latest_revision_as_object()
        revision.title = f"{marker} {page.title}"[:255]
        revision.save_revision().publish()

    return url, type(page).__name__, publish


def connection_vendor():
    from django.db import connection

    return connection.vendor


def count_reports():
    from complaint_forms.models import Report

    return Report.objects.count()


def cache_figures():
    static_rate, _ = wrk(f"{FRONT}/static/site_core/css/site.css")
    wrk(f"{FRONT}/id/")  # warm the cache
    cached_rate, cached_errors = wrk(f"{FRONT}/id/")
    uncached_rate, uncached_errors = wrk(f"{APP}/id/", connections=8)
    print(f"| static file via Varnish | {static_rate:,.0f} req/s |")
    print(
        f"| home page, cached       | {cached_rate:,.0f} req/s | "
        f"{cached_rate / static_rate:.0%} of static | non-2xx {cached_errors} |"
    )
    print(f"| home page, uncached     | {uncached_rate:,.0f} req/s | non-2xx {uncached_errors} |")
    return True


def submission_figures():
    before = count_reports()
    submit_url, category = report_form()
    workers = gunicorn_workers()
    on_postgres = connection_vendor() == "postgresql"

    def measure():
        """CPU used by gunicorn's workers and the database's server processes from now.
        Database connections come and go (DB_CONN_MAX_AGE): their CPU is sampled every
        0.2 s, so one that closes during the run still counts (up to its last sample)."""
        cpu_before = cpu_seconds(workers)
        first, last = {}, {}
        done = threading.Event()

        def sample(connection_opened_now=False):
            for pid in postgres_backends() if on_postgres else []:
                used = cpu_seconds([pid])
                if used:  # 0 when it has just gone
                    first.setdefault(pid, 0 if connection_opened_now else used)
                    last[pid] = used

        def sampler():
            from django.db import connection

            while not done.wait(0.2):
                sample(connection_opened_now=True)
            connection.close()

        sample()
        thread = threading.Thread(target=sampler, daemon=True)
        thread.start()

        def finish():
            done.set()
            thread.join()
            sample(connection_opened_now=True)
            return {
                "worker_cpu": cpu_seconds(workers) - cpu_before,
                "db_cpu": sum(last[pid] - first[pid] for pid in last),
            }

        return finish

    outcomes = submit_reports(submit_url, category, measure)
    sent = max(outcomes["sent"], 1)
    worker_cpu_ms = outcomes["worker_cpu"] * 1000 / sent
    db_cpu_ms = outcomes["db_cpu"] * 1000 / sent
    stored = count_reports() - before
    print(
        f"| submissions, {CITIZENS} citizens | {outcomes['sent'] / outcomes['seconds']:.1f} "
        f"posts/s | {outcomes['accepted']} reports accepted, {stored} stored, "
        f"{len(outcomes['codes'])} tracking codes, {outcomes['doubles']} doubled, "
        f"{outcomes['failed']} failed posts {dict(outcomes['statuses'])} |"
    )
    # The machine may be shared: the CPU a post costs does not depend on that, and the
    # number of posts a second the server can take follows it.
    print(
        f"| gunicorn worker CPU per post | {worker_cpu_ms:.1f} ms | "
        f"at most {os.cpu_count() * 1000 / max(worker_cpu_ms, 0.1):.0f} posts/s on "
        f"{os.cpu_count()} idle cores, workers only |"
    )
    if on_postgres:
        total_ms = worker_cpu_ms + db_cpu_ms
        print(
            f"| PostgreSQL CPU per post (web connections) | {db_cpu_ms:.1f} ms | workers + db "
            f"{total_ms:.1f} ms: at most {os.cpu_count() * 1000 / max(total_ms, 0.1):.0f} "
            f"posts/s on {os.cpu_count()} idle cores |"
        )
    # Each citizen fetched the form page once, before their reports: a citizen who sends
    # one report costs a page and a post.
    form_page = outcomes["form_pages"]
    form_page_ms = (form_page["worker_cpu"] + form_page["db_cpu"]) * 1000 / CITIZENS
    flow_ms = worker_cpu_ms + db_cpu_ms + form_page_ms
    print(
        f"| form page CPU per citizen (workers + db) | {form_page_ms:.1f} ms | page + post "
        f"{flow_ms:.1f} ms: at most {os.cpu_count() * 1000 / max(flow_ms, 0.1):.0f} "
        f"one-report citizens/s on {os.cpu_count()} idle cores |"
    )
    return stored == outcomes["accepted"] and outcomes["doubles"] == 0


def publish_figures():
    page_url, kind, publish = django_publisher()
    if page_url is None:
        print("| publish under load | no page is kept by the front cache |")
        return False
    load = subprocess.Popen(  # noqa: S603
        ["wrk", "-t1", "-c10", f"-d{DURATION}s", page_url],  # noqa: S607
        stdout=subprocess.DEVNULL,
    )
    time.sleep(2)
    seen = publish_seen_within(page_url, publish)
    load.wait()
    for variant in ("plain", "display preference"):
        print(
            f"| publish under load seen through the cache ({kind}, {variant}) | "
            + (f"{seen[variant]:.2f} s |" if variant in seen else "NOT seen within 30 s |")
        )
    return len(seen) == 2


def soak_paths():
    """Many citizens' URLs, so caches that grow with them are exercised: every sitemap page,
    every bench query, statistics ranges, tracking codes that do not exist."""
    sitemap = requests.get(f"{APP}/sitemap.xml", timeout=30).text
    pages = [urlsplit(url).path for url in re.findall(r"<loc>([^<]+)</loc>", sitemap)]
    queries = []
    data = Path(__file__).resolve().parent.parent / "search" / "data" / "knowledge_base"
    for name in sorted(data.glob("queries_*_*.jsonl")):
        language = name.stem.rsplit("_", 1)[1]
        search = "/id/cari/" if language == "id" else "/en/search/"
        for line in name.read_text().splitlines():
            queries.append(f"{search}?q={quote(json.loads(line)['q'])}")
    months = [f"/id/data/?from=2026-{a:02}&to=2026-{b:02}" for a in range(1, 13) for b in (a, 12)]
    chance = random.Random(13)  # noqa: S311 - a repeatable mix, not a secret
    tracking = [
        f"/id/laporan/lacak/?kode=BJB-{chance.randrange(16**4):04X}-{chance.randrange(16**4):04X}"
        for _ in range(200)
    ]
    paths = pages + queries + months + tracking
    chance.shuffle(paths)
    return paths


def soak_figures():
    """Worker memory over the soak, sampled every 10 s, for each worker gunicorn ran in it.

    A worker's slope (MB/min) is taken after its warm-up (SOAK_WARMUP_SECONDS of its life,
    default 120: imports, templates and connections loaded on first use) up to its last
    sample. gunicorn replaces a worker after max_requests (deploy/gunicorn.conf.py): a
    replaced worker's line ends at "replaced", and its successor starts small again, so the
    figure for flat memory is the slope of workers that lived long enough, not the RSS at
    the end."""
    warmup = int(os.environ.get("SOAK_WARMUP_SECONDS", "120"))
    series = {}  # pid -> [(seconds into the soak, MB)]
    begun = time.monotonic()

    def sample():
        for pid in gunicorn_workers():
            try:
                series.setdefault(pid, []).append((time.monotonic() - begun, rss_mb(pid)))
            except OSError:
                pass  # replaced since it was listed

    load_before = os.getloadavg()[0]
    sample()
    started = set(series)
    deadline = begun + SOAK_SECONDS
    next_sample = begun + 10
    paths = soak_paths()
    statuses = Counter()
    soak_requests = 0
    with requests.Session() as session:
        while time.monotonic() < deadline:
            path = paths[soak_requests % len(paths)]
            statuses[session.get(f"{APP}{path}", timeout=30).status_code] += 1
            soak_requests += 1
            if time.monotonic() >= next_sample:
                sample()
                next_sample += 10
    sample()
    alive = set(gunicorn_workers())
    replaced = sorted(set(series) - alive)
    print(
        f"| soak {SOAK_SECONDS} s | {soak_requests} uncached requests over {len(paths)} "
        f"distinct URLs (pages, searches, statistics ranges, tracking codes), "
        f"{soak_requests / SOAK_SECONDS:.0f}/s, one client, answers "
        f"{dict(sorted(statuses.items()))} | load average "
        f"{load_before:.2f} at start, {os.getloadavg()[0]:.2f} at end ({os.cpu_count()} cores) |"
    )
    slopes = []
    for pid, points in sorted(series.items(), key=lambda item: item[1][0][0]):
        born, first = points[0]
        last_at, last = points[-1]
        fate = "replaced (max_requests)" if pid in replaced else "still serving"
        origin = "from the start" if pid in started else f"started at {born:.0f} s"
        warm = [(at, mb) for at, mb in points if at - born >= warmup]
        if len(warm) >= 2 and warm[-1][0] - warm[0][0] >= 60:
            minutes = (warm[-1][0] - warm[0][0]) / 60
            slope = (warm[-1][1] - warm[0][1]) / minutes
            slopes.append(slope)
            trend = (
                f"{warm[0][1]:.1f} MB at {warm[0][0]:.0f} s -> {warm[-1][1]:.1f} MB: "
                f"{slope:+.2f} MB/min over {minutes:.1f} min after warm-up"
            )
        else:
            trend = "too short a life after its warm-up for a slope"
        print(
            f"| worker {pid}, {origin}, {fate} | RSS {first:.1f} MB at {born:.0f} s -> "
            f"{last:.1f} MB at {last_at:.0f} s | {trend} |"
        )
    print(
        f"| workers | {len(started)} at start, {len(replaced)} replaced by max_requests during "
        f"the soak | slope after warm-up, median of {len(slopes)} workers: "
        + (f"{statistics.median(slopes):+.2f} MB/min |" if slopes else "none long-lived |")
    )
    by_minute = []
    for minute in range(SOAK_SECONDS // 60 + 1):
        now = [
            mb
            for points in series.values()
            for at, mb in points
            if minute * 60 <= at < minute * 60 + 10
        ]
        if now:
            by_minute.append(f"{statistics.median(now):.1f}/{max(now):.1f}")
    print(f"| worker RSS by minute (median/largest of the workers, MB) | {', '.join(by_minute)} |")
    return True


PARTS = {
    "cache": cache_figures,
    "submit": submission_figures,
    "publish": publish_figures,
    "soak": soak_figures,
}


def main():
    """LOADTEST_PARTS (comma-separated, default all) picks the parts to run."""
    chosen = os.environ.get("LOADTEST_PARTS", ",".join(PARTS)).split(",")
    print(f"Stack at {FRONT} (gunicorn at {APP}); wrk {DURATION} s per URL, 20 connections")
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    import django

    django.setup()
    results = [PARTS[name.strip()]() for name in chosen]
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
