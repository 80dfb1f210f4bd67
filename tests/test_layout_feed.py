"""The improvement pages announce the improvements' Atom feed in their head (issue 23), and no other page does."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from generator.generate import generate
from generator.render import paths

from .conftest import BUILD_DATE, ROOT

ATOM = "{http://www.w3.org/2005/Atom}"
FEED_LINK = re.compile(r'<link rel="alternate" type="application/atom\+xml" href="([^"]+)" title="([^"]+)">')


def test_the_improvement_pages_and_only_they_carry_the_feed_in_their_front_matter() -> None:
    result = generate(ROOT / "content", build_date=BUILD_DATE)
    assert result.site is not None
    announcing = {page.path: page.front_matter()["feed"] for page in result.site.pages if page.feed}
    improvement_pages = {page.path for page in result.site.pages if page.path.startswith("verbeteropdrachten/")}
    assert set(announcing) == improvement_pages
    assert len(improvement_pages) > 2
    feed = next(f for f in result.site.files if f.path == paths.IMPROVEMENTS_FEED)
    title = ET.fromstring(feed.read()).findtext(f"{ATOM}title")
    assert all(meta == {"href": paths.IMPROVEMENTS_FEED, "title": title} for meta in announcing.values())


def test_in_the_built_site_the_link_leads_to_the_feed(example_site: Path) -> None:
    found = {}
    for html in example_site.rglob("*.html"):
        links = FEED_LINK.findall(html.read_text(encoding="utf-8"))
        if links:
            found[html.relative_to(example_site).as_posix()] = links
    assert "verbeteropdrachten/index.html" in found
    assert "verbeteropdrachten/alarmreductie-dcs/index.html" in found
    assert all(page.startswith("verbeteropdrachten/") for page in found), sorted(found)
    for page, links in found.items():
        [(href, title)] = links
        feed = (example_site / page).parent / href
        assert feed.resolve() == (example_site / paths.IMPROVEMENTS_FEED).resolve(), (page, href)
        assert ET.parse(feed).getroot().findtext(f"{ATOM}title") == title.replace("&mdash;", "—")
