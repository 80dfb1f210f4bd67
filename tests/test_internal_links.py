"""Every internal link of the built example site reaches a built file.

MkDocs checks the links of the Markdown pages; the pages the generator hands over as HTML
it takes as they are, so this test checks every page of the site, whatever made it.
"""

from __future__ import annotations

import posixpath
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.targets: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.targets.extend(value for name, value in attrs if name in ("href", "src") and value)


def _internal_targets(page: Path) -> list[str]:
    parser = _Links()
    parser.feed(page.read_text(encoding="utf-8"))
    return [t for t in parser.targets if not urlsplit(t).scheme and not t.startswith(("//", "#"))]


def _resolves(site: Path, page: Path, target: str) -> bool:
    path = unquote(urlsplit(target).path)
    if not path:
        return True  # only a query or fragment: this page
    # The 404 page links from the site root, as it may be shown at any address.
    folder = "" if path.startswith("/") else page.parent.relative_to(site).as_posix()
    resolved = posixpath.normpath(posixpath.join(folder, path.lstrip("/")))
    if resolved.startswith(".."):
        return False
    file = site / resolved
    return (file / "index.html").is_file() if path.endswith("/") or file.is_dir() else file.is_file()


def test_every_internal_link_of_every_page_resolves(example_site: Path) -> None:
    pages = sorted(example_site.rglob("*.html"))
    assert len(pages) > 50
    broken = [(page.relative_to(example_site).as_posix(), target)
              for page in pages for target in _internal_targets(page) if not _resolves(example_site, page, target)]
    assert broken == []
