"""Load the whole demo, with the knowledge-base sample or a slice of it: every page type,
fast enough for browser tests and the Lighthouse bench (the full 240 answers take minutes;
the full demo is built once per test session, tests/conftest.py: demo_site)."""

import contextlib
import json
import os
from pathlib import Path
from unittest import mock

from django.conf import settings as django_settings
from django.core.management import call_command
from django.test import override_settings

DEMO_PASSWORD = "demo-slice-password-1"


def write_answer_slice(folder, answers=12):
    """The first `answers` Indonesian answers of the sample and their English versions."""
    sample = Path(django_settings.BASE_DIR) / "search/data/knowledge_base"
    rows_id = (sample / "faq_id.jsonl").read_text().splitlines()[:answers]
    ids = {json.loads(row)["id"] for row in rows_id}
    rows_en = [
        row
        for row in (sample / "faq_en.jsonl").read_text().splitlines()
        if row.strip() and json.loads(row)["id"] in ids
    ]
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "faq_id.jsonl").write_text("\n".join(rows_id) + "\n")
    (folder / "faq_en.jsonl").write_text("\n".join(rows_en) + "\n")
    return folder


@contextlib.contextmanager
def demo_environment(folder, answers=None):
    """Settings and environment the loader reads, for as long as the block runs: the
    first `answers` answers of the sample, or all of them."""
    if answers:
        data = write_answer_slice(folder / "kb", answers)
    else:
        data = Path(django_settings.BASE_DIR) / django_settings.KNOWLEDGE_BASE_DATA
    with (
        override_settings(
            KNOWLEDGE_BASE_DATA=str(data),
            BASE_DIR=folder,  # the loader writes no password file into the checkout
        ),
        mock.patch.dict(os.environ, {"DEMO_ADMIN_PASSWORD": DEMO_PASSWORD}),
    ):
        yield


def load_demo_into(folder, answers=None):
    with demo_environment(folder, answers), open(os.devnull, "w") as quiet:
        call_command("load_demo", stdout=quiet, stderr=quiet)


def load_demo_with_answer_slice(settings, monkeypatch, tmp_path, answers=12):
    """For a function-scoped (browser) test: the settings stay changed for the test."""
    settings.KNOWLEDGE_BASE_DATA = str(write_answer_slice(tmp_path / "kb", answers))
    settings.BASE_DIR = tmp_path
    monkeypatch.setenv("DEMO_ADMIN_PASSWORD", DEMO_PASSWORD)
    with open(os.devnull, "w") as quiet:
        call_command("load_demo", stdout=quiet)
