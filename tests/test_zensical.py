"""A second engine: the folder ``python -m generator build --out`` writes builds as it is with Zensical,
into the same pages, headings and links as the MkDocs build, loading nothing from another host."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import pytest
import yaml

from generator.writer import read_config

from .chromium import serve
from .conftest import ROOT, SOURCE_DATE_EPOCH

pytestmark = pytest.mark.zensical

CSS_URL = re.compile(r"""(?:url\(\s*['"]?|@import\s+['"])([^'")\s]+)""", re.IGNORECASE)
PAGES = ["/", "/werkprocessen/", "/beperkt/alle/matrix/procesoperator/", "/aftekenlijsten/procesoperator-niveau-1/",
         "/beperkt/ploeg-1/pop/p-001/"]


def _run(*command: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH, "PYTHONPATH": str(ROOT)}
    return subprocess.run([str(part) for part in command], cwd=cwd, env=env, capture_output=True, text=True, check=False)


@pytest.fixture(scope="module")
def zensical_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example written by ``python -m generator build --out`` and built there by ``zensical build``."""
    out = tmp_path_factory.mktemp("zensical") / "out"
    written = _run(sys.executable, "-m", "generator", "build", "content", "--out", out, cwd=ROOT)
    assert written.returncode == 0, written.stdout + written.stderr
    built = _run(sys.executable, "-m", "zensical", "build", "--strict", cwd=out)
    assert "No module named zensical" not in built.stderr, "Zensical is missing: python3 dev.py test installs it (.[zensical])"
    assert built.returncode == 0, built.stdout + built.stderr
    return out


@pytest.fixture(scope="module")
def zensical_site(zensical_project: Path) -> Path:
    return zensical_project / "site"


class _Page(HTMLParser):
    """What a reader sees of a page: the headings and links of its article, and the links of the main navigation."""

    VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.headings: list[str] = []
        self.links: list[str] = []
        self.nav_links: set[str] = set()
        self._open: list[str] = []  # the part each open element is in: "article", "nav" or ""
        self._heading: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        part = self._open[-1] if self._open else ""
        if tag == "article":
            part = "article"
        elif tag == "nav" and "md-nav--primary" in (values.get("class") or "").split():
            part = "nav"
        href = values.get("href")
        if tag == "a" and href is not None and part == "article":
            self.links.append(href)
        elif tag == "a" and href is not None and part == "nav":
            self.nav_links.add(href)
        if part == "article" and tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self._heading = []
        if tag not in self.VOID:
            self._open.append(part)

    def handle_endtag(self, tag: str) -> None:
        if self._heading is not None and tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self.headings.append(" ".join("".join(self._heading).split()))
            self._heading = None
        if tag not in self.VOID and self._open:
            self._open.pop()

    def handle_data(self, data: str) -> None:
        if self._heading is not None:
            self._heading.append(data)


def _read(page: Path) -> _Page:
    parsed = _Page()
    parsed.feed(page.read_text(encoding="utf-8"))
    parsed.close()
    return parsed


