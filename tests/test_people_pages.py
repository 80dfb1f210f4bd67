"""The pages that name people, on the built example (build date 2026-11-01): who can do a work process
(counts per team on the public page, the names on the team's restricted page), the names behind a team's
coverage, the people index, the POP history and the planning; and, on the example without ``access:``,
the names on the public pages themselves."""

from __future__ import annotations

import json
import re
import shutil
from html import unescape
from pathlib import Path
from typing import Any

import pytest

from generator.generate import generate

from .conftest import BUILD_DATE, ROOT, OpenPage
from .test_site import html


def _section(page_html: str, heading_id: str) -> str:
    """From the heading with this id up to the next heading of level 2 (or the end of the content)."""
    start = page_html.index(f'id="{heading_id}"')
    end = page_html.find("<h2", start)
    return page_html[start:] if end == -1 else page_html[start:end]


def _rows(table_html: str) -> list[str]:
    """Each row of the table's body as its cells' text, separated by ' | '."""
    body = table_html[table_html.index("<tbody>"):table_html.index("</tbody>")]
    rows = body.split("<tr")[1:]
    return [" | ".join(_text(cell) for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)) for row in rows]


def _text(fragment: str) -> str:
    """The text a reader sees: tags left out, references (``&#10003;``, ``&amp;``) as their characters."""
    return unescape(re.sub(r"<[^>]+>", "", fragment)).strip()


