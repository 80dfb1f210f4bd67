"""The pages of the model's instruments as a reader sees them: charts of levels over time and the own view,
on a laptop, a tablet and A4 paper (issue 22)."""

from __future__ import annotations

from typing import Any

import pytest

from .chromium import pdf_pages_text
from .conftest import OpenPage
from .test_accessibility import axe_violations

pytestmark = pytest.mark.browser

POP, CONVERSATION = "beperkt/ploeg-1/pop/p-007/", "beperkt/ploeg-1/pop/p-007/gesprek/"
CHART_PAGES = ["formats/procesoperator/", "beperkt/ploeg-1/", "beperkt/alle/matrix/procesoperator/", POP]

# Every table's overflow beyond its scroll box, and every chart's drawn size.
MEASURE = """() => ({
  sideways: document.documentElement.scrollWidth - window.innerWidth,
  cut: [...document.querySelectorAll('.md-content table')].filter(t => t.offsetParent)
        .map(t => [t.querySelector('th') ? t.querySelector('th').textContent.trim() : '', t.scrollWidth - t.parentElement.clientWidth])
        .filter(([, over]) => over > 1),
  charts: [...document.querySelectorAll('figure.wgo-chart svg.wgo-chart-svg')]
        .map(svg => [svg.getBoundingClientRect().width, svg.getBoundingClientRect().height]),
})"""


@pytest.mark.parametrize("viewport", [(1366, 900), (768, 1024)])
@pytest.mark.parametrize("address", [*CHART_PAGES, CONVERSATION])
def test_nothing_scrolls_sideways_or_is_cut_and_charts_are_drawn(open_page: OpenPage, site_url: str, address: str,
                                                                  viewport: tuple[int, int]) -> None:
    tab = open_page(f"{site_url}/{address}", viewport=viewport)
    measured = tab.evaluate(MEASURE)
    assert measured["sideways"] <= 0
    if viewport[0] == 1366:  # on a tablet a wide table may scroll inside its box
        assert not measured["cut"], measured["cut"]
    if address in CHART_PAGES:
        assert measured["charts"], "no chart on the page"
        assert all(width >= 300 and height >= 60 for width, height in measured["charts"]), measured["charts"]


def printed(tab: Any) -> list[str]:
    tab.emulate_media(media="print")
    return ["".join(text.split()) for text in pdf_pages_text(tab.pdf(format="A4", prefer_css_page_size=True))]


def test_the_conversation_sheet_prints_the_own_view_the_next_criteria_and_room_for_agreements(
    open_page: OpenPage, site_url: str,
) -> None:
    pages = printed(open_page(f"{site_url}/{CONVERSATION}"))
    text = "".join(pages)
    assert pages[0].startswith("Gespreksformulier—MehmetY") or "Gespreksformulier—MehmetY" in pages[0]
    for words in ("Eigenbeeld", "bespreken:zietzichhoger", "bespreken:zietzichlager", "Criteriavoorhetvolgendeniveau",
                  "Afspraken", "Datumgesprek", "Coach(paraaf)"):
        assert words in text, words
    assert "Afspraken" in pages[-1]  # the agreements close the sheet, not a page in the middle


def test_the_pop_prints_its_chart_with_the_overall_level_over_time(open_page: OpenPage, site_url: str) -> None:
    tab = open_page(f"{site_url}/{POP}")
    tab.emulate_media(media="print")
    figure = tab.locator("figure.wgo-chart").first
    assert figure.is_visible()
    assert tab.evaluate("() => getComputedStyle(document.querySelector('figure.wgo-chart')).breakInside") == "avoid"
    text = "".join(printed(tab))
    assert "Totaalniveauindetijd" in text and "Eigenbeeldnaasthetbeoordeeldeniveau" in text


def test_a_chart_reads_in_grey_levels_go_from_light_to_dark(open_page: OpenPage, site_url: str) -> None:
    """The legend's swatches, by luminance: each level darker than the one below it."""
    tab = open_page(f"{site_url}/beperkt/ploeg-1/")
    fills = tab.evaluate("() => [...document.querySelectorAll('.wgo-chart-legend')[0].querySelectorAll('rect')]"
                         ".map(r => r.getAttribute('fill'))")

    def luminance(colour: str) -> float:
        red, green, blue = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
        return 0.2126 * red + 0.7152 * green + 0.0722 * blue

    values = [luminance(fill) for fill in fills]
    assert len(values) == 5 and values == sorted(values, reverse=True) and len(set(values)) == 5


@pytest.mark.parametrize("address", [*CHART_PAGES, CONVERSATION])
def test_axe_finds_nothing_at_all_on_the_chart_pages(open_page: OpenPage, site_url: str, address: str) -> None:
    """Not only nothing serious: the charts' titles, descriptions and tables leave axe nothing to report."""
    found = axe_violations(open_page(f"{site_url}/{address}"))
    assert not found, [f"{v['id']} ({v['impact']}): {v['nodes'][0]['html'][:120]}" for v in found]
