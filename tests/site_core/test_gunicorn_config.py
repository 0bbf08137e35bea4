"""deploy/gunicorn.conf.py: the worker recycling operators rely on, and the memory probe
that stays off unless asked for."""

import runpy
import sys
from pathlib import Path

import pytest

DEPLOY = Path(__file__).resolve().parents[2] / "deploy"


def load_config(monkeypatch, **environ):
    for name in ("GUNICORN_MAX_REQUESTS", "GUNICORN_MEMORY_PROBE"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(DEPLOY / "gunicorn.conf.py"))


def test_workers_are_recycled_with_jitter_and_no_probe_by_default(monkeypatch):
    config = load_config(monkeypatch)
    assert config["max_requests"] == 5000
    assert config["max_requests_jitter"] == 500  # workers do not all restart at once
    assert "post_request" not in config


def test_operators_can_turn_recycling_off(monkeypatch):
    config = load_config(monkeypatch, GUNICORN_MAX_REQUESTS="0")
    assert config["max_requests"] == config["max_requests_jitter"] == 0


def test_memory_probe_writes_one_line_per_batch_of_requests(monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "path", list(sys.path))  # the config adds deploy/ to it
    config = load_config(monkeypatch, GUNICORN_MEMORY_PROBE=str(tmp_path))
    probe = sys.modules["memory_probe"]
    for _request in range(probe.PROBE_EVERY * 2):
        config["post_request"](None, None, None, None)
    (table,) = tmp_path.glob("memory-*.tsv")
    header, *rows = table.read_text().splitlines()
    assert header.split("\t") == probe.FIELDS
    assert [row.split("\t")[1] for row in rows] == [
        str(probe.PROBE_EVERY),
        str(probe.PROBE_EVERY * 2),
    ]
    assert float(rows[-1].split("\t")[probe.FIELDS.index("rss_mb")]) > 0


@pytest.fixture(autouse=True)
def _forget_probe_module():
    yield
    sys.modules.pop("memory_probe", None)