@pytest.fixture(scope="module")
def public_names(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The example without ``access:``, generated: every page by path, as Markdown or HTML."""
    content = tmp_path_factory.mktemp("public") / "content"
    shutil.copytree(ROOT / "content", content)
    organisation = content / "organisation.yml"
    organisation.write_text(re.sub(r"(?ms)^access:.*", "", organisation.read_text(encoding="utf-8")), encoding="utf-8")
    site = generate(content, build_date=BUILD_DATE).site
    assert site is not None
    return {page.path: page.html or page.markdown for page in site.pages}


def test_a_work_process_page_counts_per_team_who_can_do_it(example_site: Path) -> None:
    who = _section(html(example_site, "werkprocessen/installatie-opstarten"), "wie-kan-dit")
    assert "Niveau 3 (Allround) en hoger telt voor de dekking" in who
    # Per level 1 to 4, then the coverage count (level 3 and up). Ploeg 1: Piet Pietersen at 1, Mehmet Yılmaz
    # at 2 (signoffs.csv), Klaas Klaassen and Sanne Bakker at 3, Henk de Vries at 4.
    assert _rows(who) == ["Ploeg 1 | 1 | 1 | 2 | 1 | 3 van minimaal 2", "Ploeg 2 | 0 | 1 | 3 | 1 | 4 van minimaal 2",
                          "Dagdienst | 0 | 0 | 1 | 1 | 2 van minimaal 2"]
    assert '<a href="../../beperkt/ploeg-2/#wp-installatie-opstarten">Ploeg 2</a>' in who
    # Each count opens the team's names at this work process; no name on the public page.
    assert '<a href="../../beperkt/ploeg-2/#wp-installatie-opstarten-wie">3</a>' in who
    assert "Niveau 3 — Allround <small class=\"wgo-coverage-mark\">dekkingsniveau</small>" in who


def test_the_team_page_names_who_can_do_it_at_the_row_the_public_page_links_to(example_site: Path) -> None:
    team = html(example_site, "beperkt/ploeg-2")
    row = team[team.index('<tr id="wp-installatie-opstarten">'):]
    row = row[:row.index("</tr>")]
    assert _text(row.split("<summary>")[1].split("</summary>")[0]) == "Wie (4 op niveau 3+, 5 in totaal)"
    assert [_text(item) for item in re.findall(r"<li[^>]*>(.*?)</li>", row, re.S)] == [
        "4 Henk van Groningen", "3 Rob Robberts, Jens Jensen, Yvonne Kok dekkingsniveau", "2 Bram Hendriks"]
    assert '<li class="wgo-uncounted"><span class="wgo-level wgo-level-2"' in row


def test_without_access_a_work_process_page_names_who_can_do_it(public_names: dict[str, str]) -> None:
    who = public_names["werkprocessen/installatie-opstarten.md"]
    who = who[who.index("## Wie kan dit?"):who.index("## Succescriteria")]
    rows = [line for line in who.splitlines() if line.startswith("| [")]
    assert [" | ".join(_text(re.sub(r"\]\([^)]*\)", "", cell).replace("[", "")) for cell in row.strip("|").split("|"))
            for row in rows] == [
        "Ploeg 1 | Piet Pietersen | Mehmet Yılmaz | Klaas Klaassen, Sanne Bakker | Henk de Vries | 3 van minimaal 2",
        "Ploeg 2 | — | Bram Hendriks | Rob Robberts, Jens Jensen, Yvonne Kok | Henk van Groningen | 4 van minimaal 2",
        "Dagdienst | — | — | Wouter Bosman | Marieke Dijkstra | 2 van minimaal 2",
    ]
    assert "[Klaas Klaassen](../pop/p-002/index.md)" in who
    assert "[Ploeg 2](../teams/ploeg-2/index.md)" in who


def test_a_short_team_is_flagged_and_inactive_people_are_never_listed(example_site: Path) -> None:
    pages = [html(example_site, f"werkprocessen/{p.name}") for p in (example_site / "werkprocessen").iterdir() if p.is_dir()]
    sections = [_section(text, "wie-kan-dit") for text in pages if 'id="wie-kan-dit"' in text]
    assert len(sections) >= 10
    assert any('class="wgo-flag wgo-short"' in section for section in sections)
    for inactive in ("Gerrit Mulder", "Ricardo Martins"):
        assert not any(inactive in section for section in sections), inactive


def test_a_team_page_names_who_is_behind_each_count_shortfalls_first(example_site: Path) -> None:
    team = html(example_site, "beperkt/ploeg-2")
    coverage = team[team.index('<div class="wgo-coverage">'):team.index("</div>", team.index('<div class="wgo-coverage">'))]
    rows = coverage.split("<tr")[2:]
    assert "Resultaten rapporteren en vrijgeven" in rows[0] and "wgo-short" in rows[0]
    assert '<details class="wgo-names">\n<summary>Wie (1 op niveau 3+, ' in rows[0]
    assert '<a href="pop/p-015/">Lotte de Boer</a>' in rows[0]
    members = _rows(_section(team, "medewerkers"))
    assert members[0] == "Henk van Groningen | Procesoperator | 4 | 4 | op niveau"
    assert "Lotte de Boer | Ploeglaborant | 3 | 4 | onder niveau" in members


def test_the_people_index_lists_every_active_person_and_is_out_of_the_nav_and_search(example_site: Path) -> None:
    index = html(example_site, "beperkt/alle/mensen")
    rows = _rows(index)
    assert len(rows) == 21  # people.csv: 23 people, 2 of them inactive
    assert rows[0] == "Henk de Vries | Ploeg 1 | Procesoperator | 4 | 4 | op niveau"
    assert "Wouter Bosman | Dagdienst | Procesoperator | 3 | 2 | boven niveau" in rows
    assert not any("Gerrit Mulder" in row for row in rows)
    assert ('<tr data-team="ploeg-2" data-format="procesoperator" data-name="Rob Robberts">\n'
            '<td><a href="../../ploeg-2/pop/p-012/">Rob Robberts</a></td>' in index)
    assert '<form class="wgo-filter" data-table="wgo-people" hidden>' in index
    home = html(example_site, "")
    assert 'href="beperkt/" class="md-nav__link">' in home and "mensen/" not in home  # one entry: the restricted index
    search = json.loads((example_site / "search/search_index.json").read_text(encoding="utf-8"))
    assert [doc["location"] for doc in search["docs"] if doc["location"].startswith("beperkt/") and "#" not in doc["location"]
            ] == ["beperkt/"]


def test_the_pop_history_says_why_a_row_no_longer_counts(example_site: Path) -> None:
    pop = html(example_site, "beperkt/ploeg-2/pop/p-012")
    history = _section(pop, "historie-van-aftekeningen")
    assert '<span class="wgo-flag wgo-superseded">vervangen door beoordeling van 20-04-2026</span>' in history
    expired = _section(html(example_site, "beperkt/ploeg-1/pop/p-010"), "historie-van-aftekeningen")
    assert '<span class="wgo-flag wgo-expired">verlopen</span>' in expired


def test_the_planning_has_a_team_column_and_marks_training_already_reached(example_site: Path) -> None:
    planning = html(example_site, "beperkt/alle/planning")
    rows = _rows(planning)
    assert len(rows) == 20
    reached = [row for row in rows if "✓ bereikt" in row]
    assert len(reached) == 2
    assert reached == [row for row in rows if row.startswith(("01-05-2026 ✓ bereikt | Bram Hendriks | Ploeg 2",
                                                               "31-12-2026 ✓ bereikt | Jens Jensen | Ploeg 2"))]
    assert not any("verlopen" in row for row in reached)
    assert '<form class="wgo-filter" data-table="wgo-planning" hidden>' in planning


def test_the_format_page_counts_its_people_per_team_with_links_to_the_teams_matrices(example_site: Path) -> None:
    # people.csv by hand: active procesoperators 7 in Ploeg 1 (p-009 inactive), 7 in Ploeg 2 (p-019 inactive), 2 in Dagdienst.
    people = _section(html(example_site, "formats/procesoperator"), "medewerkers")
    assert _rows(people) == ["Ploeg 1 | 7", "Ploeg 2 | 7", "Dagdienst | 2"]
    assert '<a href="../../beperkt/dagdienst/matrix/procesoperator/">Dagdienst</a>' in people
    assert "Wouter Bosman" not in people


def test_without_access_the_format_page_shows_the_target_beside_the_overall_level(public_names: dict[str, str]) -> None:
    page = public_names["formats/procesoperator.md"]
    assert "| Naam | Team | Totaalniveau | Doelniveau | Status |" in page
    assert re.search(r"\| \[Wouter Bosman\]\(\.\./pop/p-022/index\.md\) \| Dagdienst \| .*>3</span> \| 2 \|", page)


# --- in the browser ------------------------------------------------------------------------------


def _filter_people(page: Any, url: str) -> None:
    for width, height in ((1366, 900), (768, 1024)):
        page.set_viewport_size({"width": width, "height": height})
        page.goto(url + "/beperkt/alle/mensen/")
        page.select_option("select[data-filter=team]", "ploeg-2")
        assert page.locator("#wgo-people tbody tr:visible td:nth-child(2)").all_inner_texts() == ["Ploeg 2"] * 9
        page.select_option("select[data-filter=format]", "laborant")
        names = page.locator("#wgo-people tbody tr:visible td:first-child").all_inner_texts()
        assert names == ["Lotte de Boer", "Esther Peeters"]
        assert page.locator("form.wgo-filter output").inner_text() == "2 van 21 getoond"
        assert page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth") <= 0


def _filter_planning(page: Any, url: str) -> None:
    page.goto(url + "/beperkt/alle/planning/")
    page.select_option("select[data-filter=team]", "dagdienst")
    teams = page.locator("#wgo-planning tbody tr:visible td:nth-child(3)").all_inner_texts()
    assert teams and set(teams) == {"Dagdienst"}


def _whole_without_javascript(page: Any, url: str) -> None:
    page.goto(url + "/beperkt/alle/mensen/")
    assert page.locator("#wgo-people tbody tr:visible").count() == 21
    assert not page.locator("form.wgo-filter").is_visible()


@pytest.mark.browser
def test_the_people_index_and_the_planning_filter_by_team_and_format(open_page: OpenPage, site_url: str) -> None:
    _filter_people(open_page(site_url + "/"), site_url)
    _filter_planning(open_page(site_url + "/"), site_url)


@pytest.mark.browser
def test_without_javascript_the_tables_are_whole_and_the_filter_hidden(open_page: OpenPage, site_url: str) -> None:
    _whole_without_javascript(open_page(site_url + "/", javascript=False), site_url)
