"""The per-person pages rendered with a forked helper: the same result as alone, whatever goes wrong."""

from __future__ import annotations

import os
import re
import signal
import threading
import time

import pytest

from generator.generate import generate
from generator.render import parallel
from generator.render.escape import escape_css_string
from generator.render.parallel import Shared

from .conftest import BUILD_DATE, ROOT


@pytest.fixture
def always_share(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fork a helper even for a few items (and even if the test runner has a thread: nothing here takes a lock)."""
    monkeypatch.setattr(parallel, "worth_sharing", lambda count: True)
    monkeypatch.setattr(parallel, "CHUNK", 3)


def test_results_come_in_order_from_both_processes(always_share: None) -> None:
    def render(index: int) -> tuple[int, int]:
        time.sleep(0.005)  # long enough for the helper to start before this process has taken everything
        return index, os.getpid()

    with Shared(50, render) as shared:
        results = shared.results()
    assert [index for index, _ in results] == list(range(50))
    assert {pid for _, pid in results} - {os.getpid()}, "the helper rendered nothing"


def test_many_items_make_larger_chunks(always_share: None) -> None:
    # A chunk's token is written to a pipe before the fork: too many would block the build forever.
    with Shared(200_000, lambda index: index) as shared:
        assert len(shared._chunks) <= 1024
        assert shared.results() == list(range(200_000))


def test_a_helper_that_fails_leaves_its_share_to_this_process(always_share: None) -> None:
    parent = os.getpid()

    def render(index: int) -> int:
        if os.getpid() != parent and index > 10:
            raise RuntimeError("the helper breaks")
        return index * 2

    with Shared(60, render) as shared:
        assert shared.results() == [index * 2 for index in range(60)]


def test_a_helper_killed_midway_leaves_its_share_to_this_process(always_share: None) -> None:
    parent = os.getpid()

    def render(index: int) -> str:
        time.sleep(0.002)
        if os.getpid() != parent and index > 20:
            os.kill(os.getpid(), signal.SIGKILL)  # as the out-of-memory killer would
        return "x" * index

    with Shared(60, render) as shared:
        assert shared.results() == ["x" * index for index in range(60)]


def test_an_error_here_stops_the_helper(always_share: None) -> None:
    parent = os.getpid()

    def render(index: int) -> int:
        if os.getpid() == parent:
            raise ValueError("a template error")
        return index

    with pytest.raises(ValueError, match="a template error"), Shared(40, render) as shared:
        helper = shared._helper
        assert helper is not None
        shared.results()
    with pytest.raises(ChildProcessError):  # reaped: no process left behind
        os.waitpid(helper.pid, os.WNOHANG)


def test_no_helper_for_few_items_or_beside_another_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "_cpus", lambda: 2)
    assert not parallel.worth_sharing(parallel.MIN_ITEMS - 1)
    assert parallel.worth_sharing(parallel.MIN_ITEMS) == (threading.active_count() == 1)
    stop = threading.Event()
    server = threading.Thread(target=stop.wait)  # as mkdocs serve's
    server.start()
    try:
        assert not parallel.worth_sharing(10 * parallel.MIN_ITEMS)
    finally:
        stop.set()
        server.join()


def test_the_example_renders_the_same_with_a_helper(always_share: None, monkeypatch: pytest.MonkeyPatch) -> None:
    forks = []
    fork = os.fork
    monkeypatch.setattr(os, "fork", lambda: forks.append(1) or fork())
    shared = generate(ROOT / "content", build_date=BUILD_DATE)
    monkeypatch.setattr(parallel, "worth_sharing", lambda count: False)
    alone = generate(ROOT / "content", build_date=BUILD_DATE)
    assert forks == [1]
    assert shared.site is not None and alone.site is not None
    assert shared.site == alone.site
    assert sum(page.path.startswith("pop/") for page in shared.site.pages) > 10


def test_html_pages_are_ascii_with_references_for_the_rest() -> None:
    result = generate(ROOT / "content", build_date=BUILD_DATE)
    assert result.site is not None
    html_pages = [page for page in result.site.pages if page.html is not None]
    assert html_pages and all(page.html is not None and page.html.isascii() for page in html_pages)
    pop = next(page.html or "" for page in html_pages if page.path.startswith("pop/"))
    assert re.search(r'<p class="wgo-breadcrumbs">.*? &#8250; <a', pop)  # ›


def test_text_in_a_css_string_is_escaped_for_css() -> None:
    assert escape_css_string('Seite » "1"\\') == "Seite \\0000bb \\0000221\\000022\\00005c"
