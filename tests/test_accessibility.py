"""Accessibility of the example site: axe-core in Chromium on one page of each kind, and touch targets."""

from __future__ import annotations

from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe

from .conftest import OpenPage

pytestmark = pytest.mark.browser

# One page of each kind that employees, coaches and planners open (issue 12).
PAGES = [
    "",
    "formats/procesoperator/",
    "werkprocessen/proces-bewaken/",
    "bronnen/vr-loto/",
    "bronnen/",
    "aftekenlijsten/procesoperator-niveau-2/",
    "beperkt/ploeg-1/pop/p-007/aftekenlijst/",
    "beperkt/alle/matrix/procesoperator/",
    "beperkt/ploeg-1/",
    "beperkt/ploeg-1/pop/p-001/",
    "beperkt/ploeg-2/pop/p-012/erkenning/",
    "beperkt/alle/planning/",
    "beperkt/alle/mensen/",  # the people index, with its name box (issue 23)
    "gezondheid/",
    "beperkt/ploeg-1/pop/p-007/gesprek/",
    "functiehuis/",
    "invoering/",
]


def axe_violations(tab: Any) -> list[dict[str, Any]]:
    """axe-core's violations on the open page (axe.min.js comes with the Python package: nothing is fetched)."""
    result: list[dict[str, Any]] = Axe().run(tab).response["violations"]
    return result


@pytest.mark.parametrize("address", PAGES)
def test_no_serious_or_critical_violation(open_page: OpenPage, site_url: str, address: str) -> None:
    tab = open_page(f"{site_url}/{address}")
    serious = [
        f"{v['id']} ({v['impact']}): {v['nodes'][0]['html'][:120]} — {len(v['nodes'])} element(s)"
        for v in axe_violations(tab)
        if v["impact"] in ("serious", "critical")
    ]
    assert not serious, "\n".join(serious)


@pytest.mark.parametrize("address", PAGES)
def test_no_empty_header_cell(open_page: OpenPage, site_url: str, address: str) -> None:
    tab = open_page(f"{site_url}/{address}")
    empty = tab.evaluate("() => [...document.querySelectorAll('.md-content th')].filter(th => !th.textContent.trim()).length")
    assert empty == 0


@pytest.mark.parametrize("address", ["werkprocessen/proces-bewaken/", "bronnen/", "beperkt/ploeg-1/pop/p-001/", "beperkt/alle/planning/",
                                     "functiehuis/"])
def test_links_in_lists_and_tables_are_24px_high_on_a_tablet(open_page: OpenPage, site_url: str, address: str) -> None:
    tab = open_page(f"{site_url}/{address}", viewport=(768, 1024))
    heights = tab.evaluate(
        "() => [...document.querySelectorAll('.md-content li > a, .md-content td > a')]"
        ".filter(a => a.offsetParent).map(a => [a.textContent.trim(), a.getBoundingClientRect().height])"
    )
    assert heights, "no links found"
    small = [(text, height) for text, height in heights if height < 24]
    assert not small, small[:5]
