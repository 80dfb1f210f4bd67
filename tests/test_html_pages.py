"""Pages built only from data are rendered once to HTML: served links, heading ids, and two packagings."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.generate import generate
from generator.mkdocs_plugin import toc_tokens
from generator.render.paths import url_link
from generator.render.renderer import headings_of
from generator.render.site import Heading, SiteAddress
from generator.writer import page_source

from .conftest import BUILD_DATE, content_tree

DATA_PAGES = ("pop/", "matrix/", "aftekenlijsten/", "teams/", "planning/", "mensen/", "functiehuis/", "invoering/")


@pytest.mark.parametrize(("directory_urls", "expected"), [
    (True, ["../../", "../../teams/", "../p-002/", "../../matrix/operator.csv", "../../werkprocessen/a%20b/"]),
    (False, ["../../index.html", "../../teams/index.html", "../p-002/index.html", "../../matrix/operator.csv",
             "../../werkprocessen/a%20b.html"]),
])
def test_links_of_html_pages_are_served_addresses(directory_urls: bool, expected: list[str]) -> None:
    targets = ["index.md", "teams/index.md", "pop/p-002/index.md", "matrix/operator.csv", "werkprocessen/a b.md"]
    assert [url_link("pop/p-001/index.md", target, directory_urls) for target in targets] == expected
    assert url_link("index.md", "index.md", directory_urls) == ("./" if directory_urls else "index.html")


def test_source_links_for_engines_that_rewrite_html() -> None:
    assert url_link("pop/p-001/index.md", "werkprocessen/a b.md", None) == "../../werkprocessen/a%20b.md"


def test_headings_nest_into_the_table_of_contents() -> None:
    body = '<h1 id="t">T &amp; <em>U</em></h1>\n<h2 id="a">A</h2>\n<h3 id="b">B</h3>\n<h2 id="c">C</h2>\n<h2>no id</h2>'
    headings = headings_of(body)
    assert headings[0] == Heading(level=1, id="t", html="T &amp; U")
    tokens = toc_tokens(headings)
    assert [(t["id"], [c["id"] for c in t["children"]]) for t in tokens] == [("t", ["a", "c"])]
    assert tokens[0]["children"][0]["children"][0]["id"] == "b"


def test_data_pages_are_html_with_unique_heading_ids_and_free_pages_stay_markdown(tmp_path: Path) -> None:
    content = content_tree(tmp_path) / "content"
    result = generate(content, build_date=BUILD_DATE, address=SiteAddress(directory_urls=True))
    assert result.site is not None
    for page in result.site.pages:
        is_data = page.path.startswith(DATA_PAGES)
        assert (page.html is not None) == is_data, page.path
        if is_data:
            ids = [h.id for h in page.headings]
            assert len(ids) == len(set(ids)) and page.headings[0].level == 1, page.path
            assert ".md" not in (page.html or "").replace(".md-", ""), page.path  # links to served addresses


def test_the_written_tree_holds_the_same_html_as_raw_html(tmp_path: Path) -> None:
    content = content_tree(tmp_path) / "content"
    result = generate(content, build_date=BUILD_DATE)
    assert result.site is not None
    pop = next(page for page in result.site.pages if page.path == "pop/p-001/index.md")
    source = page_source(pop)
    assert source.startswith("---\ntitle: ") and source.endswith(pop.html or "no html")


def test_links_between_pop_pages_point_at_the_named_person(tmp_path: Path) -> None:
    # Links are shared by the pages of a folder: each must still name its own target, also on the target's page.
    content = content_tree(tmp_path) / "content"
    (content / "signoffs.csv").write_text(
        "person,work_process,criterion,level,date,assessor,note\n"
        "p-001,opstarten,,1,2026-02-01,p-002,\np-002,opstarten,,4,2025-01-15,p-002,\n", encoding="utf-8")
    result = generate(content, build_date=BUILD_DATE)
    assert result.site is not None
    pages = {page.path: page.html or "" for page in result.site.pages}
    assert '<a href="../p-002/">Bea de Boer</a>' in pages["pop/p-001/index.md"]
    assert '<a href="../p-002/">Bea de Boer</a>' in pages["pop/p-002/index.md"]
