"""End to end: the example content through ``mkdocs build --strict``, checked against the content."""

from __future__ import annotations

import csv
import hashlib
import html as html_module
import io
import re
import shutil
from pathlib import Path

import pytest

from generator.derive import derive_facts, format_work_processes
from generator.diagnostics import Report
from generator.generate import generate
from generator.read import read_content

from .conftest import BUILD_DATE, ROOT, build_site, content_tree, with_site_config

EXAMPLE = ROOT / "content"


@pytest.fixture(scope="module")
def example():  # type: ignore[no-untyped-def]
    report = Report()
    content = read_content(EXAMPLE, report)
    assert not report.has_errors
    return content


def html(site: Path, page: str) -> str:
    return (site / page / "index.html").read_text(encoding="utf-8")


def test_every_page_kind_is_built(example_site: Path, example) -> None:  # type: ignore[no-untyped-def]
    assert (example_site / "index.html").is_file()
    for format_id in example.formats:
        assert (example_site / "formats" / format_id / "index.html").is_file()
        assert (example_site / "beperkt/alle/matrix" / format_id / "index.html").is_file()
    for wp_id in example.work_processes:
        assert (example_site / "werkprocessen" / wp_id / "index.html").is_file()
    for source_id in example.sources:
        assert (example_site / "bronnen" / source_id / "index.html").is_file()
    for person in example.active_people:
        assert (example_site / "beperkt" / person.team / "pop" / person.id / "index.html").is_file()
        assert (example_site / "beperkt" / person.team / "pop" / person.id / "aftekenlijst/index.html").is_file()
    for person in example.people.values():
        if not person.active:
            assert list(example_site.rglob(person.id)) == []
    for team in example.organisation.teams:
        for page in ("", "planning/", "herinstructie/"):
            assert (example_site / "beperkt" / team.id / page / "index.html").is_file()
    for folder in ("gezondheid", "aftekenlijsten", "bronnen", "werkprocessen", "beperkt", "beperkt/alle/planning",
                   "beperkt/alle/teams", "beperkt/alle/mensen", "beperkt/alle/gezondheid/namen"):
        assert (example_site / folder / "index.html").is_file()


def test_sources_and_criteria_link_both_ways(example_site: Path, example) -> None:  # type: ignore[no-untyped-def]
    for wp in example.work_processes.values():
        wp_page = html(example_site, f"werkprocessen/{wp.id}")
        for criterion in wp.active_criteria:
            assert criterion.id in wp_page
            for ref in criterion.sources:
                assert f'href="../../bronnen/{ref.id}/"' in wp_page
                source_page = html(example_site, f"bronnen/{ref.id}")
                assert criterion.id in source_page, f"{ref.id} does not list {criterion.id}"
                assert f'href="../../werkprocessen/{wp.id}/"' in source_page


def test_checklists_hold_exactly_the_criteria_of_their_level(example_site: Path, example) -> None:  # type: ignore[no-untyped-def]
    all_ids = set(example.criteria)
    for training_format in example.formats.values():
        for level in (1, 2, 3):
            page = html(example_site, f"aftekenlijsten/{training_format.id}-niveau-{level}")
            shown = set(re.findall(r'class="wgo-id">([a-z0-9-]+)<', page)) & all_ids
            expected = {c.id for wp in format_work_processes(example, training_format) for c in wp.criteria_at(level)}
            assert shown == expected
            assert "Paraaf" in page and "Datum" in page
            assert "01-11-2026" in page  # the build date of the content


def test_retired_criteria_are_left_out_of_checklists(example_site: Path, example) -> None:  # type: ignore[no-untyped-def]
    retired = [c for c in example.criteria.values() if c.retired]
    assert retired, "the example should show a retired criterion"
    pages = [p.read_text(encoding="utf-8") for p in (example_site / "aftekenlijsten").rglob("*.html")]
    for criterion in retired:
        assert not any(criterion.id in page for page in pages)


