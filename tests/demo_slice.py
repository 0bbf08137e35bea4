"""Load the whole demo with a slice of the knowledge-base sample: every page type, fast
enough for browser tests and the Lighthouse bench (the full 240 answers take minutes)."""

import json
import os
from pathlib import Path

from django.conf import settings as django_settings
from django.core.management import call_command


def load_demo_with_answer_slice(settings, monkeypatch, tmp_path, answers=12):
    sample = Path(django_settings.BASE_DIR) / "search/data/knowledge_base"
    rows_id = (sample / "faq_id.jsonl").read_text().splitlines()[:answers]
    ids = {json.loads(row)["id"] for row in rows_id}
    rows_en = [
        row
        for row in (sample / "faq_en.jsonl").read_text().splitlines()
        if row.strip() and json.loads(row)["id"] in ids
    ]
    folder = tmp_path / "kb"
    folder.mkdir()
    (folder / "faq_id.jsonl").write_text("\n".join(rows_id) + "\n")
    (folder / "faq_en.jsonl").write_text("\n".join(rows_en) + "\n")
    settings.KNOWLEDGE_BASE_DATA = str(folder)
    settings.BASE_DIR = tmp_path  # the loader writes no password file into the checkout
    monkeypatch.setenv("DEMO_ADMIN_PASSWORD", "demo-slice-password-1")
    with open(os.devnull, "w") as quiet:
        call_command("load_demo", stdout=quiet)