def test_every_mkdocs_page_has_the_same_headings_and_links_in_zensical(example_site: Path, zensical_site: Path) -> None:
    """Links are compared by where they lead, from a site served under a folder (as an intranet may serve it):
    './..' and '..' are the same link, and one '../' too many is a broken one, not one the root happens to absorb."""
    pages = sorted(page.relative_to(example_site) for page in example_site.rglob("*.html"))
    assert len(pages) > 50
    differences = []
    for relative in pages:
        assert (zensical_site / relative).is_file(), f"{relative} is missing from the Zensical build"
        mkdocs, zensical = _read(example_site / relative), _read(zensical_site / relative)
        if relative.name != "404.html":  # a page of each engine's own
            assert mkdocs.headings and mkdocs.links, f"{relative}: nothing read (did the theme's markup change?)"
        if mkdocs.headings != zensical.headings:
            differences.append(f"{relative}: headings {mkdocs.headings} != {zensical.headings}")
        wanted, got = (Counter(_targets(relative, links)) for links in (mkdocs.links, zensical.links))
        if wanted != got:
            differences.append(f"{relative}: links only in MkDocs {sorted(wanted - got)}, only in Zensical {sorted(got - wanted)}")
        # Fragment-only links in the navigation are the table of contents, which Zensical builds from Markdown
        # headings only (none on HTML pages); the article's headings are compared above.
        wanted_nav, got_nav = (set(_targets(relative, [link for link in links if not link.startswith("#")]))
                               for links in (mkdocs.nav_links, zensical.nav_links))
        if relative.name != "404.html" and wanted_nav != got_nav:  # 404 links from the root by design
            differences.append(f"{relative}: navigation only in MkDocs {sorted(wanted_nav - got_nav)}, only in Zensical "
                               f"{sorted(got_nav - wanted_nav)}")
    # A link one '../' too deep on a page written as HTML: Zensical rewrites relative links inside raw HTML
    # as it does Markdown links (as relative to the .md file), where MkDocs leaves raw HTML alone.
    assert not differences, "\n".join(differences)


SERVED_AT = "http://intranet.invalid/wgo/"


def _targets(page: Path, links: list[str]) -> list[str]:
    """Where each link of a built page leads: a path in the site, or the link itself when it leaves the site."""
    base = SERVED_AT + page.as_posix().removesuffix("index.html")
    targets = []
    for link in links:
        target = urljoin(base, link)
        targets.append(target.removeprefix(SERVED_AT) if target.startswith(SERVED_AT) else f"outside the site: {link}")
    return targets


def test_every_other_file_is_there_too(example_site: Path, zensical_site: Path) -> None:
    """Attachments, the matrix CSVs and the feed (each engine's own assets and search index aside)."""
    own = ("assets/javascripts/", "assets/stylesheets/", "assets/images/", "search/", "search.json", "sitemap.xml")
    files = [path.relative_to(example_site).as_posix() for path in example_site.rglob("*") if path.is_file()]
    wanted = [path for path in files if not path.endswith((".html", ".gz")) and not path.startswith(own)]
    assert any(path.endswith(".csv") for path in wanted) and "feed.xml" in wanted
    assert [path for path in wanted if not (zensical_site / path).is_file()] == []
    for path in wanted:
        assert (zensical_site / path).read_bytes() == (example_site / path).read_bytes(), path


def test_the_navigation_is_in_the_config_not_a_page(zensical_project: Path, zensical_site: Path) -> None:
    config = read_config(zensical_project / "mkdocs.yml")
    assert config["nav"][0] == {"Start": "index.md"}
    assert config["docs_dir"] == "docs" and config["theme"]["font"] is False
    # Only search, with or without its options (mkdocs.yml sets its word separator).
    search_only = ("search", {"search"})
    assert [plugin for plugin in config["plugins"] if (set(plugin) if isinstance(plugin, dict) else plugin) not in search_only] == []
    assert not list(zensical_project.glob("**/nav.yml")) and not list(zensical_site.glob("nav*"))


def test_search_leaves_out_personal_pages(zensical_site: Path) -> None:
    index = yaml.safe_load((zensical_site / "search.json").read_text(encoding="utf-8"))  # JSON is YAML
    locations = [item["location"] for item in index["items"]]
    assert any(location.startswith("werkprocessen/") for location in locations)
    # Only the restricted folder's index, which names no one, of all that lies under beperkt/.
    assert {location.partition("#")[0] for location in locations if location.startswith("beperkt/")} == {"beperkt/"}
    # Nor tables and lists of names (the templates mark them: Zensical runs no MkDocs hook). Before, the
    # matrix, planning, team and source pages had entries with up to 16 of the example's names.
    names = [line.split(",")[1] for line in (ROOT / "content" / "people.csv").read_text(encoding="utf-8").splitlines()[1:]]
    crowded = [item["location"] for item in index["items"] if sum(name in item.get("text", "") for name in names) > 3]
    assert crowded == []


