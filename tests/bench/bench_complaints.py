"""Report submissions through the real view and database: throughput, and a concurrency
run (parallel clients, each thread on its own database connection, every submission sent
twice as a double-click) that checks every accepted submission is stored exactly once.

Runs against whatever DATABASE_URL is set (SQLite by default; PostgreSQL in CI)."""

import statistics
import threading
import time
import uuid

from django.db import connection, connections
from django.db.models import Count
from django.test import Client

import pytest

from complaint_forms.models import Report
from tests.bench.results import record
from tests.complaint_forms.factories import CategoryFactory, ReportPageFactory

pytestmark = [pytest.mark.bench, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

SUBMIT = "/id/laporan/kirim/"
SEQUENTIAL = 200
THREADS = 16
PER_THREAD = 10


@pytest.fixture
def bench_site(home, settings):
    settings.COMPLAINT_SUBMIT_RATE = "1000000/m"
    category = CategoryFactory()
    page = ReportPageFactory(parent=home)
    page.save_revision().publish()
    return category


def payload(category, key=None):
    return {
        "kind": "pengaduan",
        "category": str(category.pk),
        "title": "Lampu jalan mati",
        "description": "Lampu jalan di depan sekolah mati sejak seminggu.",
        "kecamatan": "cempaka",
        "kelurahan": "Palam",
        "privacy": "public",
        "reporter_name": "Budi",
        "reporter_email": "budi@example.test",
        "contact_channel": "email",
        "consent": "on",
        "website": "",
        "idempotency_key": key or str(uuid.uuid4()),
    }


def _label():
    return connection.vendor


def test_sequential_submissions_per_second(bench_site):
    client = Client()
    durations = []
    started = time.perf_counter()
    for _ in range(SEQUENTIAL):
        begin = time.perf_counter()
        response = client.post(SUBMIT, payload(bench_site))
        durations.append(time.perf_counter() - begin)
        assert response.status_code == 302
    elapsed = time.perf_counter() - started
    rate = SEQUENTIAL / elapsed
    p50 = statistics.median(durations) * 1000
    p95 = statistics.quantiles(durations, n=20)[18] * 1000
    print(  # noqa: T201 - a benchmark prints its figures
        f"\n[{_label()}] {SEQUENTIAL} sequential submissions: {rate:.1f}/s, "
        f"p50 {p50:.1f} ms, p95 {p95:.1f} ms"
    )
    record(f"complaint_forms.{_label()}.submissions_per_second", round(rate, 1))
    record(f"complaint_forms.{_label()}.submission_p95_ms", round(p95, 1))
    assert Report.objects.count() == SEQUENTIAL


def test_parallel_double_clicked_submissions_are_stored_once(bench_site):
    accepted, refused, errors = {}, [], []
    lock = threading.Lock()
    barrier = threading.Barrier(THREADS)
    keys = [[str(uuid.uuid4()) for _ in range(PER_THREAD)] for _ in range(THREADS)]

    def worker(index):
        # A server error is an answer the citizen sees (and retries), not a crash here.
        client = Client(REMOTE_ADDR=f"10.0.{index}.1", raise_request_exception=False)
        barrier.wait()
        try:
            for number, key in enumerate(keys[index]):
                # Each report is sent twice: by this thread and, as a concurrent
                # "double click", by the neighbouring thread.
                for own_key in (key, keys[(index + 1) % THREADS][number]):
                    try:
                        response = client.post(SUBMIT, payload(bench_site, own_key))
                    except Exception as error:  # noqa: BLE001 - count, don't crash
                        with lock:
                            errors.append(repr(error)[:200])
                        continue
                    with lock:
                        if response.status_code == 302:
                            accepted.setdefault(own_key, set()).add(response["Location"])
                        else:
                            refused.append(response.status_code)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(THREADS)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    posts = THREADS * PER_THREAD * 2
    stored = Report.objects.filter(idempotency_key__in=list(accepted)).count()
    print(  # noqa: T201 - a benchmark prints its figures
        f"\n[{_label()}] {THREADS} parallel clients, {posts} POSTs ({posts // 2} reports, "
        f"each sent twice) in {elapsed:.2f}s = {posts / elapsed:.1f} POST/s; "
        f"accepted {len(accepted)} reports, stored {Report.objects.count()}, "
        f"refused {len(refused)} (status codes {sorted(set(refused))}), errors {len(errors)}"
    )
    record(f"complaint_forms.{_label()}.parallel_posts_per_second", round(posts / elapsed, 1))
    record(f"complaint_forms.{_label()}.parallel_accepted_reports", len(accepted))
    record(f"complaint_forms.{_label()}.parallel_refused", len(errors) + len(refused))
    record(f"complaint_forms.{_label()}.parallel_stored_reports", Report.objects.count())
    # Every accepted submission is stored exactly once, and both clicks saw the same report.
    assert stored == len(accepted)
    assert all(len(locations) == 1 for locations in accepted.values())
    duplicates = Report.objects.values("idempotency_key").annotate(n=Count("pk")).filter(n__gt=1)
    assert not duplicates.exists()
    assert Report.objects.count() <= THREADS * PER_THREAD
