"""Improvement assignments: a page each, an index by status, method and team, and an Atom feed.

They are published whether or not personal data is: sharing good ideas is the point.
They name their authors only where the public pages may name people (``Layout.shows_names``),
or where the organisation chose to credit authors on the public site (``improvement_authors:
public``, as a newsletter would); otherwise only the team.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from urllib.parse import urlsplit

from ..audience import PUBLIC
from ..bodies import safe_html
from ..catalogue import Catalogue
from ..derive.levels import is_finished
from ..model import IMPROVEMENT_METHODS, IMPROVEMENT_STATUSES, Content, Improvement
from . import paths
from .context import PageContext
from .paths import public
from .site import Page, SiteAddress, StaticFile

LATEST_ON_HOME = 5
ATOM = "http://www.w3.org/2005/Atom"
# The date in the feed's own tag: URI (RFC 4151). Ids must never change, so it is fixed.
FEED_TAG_DATE = dt.date(2026, 1, 1)


def newest_first(improvements: Iterable[Improvement]) -> list[Improvement]:
    """Newest first: by the date finished (else started), then by title."""
    by_title = sorted(improvements, key=lambda i: i.title.lower())
    return sorted(by_title, key=lambda i: i.newest_date, reverse=True)


def latest_finished(content: Content, build_date: dt.date, count: int = LATEST_ON_HOME) -> list[Improvement]:
    """The most recently finished improvements, for the home page."""
    return newest_first(i for i in content.improvements.values() if is_finished(i, build_date))[:count]


def improvements_on(content: Content) -> dict[str, list[Improvement]]:
    """Work process id → the improvements on it, newest first."""
    found: dict[str, list[Improvement]] = defaultdict(list)
    for improvement in newest_first(content.improvements.values()):
        for ref in improvement.work_processes:
            found[ref.id].append(improvement)
    return found


def improvements_by(content: Content) -> dict[str, list[Improvement]]:
    """Person id → the improvements they are author or co-author of, newest first."""
    found: dict[str, list[Improvement]] = defaultdict(list)
    for improvement in newest_first(content.improvements.values()):
        for person_id in dict.fromkeys(improvement.author_ids):
            found[person_id].append(improvement)
    return found


Groups = list[tuple[str, list[Improvement]]]


def _groups(improvements: list[Improvement], key: Callable[[Improvement], str], order: Iterable[str]) -> Groups:
    """The improvements per value of ``key``, in ``order``, leaving out empty groups."""
    grouped: dict[str, list[Improvement]] = defaultdict(list)
    for improvement in improvements:
        grouped[key(improvement)].append(improvement)
    return [(value, grouped[value]) for value in order if grouped[value]]


def credited_authors(c: PageContext, improvement: Improvement) -> list[str]:
    """The names an improvement's public page and feed entry credit (``Layout.credits_authors``)."""
    if not c.layout.credits_authors:
        return []
    people = c.content.people
    return [people[person_id].name if person_id in people else person_id for person_id in dict.fromkeys(improvement.author_ids)]


def render_improvement_pages(c: PageContext) -> Iterator[Page]:
    content = c.content
    ordered = newest_first(content.improvements.values())
    team_of = {i.id: content.improvement_team(i) for i in ordered}
    feed = feed_title(c)
    yield c.page(
        "improvements.md.j2", public(paths.IMPROVEMENTS), c.t("label.improvements"),
        improvements=ordered, team_of=team_of,
        by_status=_groups(ordered, lambda i: i.status, reversed(IMPROVEMENT_STATUSES)),
        by_method=_groups(ordered, lambda i: i.method, IMPROVEMENT_METHODS),
        by_team=_groups(ordered, lambda i: team_of[i.id], (team.id for team in content.organisation.teams)),
    ).announcing(paths.IMPROVEMENTS_FEED, feed)
    for improvement in ordered:
        yield c.page("improvement.md.j2", public(paths.improvement(improvement.id)), improvement.title,
                     improvement=improvement, team_id=team_of[improvement.id], authors=credited_authors(c, improvement),
                     body=c.body(improvement.body, paths.improvement(improvement.id))
                     ).from_file(f"improvements/{improvement.id}.md").announcing(paths.IMPROVEMENTS_FEED, feed)


def feed_title(c: PageContext) -> str:
    """The improvements feed's title, in the feed and where the improvement pages announce it."""
    return f"{c.t('label.improvements')} — {c.content.organisation.name}"


