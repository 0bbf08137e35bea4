"""Load figures for the stack that `make stack` runs (Varnish -> gunicorn, PostgreSQL, Redis).

`make loadtest` starts the stack, runs this and stops it. Each figure is printed beside the
one it should be compared with, measured in the same run on the same machine: cached pages as
a share of a static file from the same front cache; uncached pages straight from gunicorn;
report submissions by 100 concurrent citizens (none lost, none stored twice); a publish seen
through the cache under load; and worker memory over a soak (SOAK_SECONDS, default 600).
Traffic goes to 127.0.0.1 only, and every loop is bounded in time.
"""

import os
import re
import shutil
import subprocess  # noqa: S404 - runs wrk against 127.0.0.1 with fixed arguments
import sys
import threading
import time
import uuid
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

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
    """PIDs of the PostgreSQL server processes serving the stack's database (gunicorn's
    connections, the worker's, the scheduler's), not this script's own: when the server
    runs on this machine, the CPU a post costs the database is read from /proc too."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
            "AND pid <> pg_backend_pid()"
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


def submit_reports(submit_url, category):
    """Every citizen: fetch the form (CSRF cookie), send reports, double-click one."""
    outcomes = {"sent": 0, "accepted": 0, "failed": 0, "codes": set(), "doubles": 0}
    outcomes["statuses"] = Counter()
    lock = threading.Lock()

    def citizen(number):
        session = requests.Session()
        page = session.get(f"{FRONT}/id/lapor/", timeout=30).text
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        for attempt in range(REPORTS_PER_CITIZEN):
            key = str(uuid.uuid4())
            data = {
                "csrfmiddlewaretoken": token,
                "kind": "pengaduan",
                "category": category,
                "title": f"Uji beban {number}-{attempt}",
                "description": "Lampu jalan di depan sekolah mati sejak seminggu yang lalu.",
                "kecamatan": "banjarbaru-utara",
                "kelurahan": "Komet",
                "privacy": "anonymous",
                "contact_channel": "none",
                "consent": "on",
                "website": "",
                "idempotency_key": key,
            }
            tries = 2 if attempt == 0 else 1  # the first report is sent twice (a double-click)
            codes = set()
            for _ in range(tries):
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
                    codes.add(response.headers["Location"])
                else:
                    with lock:
                        outcomes["failed"] += 1
                        outcomes["statuses"][response.status_code] += 1
            with lock:
                outcomes["accepted"] += 1 if codes else 0
                outcomes["codes"] |= codes
                outcomes["doubles"] += len(codes) - 1 if len(codes) > 1 else 0

    started = time.perf_counter()
    with ThreadPoolExecutor(CITIZENS) as pool:
        list(pool.map(citizen, range(CITIZENS)))
    outcomes["seconds"] = time.perf_counter() - started
    return outcomes


def publish_seen_within(page_url, publish):
    """Seconds from a publish until the front cache serves the new title."""
    marker = f"Diperbarui {uuid.uuid4().hex[:8]}"
    started = time.perf_counter()
    publish(marker)
    while time.perf_counter() - started < 30:
        try:
            if marker in requests.get(page_url, timeout=10).text:
                return time.perf_counter() - started
        except requests.RequestException:
            pass  # a slow answer under load is not the new page either
        time.sleep(0.05)
    return None


def django_publisher():
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    import django

    django.setup()
    from search.models import AnswerPage

    page = AnswerPage.objects.live().filter(locale__language_code="id").first()

    def publish(marker):
        revision = page.get_latest_revision_as_object()
        revision.title = f"{marker} {page.title}"[:255]
        revision.save_revision().publish()

    return page.full_url.replace(page.get_site().root_url, FRONT), publish


def connection_vendor():
    from django.db import connection

    return connection.vendor


def count_reports():
    from complaint_forms.models import Report

    return Report.objects.count()


def main():
    print(f"Stack at {FRONT} (gunicorn at {APP}); wrk {DURATION} s per URL, 20 connections")
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

    page_url, publish = django_publisher()
    before = count_reports()
    submit_url, category = report_form()
    workers = gunicorn_workers()
    on_postgres = connection_vendor() == "postgresql"
    backends = postgres_backends() if on_postgres else []
    cpu_before = cpu_seconds(workers)
    db_cpu_before = {pid: cpu_seconds([pid]) for pid in backends}
    outcomes = submit_reports(submit_url, category)
    worker_cpu_ms = (cpu_seconds(workers) - cpu_before) * 1000 / max(outcomes["sent"], 1)
    # Connections opened during the run count from zero.
    backends = set(backends) | set(postgres_backends() if on_postgres else [])
    db_cpu = sum(cpu_seconds([pid]) - db_cpu_before.get(pid, 0) for pid in backends)
    db_cpu_ms = db_cpu * 1000 / max(outcomes["sent"], 1)
    stored = count_reports() - before
    print(
        f"| submissions, {CITIZENS} citizens | {outcomes['sent'] / outcomes['seconds']:.1f} "
        f"posts/s | {outcomes['accepted']} reports accepted, {stored} stored, "
        f"{len(outcomes['codes'])} tracking codes, {outcomes['doubles']} doubled, "
        f"{outcomes['failed']} failed posts {dict(outcomes['statuses'])} |"
    )
    # The machine may be shared: the CPU a post costs the workers does not depend on that.
    print(
        f"| gunicorn worker CPU per post | {worker_cpu_ms:.1f} ms | "
        f"at most {os.cpu_count() * 1000 / max(worker_cpu_ms, 0.1):.0f} posts/s on "
        f"{os.cpu_count()} idle cores, workers only |"
    )
    if on_postgres:
        total_ms = worker_cpu_ms + db_cpu_ms
        print(
            f"| PostgreSQL CPU per post | {db_cpu_ms:.1f} ms | workers + database "
            f"{total_ms:.1f} ms: at most {os.cpu_count() * 1000 / max(total_ms, 0.1):.0f} "
            f"posts/s on {os.cpu_count()} idle cores |"
        )

    load = subprocess.Popen(  # noqa: S603
        ["wrk", "-t1", "-c10", f"-d{DURATION}s", page_url],  # noqa: S607
        stdout=subprocess.DEVNULL,
    )
    time.sleep(2)
    seen = publish_seen_within(page_url, publish)
    load.wait()
    print(
        f"| publish under load seen through the cache | {seen:.2f} s |"
        if seen
        else "| publish under load | NOT seen within 30 s |"
    )

    workers = gunicorn_workers()
    start_rss = {pid: rss_mb(pid) for pid in workers}
    deadline = time.monotonic() + SOAK_SECONDS
    soak_requests = 0
    while time.monotonic() < deadline:
        for path in ("/id/", "/id/tanya-jawab/", "/id/program/", "/id/lapor/"):
            requests.get(f"{APP}{path}", timeout=30)
            soak_requests += 1
    end_rss = {pid: rss_mb(pid) for pid in workers if Path(f"/proc/{pid}").exists()}
    growth = [end_rss[pid] - start_rss[pid] for pid in end_rss]
    print(
        f"| soak {SOAK_SECONDS} s, {soak_requests} uncached requests | worker RSS "
        f"{min(start_rss.values()):.0f}-{max(start_rss.values()):.0f} MB -> "
        f"{min(end_rss.values()):.0f}-{max(end_rss.values()):.0f} MB, "
        f"largest growth {max(growth):+.1f} MB |"
    )
    return 0 if stored == outcomes["accepted"] and outcomes["doubles"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
