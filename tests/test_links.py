"""Links built from content: attachment names of every awkward kind open their own file, and
nothing a content value holds becomes a ``javascript:`` (or any other unsafe) link."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

from generator.render.escape import escape_url
from generator.render.renderer import relative_link

from .conftest import build_site, content_tree, with_site_config

INJECTION = "x.pdf) [y](javascript:alert(1)"
# One name per character that once broke a link (or that a link must carry as it is).
ATTACHMENTS = {
    "bijlage-hekje": "Werkinstructie R-101 (v2)#final?.pdf",
    "bijlage-procent": "100% zeker %41.pdf",
    "bijlage-quote": 'quote "x" en \'y\'.pdf',
    "bijlage-backtick": "back`tick`.pdf",
    "bijlage-haakje": "haakje).pdf",
    "bijlage-blokhaak": "[blok]haak.pdf",
    "bijlage-html": "a&b<c>.pdf",
    "bijlage-spatie": "spatie en ë — één.pdf",
    "bijlage-map": "sub map/ß?#.pdf",
    "bijlage-injectie": INJECTION,
}
SITE_BASE = "http://intranet.invalid/"
FREE_PAGE = "Veilig #1? (nieuw) 100% & ë"


class _Anchors(HTMLParser):
    """The ``<a>`` elements of a page, as (href, text shown)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.anchors: list[tuple[str, str]] = []
        self._open: list[tuple[str, list[str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self._open.append((dict(attrs).get("href") or "", []))

    def handle_data(self, data: str) -> None:
        for _, text in self._open:
            text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._open:
            href, text = self._open.pop()
            self.anchors.append((href, "".join(text)))


def anchors(page: Path) -> list[tuple[str, str]]:
    parser = _Anchors()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser.anchors


def _source(name: str) -> str:
    # JSON strings are YAML strings: any name, quoted and escaped as YAML reads it back.
    return (f"---\ntitle: Bijlage {json.dumps(name, ensure_ascii=False)}\ntype: procedure\nowner: Productie\n"
            f"reviewed: 2026-01-01\nstatus: valid\nfile: {json.dumps('files/' + name, ensure_ascii=False)}\n---\nTekst.\n")


@pytest.fixture(scope="module")
def attachment_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A small project with one source per awkward attachment name, built with ``--strict``."""
    project = with_site_config(content_tree(tmp_path_factory.mktemp("links")))
    for source_id, name in ATTACHMENTS.items():
        attachment = project / "content/sources/files" / name
        attachment.parent.mkdir(parents=True, exist_ok=True)
        attachment.write_bytes(f"%PDF-1.4 {source_id}\n".encode())
        (project / f"content/sources/{source_id}.md").write_text(_source(name), encoding="utf-8")
    (project / f"content/pages/{FREE_PAGE}.md").write_text("# Veilig werken\n\nTekst.\n", encoding="utf-8")
    site = project / "site"
    result = build_site(project, site, "--strict")
    assert result.returncode == 0, result.stderr
    return project, site


@pytest.mark.parametrize("source_id", ATTACHMENTS)
def test_attachment_link_opens_its_file(attachment_site: tuple[Path, Path], source_id: str) -> None:
    project, site = attachment_site
    name = ATTACHMENTS[source_id]
    page_url = urljoin(SITE_BASE, f"bronnen/{source_id}/")
    shown = [href for href, text in anchors(site / "bronnen" / source_id / "index.html") if text == f"files/{name}"]
    assert len(shown) == 1, f"no single link shows the file name {name!r}"
    target = urlsplit(urljoin(page_url, shown[0]))
    assert (target.query, target.fragment) == ("", ""), shown[0]
    assert target.path.startswith("/")
    opened = site / unquote(target.path, errors="strict").removeprefix("/")
    assert opened.is_file(), f"{shown[0]!r} opens {opened}, which is not in the site"
    assert opened.read_bytes() == (project / "content/sources/files" / name).read_bytes()


def test_navigation_opens_a_free_page_of_any_name(attachment_site: tuple[Path, Path]) -> None:
    _, site = attachment_site
    shown = [href for href, text in anchors(site / "index.html") if text.strip() == "Veilig werken"]
    assert shown, "the free page is not in the navigation"
    target = urlsplit(urljoin(SITE_BASE, shown[0]))
    assert (target.query, target.fragment) == ("", ""), shown[0]
    opened = site / unquote(target.path, errors="strict").removeprefix("/") / "index.html"
    assert "Tekst." in opened.read_text(encoding="utf-8")


def test_no_content_value_becomes_a_script_link(attachment_site: tuple[Path, Path]) -> None:
    _, site = attachment_site
    for page in site.rglob("*.html"):
        for href, _ in anchors(page):
            assert not href.strip().lower().startswith(("javascript:", "data:", "vbscript:")), f"{page}: {href}"


@pytest.mark.parametrize("url", [
    "javascript:alert(1)", "JavaScript:alert(1)", " javascript:alert(1)", "java\tscript:alert(1)",
    "java\nscript:alert(1)", "\x00javascript:alert(1)", "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)", "file:///etc/passwd", "//evil.example/x", "\\\\evil.example/x", "1x:y/z",
])
def test_href_filter_refuses_other_schemes(url: str) -> None:
    # Validation refuses these already; the filter still neutralises them (a link to the page itself).
    assert str(escape_url(url)) == "#"


@pytest.mark.parametrize(("url", "expected"), [
    ("https://example.com/a b?q=\"x\"&y=(1)", "https://example.com/a%20b?q=%22x%22&amp;y=%281%29"),
    ("mailto:kwaliteit@example.com", "mailto:kwaliteit@example.com"),
    ("HTTPS://example.com/", "HTTPS://example.com/"),
    ("../handleiding/a b.pdf#p2", "../handleiding/a%20b.pdf#p2"),
])
def test_href_filter_keeps_web_and_mail_addresses(url: str, expected: str) -> None:
    assert str(escape_url(url)) == expected


def test_relative_links_percent_encode_each_segment() -> None:
    assert relative_link("bronnen/x.md", "bronnen/files/a b#?%.pdf") == "files/a%20b%23%3F%25.pdf"
    assert relative_link("pop/p-1.md", "werkprocessen/opstarten.md") == "../werkprocessen/opstarten.md"
    assert relative_link("bronnen/x.md", "bronnen/files/(x)[y]`\"'.pdf") == "files/%28x%29%5By%5D%60%22%27.pdf"