def test_the_function_house_shows_every_format_and_level_and_names_no_one(example_site: Path, example) -> None:  # type: ignore[no-untyped-def]
    page = html(example_site, "functiehuis")
    text = " ".join(html_module.unescape(re.sub(r"<[^>]+>", " ", page)).split())
    table = page[page.index('<table class="wgo-house-table">'):page.index("</table>")]
    facts = derive_facts(example, BUILD_DATE)
    for training_format in example.formats.values():
        assert f'href="../formats/{training_format.id}/"' in table
        people = sum(1 for f in facts.people.values() if f.format.id == training_format.id)
        assert f"<td>{people}</td>" in table  # the format's people in all, in the footer
        for level in (1, 2, 3):
            assert f'href="../aftekenlijsten/{training_format.id}-niveau-{level}/"' in table
        assert f"crebo {training_format.qualification.crebo}" in text
    for level in example.organisation.levels:
        assert f'<span class="wgo-level wgo-level-{level.level}">{level.level}</span> {level.label}' in table
        assert level.description in text
    assert "Stand per 01-11-2026" in text
    for person in example.people.values():
        assert not any(part in text for part in person.name.split() if len(part) > 3), person.id
    for index in ("", "formats"):
        assert 'functiehuis/">Functiehuis: alle formats en niveaus naast elkaar</a>' in html(example_site, index)


def test_matrix_csv_download(example_site: Path, example) -> None:  # type: ignore[no-untyped-def]
    facts = derive_facts(example, BUILD_DATE)
    team_order = [team.id for team in example.organisation.teams]
    cap = example.organisation.improvement_level
    finished_authors = {person for i in example.improvements.values() if i.status == "done" and i.finished <= BUILD_DATE
                        for person in i.author_ids}
    for training_format in example.formats.values():
        wps = [wp.id for wp in format_work_processes(example, training_format)]
        data = (example_site / "beperkt/alle/matrix" / f"{training_format.id}.csv").read_bytes()
        rows = list(csv.reader(io.StringIO(data.decode("utf-8"))))
        assert rows[0] == ["team", "id", "name", *wps, "overall"]
        members = [p for p in example.active_people if p.format == training_format.id]
        expected_ids = [p.id for team in team_order for p in members if p.team == team]
        assert [row[1] for row in rows[1:]] == expected_ids
        for row in rows[1:]:
            levels = [int(v) for v in row[3:-1]]
            # The overall level: the lowest, held below improvement_level without a finished improvement.
            held = cap is not None and row[1] not in finished_authors
            assert int(row[-1]) == (min(min(levels), cap - 1) if held else min(levels))
            assert levels == [facts.level(row[1], wp) for wp in wps]
        assert f'href="../{training_format.id}.csv"' in html(example_site, f"beperkt/alle/matrix/{training_format.id}")
        for team in team_order:  # each team's own part, in its folder
            team_rows = [row for row in rows[1:] if row[0] == team]
            if team_rows:
                data = (example_site / "beperkt" / team / "matrix" / f"{training_format.id}.csv").read_bytes()
                assert list(csv.reader(io.StringIO(data.decode("utf-8")))) == [rows[0], *team_rows]


def test_no_outside_resources_in_html_or_css(example_site: Path) -> None:
    """Nothing in the built site makes a browser fetch from another host."""
    outside = re.compile(r"^(https?:)?//", re.I)
    loads = re.compile(r'<(?:script|img|iframe|source|video|audio|embed)\b[^>]*?\s(?:src|srcset)="([^"]+)"', re.I)
    rel = r'\brel="(?:stylesheet|preload|modulepreload|icon|preconnect|dns-prefetch)"'
    links = re.compile(r"<link\b[^>]*?" + rel + r'[^>]*?\bhref="([^"]+)"', re.I)
    links_reversed = re.compile(r'<link\b[^>]*?\bhref="([^"]+)"[^>]*?' + rel, re.I)
    css_urls = re.compile(r"""(?:url\(\s*['"]?|@import\s+['"])([^'")\s]+)""", re.I)
    found = []
    for page in example_site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        for pattern in (loads, links, links_reversed):
            found += [(page.name, url) for url in pattern.findall(text) if outside.match(url)]
        found += [(page.name, url) for url in css_urls.findall(text) if outside.match(url)]
    for sheet in example_site.rglob("*.css"):
        found += [(sheet.name, url) for url in css_urls.findall(sheet.read_text(encoding="utf-8")) if outside.match(url)]
    assert found == []
    home = html(example_site, "")
    assert "fonts.googleapis" not in home and "Made with" not in home


def test_navigation_stays_small(example_site: Path, example) -> None:  # type: ignore[no-untyped-def]
    """Index pages list the many; no page carries a link to every work process or source in its navigation."""
    page = html(example_site, "werkprocessen/" + next(iter(example.work_processes)))
    nav = page[page.index('<nav class="md-nav md-nav--primary"'):page.index("</nav>", page.index('md-nav--primary'))]
    assert "bronnen/" not in re.sub(r'href="[^"]*bronnen/"', "", nav)
    assert len(re.findall(r"<a ", nav)) < 25


