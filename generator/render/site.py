"""What the render phase produces: pages, other files and the navigation, engine-neutral."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from ..audience import Audience
from . import paths
from .escape import escape_html


@dataclass(frozen=True, kw_only=True)
class Heading:
    """A heading of a page rendered to HTML, for the engine's table of contents."""

    level: int  # 1 to 6
    id: str
    html: str  # its text as HTML: escaped, without tags (as Python-Markdown's toc gives a heading's name)


@dataclass(frozen=True, kw_only=True)
class Page:
    path: str  # relative to the site root, forward slashes, ends in .md
    title: str  # plain text; engines get it HTML-escaped
    markdown: str = ""  # the body, without front matter (pages the engine converts)
    # Pages built only from data come as HTML, with links to served addresses, so that the
    # engine need not convert them (most of a large site's build time went on that).
    html: str | None = None
    headings: tuple[Heading, ...] = ()  # of an HTML page, in order
    anchors: tuple[str, ...] = ()  # ids on an HTML page besides its headings' that other pages link to
    audience: Audience  # who may read it (audience.py): pages that name people are restricted
    hide: tuple[str, ...] = ()  # parts of the theme to leave out ("navigation", "toc"): wide pages want the width
    # The content file an author edits to change this page, relative to the content folder (``sources/x.md``);
    # empty for a page made from many files. The engine's "edit this page" link points at it.
    source_file: str = ""
    # A feed the page announces to feed readers (a <link rel="alternate"> in its head): its path relative to the
    # site root, and its title. Empty for a page without one.
    feed: str = ""
    feed_title: str = ""

    @property
    def indexed(self) -> bool:
        """Whether search engines and the site's search may list it: never a page that names people."""
        return not self.audience.restricted

    def from_file(self, source_file: str) -> Page:
        """The page with the content file it is made from."""
        return replace(self, source_file=source_file)

    def announcing(self, feed: str, title: str) -> Page:
        """The page with the feed it announces (``feed`` relative to the site root)."""
        return replace(self, feed=feed, feed_title=title)

    def front_matter(self) -> dict[str, object]:
        # The home page's title is the organisation's name, which the theme's <title> already ends with:
        # without a title of its own, the home page is titled by the site's name once ("Voorbeeld Chemie BV").
        meta: dict[str, object] = {} if self.path == "index.md" else {"title": escape_html(self.title)}
        if not self.indexed:
            # Material's search honours the first; the theme's sitemap.xml the second.
            meta["search"] = {"exclude": True}
            meta["sitemap"] = {"exclude": True}
        if self.hide:
            meta["hide"] = list(self.hide)
        if self.feed:
            meta["feed"] = {"href": self.feed, "title": self.feed_title}  # theme/mkdocs/main.html puts it in the head
        return meta


@dataclass(frozen=True, kw_only=True)
class StaticFile:
    path: str
    content: bytes | None = None
    source: Path | None = None  # copied as is (attachments)
    audience: Audience  # who may read it (a matrix download names people)

    def read(self) -> bytes:
        return self.content if self.content is not None else self.source.read_bytes() if self.source else b""


@dataclass(frozen=True, kw_only=True)
class NavItem:
    title: str
    path: str | None = None
    children: tuple[NavItem, ...] = ()


@dataclass(frozen=True, kw_only=True)
class Site:
    pages: tuple[Page, ...]
    files: tuple[StaticFile, ...] = ()
    nav: tuple[NavItem, ...] = field(default_factory=tuple)


@dataclass(frozen=True, kw_only=True)
class SiteAddress:
    """Where the built site is served. Pages link relatively; only a feed needs absolute links."""

    url: str = ""  # the site's root address (MkDocs' site_url); empty when not known
    directory_urls: bool = True  # pages at folder/page/ rather than folder/page.html
    # Links of HTML pages to the source files (``../x.md``) rather than to served addresses: for a
    # tree built by an engine that rewrites relative links also inside raw HTML (Zensical does; MkDocs not).
    source_links: bool = False

    def page_url(self, path: str) -> str:
        """The address of a generated page relative to the site root (``verbeteropdrachten/x/``)."""
        return paths.page_url(path, self.directory_urls)

    def absolute(self, relative: str) -> str | None:
        """An address relative to the site root made absolute; None without a site address."""
        return self.url.rstrip("/") + "/" + relative if self.url else None
