"""Search finds what people type: punctuation, MBO codes, folded names, the site's language (issue 12)."""

from __future__ import annotations

import importlib.util
import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import markdown
import pytest
import snowballstemmer

from generator.catalogue import Catalogue
from generator.generate import generate

from .chromium import serve
from .conftest import BUILD_DATE, ROOT, OpenPage, build_site, content_tree, with_site_config


def answer(page: Any, site_url: str, query: str) -> tuple[str, list[str]]:
    """What Material's search shows for ``query`` on a fresh page: the line above the results (count, or
    the corrected query), and the addresses of the pages listed, best first."""
    page.goto(site_url + "/", wait_until="networkidle")
    box = page.locator("input.md-search__input")
    box.click()
    wait_for_stemmer(page)
    # One search for the whole query: typed key by key, the worker answers every prefix, and on a loaded
    # machine an earlier answer ("b1 k1" for "B1-K1-W2") could be the one read. Filling the box starts no
    # search (Material listens to keys), so all but the last character go in at once, then one key.
    box.fill(query[:-1])
    box.press_sequentially(query[-1])
    page.wait_for_function(_ANSWERED)
    page.wait_for_timeout(300)  # let the answer render completely
    links: list[str] = page.locator(".md-search-result__item > a").evaluate_all("(links) => links.map((a) => a.getAttribute('href'))")
    return page.locator(".md-search-result__meta").inner_text(), links


# Answered: results listed, or the line says there are none (Material's words, from the page's configuration).
_ANSWERED = """() => document.querySelector(".md-search-result__item") || document.querySelector(".md-search-result__meta")
    .textContent.trim() === JSON.parse(document.getElementById("__config").textContent).translations["search.result.none"]"""


def wait_for_stemmer(page: Any) -> None:
    """Until the search worker has loaded its Snowball stemmer for queries (before, a query word the site
    lacks is looked up as written): in the worker, or over file:// in the iframe that stands in for it."""
    for _ in range(150):
        if any(place.evaluate("Boolean(self.wgoSnowball && self.wgoSnowball.loaded)") for place in [*page.workers, *page.frames[1:]]):
            return
        page.wait_for_timeout(100)
    raise AssertionError("the search worker loaded no stemmer")


def search(page: Any, site_url: str, query: str) -> list[str]:
    """The addresses of the pages Material's search lists for ``query``, best first."""
    return answer(page, site_url, query)[1]


@pytest.mark.browser
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("runaway", "bronnen/sop-opstarten-r101/"),  # written "(runaway)."
        ("Lock", "bronnen/vr-loto/"),  # written "(Lock Out Tag Out)"
        ("vergrendelbord", "bronnen/sop-opstarten-r101/"),  # written "(vergrendelbord leeg)"
        ("propyleenoxide", "bronnen/sop-opstarten-r101/"),  # written "propyleenoxide-mengsel"
    ],
)
def test_search_finds_words_after_punctuation(page: Any, site_url: str, query: str, expected: str) -> None:
    links = search(page, site_url, query)
    assert any(expected in link for link in links), links


@pytest.mark.browser
def test_a_name_is_found_without_its_accents(page: Any, site_url: str) -> None:
    # The improvement names the supplier's Kemal Yıldız, with a dotless ı, in its text.
    assert any("verbeteropdrachten/loto-vergrendelbord/" in link for link in search(page, site_url, "Yildiz"))


@pytest.mark.browser
@pytest.mark.parametrize("query", ["B1-K1-W2", "B1K1W2"])
def test_a_work_process_is_the_first_result_for_its_mbo_code(page: Any, site_url: str, query: str) -> None:
    links = search(page, site_url, query)
    assert links, "no results"
    assert "werkprocessen/installatie-opstarten/" in links[0], links


