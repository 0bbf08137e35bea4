"""Memory per worker under parallel image-bomb uploads.

Gunicorn (2 sync workers, 127.0.0.1, SQLite scratch database) receives 8 parallel complaint
submissions, each a valid form with a real 12000 x 12000 JPEG (about 2 MB on the wire).
Figures: each worker's peak resident memory (VmHWM) before and after the burst.

To measure another checkout (e.g. the code before the fix), export it and point at it:
    git archive <commit> | tar -x -C /tmp/before
    BENCH_UPLOADS_CODE=/tmp/before .venv/bin/pytest tests/bench/bench_uploads.py -m bench -s
"""

import hashlib
import http.client
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.bench.results import record
from tests.conftest import free_port

pytestmark = pytest.mark.bench

ROOT = Path(__file__).resolve().parents[2]
CACHE = ROOT / ".bench"
ERROR = re.compile(r'id="id_attachments_error"[^>]*>\s*(?:<[^>]+>\s*)*([^<]+)')
WORKERS = 2
PARALLEL = 8
SIDE = 12_000
CODE = Path(os.environ.get("BENCH_UPLOADS_CODE", ROOT)).resolve()
MAKE_BOMB = f"""
from PIL import Image, ImageDraw
image = Image.new("RGB", ({SIDE}, {SIDE}), "white")
draw = ImageDraw.Draw(image)
for x in range(0, {SIDE}, 400):
    draw.line([(x, 0), ({SIDE} - x, {SIDE})], fill=(x % 256, 90, 160), width=3)
image.save(r"{{path}}", "JPEG", quality=70)
"""
MAKE_CATEGORY = """
from wagtail.models import Locale
from complaint_forms.models import Category
locale, _ = Locale.objects.get_or_create(language_code="id")
print(Category.objects.create(name="Jalan", locale=locale).pk)
"""


def _env(database):
    return {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "DJANGO_SETTINGS_MODULE": "site_core.settings.dev",
        "DEBUG": "false",
        "DATABASE_URL": f"sqlite:///{database}",
        "MEDIA_ROOT": str(database.parent / "media"),
        "PRIVATE_MEDIA_ROOT": str(database.parent / "private"),
        "COMPLAINT_SUBMIT_RATE": "1000/h",
        "PYTHONPATH": str(CODE),
    }


@pytest.fixture(scope="module")
def bomb():
    path = CACHE / f"bomb-{SIDE}-v2.jpg"
    if not path.exists():
        CACHE.mkdir(exist_ok=True)
        script = MAKE_BOMB.replace("{path}", str(path))
        subprocess.run([sys.executable, "-c", script], check=True, timeout=300)  # noqa: S603
    return path.read_bytes()


@pytest.fixture(scope="module")
def database(tmp_path_factory):
    """A migrated SQLite file with one category, cached per set of migrations."""
    migrations = sorted(p.name for p in CODE.glob("*/migrations/0*.py"))
    key = hashlib.sha256("\n".join(migrations).encode()).hexdigest()[:12]
    template = CACHE / f"uploads-db-{key}.sqlite3"
    python = str(ROOT / ".venv" / "bin" / "python")
    if not template.exists():
        CACHE.mkdir(exist_ok=True)
        building = template.with_suffix(".building")
        building.unlink(missing_ok=True)
        manage = [python, "manage.py"]
        run = {"cwd": CODE, "env": _env(building), "check": True, "timeout": 600}
        subprocess.run([*manage, "migrate", "-v0"], **run)  # noqa: S603
        subprocess.run([*manage, "shell", "-c", MAKE_CATEGORY], **run)  # noqa: S603
        building.rename(template)
    work = tmp_path_factory.mktemp("uploads") / "db.sqlite3"
    shutil.copy(template, work)
    category = subprocess.run(  # noqa: S603
        [
            python,
            "manage.py",
            "shell",
            "-c",
            "from complaint_forms.models import Category;print(Category.objects.first().pk)",
        ],
        cwd=CODE,
        env=_env(work),
        check=True,
        capture_output=True,
        text=True,
        timeout=120,
    ).stdout.split()[-1]
    return work, category


