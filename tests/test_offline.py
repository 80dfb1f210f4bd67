"""A site on a file share: the offline build opened over file:// without a web server (issue 12)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from .conftest import ROOT, build_site
from .test_crawl import crawl
from .test_csp import META, check_probe, write_probe
from .test_search import wait_for_stemmer

pytestmark = pytest.mark.browser


@pytest.fixture(scope="session")
def offline_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example built as `python3 dev.py site --offline` builds it."""
    site = tmp_path_factory.mktemp("offline") / "site"
    os.environ["WGO_OFFLINE"] = "true"
    try:
        result = build_site(ROOT, site, "--strict")
    finally:
        del os.environ["WGO_OFFLINE"]
    assert result.returncode == 0, result.stderr
    return site


def test_the_offline_build_loads_nothing_from_outside(offline_site: Path) -> None:
    for page in offline_site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "unpkg.com" not in text and "fonts.googleapis" not in text, page
    assert (offline_site / "search" / "search_index.js").exists()
    assert (offline_site / "werkprocessen" / "installatie-opstarten.html").exists()


def test_home_to_work_process_to_source_and_search_over_file_urls(page: Any, offline_site: Path) -> None:
    outside: list[str] = []
    errors: list[str] = []
    local = ("file", "data", "blob", "about")
    page.on("request", lambda request: None if urlsplit(request.url).scheme in local else outside.append(request.url))
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto((offline_site / "index.html").as_uri())

    page.locator(".md-content a[href$='werkprocessen/index.html']").first.click()
    assert page.url.endswith("werkprocessen/index.html")
    page.locator(".md-content a[href$='installatie-opstarten.html']").first.click()
    assert page.url.endswith("werkprocessen/installatie-opstarten.html")
    assert "Installatie opstarten" in page.locator("h1").inner_text()
    page.locator(".md-content a[href*='bronnen/sop-opstarten-r101.html']").first.click()
    assert page.url.endswith("bronnen/sop-opstarten-r101.html")
    # A click returns once the new address is committed, not loaded: wait for the heading before counting.
    page.locator(".md-content h1").first.wait_for()
    assert page.locator(".md-content h1").count() == 1

    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially("runaway", delay=10)
    page.locator(".md-search-result__item").first.wait_for()
    links = page.locator(".md-search-result__item > a").evaluate_all("(links) => links.map((a) => a.href)")
    assert any("sop-opstarten-r101.html" in link for link in links), links
    page.locator(".md-search-result__item > a").first.click()
    assert page.url.split("?")[0].endswith("bronnen/sop-opstarten-r101.html")
    assert outside == [], outside
    assert errors == [], errors


def test_search_stems_queries_over_file_urls(page: Any, offline_site: Path) -> None:
    """The worker's iframe can fetch no file over file://: the offline build has the stemmer's WebAssembly
    as a script too, and the pages' policy lets the iframe compile it ('wasm-unsafe-eval')."""
    page.goto((offline_site / "index.html").as_uri())
    box = page.locator("input.md-search__input")
    box.click()
    wait_for_stemmer(page)
    box.fill("monsterflesje")
    box.press_sequentially("s")  # a plural the example never writes
    page.locator(".md-search-result__item").first.wait_for()
    page.wait_for_timeout(300)
    links = page.locator(".md-search-result__item > a").evaluate_all("(links) => links.map((a) => a.href)")
    assert any("werkprocessen/monsters-nemen.html" in link for link in links), links
    assert "‘" not in page.locator(".md-search-result__meta").inner_text()  # stemmed, not corrected


def test_every_internal_link_of_the_offline_build_opens_over_file_urls(page: Any, offline_site: Path) -> None:
    root = offline_site.as_uri()
    seen, problems = crawl(page, f"{root}/index.html", lambda url: url.startswith(root))
    assert len(seen) > 100, f"only {len(seen)} addresses reached"
    # A link to a folder would open a directory listing on a file share, not a page.
    folders = [url for url in seen if url.endswith("/")]
    assert folders == [], folders[:10]
    assert problems == [], "\n".join(problems[:20])


def test_the_offline_build_keeps_its_policy_over_file_urls(page: Any, offline_site: Path, tmp_path: Path) -> None:
    """The policy is in every page of the offline build too, and holds over file://, where the origin is
    opaque: an injected script is blocked, the site's own files load ('self' covers file: there), and
    search (the shim's iframe, which writes no inline script) works: the test above."""
    for html in offline_site.rglob("*.html"):
        assert len(META.findall(html.read_text(encoding="utf-8"))) == 1, html
    site = shutil.copytree(offline_site, tmp_path / "site")
    write_probe(site, "werkprocessen/installatie-opstarten.html", "werkprocessen/csp-probe.html")
    check_probe(page, (site / "werkprocessen" / "csp-probe.html").as_uri())