def test_build_does_not_write_into_content(tmp_path: Path) -> None:
    before = _digest(EXAMPLE)
    project = with_site_config(content_tree(tmp_path))
    assert build_site(project, tmp_path / "site", "--strict").returncode == 0
    assert _digest(EXAMPLE) == before
    assert sorted(p.relative_to(project / "content") for p in (project / "content").rglob("*")) == sorted(
        p.relative_to(ROOT / "tests/cases/_base/content") for p in (ROOT / "tests/cases/_base/content").rglob("*"))


def _digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        digest.update(str(path.relative_to(folder)).encode())
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()


def test_content_error_stops_the_build_with_all_messages(tmp_path: Path) -> None:
    project = with_site_config(content_tree(tmp_path, "references"))
    result = build_site(project, tmp_path / "site")
    assert result.returncode != 0
    expected = (ROOT / "tests/cases/references/expected.txt").read_text(encoding="utf-8").splitlines()
    for line in expected:
        assert line in result.stderr
    assert not (tmp_path / "site" / "index.html").exists()
    assert "Traceback" not in result.stderr


def test_strict_fails_on_warnings_only_when_strict(tmp_path: Path) -> None:
    project = with_site_config(content_tree(tmp_path))
    source = project / "content/sources/wi-bewaken.md"
    source.write_text(source.read_text(encoding="utf-8").replace("status: valid", "status: withdrawn"), encoding="utf-8")
    assert build_site(project, tmp_path / "site").returncode == 0
    strict = build_site(project, tmp_path / "strict", "--strict")
    assert strict.returncode != 0
    assert "[withdrawn-source]" in strict.stderr
    quiet = build_site(project, tmp_path / "quiet", "--strict", "--quiet")
    assert quiet.returncode != 0
    assert "1 waarschuwing(en) in de inhoud en --strict staat aan" in quiet.stderr
    assert "[withdrawn-source]" in quiet.stderr  # -q hides the warning itself: the error lists it


def test_without_personal_data_no_name_appears_anywhere(tmp_path: Path) -> None:
    project = with_site_config(tmp_path)
    shutil.copytree(EXAMPLE, project / "content")
    organisation = project / "content/organisation.yml"
    text = organisation.read_text(encoding="utf-8")
    text = re.sub(r"(?ms)^access:.*", "", text)  # access rules for no names would be a mistake (a warning)
    organisation.write_text(re.sub(r"(?m)^personal_data:.*$", "personal_data: false", text), encoding="utf-8")
    result = build_site(project, tmp_path / "site", "--strict")
    assert result.returncode == 0, result.stderr
    assert "[personal-data-off]" in result.stderr
    names = [row["name"] for row in csv.DictReader(io.StringIO((EXAMPLE / "people.csv").read_text(encoding="utf-8-sig")))]
    for path in (tmp_path / "site").rglob("*"):
        if path.is_file() and path.suffix in (".html", ".json", ".csv", ".xml", ".txt"):
            text = html_module.unescape(path.read_text(encoding="utf-8", errors="replace"))  # "Y&#305;lmaz" too
            leaked = [name for name in names if name in text]
            assert leaked == [], f"{path}: {leaked}"
    for folder in ("matrix", "pop", "teams", "planning", "mensen", "beperkt"):
        assert not (tmp_path / "site" / folder).exists()
    assert not (tmp_path / "site-access").exists()
    # Work-process pages are published, without "who can do this?".
    assert 'id="wie-kan-dit"' not in html(tmp_path / "site", "werkprocessen/installatie-opstarten")
    # Improvements are shared without personal data too (the loop above checked them for names).
    assert (tmp_path / "site/feed.xml").is_file()
    assert len(list((tmp_path / "site/verbeteropdrachten").glob("*/index.html"))) == len(list((EXAMPLE / "improvements").glob("*.md")))


