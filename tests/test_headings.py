"""Titles with HTML and Markdown characters are escaped exactly once wherever they head something:
page headings, the table of contents, the navigation and ``<title>`` show them as written."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from .conftest import build_site, content_tree, with_site_config

# Each holds '&', '<', "'" and '*' (and a second '*' that would make emphasis of what lies between).
ORGANISATION = "Jansen & Zn <BV> 'org' *1*"
WORK_PROCESS = "Monsters <nemen> & R&D 'wp' *2*"
FORMAT = "Operator <A> & B 'fmt' *3*"
SOURCE = "SOP <start> & stop 'src' *4*"
IMPROVEMENT = "Kaizen <5S> & meer 'imp' *5*"
TEAM = "Ploeg <1> & co 'team' *6*"
PERSON = "Ali <Aydin> & zoon 'p' *7*"
CORE_TASK = "Voert <werk> & uit 'kt' *8*"
TITLES = (ORGANISATION, WORK_PROCESS, FORMAT, SOURCE, IMPROVEMENT, TEAM, PERSON, CORE_TASK)
# What a title escaped twice (or a Markdown character escaped and shown) looks like to a reader.
ESCAPED_TWICE = re.compile(r"&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);", re.IGNORECASE)


def _yaml(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture(scope="module")
def titled_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = with_site_config(content_tree(tmp_path_factory.mktemp("headings")))
    content = project / "content"
    _replace(content / "organisation.yml", "name: Testfabriek BV", f"name: {_yaml(ORGANISATION)}")
    _replace(content / "organisation.yml", "name: Ploeg 1}", f"name: {_yaml(TEAM)}}}")
    _replace(content / "work-processes/opstarten.md", "title: Opstarten", f"title: {_yaml(WORK_PROCESS)}")
    _replace(content / "formats/operator.yml", "title: Operator", f"title: {_yaml(FORMAT)}")
    _replace(content / "formats/operator.yml", "title: Voert operationele werkzaamheden uit", f"title: {_yaml(CORE_TASK)}")
    _replace(content / "sources/sop-opstarten.md", "title: Opstartprocedure", f"title: {_yaml(SOURCE)}")
    _replace(content / "people.csv", "Ali Aydin", PERSON)
    (content / "improvements").mkdir(exist_ok=True)
    (content / "improvements/kaizen.md").write_text(
        f"---\ntitle: {_yaml(IMPROVEMENT)}\nauthor: p-001\nmethod: Kaizen\nstatus: done\nstarted: 2026-01-05\n"
        "finished: 2026-02-05\nwork_processes: [opstarten]\n---\nBeter opstarten.\n", encoding="utf-8")
    site = project / "site"
    result = build_site(project, site, "--strict")
    assert result.returncode == 0, result.stderr
    return site


class _Headings(HTMLParser):
    """Text as a browser shows it, of the headings, ``<title>``, the header bar, the navigation and the
    table of contents (Material's classes tell them apart)."""

    PARTS = ("h1", "h2", "h3", "h4", "h5", "h6", "title")

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: dict[str, list[str]] = {"heading": [], "title": [], "header": [], "nav": [], "toc": []}
        self._stack: list[tuple[str, str, str | None]] = []  # open tags: name, classes, the part each starts
        self._text: dict[int, list[str]] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("meta", "link", "img", "input", "br", "hr"):
            return
        classes = dict(attrs).get("class") or ""
        self._stack.append((tag, classes, self._part(tag, classes.split())))
        if self._stack[-1][2] is not None:
            self._text[len(self._stack)] = []

    def _part(self, tag: str, classes: list[str]) -> str | None:
        if tag in self.PARTS:
            return "title" if tag == "title" else "heading"
        if tag in ("a", "label") and ("md-nav__link" in classes or "md-nav__title" in classes):
            return "link"
        if "md-header__topic" in classes:
            return "header"
        return None

    def handle_data(self, data: str) -> None:
        for depth, text in self._text.items():
            if depth <= len(self._stack):
                text.append(data)

    def handle_endtag(self, tag: str) -> None:
        while self._stack:
            open_tag, _, part = self._stack.pop()
            text = self._text.pop(len(self._stack) + 1, None)
            if text is not None and part is not None:
                self._record(part, " ".join("".join(text).split()))
            if open_tag == tag:
                return

    def _record(self, part: str, text: str) -> None:
        if part == "link":
            # Material marks the table of contents with its own nav; both lists are checked alike.
            part = "toc" if any(tag == "nav" and "md-nav--secondary" in classes for tag, classes, _ in self._stack) else "nav"
        self.found[part].append(text)


def shown(page: Path) -> dict[str, list[str]]:
    parser = _Headings()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser.found


def test_no_heading_title_or_navigation_shows_an_escape(titled_site: Path) -> None:
    for page in titled_site.rglob("*.html"):
        for part, texts in shown(page).items():
            for text in texts:
                assert not ESCAPED_TWICE.search(text), f"{page.relative_to(titled_site)} {part}: {text!r}"


@pytest.mark.parametrize(("page", "title"), [
    ("", ORGANISATION),
    ("werkprocessen/opstarten/", WORK_PROCESS),
    ("formats/operator/", FORMAT),
    ("bronnen/sop-opstarten/", SOURCE),
    ("verbeteropdrachten/kaizen/", IMPROVEMENT),
    ("teams/ploeg-1/", TEAM),
])
def test_page_heading_and_title_show_the_title_as_written(titled_site: Path, page: str, title: str) -> None:
    found = shown(titled_site / page / "index.html")
    assert found["heading"][0] == title
    assert found["title"][0].startswith(title)


def test_pop_next_steps_and_its_table_of_contents(titled_site: Path) -> None:
    found = shown(titled_site / "pop/p-001/index.html")
    assert PERSON in found["heading"][0]
    assert any(h.startswith(f"{WORK_PROCESS} →") for h in found["heading"]), found["heading"]
    assert any(h.startswith(f"{WORK_PROCESS} →") for h in found["toc"]), found["toc"]


def test_every_title_reaches_a_heading_title_or_navigation(titled_site: Path) -> None:
    everything = [text for page in titled_site.rglob("*.html") for texts in shown(page).values() for text in texts]
    for title in TITLES:
        assert any(title in text for text in everything), title
    found = shown(titled_site / "formats/operator/index.html")
    assert FORMAT in found["nav"] and ORGANISATION in found["nav"], found["nav"]
    assert found["header"] == [ORGANISATION, FORMAT]
