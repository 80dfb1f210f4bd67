"""``mkdocs serve``: edits under content/ show up without a restart; an error shows a page, not a crash."""

from __future__ import annotations

import html
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from bench.serve_latency import fetch, free_port

from .conftest import SOURCE_DATE_EPOCH, content_tree, with_site_config


def _wait_for(url: str, text: str, timeout: float = 60) -> str:
    deadline = time.monotonic() + timeout
    page = ""
    while time.monotonic() < deadline:
        page = fetch(url)
        if text in page:
            return page
        time.sleep(0.3)
    raise AssertionError(f"{text!r} did not appear at {url} within {timeout}s; last page:\n{page[:2000]}")


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Path, str, subprocess.Popen[str]]]:
    project = with_site_config(content_tree(tmp_path))
    port = free_port()
    env = {**os.environ, "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH, "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    try:
        yield project, f"http://127.0.0.1:{port}/", server
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_serve_rebuilds_on_content_edits_and_survives_errors(served: tuple[Path, str, subprocess.Popen[str]]) -> None:
    project, url, server = served
    _wait_for(url + "formats/operator/", "Bedient de installatie")

    fmt = project / "content/formats/operator.yml"
    original = fmt.read_text(encoding="utf-8")
    fmt.write_text(original.replace("Bedient de installatie.", "Bedient en bewaakt de installatie."), encoding="utf-8")
    _wait_for(url + "formats/operator/", "Bedient en bewaakt de installatie")

    fmt.write_text(original.replace("target_level: 2", "target_levl: 2"), encoding="utf-8")
    page = html.unescape(_wait_for(url, "Fouten in de inhoud"))
    assert "[unknown-key]" in page and "content/formats/operator.yml:3" in page
    assert server.poll() is None, "the server stopped on a content error"

    fmt.write_text(original, encoding="utf-8")
    _wait_for(url + "formats/operator/", "Bedient de installatie")
    assert server.poll() is None
