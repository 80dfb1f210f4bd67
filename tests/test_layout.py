"""Every table of every page type fits its page, on a laptop (1366×768) and on a tablet (768×1024), in headless Chromium.

At 1366 px no table may be cut inside its box (it has the width of the page, wraps or stacks); at 768 px a table may
scroll inside its box, but only with its first column sticky, so the reader still sees which row is which. The page
itself never scrolls sideways. One tab per size loads each page once (issue 23).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

pytestmark = pytest.mark.browser

LAPTOP, TABLET = (1366, 768), (768, 1024)

# One page of each type, with the name the test reports it by.
PAGE_TYPES = [
    ("home", ""),
    ("format", "formats/procesoperator/"),
    ("formats index", "formats/"),
    ("work process", "werkprocessen/proces-bewaken/"),
    ("work processes index", "werkprocessen/"),
    ("source", "bronnen/vr-loto/"),
    ("sources index", "bronnen/"),
    ("checklist", "aftekenlijsten/procesoperator-niveau-2/"),
    ("checklists index", "aftekenlijsten/"),
    ("pre-filled checklist", "beperkt/ploeg-1/pop/p-007/aftekenlijst/"),
    ("matrix, all teams", "beperkt/alle/matrix/procesoperator/"),
    ("matrix, one team", "beperkt/ploeg-1/matrix/laborant/"),
    ("team", "beperkt/ploeg-1/"),
    ("teams index", "beperkt/alle/teams/"),
    ("POP", "beperkt/ploeg-1/pop/p-001/"),
    ("POP conversation sheet", "beperkt/ploeg-1/pop/p-007/gesprek/"),
    ("recognition", "beperkt/ploeg-2/pop/p-012/erkenning/"),
    ("planning", "beperkt/alle/planning/"),
    ("team planning", "beperkt/ploeg-1/planning/"),
    ("re-instruction", "beperkt/ploeg-1/herinstructie/"),
    ("people index", "beperkt/alle/mensen/"),
    ("improvements index", "verbeteropdrachten/"),
    ("improvement", "verbeteropdrachten/alarmreductie-dcs/"),
    ("health", "gezondheid/"),
    ("health, names", "beperkt/alle/gezondheid/namen/"),
    ("function house", "functiehuis/"),
    ("implementation", "invoering/"),
    ("author guide", "handleiding/"),
]

# Per table: the boxes that clip it sideways (itself, as Material makes a table a scrolling block, and its ancestors),
# the widest of them cut (its content, scrollWidth, wider than what it shows, clientWidth), and whether the first
# column stays in view when that box is scrolled to its right end (only the nearest box can carry sticky cells).
# Folded parts (<details>) are opened first, as a reader would.
MEASURE_TABLES = """() => {
  const clips = (e) => ['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(e).overflowX);
  const firstColumnStays = (box, table) => {
    const left = box.getBoundingClientRect().left;
    box.scrollLeft = box.scrollWidth;
    const stays = [...table.rows].every((row) => !row.cells[0] || row.cells[0].getBoundingClientRect().left >= left - 1);
    box.scrollLeft = 0;
    return stays;
  };
  const measure = (table) => {
    const boxes = [];
    for (let e = table; e && e !== document.body; e = e.parentElement) if (clips(e)) boxes.push(e);
    const cut = boxes.filter((box) => box.scrollWidth > box.clientWidth + 1);
    const worst = cut.sort((a, b) => (b.scrollWidth - b.clientWidth) - (a.scrollWidth - a.clientWidth))[0] ?? boxes[0];
    return {
      table: (table.querySelector('th')?.textContent ?? '').trim().slice(0, 30),
      content: worst ? worst.scrollWidth : table.scrollWidth, shown: worst ? worst.clientWidth : table.scrollWidth,
      scrolls: cut.length === 1 && cut[0] === boxes[0] && ['auto', 'scroll'].includes(getComputedStyle(cut[0]).overflowX),
      sticky: cut.length === 1 && firstColumnStays(cut[0], table),
    };
  };
  document.querySelectorAll('.md-content details').forEach((d) => { d.open = true; });  // a reader opens them
  const page = document.documentElement;
  return {
    page: {content: Math.max(page.scrollWidth, document.body.scrollWidth), shown: page.clientWidth},
    tables: [...document.querySelectorAll('.md-content table')].filter((t) => t.getClientRects().length).map(measure),
  };
}"""


def is_cut(measured: dict[str, Any]) -> bool:
    """Its box shows less than its content (1 px of rounding allowed)."""
    return bool(measured["content"] > measured["shown"] + 1)


@pytest.fixture(scope="module")
def tabs(browser: Any) -> Iterator[dict[tuple[int, int], Any]]:
    """One tab per size, reused for every page: a fresh context per page would double the test's time."""
    contexts = {size: browser.new_context(viewport={"width": size[0], "height": size[1]}) for size in (LAPTOP, TABLET)}
    yield {size: context.new_page() for size, context in contexts.items()}
    for context in contexts.values():
        context.close()


def measure(tabs: dict[tuple[int, int], Any], site_url: str, size: tuple[int, int], address: str) -> dict[str, Any]:
    tab = tabs[size]
    tab.goto(f"{site_url}/{address}")
    measured: dict[str, Any] = tab.evaluate(MEASURE_TABLES)
    return measured


@pytest.mark.parametrize(("kind", "address"), [pytest.param(k, a, id=k) for k, a in PAGE_TYPES])
def test_on_a_laptop_no_table_is_cut_and_the_page_does_not_scroll_sideways(
    tabs: dict[tuple[int, int], Any], site_url: str, kind: str, address: str
) -> None:
    measured = measure(tabs, site_url, LAPTOP, address)
    assert not is_cut(measured["page"]), f"{kind}: the page scrolls sideways: {measured['page']}"
    cut = [table for table in measured["tables"] if is_cut(table)]
    assert not cut, f"{kind}: tables cut inside their box at 1366 px: {cut}"


@pytest.mark.parametrize(("kind", "address"), [pytest.param(k, a, id=k) for k, a in PAGE_TYPES])
def test_on_a_tablet_a_table_scrolls_only_with_its_first_column_sticky(
    tabs: dict[tuple[int, int], Any], site_url: str, kind: str, address: str
) -> None:
    measured = measure(tabs, site_url, TABLET, address)
    assert not is_cut(measured["page"]), f"{kind}: the page scrolls sideways: {measured['page']}"
    loose = [table for table in measured["tables"] if is_cut(table) and not (table["scrolls"] and table["sticky"])]
    assert not loose, f"{kind}: tables scrolling at 768 px without a sticky first column: {loose}"


# Every comma that follows a link in a table cell, and whether it sits on the line of that link (within its box).
COMMAS_AFTER_LINKS = """() => [...document.querySelectorAll('.md-content td > a')].flatMap((link) => {
  const next = link.nextSibling;
  if (!next || next.nodeType !== Node.TEXT_NODE || !next.textContent.startsWith(',')) return [];
  const range = document.createRange();
  range.setStart(next, 0);
  range.setEnd(next, 1);
  const comma = range.getBoundingClientRect(), boxes = link.getClientRects(), last = boxes[boxes.length - 1];
  return [{link: link.textContent, alongside: comma.top >= last.top - 1 && comma.bottom <= last.bottom + 1}];
})"""

# An A4 page's width inside print.css's margins (210 mm less 2 × 12 mm), in CSS pixels.
A4_TEXT_WIDTH = round((210 - 2 * 12) / 25.4 * 96)


@pytest.mark.parametrize("media", ["screen", "print"])
def test_a_comma_between_two_sources_stays_with_the_link_before_it(browser: Any, site_url: str, media: str) -> None:
    width = LAPTOP[0] if media == "screen" else A4_TEXT_WIDTH
    context = browser.new_context(viewport={"width": width, "height": 768})
    try:
        tab = context.new_page()
        tab.emulate_media(media=media)
        tab.goto(f"{site_url}/aftekenlijsten/procesoperator-niveau-2/")
        commas = tab.evaluate(COMMAS_AFTER_LINKS)
    finally:
        context.close()
    assert len(commas) >= 5, "the checklist should have criteria with several sources"
    alone = [comma["link"] for comma in commas if not comma["alongside"]]
    assert not alone, f"a comma on a line of its own after: {alone}"
