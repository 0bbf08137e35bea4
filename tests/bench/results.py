"""Benchmarks write their figures here as well as printing them: one key per figure."""

import json
from pathlib import Path

RESULTS = Path(__file__).resolve().parents[2] / ".bench" / "results.json"


def record(key, value):
    RESULTS.parent.mkdir(exist_ok=True)
    data = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    data[key] = value
    RESULTS.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n")