def test_titles_are_escaped_everywhere(tmp_path: Path) -> None:
    evil = "</title><script>alert(1)</script> & *x*"
    project = with_site_config(content_tree(tmp_path))
    fmt = project / "content/formats/operator.yml"
    fmt.write_text(fmt.read_text(encoding="utf-8").replace("title: Operator", f"title: '{evil}'"), encoding="utf-8")
    people = project / "content/people.csv"
    people.write_text(people.read_text(encoding="utf-8").replace("Ali Aydin", '"<img src=x onerror=alert(2)>"'), encoding="utf-8")
    result = build_site(project, tmp_path / "site", "--strict")
    assert result.returncode == 0, result.stderr
    for path in (tmp_path / "site").rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert "<script>alert(1)" not in text, path
        assert "<img src=x" not in text, path
    page = html(tmp_path / "site", "formats/operator")
    assert "<title>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; *x*" in page


def test_english_site_and_messages(tmp_path: Path) -> None:
    project = with_site_config(content_tree(tmp_path))
    organisation = project / "content/organisation.yml"
    organisation.write_text(organisation.read_text(encoding="utf-8").replace("language: nl", "language: en"), encoding="utf-8")
    assert build_site(project, tmp_path / "site", "--strict").returncode == 0
    home = html(tmp_path / "site", "")
    assert '<html lang="en"' in home and "Work processes" in home and "Werkprocessen" not in home
    checklist = html(tmp_path / "site", "aftekenlijsten/operator-niveau-1")
    assert "Initials" in checklist and "Paraaf" not in checklist

    people = project / "content/people.csv"
    people.write_text(people.read_text(encoding="utf-8").replace("ploeg-2,operator", "ploeg-9,operator"), encoding="utf-8")
    result = build_site(project, tmp_path / "broken")
    assert "content/people.csv:3: error: unknown team 'ploeg-9'" in result.stderr


def test_page_templates_can_be_overridden_from_the_theme(tmp_path: Path) -> None:
    project = with_site_config(content_tree(tmp_path))
    (project / "theme/pages").mkdir(parents=True, exist_ok=True)
    (project / "theme/pages/home.md.j2").write_text("# {{ title }}\n\nEigen startpagina van {{ org.name }}.\n", encoding="utf-8")
    assert build_site(project, tmp_path / "site", "--strict").returncode == 0
    assert "Eigen startpagina van Testfabriek BV." in html(tmp_path / "site", "")


def test_matrix_csv_rows_checked_by_hand(example_site: Path) -> None:
    """Rows worked out by hand from content/signoffs.csv for the pinned build date 2026-11-01."""
    matrix = (example_site / "beperkt/alle/matrix/procesoperator.csv").read_text("utf-8")
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(matrix))}
    # p-001: level-4 assessments everywhere
    assert [v for k, v in rows["p-001"].items() if k not in ("team", "id", "name")] == ["4"] * 10
    # p-010: every sign-off on start-up and shut-down is from 2021/2022, older than their valid_months: 36
    assert rows["p-010"]["installatie-opstarten"] == "0" and rows["p-010"]["installatie-afstoppen"] == "0"
    assert rows["p-010"]["overall"] == "0"
    # p-012: all nine criteria of voorbereiden; bewaken-2-03 retired, its successor bewaken-2-04 signed;
    # a direct level 2 on storingen-verhelpen (2026-04-20) voids the earlier level-3 criteria; nothing on monsters-nemen
    p012 = rows["p-012"]
    assert (p012["team"], p012["name"]) == ("ploeg-2", "Rob Robberts")
    assert (p012["werkzaamheden-voorbereiden"], p012["installatie-opstarten"], p012["proces-bewaken"]) == ("3", "3", "3")
    assert (p012["storingen-verhelpen"], p012["monsters-nemen"], p012["overall"]) == ("2", "0", "0")


def test_same_content_builds_the_same_site(tmp_path: Path) -> None:
    project = with_site_config(content_tree(tmp_path))
    (project / "content/pages/index.md").unlink()
    first, second = tmp_path / "first", tmp_path / "second"
    assert build_site(project, first, "--strict").returncode == 0
    assert build_site(project, second, "--strict").returncode == 0
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    assert [f for f in files if (first / f).read_bytes() != (second / f).read_bytes()] == []
    assert "Coaches tekenen de criteria af" in html(first, "")  # the home page explains the model by default


