"""The built site in a real browser: Debian's Chromium, driven by Playwright, over loopback only.

Every page is served by a local HTTP server on 127.0.0.1 (an ephemeral port), so the tests see the
site as the intranet does: closed, no outside hosts, search running from the site itself.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from .chromium import pdf_pages_text, serve
from .conftest import build_site, content_tree, with_site_config

pytestmark = pytest.mark.browser

EVIL = "</title><script>alert(1)</script>"
# Whether a script element runs the payload (Playwright's text matching skips script contents).
INJECTED = "() => [...document.scripts].some((script) => script.textContent.includes('alert(1)'))"


def built(project: Path) -> Path:
    site = project / "site"
    result = build_site(project, site)
    assert result.returncode == 0, result.stderr
    return site


# --- 1. closed intranet --------------------------------------------------------------------------

PAGES = [
    "/",
    "/aftekenlijsten/procesoperator-niveau-1/",
    "/beperkt/alle/matrix/procesoperator/",
    "/bronnen/sop-opstarten-r101/",
    "/beperkt/ploeg-1/pop/p-001/",
]


def test_pages_load_nothing_from_other_hosts_and_log_no_errors(page: Any, site_url: str) -> None:
    requests: list[str] = []
    errors: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.on(
        "console",
        lambda message: errors.append(f"{message.location.get('url')}: {message.text}") if message.type == "error" else None,
    )
    page.on("pageerror", lambda error: errors.append(f"{page.url}: uncaught {error}"))
    for path in PAGES:
        response = page.goto(site_url + path, wait_until="networkidle")
        assert response is not None and response.status == 200, path
    # Sanity: the recorder sees the site's own assets (else an empty list would pass trivially).
    assert any(url.endswith(".css") for url in requests)
    assert any(url.endswith(".js") for url in requests)
    outside = sorted({url for url in requests if urlsplit(url).hostname != "127.0.0.1"})
    assert outside == [], f"requests to other hosts: {outside}"
    # A missing favicon would log "Failed to load resource: ... 404" with the favicon's URL as its
    # location; it is not a fault of the pages, so such messages are ignored. (Material ships its
    # favicon in assets/images/, so none is expected.)
    errors = [error for error in errors if "favicon" not in error]
    assert errors == []


# --- 2. print layout of a checklist --------------------------------------------------------------

PRINT_STYLES = """() => {
  const style = (el, prop) => getComputedStyle(el).getPropertyValue(prop);
  const all = (selector) => [...document.querySelectorAll(selector)];
  const tables = all('.wgo-checklist table');
  return {
    hidden: ['.md-header', '.md-sidebar', '.wgo-breadcrumbs'].map(
      (s) => [s, all(s).length, all(s).map((el) => style(el, 'display'))]),
    tables: tables.map((t) => style(t, 'display')),
    heads: tables.map((t) => t.tHead ? style(t.tHead, 'display') : 'no thead'),
    rows: tables.flatMap((t) => [...t.rows].map((r) => style(r, 'break-inside'))),
    clipping: tables.flatMap((t) => {
      const out = [];
      for (let el = t.parentElement; el && el !== document.body; el = el.parentElement) {
        const overflow = [style(el, 'overflow-x'), style(el, 'overflow-y')];
        if (overflow.some((o) => o !== 'visible')) out.push(`${el.tagName}.${el.className}: ${overflow}`);
      }
      return out;
    }),
  };
}"""


def test_checklist_prints_without_chrome_and_with_whole_tables(page: Any, site_url: str) -> None:
    page.goto(site_url + "/aftekenlijsten/procesoperator-niveau-1/")
    page.emulate_media(media="print")
    styles = page.evaluate(PRINT_STYLES)
    for selector, count, displays in styles["hidden"]:
        assert count > 0, f"{selector} not on the page"
        assert set(displays) == {"none"}, f"{selector} is shown in print: {displays}"
    assert styles["tables"], "no checklist tables"
    assert set(styles["tables"]) == {"table"}
    assert set(styles["heads"]) == {"table-header-group"}
    assert styles["rows"] and set(styles["rows"]) == {"avoid"}
    assert styles["clipping"] == [], "an ancestor of a checklist table clips or scrolls in print"
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")




def test_long_checklist_splits_across_pages_with_its_header_repeated(page: Any, tmp_path: Path) -> None:
    project = with_site_config(content_tree(tmp_path))
    process = project / "content" / "work-processes" / "opstarten.md"
    criteria = "".join(
        f"  - id: opstarten-1-{n:02d}\n    level: 1\n    kind: skill\n"
        f"    text: Voert stap {n} van de lange opstartreeks uit en controleert het resultaat\n"
        f"    sources: [sop-opstarten]\n"
        for n in range(2, 62)
    )
    text = process.read_text(encoding="utf-8")
    head, marker, rest = text.partition("  - id: opstarten-2-01\n")
    assert marker, "the base fixture changed: opstarten.md has no opstarten-2-01"
    process.write_text(head + criteria + marker + rest, encoding="utf-8")
    site = built(project)

    with serve(site) as url:
        page.goto(url + "/aftekenlijsten/operator-niveau-1/")
        page.emulate_media(media="print")
        rows = page.locator(".wgo-checklist table").first.locator("tbody tr")
        assert rows.count() == 61, "the checklist does not show all 61 level-1 criteria of opstarten"
        pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")

    pages = pdf_pages_text(pdf)
    ids = [f"opstarten-1-{n:02d}" for n in range(1, 62)]
    with_rows = [number for number, text in enumerate(pages) if any(i in text for i in ids)]
    assert len(with_rows) >= 2, f"61 rows fit on one A4 page? pages: {len(pages)}"
    for number in with_rows:
        # The header row ("Criterium ... Paraaf") comes back on every page the table runs over.
        assert "Criterium" in pages[number] and "Paraaf" in pages[number], f"page {number + 1} has rows but no header"
    # No row is lost or printed twice (a row split over a page break would still show its id once,
    # so this is a check on completeness; break-inside: avoid is checked in the computed styles).
    for i in ids:
        assert sum(text.count(i) for text in pages) == 1, f"{i} is not printed exactly once"


# --- 3. escaping ---------------------------------------------------------------------------------


def test_markup_in_titles_and_names_is_shown_as_text(page: Any, tmp_path: Path) -> None:
    project = with_site_config(content_tree(tmp_path))
    content = project / "content"

    def replace(path: Path, old: str, new: str) -> None:
        text = path.read_text(encoding="utf-8")
        assert old in text, f"the base fixture changed: {old!r} not in {path.name}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    replace(content / "formats" / "operator.yml", "title: Operator", f"title: 'Format {EVIL}'")
    replace(content / "work-processes" / "opstarten.md", "title: Opstarten", f'title: "Proces {EVIL}"')
    replace(content / "sources" / "sop-opstarten.md", "title: Opstartprocedure", f"title: 'Bron {EVIL}'")
    replace(content / "people.csv", "Ali Aydin", f'"Ali {EVIL}"')
    site = built(project)

    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    with serve(site) as url:
        for path, name in [
            ("/formats/operator/", "Format"),
            ("/werkprocessen/opstarten/", "Proces"),
            ("/bronnen/sop-opstarten/", "Bron"),
            ("/pop/p-001/", "Ali"),
        ]:
            response = page.goto(url + path, wait_until="networkidle")
            assert response is not None and response.status == 200, path
            heading = page.locator("article h1").first.inner_text()
            assert "<script>alert(1)</script>" in heading, f"{path}: h1 is {heading!r}"
            assert f"{name} {EVIL}" in page.title(), f"{path}: title is {page.title()!r}"
            assert not page.evaluate(INJECTED), f"{path}: the markup became a script element"
        # The home page and the other pages that show these names (navigation, lists, matrix, checklist).
        for path in ["/", "/matrix/operator/", "/aftekenlijsten/operator-niveau-1/", "/werkprocessen/", "/bronnen/"]:
            response = page.goto(url + path, wait_until="networkidle")
            assert response is not None and response.status == 200, path
            assert not page.evaluate(INJECTED), f"{path}: the markup became a script element"
    assert dialogs == []


# --- 4. the matrix carries levels as text --------------------------------------------------------


def test_matrix_levels_are_digits_on_a_colour(page: Any, site_url: str) -> None:
    page.goto(site_url + "/beperkt/alle/matrix/procesoperator/")
    cells = page.evaluate(
        """() => [...document.querySelectorAll('.wgo-matrix .wgo-level')].map((el) => ({
            text: el.textContent.trim(),
            visible: el.offsetWidth > 0 && el.offsetHeight > 0,
            background: getComputedStyle(el).backgroundColor,
            colour: getComputedStyle(el).color,
        }))"""
    )
    assert len(cells) >= 20, f"only {len(cells)} level cells in the matrix"
    transparent = {"transparent", "rgba(0, 0, 0, 0)"}
    for cell in cells:
        assert re.fullmatch(r"\d", cell["text"]), cell
        assert cell["visible"], cell
        assert cell["background"] not in transparent, cell
        assert cell["colour"] != cell["background"], cell
    # Different levels get different colours (the colour helps; the digit carries the level).
    by_level: dict[str, set[str]] = {}
    for cell in cells:
        by_level.setdefault(cell["text"], set()).add(cell["background"])
    assert all(len(colours) == 1 for colours in by_level.values()), by_level
    assert len({next(iter(colours)) for colours in by_level.values()}) == len(by_level), by_level


# --- 5. search offline ---------------------------------------------------------------------------


def test_search_finds_a_source_offline(page: Any, site_url: str) -> None:
    outside: list[str] = []
    page.on("request", lambda request: outside.append(request.url) if urlsplit(request.url).hostname != "127.0.0.1" else None)
    page.goto(site_url + "/", wait_until="networkidle")
    search = page.locator("input.md-search__input")
    search.click()
    search.press_sequentially("opstartprocedure", delay=20)
    results = page.locator(".md-search-result__item")
    results.first.wait_for(state="visible")
    links = results.locator("a").evaluate_all("(links) => links.map((a) => a.getAttribute('href'))")
    assert any("bronnen/sop-opstarten-r101/" in link for link in links), links
    assert outside == []


def test_improvement_prints_as_one_landscape_page_with_sections_side_by_side(page: Any, site_url: str) -> None:
    """As LEAN teams pin a report on a board: the longest write-up of the example on one A4 landscape sheet."""
    page.goto(site_url + "/verbeteropdrachten/loto-vergrendelbord/")
    page.emulate_media(media="print")
    assert page.evaluate("getComputedStyle(document.querySelector('.wgo-writeup')).columnCount") == "3"
    pdf = page.pdf(prefer_css_page_size=True, print_background=True)
    boxes = [(float(w), float(h)) for w, h in re.findall(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", pdf)]
    assert len(boxes) == 1, f"{len(boxes)} pages"
    width, height = boxes[0]
    assert round(width) == 842 and round(height) == 595, boxes  # A4 landscape in points
    assert "Resultaat" in pdf_pages_text(pdf)[0]