@pytest.fixture(scope="module")
def server(database):
    path, category = database
    port = free_port()
    gunicorn = str(ROOT / ".venv" / "bin" / "gunicorn")
    process = subprocess.Popen(  # noqa: S603
        [
            gunicorn,
            "site_core.wsgi",
            "-w",
            str(WORKERS),
            "-b",
            f"127.0.0.1:{port}",
            "--timeout",
            "120",
            "--chdir",
            str(CODE),
        ],
        cwd=CODE,
        env=_env(path),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while len(_workers(process.pid)) < WORKERS or not _answers(port):
            assert time.monotonic() < deadline, "gunicorn did not start"
            time.sleep(0.5)
        yield process.pid, port, category
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)


def _answers(port):
    try:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        connection.request("GET", "/id/")
        connection.getresponse().read()
        return True
    except OSError:
        return False


def _workers(master):
    try:
        children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    except FileNotFoundError:
        return []
    return [int(pid) for pid in children]


def _status_kb(pid, field):
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise LookupError(field)


def _submit(port, category, image):
    """One complaint submission with `image` attached; returns (status, body)."""
    secret = "a" * 32  # an unmasked CSRF secret: accepted as cookie and form token
    fields = {
        "csrfmiddlewaretoken": secret,
        "kind": "pengaduan",
        "category": category,
        "title": "Jalan berlubang",
        "description": "Lubang besar di depan sekolah, sudah seminggu.",
        "incident_date": "2026-01-05",
        "kecamatan": "banjarbaru-utara",
        "kelurahan": "Komet",
        "privacy": "public",
        "reporter_name": "Budi",
        "reporter_email": "budi@example.test",
        "contact_channel": "email",
        "consent": "on",
        "website": "",
        "idempotency_key": str(uuid.uuid4()),
    }
    boundary = uuid.uuid4().hex
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
        for name, value in fields.items()
    ]
    parts.append(
        f'--{boundary}\r\nContent-Disposition: form-data; name="attachments"; '
        f'filename="foto.jpg"\r\nContent-Type: image/jpeg\r\n\r\n'.encode()
        + image
        + b"\r\n"
    )
    body = b"".join(parts) + f"--{boundary}--\r\n".encode()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    connection.request(
        "POST",
        "/id/laporan/kirim/",
        body=body,
        headers={
            "Content-Type": f"multipart/form-data; boundary={boundary}",
            "Cookie": f"csrftoken={secret}",
        },
    )
    response = connection.getresponse()
    return response.status, response.read()


def test_peak_memory_per_worker_under_parallel_bomb_uploads(server, bomb):
    from tests.bombs import small_jpeg

    master, port, category = server
    for _ in range(2 * WORKERS):  # warm every worker up with a normal photo
        status, _body = _submit(port, category, small_jpeg())
        assert status in (302, 400), status
    workers = _workers(master)
    before = {pid: _status_kb(pid, "VmHWM") for pid in workers}
    started = time.perf_counter()
    with ThreadPoolExecutor(PARALLEL) as pool:
        results = list(pool.map(lambda _n: _submit(port, category, bomb), range(PARALLEL)))
    elapsed = time.perf_counter() - started
    after = {pid: _status_kb(pid, "VmHWM") for pid in workers}
    statuses = sorted({status for status, _body in results})
    errors = sorted(
        {m.group(1).strip() for _s, body in results for m in ERROR.finditer(body.decode())}
    )
    growth = {pid: (after[pid] - before[pid]) // 1024 for pid in workers}
    label = "this checkout" if CODE == ROOT else str(CODE)
    print(  # noqa: T201 - a benchmark prints its figures
        f"\nuploads ({label}): {PARALLEL} parallel {SIDE}x{SIDE} JPEG uploads "
        f"({len(bomb) / 1e6:.1f} MB each) to {WORKERS} gunicorn workers: answers {statuses}, "
        f"{elapsed:.1f} s; attachment errors: {errors}"
    )
    for pid in workers:
        print(  # noqa: T201
            f"  worker {pid}: peak RSS {before[pid] // 1024} MB before, "
            f"{after[pid] // 1024} MB after (+{growth[pid]} MB)"
        )
    if CODE == ROOT:
        record("uploads.bomb_peak_rss_mb_per_worker", max(after.values()) // 1024)
        record("uploads.bomb_peak_growth_mb_per_worker", max(growth.values()))
        assert statuses == [400]
        # Refused from the header: no worker grows by anything like a decoded image (432 MB).
        assert max(growth.values()) < 50
