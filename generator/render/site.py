"""What the render phase produces: pages, other files and the navigation, engine-neutral."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .escape import escape_html


@dataclass(frozen=True, kw_only=True)
class Page:
    path: str  # relative to the site root, forward slashes, ends in .md
    title: str  # plain text; engines get it HTML-escaped
    markdown: str  # the body, without front matter
    search: bool = True  # False keeps the page out of the search index (personal pages)

    def front_matter(self) -> dict[str, object]:
        meta: dict[str, object] = {"title": escape_html(self.title)}
        if not self.search:
            meta["search"] = {"exclude": True}
        return meta


@dataclass(frozen=True, kw_only=True)
class StaticFile:
    path: str
    content: bytes | None = None
    source: Path | None = None  # copied as is (attachments)

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

    def page_url(self, path: str) -> str:
        """The address of a generated page relative to the site root (``verbeteropdrachten/x/``)."""
        if path.endswith("index.md"):
            stem = path.removesuffix("index.md")
            return stem if self.directory_urls else stem + "index.html"
        return path.removesuffix(".md") + "/" if self.directory_urls else path.removesuffix(".md") + ".html"

    def absolute(self, relative: str) -> str | None:
        """An address relative to the site root made absolute; None without a site address."""
        return self.url.rstrip("/") + "/" + relative if self.url else None
