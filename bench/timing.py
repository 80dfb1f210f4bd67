"""Timing the benchmark's builds: the generator's own step in-process, a command's wall time and peak memory,
a full ``mkdocs build``, and what the built site holds (pages, sizes, the largest page)."""

from __future__ import annotations

import cProfile
import io
import json
import os
import pstats
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from organisation import REPO

from generator import Result, generate

MAX_PAGE_BYTES = 1_000_000  # "no page over 1 MB"


def progress(message: str) -> None:
    """A line on standard error while a benchmark runs (the report goes to standard output)."""
    print(message, file=sys.stderr, flush=True)


# --- measuring -----------------------------------------------------------------------------------


@dataclass
class Build:
    seconds: float
    reported: float | None  # "Documentation built in X seconds"
    warnings: int
    returncode: int
    tail: str
    peak_mb: float | None = None  # the build process's peak resident memory


@dataclass
class SiteStats:
    html_pages: int
    largest_page: str
    largest_bytes: int
    total_bytes: int
    pop_pages: int
    pop_in_search: int


def time_generate(content: Path, repeat: int) -> tuple[float, Result]:
    """Best wall time of ``generate(content)`` over ``repeat`` runs, each in a fresh process as in a
    build (in this process a second run was slower, allocating beside the first one's site and the
    benchmark's own data); and the result of one more run here, for the figures about the site."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}  # this checkout's generator, whatever is installed
    best = float("inf")
    for _ in range(repeat):
        run = subprocess.run([sys.executable, "-c", _TIME_GENERATE, str(content)], env=env, capture_output=True,
                             text=True, check=True)
        best = min(best, float(run.stdout.split()[-1]))
    return best, generate(content)


_TIME_GENERATE = """
import sys, time
from pathlib import Path
from generator import generate
start = time.perf_counter()
generate(Path(sys.argv[1]))
print(time.perf_counter() - start)
"""


def profile_generate(content: Path, top: int) -> str:
    profiler = cProfile.Profile()
    profiler.runcall(generate, content)
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("cumulative").print_stats(r"[/\\]generator[/\\]", top)
    return out.getvalue()


# Runs a command and prints its peak memory last. A process forked from this one would count
# this one's memory as its own (Linux carries the peak resident size across fork and exec), so
# the build is forked from this small launcher instead.
_LAUNCHER = """
import os, subprocess, sys
child = subprocess.Popen(sys.argv[1:])
_, status, usage = os.wait4(child.pid, 0)
print(f"{PEAK_TAG} {usage.ru_maxrss}", flush=True)
sys.exit(os.waitstatus_to_exitcode(status))
"""
PEAK_TAG = "bench-peak-kb:"


def run_measured(command: Sequence[str], cwd: Path, timeout: float | None) -> tuple[int, float, float | None, str]:
    """Run ``command``; its exit code (-1: stopped after ``timeout``), wall seconds, peak resident MB and output."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(REPO)}  # this checkout's generator, whatever is installed
    launcher = [sys.executable, "-c", _LAUNCHER.replace("PEAK_TAG", repr(PEAK_TAG)), *command]
    with tempfile.TemporaryFile(mode="w+", encoding="utf-8") as log:
        start = time.perf_counter()
        process = subprocess.Popen(launcher, cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT, text=True,
                                   start_new_session=True)
        try:
            returncode = process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)  # the launcher and the build
            process.wait()
            return -1, time.perf_counter() - start, None, "timed out"
        seconds = time.perf_counter() - start
        log.seek(0)
        output, peak = _without_peak(log.read())
        return returncode, seconds, peak, output


def _without_peak(output: str) -> tuple[str, float | None]:
    """The launcher's output without its last line, and the peak memory in MB that line gives."""
    lines = output.splitlines()
    if lines and lines[-1].startswith(PEAK_TAG):
        return "\n".join(lines[:-1]), int(lines[-1].split()[1]) / 1024
    return output, None


def mkdocs_build(project: Path, site: Path, timeout: float | None) -> Build:
    """``mkdocs build`` in ``project`` as a subprocess; a build that exceeds ``timeout`` is stopped (exit -1)."""
    command = [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site)]
    progress(f"mkdocs build in {project} …")
    returncode, seconds, peak_mb, output = run_measured(command, project, timeout)
    if returncode == -1:
        return Build(seconds=seconds, reported=None, warnings=0, returncode=-1, tail="timed out")
    progress(f"… done in {seconds:.1f} s (exit {returncode}, peak {peak_mb or 0:.0f} MB)")
    reported = None
    for line in output.splitlines():
        if "Documentation built in" in line:
            reported = float(line.rsplit("built in", 1)[1].split()[0])
    warnings = sum("WARNING" in line for line in output.splitlines())
    tail = "\n".join(output.splitlines()[-15:])
    return Build(seconds=seconds, reported=reported, warnings=warnings, returncode=returncode, tail=tail, peak_mb=peak_mb)


def site_stats(site: Path) -> SiteStats:
    html = [p for p in site.rglob("*.html")]
    largest = max(html, key=lambda p: p.stat().st_size)
    total = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    in_search = sum(doc["location"].startswith("pop/") for doc in index["docs"])
    return SiteStats(
        html_pages=len(html), largest_page=largest.relative_to(site).as_posix(), largest_bytes=largest.stat().st_size,
        total_bytes=total, pop_pages=sum(1 for _ in (site / "pop").rglob("index.html")) if (site / "pop").is_dir() else 0,
        pop_in_search=in_search,
    )


