"""The function house as a reader sees it: whole on a laptop and a tablet, and on one landscape A4 sheet."""

from __future__ import annotations

import re

import pytest

from .chromium import pdf_pages_text
from .conftest import OpenPage

pytestmark = pytest.mark.browser

HOUSE = "functiehuis/"

# How far the page scrolls sideways, and every table wider than the box it sits in.
MEASURE = """() => ({
  sideways: document.documentElement.scrollWidth - window.innerWidth,
  cut: [...document.querySelectorAll('.md-content table')].filter(t => t.offsetParent)
        .map(t => t.scrollWidth - t.parentElement.clientWidth).filter(over => over > 1),
  columns: document.querySelectorAll('.wgo-house-table thead th').length,
})"""


@pytest.mark.parametrize("viewport", [(1366, 900), (768, 1024)])
def test_the_house_neither_scrolls_sideways_nor_is_cut(open_page: OpenPage, site_url: str, viewport: tuple[int, int]) -> None:
    measured = open_page(f"{site_url}/{HOUSE}", viewport=viewport).evaluate(MEASURE)
    assert measured["columns"] == 3  # the levels and the example's two formats
    assert measured["sideways"] <= 0
    assert not measured["cut"], measured["cut"]


def test_the_house_prints_on_one_landscape_a4(open_page: OpenPage, site_url: str) -> None:
    tab = open_page(f"{site_url}/{HOUSE}")
    tab.emulate_media(media="print")
    pdf = tab.pdf(format="A4", prefer_css_page_size=True, print_background=True)
    pages = ["".join(text.split()) for text in pdf_pages_text(pdf)]
    assert len(pages) == 1, f"{len(pages)} pages"
    width, height = (float(n) for n in re.search(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", pdf).groups())  # type: ignore[union-attr]
    assert width > height, "portrait, not landscape"
    for words in ("Ploeglaborant", "Procesoperator", "Opleider", "Allround", "Medewerker", "Assistent", "Nietopgeleid",
                  "Medewerkersinhetformat"):
        assert words in pages[0], words
    assert "Aftekenlijstniveau" not in pages[0]  # links the paper cannot follow are left out
