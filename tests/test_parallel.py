"""The per-person pages rendered with a forked helper: the same result as alone, whatever goes wrong."""

from __future__ import annotations

import html
import json
import os
import re
import signal
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from generator.generate import generate
from generator.render import parallel
from generator.render.escape import escape_css_string
from generator.render.parallel import SharedWork

from .conftest import BUILD_DATE, ROOT


@pytest.fixture
def always_share(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fork a helper even for a few items (and even if the test runner has a thread: nothing here takes a lock)."""
    monkeypatch.setattr(parallel, "worth_sharing", lambda count: True)
    monkeypatch.setattr(parallel, "CHUNK", 3)


@pytest.fixture
def exit_codes(monkeypatch: pytest.MonkeyPatch) -> list[int | None]:
    """The helper's exit status, as this process reaped it (-9: killed)."""
    codes: list[int | None] = []
    end = parallel._Helper._end

    def spy(self: Any, *, kill: bool) -> int | None:
        codes.append(end(self, kill=kill))
        return codes[-1]

    monkeypatch.setattr(parallel._Helper, "_end", spy)
    return codes


def _after_the_helper(tmp_path: Path, helper: Callable[[int], Any], here: Callable[[int], Any]) -> Callable[[int], Any]:
    """A render function that runs ``helper`` in the helper and ``here`` in this process, where it
    first waits until the helper has rendered an item: so both certainly take part."""
    parent, started = os.getpid(), tmp_path / "helper-started"

    def render(index: int) -> Any:
        if os.getpid() != parent:
            started.touch()
            return helper(index)
        deadline = time.monotonic() + 30
        while not started.exists() and time.monotonic() < deadline:
            time.sleep(0.001)
        return here(index)

    return render


def _slowly(index: int) -> tuple[int, int]:
    time.sleep(0.01)  # so that this process takes chunks too
    return index, os.getpid()


def test_results_come_in_order_from_both_processes(always_share: None, exit_codes: list[int | None], tmp_path: Path) -> None:
    render = _after_the_helper(tmp_path, _slowly, lambda index: (index, os.getpid()))
    with SharedWork(60, render) as shared:
        results = shared.results()
    assert [index for index, _ in results] == list(range(60))
    assert len({pid for _, pid in results}) == 2
    assert exit_codes == [0]


def _raise(index: int) -> int:
    raise RuntimeError("the helper breaks")


def _die(index: int) -> int:
    os.kill(os.getpid(), signal.SIGKILL)  # as the out-of-memory killer would
    return index


@pytest.mark.parametrize(("failure", "status"), [(_raise, 1), (_die, -signal.SIGKILL)])
def test_a_helper_that_fails_leaves_its_share_to_this_process(
    always_share: None, exit_codes: list[int | None], tmp_path: Path, failure: Callable[[int], int], status: int,
) -> None:
    with SharedWork(30, _after_the_helper(tmp_path, failure, lambda index: index * 2)) as shared:
        assert shared.results() == [index * 2 for index in range(30)]
    assert exit_codes == [status]


def test_an_error_here_stops_the_helper(always_share: None, exit_codes: list[int | None], tmp_path: Path) -> None:
    def fail_here(index: int) -> int:
        raise ValueError("a template error")

    with pytest.raises(ValueError, match="a template error"), SharedWork(40, _after_the_helper(tmp_path, _slowly, fail_here)) as shared:
        helper = shared._helper
        assert helper is not None
        shared.results()
    assert exit_codes == [-signal.SIGKILL]
    with pytest.raises(ChildProcessError):  # reaped: no process left behind
        os.waitpid(helper.pid, os.WNOHANG)


def test_many_items_make_larger_chunks_whose_tokens_fit_in_a_pipe() -> None:
    # The tokens are written to a pipe before the fork, with no one reading: too many would block for ever.
    shared = SharedWork(200_000, lambda index: index)
    assert len(shared._chunks) <= 1024 and sum(map(len, shared._chunks)) == 200_000
    assert 1024 * parallel._TOKEN.size <= 4096  # the smallest pipe buffer: one page


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


def test_no_helper_on_one_cpu_of_a_container(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    quota = tmp_path / "cpu.max"
    monkeypatch.setattr(parallel, "_CPU_QUOTA", quota)
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1, 2, 3})
    quota.write_text("100000 100000\n")
    assert parallel._cpus() == 1
    quota.write_text("max 100000\n")
    assert parallel._cpus() == 4


@pytest.fixture
def helper_results(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """How many chunks each helper sent back."""
    counts: list[int] = []
    receive = parallel._Helper.receive

    def spy(self: Any) -> dict[int, list[Any]]:
        result = receive(self)
        counts.append(len(result))
        return result

    monkeypatch.setattr(parallel._Helper, "receive", spy)
    yield counts


def test_the_example_renders_the_same_with_a_helper(
    always_share: None, monkeypatch: pytest.MonkeyPatch, helper_results: list[int],
) -> None:
    shared = generate(ROOT / "content", build_date=BUILD_DATE)
    monkeypatch.setattr(parallel, "worth_sharing", lambda count: False)
    alone = generate(ROOT / "content", build_date=BUILD_DATE)
    assert len(helper_results) == 1, "no helper was started"
    assert shared.site is not None and alone.site is not None
    assert shared.site == alone.site
    assert sum("/pop/" in page.path for page in shared.site.pages) > 10


def test_html_pages_are_ascii_with_references_for_the_rest() -> None:
    result = generate(ROOT / "content", build_date=BUILD_DATE)
    assert result.site is not None
    html_pages = [page for page in result.site.pages if page.html is not None]
    assert html_pages and all(page.html is not None and page.html.isascii() for page in html_pages)
    pop = next(page.html or "" for page in html_pages if "/pop/" in page.path)
    assert re.search(r'<p class="wgo-breadcrumbs">.*? &#8250; <a', pop)  # ›
    people = next(page.html or "" for page in html_pages if page.path == "beperkt/alle/mensen/index.md")
    assert "Mehmet Y&#305;lmaz" in people and "Mehmet Yılmaz" in html.unescape(people)  # ı


@pytest.mark.parametrize("text", ["pagina", 'Seite » "1"\\', "a: b", "Y\u0131lmaz  x", "1 van 2"])
def test_text_in_a_css_string_shows_as_written(page: Any, text: str) -> None:
    page.set_content(f'<style>#x::after {{ content: "{escape_css_string(text)}"; }}</style><p id="x"></p>')
    shown = page.evaluate("getComputedStyle(document.getElementById('x'), '::after').content")
    assert shown == json.dumps(text, ensure_ascii=False)  # Chromium writes the string back quoted and escaped
