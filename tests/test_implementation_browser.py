"""The implementation monitor as a planner (laptop) and a team leader (tablet) read it, in headless Chromium."""

from __future__ import annotations

import pytest

from .conftest import OpenPage

pytestmark = pytest.mark.browser

MONITOR = "/invoering/"

# Per table: how much wider it is than the box it stands in (Material's scroll wrapper, or its parent without
# script); per chart and bar: how far it reaches past its card.
OVERFLOW = """() => {
  const tables = [...document.querySelectorAll('.md-content table')].map(
    (t) => t.scrollWidth - t.parentElement.clientWidth);
  const drawn = [...document.querySelectorAll('.wgo-monitor-item svg')].map((svg) => {
    const card = svg.closest('.wgo-monitor-item').getBoundingClientRect();
    return svg.getBoundingClientRect().right - card.right;
  });
  return {page: document.documentElement.scrollWidth - window.innerWidth, tables, drawn,
          cards: document.querySelectorAll('.wgo-monitor-item').length};
}"""


@pytest.mark.parametrize("viewport", [(1366, 900), (768, 1024)], ids=["laptop", "tablet"])
@pytest.mark.parametrize("javascript", [True, False], ids=["script", "no-script"])
def test_nothing_scrolls_sideways_or_is_cut(open_page: OpenPage, site_url: str, viewport: tuple[int, int], javascript: bool) -> None:
    tab = open_page(site_url + MONITOR, viewport=viewport, javascript=javascript)
    found = tab.evaluate(OVERFLOW)
    assert found["cards"] == 12  # six measures for each of the example's two formats
    assert found["page"] <= 0
    assert found["tables"] and max(found["tables"]) <= 0, found["tables"]
    assert found["drawn"] and max(found["drawn"]) <= 0.5, found["drawn"]


def test_the_cards_stand_two_abreast_on_a_tablet(open_page: OpenPage, site_url: str) -> None:
    tab = open_page(site_url + MONITOR, viewport=(768, 1024))
    tops = tab.evaluate("() => [...document.querySelectorAll('.wgo-monitor-item')].slice(0, 2).map(c => c.getBoundingClientRect().top)")
    assert tops[0] == tops[1]
