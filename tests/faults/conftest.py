"""Services of the fault tests' own, stopped by the test: a redis-server on a free port,
a TCP proxy in front of PostgreSQL, an SMTP port. The machine's own services are never
touched."""

import os
import shutil
import signal
import socket
import subprocess
import threading
import time
from html.parser import HTMLParser

import pytest

from tests.complaint_forms.conftest import (  # noqa: F401 (report fixtures)
    category,
    report_page,
    unit,
    valid_post,
)
from tests.conftest import free_port


def wait_for_port(port, up=True, seconds=10):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                if up:
                    return
        except OSError:
            if not up:
                return
        time.sleep(0.05)
    raise RuntimeError(f"port {port} did not come {'up' if up else 'down'}")


class RedisServer:
    """A redis-server process of the test's own, killed by its pid."""

    def __init__(self):
        self.port = free_port()
        self.process = None

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        self.process = subprocess.Popen(  # noqa: S603 (fixed arguments)
            [
                shutil.which("redis-server"),
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--daemonize",
                "no",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_for_port(self.port)

    def kill(self):
        if self.process and self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGKILL)
            self.process.wait(5)
        wait_for_port(self.port, up=False)


@pytest.fixture
def redis_server():
    if not shutil.which("redis-server"):
        pytest.skip("redis-server is not installed (apt-get install redis-server)")
    server = RedisServer()
    server.start()
    yield server
    server.kill()


class TcpProxy:
    """Forwards 127.0.0.1:<port> to a target; `cut()` closes every connection and stops
    listening (the database is away), `resume()` listens again. `cut_after(pattern)`
    forwards the first client packet holding `pattern`, then drops the connection before
    the answer comes back: the request reached the server, the client never learns."""

    def __init__(self, target_host, target_port):
        self.target = (target_host, target_port)
        self.port = free_port()
        self.listener = None
        self.pairs = []
        self.lock = threading.Lock()
        self.trigger = None
        self.triggered = threading.Event()
        self.muted = set()

    def resume(self):
        self.listener = socket.socket()
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(("127.0.0.1", self.port))
        self.listener.listen(16)
        threading.Thread(target=self._accept, args=(self.listener,), daemon=True).start()

    def cut(self):
        listener, self.listener = self.listener, None
        if listener:
            listener.close()
        with self.lock:
            pairs, self.pairs = self.pairs, []
        for pair in pairs:
            for sock in pair:
                _close(sock)

    def cut_after(self, pattern):
        self.triggered.clear()
        self.trigger = pattern

    def _accept(self, listener):
        while True:
            try:
                client, _address = listener.accept()
            except OSError:
                return
            upstream = socket.create_connection(self.target)
            with self.lock:
                self.pairs.append((client, upstream))
            threading.Thread(target=self._pump, args=(client, upstream, True), daemon=True).start()
            threading.Thread(target=self._pump, args=(upstream, client, False), daemon=True).start()

    def _pump(self, source, sink, from_client):
        client = source if from_client else sink
        while True:
            try:
                data = source.recv(65536)
            except OSError:
                data = b""
            if not data:
                _close(source)
                _close(sink)
                return
            if not from_client and client in self.muted:
                continue  # the answer the client must never see
            hit = from_client and self.trigger is not None and self.trigger in data
            if hit:
                self.trigger = None
                self.muted.add(client)
            try:
                sink.sendall(data)
            except OSError:
                _close(source)
                return
            if hit:
                # The server has the packet: let it act, but never answer the client.
                _close(source)
                time.sleep(0.3)
                _close(sink)
                self.triggered.set()
                return


def _close(sock):
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass
    sock.close()


class _FormReader(HTMLParser):
    """The fields a browser would send from the first form of a page."""

    def __init__(self):
        super().__init__()
        self.action = None
        self.fields = []
        self._textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and self.action is None:
            self.action = attrs.get("action")
        elif tag == "input" and attrs.get("type") not in ("file", "submit") and "name" in attrs:
            self.fields.append((attrs["name"], attrs.get("value", "")))
        elif tag == "textarea":
            self._textarea = [attrs["name"], ""]

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "textarea" and self._textarea is not None:
            self.fields.append(tuple(self._textarea))
            self._textarea = None


def press_send_again(client, response):
    """Submit the page's form as a browser would, with what it holds."""
    reader = _FormReader()
    reader.feed(response.content.decode())
    data = {}
    for name, value in reader.fields:
        data.setdefault(name, []).append(value)
    return client.post(reader.action, data)
