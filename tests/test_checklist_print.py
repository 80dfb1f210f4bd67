"""Checklists a coach can hand in (issue 12): every printed A4 page names the format, level and employee
and says "pagina X van Y"; the last page holds the closing block; a POP links to a pre-filled checklist."""

from __future__ import annotations

from typing import Any

import pytest

from .chromium import pdf_pages_text

pytestmark = pytest.mark.browser


def printed_pages(page: Any) -> list[str]:
    """The text of each A4 page of the open page, without spaces (Skia does not always draw them)."""
    page.emulate_media(media="print")
    return ["".join(text.split()) for text in pdf_pages_text(page.pdf(format="A4", prefer_css_page_size=True))]


def assert_can_be_handed_in(pages: list[str], level: int, name: str | None) -> None:
    assert len(pages) >= 2, f"the checklist prints on {len(pages)} page(s): too short to test what each page carries"
    for number, text in enumerate(pages, start=1):
        assert f"Procesoperator—Niveau{level}" in text, f"page {number}: no format and level"
        assert "Medewerker:" in text, f"page {number}: no employee field"
        if name:
            assert f"Medewerker:{''.join(name.split())}" in text, f"page {number}: not the name {name}"
        assert f"pagina{number}van{len(pages)}" in text, f"page {number}: no 'pagina {number} van {len(pages)}'"
    for words in (f"Niveau{level}behaald", "Datum", "Handtekeningbeoordelaar", "Handtekeningmedewerker"):
        assert words in pages[-1], f"the last page has no '{words}'"
    assert not any(f"Niveau{level}behaald" in text for text in pages[:-1]), "the closing block is not on the last page alone"


def test_a_blank_checklist_prints_with_name_field_and_page_numbers_on_every_page(page: Any, site_url: str) -> None:
    page.goto(f"{site_url}/aftekenlijsten/procesoperator-niveau-2/")
    pages = printed_pages(page)
    assert_can_be_handed_in(pages, 2, None)
    assert "Team" in pages[0] and "Opmerkingen" in pages[0]


def test_a_pop_links_to_a_prefilled_checklist_of_the_next_level_that_prints_the_same_way(page: Any, site_url: str) -> None:
    page.goto(f"{site_url}/beperkt/ploeg-1/pop/p-007/")
    link = page.locator("a.wgo-prefilled-checklist")
    assert "niveau 2" in link.inner_text()  # Mehmet Yılmaz stands at level 1 in the example
    link.click()
    page.wait_for_load_state()
    head = page.locator(".wgo-checklist-head")
    assert "Mehmet Yılmaz" in head.inner_text() and "Ploeg 1" in head.inner_text()
    # A criterion already signed carries its date and "Afgetekend"; the rest are left to fill in.
    signed = page.locator(".wgo-checklist td.wgo-signed")
    assert signed.count() > 0
    assert page.locator(".wgo-checklist tbody td:nth-child(4):not(.wgo-signed)").count() > 0
    assert_can_be_handed_in(printed_pages(page), 2, "Mehmet Yılmaz")
