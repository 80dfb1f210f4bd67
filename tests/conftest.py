"""Shared fixtures: a pinned build date, fixture content trees, the built example site."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import playwright.sync_api as sync_api
import pytest

from generator.diagnostics import Report
from generator.model import Content
from generator.read import read_content
from generator.references import check_references

from .chromium import CHROMIUM, CHROMIUM_ARGS, serve

ROOT = Path(__file__).resolve().parent.parent
CASES = Path(__file__).resolve().parent / "cases"
BUILD_DATE = dt.date(2026, 11, 1)
SOURCE_DATE_EPOCH = str(int(dt.datetime(2026, 11, 1, 12, tzinfo=dt.UTC).timestamp()))


# What check says (info) about the base tree, which publishes personal data to every reader of the site.
PUBLIC_NAMES_NOTE = (
    "content/organisation.yml:13: info: personal_data staat aan zonder 'access:': iedereen die de site kan openen, ziet de namen, "
    "niveaus en POP's van alle medewerkers; zet een blok 'access:' in content/organisation.yml om ze alleen voor hun "
    "leidinggevenden, de planners en henzelf te publiceren (handleiding: 'Persoonsgegevens en toegang') [personal-data-public]"
)


def content_tree(tmp_path: Path, case: str | None = None) -> Path:
    """A copy of the base fixture in ``tmp_path``, with a case's files laid over it.

    A case holds only what differs from ``cases/_base``; an ``expected.txt`` beside
    its ``content/`` lists the exact messages. Returns the project folder.
    """
    shutil.copytree(CASES / "_base", tmp_path, dirs_exist_ok=True)
    if case:
        shutil.copytree(CASES / case / "content", tmp_path / "content", dirs_exist_ok=True)
    return tmp_path


def checked_content(content_dir: Path) -> Content:
    """A content folder read and its references checked, as the generator does before deriving; no errors allowed."""
    report = Report()
    content = read_content(content_dir, report)
    check_references(content, BUILD_DATE, report)
    assert not report.has_errors, report.in_file_order()
    return content


def build_site(project: Path, site_dir: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    """``mkdocs build`` of a project folder (which has mkdocs.yml), with the build date pinned."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site_dir), *extra]
    return subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, check=False)


@pytest.fixture(scope="session")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example content built once with ``mkdocs build --strict``."""
    site = tmp_path_factory.mktemp("example") / "site"
    result = build_site(ROOT, site, "--strict")
    assert result.returncode == 0, result.stderr
    return site


def with_site_config(project: Path) -> Path:
    """Give a fixture project the repository's mkdocs.yml and theme, so it builds like the example."""
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "theme", project / "theme", dirs_exist_ok=True)
    return project


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("fuzz", "mutation fuzzing of the example content (tests/test_fuzz.py)")
    group.addoption("--fuzz-runs", type=int, default=None, help="number of mutated content trees (default: FUZZ_RUNS or 600)")
    group.addoption("--fuzz-seed", type=int, default=None, help="seed of the first run; run i uses seed + i (default: FUZZ_SEED or 0)")


@pytest.fixture
def fuzz_plan(request: pytest.FixtureRequest) -> tuple[int, int]:
    """(runs, first seed) of the fuzz test: the option, else the environment variable, else the default."""
    runs = request.config.getoption("--fuzz-runs")
    seed = request.config.getoption("--fuzz-seed")
    return (
        int(os.environ.get("FUZZ_RUNS", "600")) if runs is None else runs,
        int(os.environ.get("FUZZ_SEED", "0")) if seed is None else seed,
    )


# --- the browser: one Chromium for the whole run (Playwright's sync API allows one session per thread) ---


@pytest.fixture(scope="session")
def site_url(example_site: Path) -> Iterator[str]:
    """The example site over HTTP on loopback."""
    with serve(example_site) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    assert Path(CHROMIUM).exists(), f"{CHROMIUM} is missing: run the tests with 'python3 dev.py test', which installs it"
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context()
    context.set_default_timeout(15_000)
    page = context.new_page()
    yield page
    context.close()


OpenPage = Callable[..., Any]


@pytest.fixture
def open_page(browser: Any) -> Iterator[OpenPage]:
    """``open_page(url, viewport=(w, h), javascript=True)``: a fresh tab on ``url``, closed after the test."""
    contexts: list[Any] = []

    def open_(url: str, *, viewport: tuple[int, int] = (1366, 900), javascript: bool = True) -> Any:
        width, height = viewport
        context = browser.new_context(viewport={"width": width, "height": height}, java_script_enabled=javascript)
        context.set_default_timeout(15_000)
        contexts.append(context)
        tab = context.new_page()
        tab.goto(url)
        return tab

    yield open_
    for context in contexts:
        context.close()


@pytest.fixture(autouse=True)
def _commands_as_installed(monkeypatch: pytest.MonkeyPatch) -> None:
    """Messages print commands as ``python -m generator``, whatever the shell running the tests says (WGO_COMMAND)."""
    monkeypatch.delenv("WGO_COMMAND", raising=False)
