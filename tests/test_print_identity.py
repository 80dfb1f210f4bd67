"""The words in the printed margins (issue 23), without a browser: the one macro that writes them, in both
languages, and every page of the example that is printed (matrix, POP and the sheets beside it, planning,
team page, checklists) carrying it with its own title. test_print.py prints them."""

from __future__ import annotations

import datetime as dt
import html
import re
from pathlib import Path

from generator.catalogue import Catalogue
from generator.render.renderer import Renderer

MACRO = "{% from '_print.html.j2' import page_identity %}{{ page_identity(title) }}"

# The pages printed for the floor or a conversation, by their place in the example's site.
PRINTED = {
    "team page": r"beperkt/[^/]+/index\.html",
    "matrix": r"beperkt/[^/]+/matrix/[^/]+/index\.html",
    "planning": r"beperkt/[^/]+/planning/index\.html",
    "POP": r"beperkt/[^/]+/pop/[^/]+/index\.html",
    "pre-filled checklist": r"beperkt/[^/]+/pop/[^/]+/aftekenlijst/index\.html",
    "conversation sheet": r"beperkt/[^/]+/pop/[^/]+/gesprek/index\.html",
    "overview for recognition": r"beperkt/[^/]+/pop/[^/]+/erkenning/index\.html",
    "checklist": r"aftekenlijsten/[^/]+-niveau-\d+/index\.html",
}
MARGINS = re.compile(r'<style>@page \{ @top-left \{ content: "([^"]*)"; \} @top-right \{ content: "([^"]*)"; \}')


def identity(language: str, title: str) -> str:
    return Renderer(Catalogue(language), dt.date(2026, 11, 1)).html_environment.from_string(MACRO).render(title=title)


def test_the_margins_say_what_the_page_is_as_of_when_and_page_x_of_y_in_the_sites_language() -> None:
    # Inside a CSS string neither HTML escaping nor character references work: all but letters, digits and spaces are CSS escapes.
    assert identity("nl", 'Ploeg "1" — Noord') == (
        '<style>@page { @top-left { content: "Ploeg \\22 1\\22  \\2014  Noord"; } '
        '@top-right { content: "Stand per 01\\2d 11\\2d 2026"; } '
        '@bottom-right { content: "pagina " counter(page) " van " counter(pages); } }</style>'
    )
    assert identity("en", "Team 1") == (
        '<style>@page { @top-left { content: "Team 1"; } '
        '@top-right { content: "As of 2026\\2d 11\\2d 01"; } '
        '@bottom-right { content: "page " counter(page) " of " counter(pages); } }</style>'
    )


def test_every_printed_page_of_the_example_carries_its_own_title_and_date_in_its_margins(example_site: Path) -> None:
    addresses = [path.relative_to(example_site).as_posix() for path in sorted(example_site.rglob("index.html"))]
    for kind, pattern in PRINTED.items():
        pages = [address for address in addresses if re.fullmatch(pattern, address)]
        assert pages, f"no {kind} in the example"
        for address in pages:
            text = (example_site / address).read_text(encoding="utf-8")
            margins = MARGINS.findall(text)
            assert len(margins) == 1, f"{address}: {len(margins)} sets of printed margins"
            heading = re.search(r"<h1[^>]*>(.*?)</h1>", text, re.S)
            assert heading, f"{address}: no title"
            title = html.unescape(re.sub(r"<[^>]*>", "", heading[1]))
            assert tuple(css_text(words) for words in margins[0]) == (title, "Stand per 01-11-2026"), address


def css_text(value: str) -> str:
    """The text of a CSS string that css_string escaped."""
    return re.sub(r"\\([0-9a-f]+) ", lambda escape: chr(int(escape[1], 16)), value)