def test_large_matrices_and_planning_link_to_each_teams_own(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from generator import generate
    from generator.render import overviews

    monkeypatch.setattr(overviews, "SPLIT_ROWS", 1)
    monkeypatch.chdir(content_tree(tmp_path))
    (Path("content/planning.csv")).write_text(
        "person,work_process,target_level,due,coach,activity\n"
        "p-001,opstarten,2,2027-03-01,p-002,a\np-002,bewaken,1,2026-01-01,p-001,b\n", encoding="utf-8")
    site = generate(Path("content"), build_date=BUILD_DATE).site
    assert site is not None
    by_path = {page.path: page for page in site.pages}
    # Rendered to HTML, linking to served (directory) addresses.
    index = by_path["matrix/operator.md"].html or ""
    assert '<a href="../../teams/ploeg-1/matrix/operator/">Ploeg 1</a>' in index
    assert '<a href="../../teams/ploeg-2/matrix/operator/">Ploeg 2</a>' in index
    assert "Ali Aydin" not in index
    assert "Ali Aydin" in (by_path["teams/ploeg-1/matrix/operator.md"].html or "")
    assert "Bea de Boer" not in (by_path["teams/ploeg-1/matrix/operator.md"].html or "")
    assert ('<td><a href="../teams/ploeg-2/planning/">Ploeg 2</a></td>\n<td align="center">1</td>\n'
            '<td align="center">1</td>') in (by_path["planning/index.md"].html or "")
    assert "verlopen" in (by_path["teams/ploeg-2/planning.md"].html or "")


def test_a_large_people_index_is_split_per_team(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from generator import generate
    from generator.render import overviews

    monkeypatch.setattr(overviews, "SPLIT_PEOPLE", 1)
    site = generate(content_tree(tmp_path) / "content", build_date=BUILD_DATE).site
    assert site is not None
    by_path = {page.path: page for page in site.pages}
    index = by_path["mensen/index.md"].html or ""
    # The index lists the teams with their number of people (the base tree: Ali Aydin in Ploeg 1, Bea de Boer in Ploeg 2).
    assert ('<td><a href="ploeg-1/">Ploeg 1</a></td>\n<td align="center">1</td>') in index
    assert "Ali Aydin" not in index
    team = by_path["mensen/ploeg-1.md"].html or ""
    assert "Ali Aydin" in team and "Bea de Boer" not in team
    assert '<a href="../../pop/p-001/">Ali Aydin</a>' in team
    assert not by_path["mensen/ploeg-1.md"].indexed


def test_organisation_name_is_escaped_once(tmp_path: Path) -> None:
    project = with_site_config(content_tree(tmp_path))
    organisation = project / "content/organisation.yml"
    organisation.write_text(organisation.read_text(encoding="utf-8").replace(
        "name: Testfabriek BV", "name: 'Jansen & Zn <b>BV</b>'"), encoding="utf-8")
    assert build_site(project, tmp_path / "site", "--strict").returncode == 0
    home = html(tmp_path / "site", "")
    assert "<b>BV</b>" not in home
    assert 'title="Jansen &amp; Zn &lt;b&gt;BV&lt;/b&gt;"' in home
    assert "&amp;amp;" not in home


DATED = ("beperkt/", "formats/", "functiehuis/", "bronnen/", "gezondheid/")  # beperkt/: matrices, teams, POPs, planning, re-instruction


def test_every_page_that_depends_on_the_build_date_says_so() -> None:
    """Levels, expiry, overdue training and overdue reviews change only when the site is rebuilt."""
    result = generate(EXAMPLE, build_date=BUILD_DATE)
    assert result.site is not None
    undated = ("formats/index.md", "beperkt/index.md")  # lists of links
    dated = [page for page in result.site.pages if page.path.startswith(DATED) and page.path not in undated]
    assert {page.path.split("/")[0] + "/" for page in dated} == set(DATED)
    as_of = ("Stand per 01-11-2026\n{: .wgo-as-of }", '<p class="wgo-as-of">Stand per 01-11-2026</p>')
    assert [page.path for page in dated if as_of[page.html is not None] not in (page.html or page.markdown)] == []


def test_the_site_name_is_in_every_title_once(example_site: Path) -> None:
    """The home page is titled by the organisation's name alone, not "Voorbeeld Chemie BV - Voorbeeld Chemie BV"."""
    def title(page: str) -> str:
        found = re.search(r"<title>(.*?)</title>", (example_site / page).read_text(encoding="utf-8"))
        assert found, page
        return html_module.unescape(found.group(1))

    assert title("index.html") == "Voorbeeld Chemie BV"
    assert title("formats/index.html") == "Opleidingsformats - Voorbeeld Chemie BV"
    assert title("functiehuis/index.html") == "Functiehuis - Voorbeeld Chemie BV"
