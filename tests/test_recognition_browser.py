"""The overview for recognition as a planner, a team leader and an EVC assessor see it: on a laptop and a
tablet without sideways scrolling or a table cut off, and on A4 paper with the person's name on every page."""

from __future__ import annotations

from typing import Any

import pytest

from .conftest import OpenPage
from .test_checklist_print import printed_pages

pytestmark = pytest.mark.browser

OVERVIEW = "beperkt/ploeg-2/pop/p-012/erkenning/"  # Rob Robberts: levels 0 to 3, by assessment and by criteria

# The tables that reach past the content's right edge, or that Material's wrapper would scroll sideways (a part hidden).
CUT_TABLES = """() => [...document.querySelectorAll('.md-content table')].filter(t => t.offsetParent).map(t => {
  const wrap = t.closest('.md-typeset__scrollwrap'), content = document.querySelector('.md-content__inner');
  return [t.querySelector('th, td').textContent.trim(), Math.round(t.getBoundingClientRect().right - content.getBoundingClientRect().right),
          wrap ? wrap.scrollWidth - wrap.clientWidth : 0];
}).filter(([, past, hidden]) => past > 1 || hidden > 1)"""


@pytest.mark.parametrize("viewport", [(1366, 900), (768, 1024)])
def test_the_overview_fits_a_laptop_and_a_tablet(open_page: OpenPage, site_url: str, viewport: tuple[int, int]) -> None:
    tab = open_page(f"{site_url}/{OVERVIEW}", viewport=viewport)
    assert tab.evaluate("() => document.documentElement.scrollWidth - window.innerWidth") <= 0
    assert tab.locator(".wgo-shown table").count() >= 3, "no tables of work processes: nothing was checked"
    assert tab.evaluate(CUT_TABLES) == []


def test_the_pop_links_to_the_overview_that_prints_the_name_on_every_a4_page(page: Any, site_url: str) -> None:
    page.goto(f"{site_url}/beperkt/ploeg-2/pop/p-012/")
    page.locator("a.wgo-recognition-link").click()
    page.wait_for_load_state()
    assert page.url.endswith(OVERVIEW)
    pages = printed_pages(page)
    assert len(pages) >= 2, f"the overview prints on {len(pages)} page(s): too short to test what each page carries"
    for number, text in enumerate(pages, start=1):
        assert "Overzichtvoorerkenning·RobRobberts·Procesoperator" in text, f"page {number}: no name in the running head"
        assert f"pagina{number}van{len(pages)}" in text, f"page {number}: no 'pagina {number} van {len(pages)}'"
    assert "Operator(crebo25394)" in pages[0] and "B1-K1-W1" in pages[0]
    closing = "VoorjuistheidnamensVoorbeeldChemieBV"
    assert closing in pages[-1] and not any(closing in text for text in pages[:-1]), "the closing block is not on the last page"


def test_on_paper_a_work_process_row_is_never_split_over_two_pages(page: Any, site_url: str) -> None:
    page.goto(f"{site_url}/{OVERVIEW}")
    page.emulate_media(media="print")
    split = page.evaluate("""() => [...document.querySelectorAll('.wgo-shown tr')]
      .map(tr => getComputedStyle(tr).breakInside).filter(value => value !== 'avoid')""")
    assert split == []