def improvement_feed(c: PageContext) -> StaticFile:
    """An Atom feed (RFC 4287) of the finished improvements, newest first, for other sites to follow.

    Links are absolute when the site's address is known, else relative to the feed.
    Entries name their authors as the improvement pages do (:func:`credited_authors`).
    """
    content, t, build_date, address = c.content, c.t, c.renderer.build_date, c.address
    finished = newest_first(i for i in content.improvements.values() if is_finished(i, build_date))
    feed = ET.Element("feed", xmlns=ATOM, attrib={"xml:lang": t.language})
    _text(feed, "id", _tag_uri(content, address, "verbeteropdrachten", FEED_TAG_DATE))
    _text(feed, "title", feed_title(c))
    # The newest entry's date, not the build's: the same content gives the same feed.
    _text(feed, "updated", _timestamp(finished[0].finished if finished else None))
    _text(ET.SubElement(feed, "author"), "name", content.organisation.name)
    ET.SubElement(feed, "link", rel="self", href=_href(address, paths.IMPROVEMENTS_FEED))
    ET.SubElement(feed, "link", rel="alternate", type="text/html", href=_href(address, address.page_url(paths.IMPROVEMENTS)))
    for improvement in finished:
        _entry(feed, improvement, content, t, address, credited_authors(c, improvement))
    ET.indent(feed)
    data = ET.tostring(feed, encoding="utf-8", xml_declaration=True)
    return StaticFile(path=paths.IMPROVEMENTS_FEED, content=data + b"\n", audience=PUBLIC)


def _entry(
    feed: ET.Element, improvement: Improvement, content: Content, t: Catalogue, address: SiteAddress, authors: list[str],
) -> None:
    entry = ET.SubElement(feed, "entry")
    _text(entry, "id", _tag_uri(content, address, f"verbeteropdracht:{improvement.id}", improvement.started))
    _text(entry, "title", improvement.title)
    _text(entry, "updated", _timestamp(improvement.finished))
    page = address.page_url(paths.improvement(improvement.id))
    ET.SubElement(entry, "link", rel="alternate", type="text/html", href=_href(address, page))
    for name in authors:
        _text(ET.SubElement(entry, "author"), "name", name)
    for word in (t(f"improvement-method.{improvement.method}"), *improvement.tags):
        ET.SubElement(entry, "category", term=word)
    # The same sanitised HTML as the page, its links relative to the page, which xml:base names.
    body = safe_html(improvement.body, paths.improvement(improvement.id), address.directory_urls)
    team = content.organisation.team(content.improvement_team(improvement))
    # A reader sees the summary in the list of entries: what the write-up opens with says what it is about.
    summary = first_paragraph(body) or " — ".join(part for part in (team.name if team else "", improvement.savings) if part)
    if summary:
        _text(entry, "summary", summary)
    _text(entry, "content", body, type="html", **{"xml:base": _href(address, page)})


SUMMARY_LENGTH = 300  # characters of the first paragraph a feed entry's summary keeps
_PARAGRAPH = re.compile(r"<p\b[^>]*>(.*?)</p>", re.DOTALL)
_TAG = re.compile(r"<[^>]*>")


def first_paragraph(body_html: str) -> str:
    """The text of the first paragraph of a sanitised body, shortened at a word to about SUMMARY_LENGTH."""
    found = _PARAGRAPH.search(body_html)
    text = " ".join(html.unescape(_TAG.sub("", found.group(1))).split()) if found else ""
    if len(text) <= SUMMARY_LENGTH:
        return text
    return text[:SUMMARY_LENGTH].rsplit(" ", 1)[0].rstrip(",;:") + " …"


def _text(parent: ET.Element, tag: str, text: str, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attributes)
    element.text = text
    return element


def _timestamp(day: dt.date | None) -> str:
    return f"{(day or dt.date(1970, 1, 1)).isoformat()}T00:00:00Z"


def _href(address: SiteAddress, target: str) -> str:
    """A link from the feed to an address relative to the site root: absolute when the site's address
    is known, else relative to the feed's folder (which RFC 4287 allows)."""
    folder = paths.IMPROVEMENTS_FEED.rpartition("/")[0] + "/"
    return address.absolute(target) or target.removeprefix(folder) or "./"


def _tag_uri(content: Content, address: SiteAddress, specific: str, day: dt.date) -> str:
    """A permanent id (RFC 4151): the site's host (or the organisation's name as a DNS-like label) and a date."""
    host = urlsplit(address.url).hostname if address.url else None
    authority = host or _label(content.organisation.name)
    return f"tag:{authority},{day.isoformat()}:{specific}"


def _label(name: str) -> str:
    label = "".join(ch if ch.isascii() and ch.isalnum() else "-" for ch in name.lower())
    return "-".join(part for part in label.split("-") if part) or "organisatie"
