"""The front cache's VCL (deploy/varnish.vcl) against a real varnishd: a fetch already under
way when a purge arrives (a background refresh of a page in grace, or a first fetch) must
not store the page as it was before the change. Without the guard in the VCL the old page
came back for the page's whole time to live.

The application behind Varnish is a small server of the test's own, which answers with the
page as it was when the request arrived (as a render reads the database before the change
commits) and can be made to hold its answer, so the race happens every time."""

import os
import shutil
import subprocess
import tempfile
import threading
import time
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from site_core import purging
from tests.conftest import free_port

VCL = Path(__file__).resolve().parents[2] / "deploy" / "varnish.vcl"
PAGE = "/halaman/"


def _ports():
    """Two free ports, or VARNISH_TEST_PORTS="front,origin" on a machine where each user
    has a range of their own."""
    fixed = os.environ.get("VARNISH_TEST_PORTS")
    if fixed:
        front, origin = (int(port) for port in fixed.split(","))
        return front, origin
    return free_port(), free_port()


class _OriginHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):  # noqa: N802 (http.server's naming)
        origin = self.server.origin
        if self.path == "/healthz":
            self._answer(b"ok", "no-store")
            return
        body, max_age = origin.page.encode(), origin.max_age  # read when the request arrives
        origin.arrived.set()
        origin.hold.wait(10)
        self._answer(body, f"public, s-maxage={max_age}")
        origin.answered.set()

    def _answer(self, body, cache_control):
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", cache_control)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


class Origin:
    def __init__(self, port):
        self.page, self.max_age = "v1", 300
        self.hold = threading.Event()  # cleared: requests wait before answering
        self.hold.set()
        self.arrived, self.answered = threading.Event(), threading.Event()
        self.server = ThreadingHTTPServer(("127.0.0.1", port), _OriginHandler)
        self.server.daemon_threads = True
        self.server.origin = self
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def slow_down(self):
        self.hold.clear()
        self.arrived.clear()
        self.answered.clear()

    def stop(self):
        self.hold.set()
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def origin_and_varnish(settings):
    if shutil.which("varnishd") is None:
        pytest.fail("varnishd is not installed: apt-get install varnish varnish-modules")
    front_port, origin_port = _ports()
    origin = Origin(origin_port)
    # varnishd reads the VCL and its working directory as its own user: not under pytest's
    # private tmp_path.
    tmp_path = Path(tempfile.mkdtemp(prefix="lapor-varnish-"))
    tmp_path.chmod(0o755)
    vcl = tmp_path / "varnish.vcl"
    # The same substitution as deploy/stack.sh: the backend's port.
    vcl.write_text(VCL.read_text().replace('.port = "8001"', f'.port = "{origin_port}"'))
    workdir = tmp_path / "varnish"
    log = (tmp_path / "varnishd.log").open("w")
    # -F: in the foreground, so the test stops it by its pid.
    varnishd = subprocess.Popen(  # noqa: S603
        ["varnishd", "-F", "-a", f"127.0.0.1:{front_port}", "-f", str(vcl), "-n", str(workdir),
         "-s", "malloc,32m"],
        stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    front = f"http://127.0.0.1:{front_port}"
    try:
        for _ in range(100):
            if varnishd.poll() is not None:
                pytest.fail(f"varnishd stopped: {(tmp_path / 'varnishd.log').read_text()}")
            try:
                urllib.request.urlopen(front + "/healthz", timeout=2).close()  # noqa: S310
                break
            except OSError:
                time.sleep(0.1)
        settings.WAGTAILFRONTENDCACHE = {
            "varnish": {"BACKEND": "site_core.purging.HTTPBackend", "LOCATION": front}
        }
        yield origin, front
    finally:
        varnishd.terminate()
        varnishd.wait(10)
        log.close()
        origin.stop()
        shutil.rmtree(tmp_path, ignore_errors=True)


def get(front):
    with urllib.request.urlopen(front + PAGE, timeout=15) as response:  # noqa: S310
        return response.read().decode(), response.headers["X-Cache"]


def publish_while_the_fetch_is_under_way(origin):
    """The editor's change commits while the origin is still rendering the old page, and
    the application purges (site_core.purging, as on commit); then the render finishes."""
    assert origin.arrived.wait(10), "the fetch never reached the origin"
    origin.page = "v2"
    assert purging.send([f"http://testserver{PAGE}"]) == []
    origin.hold.set()
    assert origin.answered.wait(10)


def test_a_refresh_in_grace_when_the_purge_arrives_does_not_store_the_old_page(
    origin_and_varnish,
):
    origin, front = origin_and_varnish
    origin.max_age = 1
    assert get(front) == ("v1", "MISS")
    time.sleep(1.5)  # past its time to live: served stale while Varnish refreshes it
    origin.max_age = 300
    origin.slow_down()
    assert get(front) == ("v1", "HIT")  # the stale page, at once; the refresh waits
    publish_while_the_fetch_is_under_way(origin)

    assert get(front)[0] == "v2"
    assert get(front) == ("v2", "HIT")  # and the new page is cached as usual


def test_a_first_fetch_when_the_purge_arrives_does_not_store_the_old_page(origin_and_varnish):
    origin, front = origin_and_varnish
    origin.slow_down()
    first_visitor = []
    visit = threading.Thread(target=lambda: first_visitor.append(get(front)))
    visit.start()
    publish_while_the_fetch_is_under_way(origin)
    visit.join(10)
    assert first_visitor == [("v1", "MISS")]  # what was rendered for them

    assert get(front)[0] == "v2"
    assert get(front) == ("v2", "HIT")


def test_the_purge_of_another_address_does_not_throw_away_a_fetch(origin_and_varnish):
    """A publish purges the page and then its parent: the parent's purge must not discard
    the page's first fetch of its new version (one more render under load)."""
    origin, front = origin_and_varnish
    origin.slow_down()
    visit = threading.Thread(target=get, args=(front,))
    visit.start()
    assert origin.arrived.wait(10)
    assert purging.send(["http://testserver/induk/"]) == []
    origin.hold.set()
    visit.join(10)

    assert get(front) == ("v1", "HIT")
