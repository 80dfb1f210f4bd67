"""How long ``mkdocs serve`` takes to show an edit: from a work-process file's save to its changed page.

Starts ``mkdocs serve --dirty`` (as ``dev.py serve`` does) on a free loopback port in a
project folder, waits for the first build, then edits a criterion text of one work process
several times and polls that work process's page until the new text is served::

    .venv/bin/python bench/serve_latency.py bench/out/medium
    .venv/bin/python bench/serve_latency.py --example     # a copy of the repository's example

The project's file is put back as it was afterwards. ``bench.py --serve`` runs the same.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TEXT_LINE = re.compile(r"^(\s*(?:- )?text:\s*)(.+)$", re.MULTILINE)  # a criterion's text in the front matter
POLL_SECONDS = 0.05
START_TIMEOUT = 900.0  # the first build of a large organisation takes minutes
EDIT_TIMEOUT = 120.0


@dataclass(frozen=True)
class Latency:
    page: str
    seconds: list[float]  # one per edit, from the save to the new text being served
    first_build: float  # from the start of the server to the first page served

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)


def free_port() -> int:
    """A loopback port nothing listens on (tests/test_serve.py uses it too)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def fetch(url: str) -> str:
    """The page at ``url``, or "" while the server is not there yet."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return str(response.read().decode("utf-8"))
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return ""


def _wait_for(url: str, text: str, timeout: float) -> float:
    """Seconds until ``text`` is in the page at ``url``."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if text in fetch(url):
            return time.perf_counter() - start
        time.sleep(POLL_SECONDS)
    raise TimeoutError(f"{text!r} did not appear at {url} within {timeout:.0f} s")


@contextmanager
def serving(project: Path, port: int, log: Path) -> Iterator[subprocess.Popen[bytes]]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(REPO)}  # this checkout's generator, whatever is installed
    command = [sys.executable, "-m", "mkdocs", "serve", "--dirty", "--dev-addr", f"127.0.0.1:{port}"]
    with log.open("wb") as output:
        server = subprocess.Popen(command, cwd=project, env=env, stdout=output, stderr=subprocess.STDOUT)
        try:
            yield server
        finally:
            server.terminate()
            server.wait(timeout=30)


def work_process_file(project: Path) -> Path:
    """The first work process (by name) that has a criterion text."""
    for path in sorted((project / "content" / "work-processes").glob("*.md")):
        if TEXT_LINE.search(path.read_text(encoding="utf-8")):
            return path
    raise SystemExit(f"no work process with a criterion text in {project / 'content' / 'work-processes'}")


def measure(project: Path, edits: int = 3, edit: str = "text") -> Latency:
    """Serve ``project``, edit one work process ``edits`` times, and time each edit until it is served.

    ``edit``: "text" adds a word to the work process's text (its body, shown on its own page only);
    "criterion" to its first criterion's text (shown wherever the criterion is listed: every page is rendered again)."""
    wp_file = work_process_file(project)
    original = wp_file.read_text(encoding="utf-8")
    port = free_port()
    url = f"http://127.0.0.1:{port}/werkprocessen/{wp_file.stem}/"
    seconds = []
    with tempfile.TemporaryDirectory() as scratch, serving(project, port, Path(scratch) / "serve.log") as server:
        try:
            start = time.perf_counter()
            _wait_for(url, "</html>", START_TIMEOUT)  # the first build is done
            first_build = time.perf_counter() - start
            for number in range(1, edits + 1):
                marker = f"bewerkt-{number}-{time.time_ns()}"
                time.sleep(1.0)  # let the watcher settle after the previous rebuild
                changed = _with_marker(original, marker) if edit == "criterion" else f"{original.rstrip()} {marker}\n"
                wp_file.write_text(changed, encoding="utf-8")
                seconds.append(_wait_for(url, marker, EDIT_TIMEOUT))
        except TimeoutError:
            print((Path(scratch) / "serve.log").read_text(encoding="utf-8", errors="replace")[-3000:], file=sys.stderr)
            raise
        finally:
            wp_file.write_text(original, encoding="utf-8")
            if server.poll() is not None:
                print(f"the server stopped (exit {server.returncode})", file=sys.stderr)
    return Latency(page=url.split("/", 3)[3], seconds=seconds, first_build=first_build)


def _with_marker(text: str, marker: str) -> str:
    """``text`` with ``marker`` added to its first criterion text."""
    return TEXT_LINE.sub(lambda m: f"{m.group(1)}{m.group(2)} {marker}", text, count=1)


def example_project(folder: Path) -> Path:
    """A copy of the repository's example (content, config, theme), so that editing it touches no tracked file."""
    if folder.exists():
        shutil.rmtree(folder)
    shutil.copytree(REPO / "content", folder / "content")
    shutil.copytree(REPO / "theme", folder / "theme")
    shutil.copy2(REPO / "mkdocs.yml", folder / "mkdocs.yml")
    return folder


def measure_example(edits: int = 3, edit: str = "text") -> Latency:
    with tempfile.TemporaryDirectory() as scratch:
        return measure(example_project(Path(scratch) / "example"), edits, edit)


def describe(latency: Latency) -> str:
    each = ", ".join(f"{s:.2f}" for s in latency.seconds)
    return f"{latency.median:.2f} s median of {len(latency.seconds)} ({each} s) on {latency.page}; first build {latency.first_build:.0f} s"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Time mkdocs serve from a work-process edit to the changed page.")
    parser.add_argument("project", type=Path, nargs="?", help="a project folder (content/, mkdocs.yml, theme/)")
    parser.add_argument("--example", action="store_true", help="measure a copy of the repository's example")
    parser.add_argument("--edits", type=int, default=3)
    parser.add_argument("--edit", choices=("text", "criterion"), default="text",
                        help="what to edit: the work process's text (default) or its first criterion's text")
    args = parser.parse_args(argv)
    if args.example:
        print("example:", describe(measure_example(args.edits, args.edit)))
    if args.project:
        print(f"{args.project}:", describe(measure(args.project.resolve(), args.edits, args.edit)))
    if not args.example and not args.project:
        parser.error("give a project folder or --example")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