def test_tables_of_names_are_not_one_search_excerpt(example_site: Path) -> None:
    docs = json.loads((example_site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    for doc in docs:
        if doc["location"].startswith("beperkt/"):  # only its index, which names no one, is searchable
            assert "<table" not in doc["text"] and "Yılmaz" not in doc["text"], doc["location"]
    # Nor the tables and lists of names elsewhere: who can do a work process, who needs re-instruction,
    # the health page. Before, these excerpts held up to 16 of the example's names each.
    names = [line.split(",")[1] for line in (ROOT / "content" / "people.csv").read_text(encoding="utf-8").splitlines()[1:]]
    crowded = [doc["location"] for doc in docs if sum(name in doc["text"] for name in names) > 3]
    assert crowded == []


class _UnmarkedNames(HTMLParser):
    """The tables, and the lists whose every item names a person (links to a POP), that are not inside
    an element marked ``data-search-exclude``."""

    VOID = frozenset({"br", "img", "hr", "input", "meta", "link", "col", "wbr"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[tuple[str, bool, list[bool]]] = []  # tag, excluded (itself or above), POP links seen
        self.unmarked: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        pop_link = tag == "a" and "pop/" in (dict(attrs).get("href") or "")
        if pop_link and not (self.open and self.open[-1][1]):  # a name inside a marked element is left out already
            for _, _, links in self.open:
                links.append(True)
        if tag in self.VOID:
            return
        excluded = any(name == "data-search-exclude" for name, _ in attrs) or bool(self.open and self.open[-1][1])
        self.open.append((tag, excluded, []))
        if tag == "li" and len(self.open) > 1:
            self.open[-2][2].append(False)  # an item of the list: whether it names someone is settled at </li>

    def handle_endtag(self, tag: str) -> None:
        while self.open:
            open_tag, excluded, links = self.open.pop()
            if open_tag == "li" and self.open and any(links):
                self.open[-1][2][-1] = True
            if open_tag == tag:
                break
        else:
            return
        names = any(links) if tag == "table" else bool(links) and all(links) if tag == "ul" else False
        if names and not excluded:
            self.unmarked.append(tag)


@pytest.mark.parametrize("access", [True, False], ids=["example", "without-access"])
def test_every_table_and_list_of_names_is_marked_for_search_to_leave_out(tmp_path: Path, access: bool) -> None:
    # The templates mark them, so that every engine leaves them out (Zensical runs no MkDocs hook):
    # a table that links to a POP, and a list whose every item does. An improvement's authors, a line
    # among its other facts, stay searchable. Without access: the public pages name people too.
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    if not access:
        organisation = content / "organisation.yml"
        organisation.write_text(re.sub(r"(?ms)^access:.*", "", organisation.read_text(encoding="utf-8")), encoding="utf-8")
    result = generate(content, build_date=BUILD_DATE)
    assert result.site is not None
    converter = markdown.Markdown(extensions=["attr_list", "md_in_html", "tables"])
    checked = 0
    for page in result.site.pages:
        if not page.indexed:
            continue
        parser = _UnmarkedNames()
        parser.feed(page.html if page.html is not None else converter.reset().convert(page.markdown))
        assert parser.unmarked == [], page.path
        checked += 1
    assert checked > 50


def test_a_dutch_site_searches_in_dutch(example_site: Path) -> None:
    config = json.loads((example_site / "search" / "search_index.json").read_text(encoding="utf-8"))["config"]
    assert config["lang"] == ["nl"]
    assert (example_site / "assets" / "javascripts" / "lunr" / "min" / "lunr.nl.min.js").exists()


@pytest.mark.browser
def test_a_whole_dutch_word_is_found(page: Any, site_url: str) -> None:
    # With lunr's Dutch stemmer in Material's pipeline alone this found nothing: the index was stemmed,
    # and Material's query ("vergrendelingen*", a wildcard) is not.
    assert any("bronnen/vr-loto/" in link for link in search(page, site_url, "vergrendelingen"))


@pytest.mark.browser
def test_a_dutch_word_is_found_in_another_form(page: Any, site_url: str) -> None:
    # The example writes "vergrendelaar" and never "vergrendelaars": only the Dutch stemmer finds it.
    assert not any("vergrendelaars" in path.read_text(encoding="utf-8").lower() for path in (ROOT / "content").rglob("*.md"))
    assert any("bronnen/vr-loto/" in link for link in search(page, site_url, "Vergrendelaars"))


@pytest.mark.browser
def test_a_word_found_as_written_and_by_its_stem_is_marked_once(page: Any, site_url: str) -> None:
    search(page, site_url, "vergrendeling")
    assert page.locator(".md-search-result mark").count() > 0
    assert page.locator(".md-search-result mark mark").count() == 0


@pytest.mark.browser
def test_a_lowercase_word_is_found_without_its_accents(page: Any, site_url: str) -> None:
    # The example writes "geïnstrueerd"; accents fold in every word, not only in names.
    assert any("geïnstrueerd" in path.read_text(encoding="utf-8") for path in (ROOT / "content").rglob("*.md"))
    assert search(page, site_url, "geinstrueerd"), "no results"


def test_an_english_site_searches_in_english(tmp_path: Path) -> None:
    """The search plugin reads the language in its on_config: the wgo plugin must have set it by then."""
    project = with_site_config(content_tree(tmp_path / "project"))
    organisation = project / "content" / "organisation.yml"
    organisation.write_text(organisation.read_text(encoding="utf-8").replace("language: nl", "language: en"), encoding="utf-8")
    result = build_site(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    config = json.loads((tmp_path / "site" / "search" / "search_index.json").read_text(encoding="utf-8"))["config"]
    assert config["lang"] == ["en"]


@pytest.mark.browser
def test_an_english_site_stems_in_english(page: Any, tmp_path: Path) -> None:
    project = with_site_config(content_tree(tmp_path / "project"))
    organisation = project / "content" / "organisation.yml"
    organisation.write_text(organisation.read_text(encoding="utf-8").replace("language: nl", "language: en"), encoding="utf-8")
    (project / "content" / "pages" / "valves.md").write_text("# Valves\n\nLocking the valve comes first.\n", encoding="utf-8")
    result = build_site(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    with serve(tmp_path / "site") as url:
        assert any("valves/" in link for link in search(page, url, "locked")), "English stemming: 'locked' finds 'Locking'"


def test_a_long_listing_is_left_out_of_search(tmp_path: Path) -> None:
    # With 250 sources more, the sources index and the health page's list of unused sources pass 200 rows
    # (context.LONG_LIST): as one search entry each they were a blob, and Zensical refused an entry over 64 kB.
    project = tmp_path / "project"
    shutil.copytree(ROOT / "content", project / "content")
    with_site_config(project)
    for number in range(250):
        (project / "content" / "sources" / f"extra-{number:03}.md").write_text(
            f"---\ntitle: Extra bron {number:03}\ntype: procedure\nowner: Productie\nversion: \"1\"\n"
            f"reviewed: 2026-06-01\nreview_months: 24\nstatus: valid\n---\nTekst van bron {number}.\n",
            encoding="utf-8",
        )
    result = build_site(project, tmp_path / "site", "--strict")
    assert result.returncode == 0, result.stderr
    sources_index = (tmp_path / "site" / "bronnen" / "index.html").read_text(encoding="utf-8")
    assert '<div class="wgo-unindexed">\n<table>' in sources_index and "Extra bron 249" in sources_index  # converted
    docs = json.loads((tmp_path / "site" / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    in_listings = [doc["location"] for doc in docs
                   if "Extra bron 1" in doc["text"] and doc["location"].startswith(("bronnen/#", "gezondheid/"))]
    assert in_listings == []
    assert any(doc["location"].startswith("bronnen/extra-249/") for doc in docs)  # each source is found on its page


# --- issue 23: plurals and diminutives, typing mistakes, stop words, names -----------------------------------


def _hook() -> Any:
    """theme/hooks/wgo_search.py, loaded as MkDocs loads a hook: from its path."""
    spec = importlib.util.spec_from_file_location("wgo_search_hook", ROOT / "theme" / "hooks" / "wgo_search.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _content_words() -> set[str]:
    text = " ".join(path.read_text(encoding="utf-8") for path in (ROOT / "content").rglob("*") if path.suffix in {".md", ".yml", ".csv"})
    return set(re.findall(r"\w+", text.lower()))


@pytest.mark.browser
@pytest.mark.parametrize(
    ("query", "written", "expected"),
    [
        ("instructies", "instructie", "werkprocessen/eerstelijns-onderhoud/"),  # a plural
        ("monsterflesjes", "monsterflesje", "werkprocessen/monsters-nemen/"),  # a diminutive's plural
    ],
)
def test_a_plural_finds_the_word_in_the_singular(page: Any, site_url: str, query: str, written: str, expected: str) -> None:
    # The example never writes the plural (lunr's Dutch stemmer found nothing for it); Snowball's current
    # Dutch stems both forms alike, in the build and in the browser, so no typing mistake is assumed either.
    words = _content_words()
    assert query not in words and written in words
    line, links = answer(page, site_url, query)
    assert any(expected in link for link in links), links
    assert "‘" not in line, line  # found as it stands, not as a corrected query


@pytest.mark.browser
@pytest.mark.parametrize(("query", "correction", "expected"), [
    ("driewegkaan", "driewegkraan", "bronnen/wi-monstername-r101/"),
    ("monstrname", "monstername", "bronnen/wi-monstername-r101/"),
])
def test_a_typing_mistake_finds_the_word_and_says_so(page: Any, site_url: str, query: str, correction: str, expected: str) -> None:
    line, links = answer(page, site_url, query)
    assert any(expected in link for link in links), links
    assert line.startswith(Catalogue("nl")("label.search-corrected", query=query, correction=correction)), line


@pytest.mark.browser
def test_a_stop_word_decides_nothing(page: Any, site_url: str) -> None:
    # Material made "de" a prefix ("de*"), so the page with the most words starting with "de" (the author
    # guide) came first for "Henk de Vries", whose name the public index does not hold.
    links = search(page, site_url, "Henk de Vries")
    assert not links or "handleiding/" not in links[0], links
    assert search(page, site_url, "de") == []  # "de" alone: no clause left (lunr then listed every page, unranked)


@pytest.mark.browser
def test_a_name_is_not_found_by_the_public_search(page: Any, site_url: str) -> None:
    links = search(page, site_url, "Jansen")
    assert not any("beperkt/" in link or "pop/" in link for link in links), links


def test_no_name_is_in_the_search_index(example_site: Path) -> None:
    """Names stay out of the search index (Page.indexed), and so out of the stems the build writes into it."""
    index = (example_site / "search" / "search_index.json").read_text(encoding="utf-8")
    stems = json.loads(index)["config"]["fields"]["text"]["wgo"]["stems"]
    assert stems["monsterflesje"] == "monsterfles"  # the stems are there, where the worker reads them
    people = [line.split(",")[1] for line in (ROOT / "content" / "people.csv").read_text(encoding="utf-8").splitlines()[1:]]
    assert "Jan Jansen" in people
    assert [name for name in people if name in index or name.lower() in index] == []


def test_the_build_stems_with_snowball_3() -> None:
    hook = _hook()
    assert hook.stem_table(["instructies", "instructie", "monsterflesjes", "monsterflesje", "de"], "dutch") == {
        "instructies": "instructie", "monsterflesje": "monsterfles", "monsterflesjes": "monsterfles"}
    assert hook.fold("Yıldız Geïnstrueerd") == "yildiz geinstrueerd"
    assert hook.index_words([{"title": "Monster<b>flesjes</b>", "text": "<p>(runaway). B1-K1</p>", "tags": ["X"]}],
                            r"[\s\-()]+|\.(?!\d)") == {"monster", "flesjes", "runaway", "b1", "k1", "x"}


@pytest.mark.browser
def test_the_browser_stems_as_the_build_does(page: Any, site_url: str, example_site: Path) -> None:
    """Both builds of Snowball, Python's at build time and the WebAssembly one in the search worker, give
    every word of the example's search index, and the issue's words, the same stem."""
    hook = _hook()
    index = json.loads((example_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    words = sorted(hook.index_words(index["docs"], index["config"]["separator"]) | {
        "instructies", "monsterflesjes", "driewegkraan", "monstername", "vergrendelingen", "geinstrueerd"})
    assert len(words) > 2000
    page.goto(site_url + "/", wait_until="networkidle")
    wait_for_stemmer(page)
    browser = page.workers[0].evaluate("""async (words) => {
        const bytes = await (await fetch(new URL("../../stemmer/snowball.wasm", location))).arrayBuffer()
        const stem = await self.wgoSnowball.load(bytes, 6)
        return words.map(stem)
    }""", words)
    stemmer = snowballstemmer.stemmer("dutch")
    assert dict(zip(words, browser, strict=True)) == {word: stemmer.stemWord(word) for word in words}
    assert hook.SNOWBALL["nl"] == ("dutch", 6)


@pytest.mark.browser
def test_the_people_index_filters_by_part_of_a_name(open_page: OpenPage, site_url: str) -> None:
    tab = open_page(site_url + "/beperkt/alle/mensen/")
    box = tab.get_by_label(Catalogue("nl")("label.filter-name"))
    rows = tab.locator("#wgo-people tbody tr")
    total = rows.count()
    box.focus()  # a form field: reached with Tab, typed into
    tab.keyboard.type("jans")
    shown = rows.filter(visible=True)
    assert shown.count() >= 1 and all("jansen" in name.lower() for name in shown.locator("td:first-child").all_inner_texts())
    box.fill("YILMAZ")  # accents and the dotless i folded, case ignored
    assert [name for name in shown.locator("td:first-child").all_inner_texts() if "Yılmaz" not in name] == []
    assert shown.count() >= 1
    box.fill("")
    assert shown.count() == total
