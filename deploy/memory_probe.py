"""Debug only: where a gunicorn worker's memory goes, for a soak (`GUNICORN_MEMORY_PROBE`).

`deploy/gunicorn.conf.py` calls `after_request` after each request when the variable names a
directory. Every PROBE_EVERY requests the worker appends one line to
`<dir>/memory-<pid>.tsv`, splitting its resident memory into what Python's objects hold
(tracemalloc, when GUNICORN_TRACEMALLOC=1: it slows every allocation), what glibc's malloc
has handed out, and what malloc keeps free without returning it to the system. With
tracemalloc on, the Python allocations that grew most between the first and the latest
sample go to `<dir>/tracemalloc-<pid>.txt`. Never enabled in production.
"""

import ctypes
import gc
import os
import sys
import time
import tracemalloc
from pathlib import Path

PROBE_EVERY = int(os.environ.get("GUNICORN_MEMORY_PROBE_EVERY", "250"))
FIELDS = (
    "seconds requests rss_mb anon_mb threads python_traced_mb python_blocks full_collections "
    "malloc_sbrk_mb malloc_mmap_mb malloc_in_use_mb malloc_free_mb"
).split()


class _Mallinfo2(ctypes.Structure):
    _fields_ = [
        (name, ctypes.c_size_t)
        for name in (
            "arena",
            "ordblks",
            "smblks",
            "hblks",
            "hblkhd",
            "usmblks",
            "fsmblks",
            "uordblks",
            "fordblks",
            "keepcost",
        )
    ]


_libc = ctypes.CDLL("libc.so.6")
_libc.mallinfo2.restype = _Mallinfo2
_state = {"requests": 0, "started": time.monotonic(), "baseline": None}


def start():
    """In the worker, before it takes requests."""
    if os.environ.get("GUNICORN_TRACEMALLOC") == "1":
        tracemalloc.start(int(os.environ.get("GUNICORN_TRACEMALLOC_FRAMES", "8")))


def _status():
    fields = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        name, _, value = line.partition(":")
        fields[name] = value.split()
    return fields


def after_request(directory):
    _state["requests"] += 1
    if _state["requests"] % PROBE_EVERY:
        return
    status = _status()
    info = _libc.mallinfo2()
    traced = tracemalloc.get_traced_memory()[0] if tracemalloc.is_tracing() else 0
    mb = 1 / (1024 * 1024)
    row = [
        round(time.monotonic() - _state["started"]),
        _state["requests"],
        int(status["VmRSS"][0]) / 1024,
        int(status["RssAnon"][0]) / 1024,
        int(status["Threads"][0]),
        traced * mb,
        sys.getallocatedblocks(),
        gc.get_stats()[2]["collections"],
        info.arena * mb,
        info.hblkhd * mb,
        info.uordblks * mb,
        info.fordblks * mb,
    ]
    path = Path(directory) / f"memory-{os.getpid()}.tsv"
    new = not path.exists()
    with path.open("a") as out:
        if new:
            out.write("\t".join(FIELDS) + "\n")
        out.write("\t".join(f"{v:.2f}" if isinstance(v, float) else str(v) for v in row) + "\n")
    if tracemalloc.is_tracing():
        _tracemalloc_diff(directory)


def _tracemalloc_diff(directory):
    snapshot = tracemalloc.take_snapshot().filter_traces(
        [tracemalloc.Filter(False, tracemalloc.__file__)]
    )
    if _state["baseline"] is None:
        _state["baseline"] = (_state["requests"], snapshot)
        return
    since, baseline = _state["baseline"]
    lines = [f"requests {since} -> {_state['requests']}: largest growth by traceback"]
    for stat in snapshot.compare_to(baseline, "traceback")[:15]:
        lines.append(f"{stat.size_diff / 1024:+.1f} KiB {stat.count_diff:+d} blocks")
        lines.extend(f"    {line}" for line in stat.traceback.format()[-8:])
    Path(directory, f"tracemalloc-{os.getpid()}.txt").write_text("\n".join(lines) + "\n")