class _Loads(HTMLParser):
    """Every address a page makes the browser fetch by itself: scripts, styles, icons, images, frames, media."""

    FETCHING_RELS = frozenset({"stylesheet", "preload", "modulepreload", "icon", "preconnect", "dns-prefetch", "manifest"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        self._in_style = tag == "style"
        if tag == "link" and self.FETCHING_RELS & set(values.get("rel", "").lower().split()):
            self.urls.append(values.get("href", ""))
        for name in ("src", "poster", "data"):
            if name in values and tag != "a":
                self.urls.append(values[name])
        self.urls += [part.split()[0] for part in values.get("srcset", "").split(",") if part.strip()]
        if "style" in values:
            self.urls += _css_urls(values["style"])

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.urls += _css_urls(data)

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False


def _css_urls(css: str) -> list[str]:
    return CSS_URL.findall(css)


def _outside(url: str) -> bool:
    return url.lower().startswith(("http:", "https:", "//"))


def test_nothing_loads_from_an_outside_host(zensical_site: Path) -> None:
    found = []
    for page in zensical_site.rglob("*.html"):
        parser = _Loads()
        parser.feed(page.read_text(encoding="utf-8"))
        found += [(page.relative_to(zensical_site).as_posix(), url) for url in parser.urls if _outside(url)]
    for sheet in zensical_site.rglob("*.css"):
        css = sheet.read_text(encoding="utf-8")
        found += [(sheet.relative_to(zensical_site).as_posix(), url) for url in _css_urls(css) if _outside(url)]
    assert found == []
    home = (zensical_site / "index.html").read_text(encoding="utf-8")
    assert "fonts.googleapis" not in home and "Made with" not in home


@pytest.mark.browser
def test_the_browser_fetches_nothing_from_another_host(zensical_site: Path, page: Any) -> None:
    """As the browser tests check the MkDocs build: every request of a few pages goes to the site itself."""
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    with serve(zensical_site) as url:
        for address in [url + path for path in PAGES]:
            response = page.goto(address, wait_until="networkidle")
            assert response is not None and response.status == 200, address
    assert any(request.endswith(".js") for request in requests) and any(request.endswith(".css") for request in requests)
    assert sorted({request for request in requests if urlsplit(request).hostname != "127.0.0.1"}) == []


def test_a_project_config_with_engine_tags_is_carried_over(tmp_path: Path) -> None:
    """Tags such as ``!!python/name:`` (Material's emoji) are for the engine: kept as written, never run."""
    from generator.render.site import NavItem, Site
    from generator.writer import engine_config, write_tree

    (tmp_path / "mkdocs.yml").write_text(
        "site_name: x\ndocs_dir: content\nplugins: {search: {lang: nl, pipeline: [stemmer]}, wgo: {templates_dir: t}}\n"
        "markdown_extensions:\n  - pymdownx.emoji:\n      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
        "extra:\n  version: !ENV [VERSION, '1']\n", encoding="utf-8")
    site = Site(pages=(), nav=(NavItem(title="A & B", path="index.md"),))
    config = engine_config(site, read_config(tmp_path / "mkdocs.yml"), name="Org <1>", language="en")
    write_tree(site, tmp_path / "out", config)
    text = (tmp_path / "out/mkdocs.yml").read_text(encoding="utf-8")
    assert "emoji_index: !!python/name:material.extensions.emoji.twemoji ''" in text
    assert "version: !ENV\n  - VERSION\n  - '1'" in text
    written = read_config(tmp_path / "out/mkdocs.yml")
    assert written["site_name"] == "Org &lt;1&gt;" and written["docs_dir"] == "docs"
    # No pipeline: a stemmer needs the project's search hook, which is not carried over.
    assert written["plugins"] == [{"search": {"lang": "nl"}}] and written["nav"] == [{"A &amp; B": "index.md"}]
    assert written["theme"] == {"name": "material", "language": "en"}
