"""Levels over time: every month end of the window equals derive run with that date on the content of that date.

The series (derive/progress.py) runs the level rule only where a pair's counted sign-offs change;
these tests run the whole of derive again per month end, over the sign-offs and improvements dated
on or before it, and compare. A past build date on the whole content is not the way: later
sign-offs are then content errors.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest

from generator import generate
from generator.derive import derive_facts
from generator.derive.matrix import format_matrix
from generator.derive.progress import derive_progress, month_ends
from generator.model import Content

from .conftest import BUILD_DATE, ROOT, checked_content, content_tree


def as_of(content: Content, month_end: dt.date) -> Content:
    """The content as it stood at ``month_end``: later sign-offs and improvements left out."""
    return replace(
        content,
        signoffs=tuple(s for s in content.signoffs if s.date <= month_end),
        improvements={i.id: i for i in content.improvements.values() if i.started <= month_end},
    )


def test_month_ends_end_with_the_build_date() -> None:
    assert month_ends(dt.date(2026, 3, 15), 4) == (
        dt.date(2025, 12, 31), dt.date(2026, 1, 31), dt.date(2026, 2, 28), dt.date(2026, 3, 15),
    )
    assert month_ends(dt.date(2024, 3, 1), 2) == (dt.date(2024, 2, 29), dt.date(2024, 3, 1))


def test_every_month_and_team_of_the_example_equals_derive_at_that_date() -> None:
    content = checked_content(ROOT / "content")
    progress = derive_progress(content, derive_facts(content, BUILD_DATE))
    assert len(progress.months) == 24 and progress.months[-1] == BUILD_DATE
    changed = 0
    for index, month_end in enumerate(progress.months):
        then = as_of(content, month_end)
        facts = derive_facts(then, month_end)
        for training_format in content.formats.values():
            matrix = format_matrix(then, facts, training_format)
            sections = {s.team.id: s for s in progress.of_format(training_format.id)}
            assert set(sections) == {section.team.id for section in matrix.sections}
            for section in matrix.sections:
                point = sections[section.team.id].points[index]
                assert point.month == month_end
                assert point.columns.totals == section.totals, (month_end, section.team.id)
                assert point.columns.coverage == section.coverage
                assert point.columns.short == section.short
                overall = Counter(row.overall for row in section.rows)
                assert point.people == tuple(overall[level] for level in range(len(point.people)))
                changed += index > 0 and point != sections[section.team.id].points[index - 1]
        for person_id, person in facts.people.items():
            assert progress.overall[person_id][index] == person.overall, (person_id, month_end)
    # The example's sign-offs are spread over the window, so the charts show change.
    assert changed >= 10


def test_expiry_and_improvements_move_the_series(tmp_path: Path) -> None:
    """A level lost to valid_months in the window and an improvement finished in it, both against derive."""
    content_dir = content_tree(tmp_path) / "content"
    wp = content_dir / "work-processes" / "bewaken.md"
    wp.write_text(wp.read_text(encoding="utf-8").replace("title:", "valid_months: 12\ntitle:", 1), encoding="utf-8")
    (content_dir / "signoffs.csv").write_text(
        "person,work_process,criterion,level,date,assessor,note\n"
        "p-001,bewaken,,2,2024-06-15,p-002,\n"
        "p-001,opstarten,,3,2024-01-10,p-002,\n"
        "p-001,bewaken,,1,2025-09-30,p-002,\n"
        "p-001,bewaken,,3,2025-09-30,p-002,later row on the same day wins\n"
        "p-002,opstarten,,4,2025-01-15,p-002,\n"
        "p-002,bewaken,,4,2025-12-01,p-001,\n",
        encoding="utf-8",
    )
    with (content_dir / "organisation.yml").open("a", encoding="utf-8") as file:
        file.write("improvement_level: 4\n")
    (content_dir / "improvements").mkdir()
    (content_dir / "improvements" / "spoelen.md").write_text(
        "---\ntitle: Spoelen\nauthor: p-002\nmethod: PDCA\nstatus: done\nstarted: 2026-01-05\nfinished: 2026-03-20\n"
        "work_processes: [bewaken]\n---\nMinder spoelwater.\n", encoding="utf-8")
    content = checked_content(content_dir)
    progress = derive_progress(content, derive_facts(content, BUILD_DATE))
    for index, month_end in enumerate(progress.months):
        facts = derive_facts(as_of(content, month_end), month_end)
        for person_id in content.people:
            assert progress.overall[person_id][index] == facts.people[person_id].overall, (person_id, month_end)
    levels = progress.overall["p-001"]
    assert min(levels) < max(levels)  # the level dropped at expiry and came back
    assert progress.overall["p-002"][-1] == 4 and 3 in progress.overall["p-002"]  # capped at 3 until the improvement


@pytest.mark.parametrize("months", [2, 36])
def test_the_window_follows_progress_months(tmp_path: Path, months: int) -> None:
    content_dir = content_tree(tmp_path) / "content"
    with (content_dir / "organisation.yml").open("a", encoding="utf-8") as file:
        file.write(f"progress_months: {months}\n")
    content = checked_content(content_dir)
    progress = derive_progress(content, derive_facts(content, BUILD_DATE))
    assert len(progress.months) == months
    assert all(len(section.points) == months for section in progress.sections)


def chart_tables(html: str) -> dict[str, list[list[str]]]:
    """Each chart's data table on a page: the chart's id → its rows of cell texts (newest month first)."""
    found = {}
    for chart_id, table in re.findall(r'<figure class="wgo-chart" id="([^"]+)">.*?<tbody>(.*?)</tbody>', html, re.DOTALL):
        rows = re.findall(r"<tr>(.*?)</tr>", table, re.DOTALL)
        found[chart_id] = [[cell.strip() for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.DOTALL)] for row in rows]
    return found


def test_the_charts_on_the_matrix_and_team_pages_show_the_matrix_totals_of_each_month() -> None:
    """What a reader sees: each chart's table, month by month, against derive's matrix on the content of that month."""
    result = generate(ROOT / "content", build_date=BUILD_DATE)
    assert result.site is not None
    pages = {page.path: page.html or page.markdown for page in result.site.pages}
    content = result.content
    months = month_ends(BUILD_DATE, 24)
    then = {month: as_of(content, month) for month in months}
    matrices = {
        (month, f.id): format_matrix(then[month], derive_facts(then[month], month), f)
        for month in months for f in content.formats.values()
    }
    checked_charts = 0
    for training_format in content.formats.values():
        tables = chart_tables(pages[f"beperkt/alle/matrix/{training_format.id}.md"])
        team_tables = {team.id: chart_tables(pages[f"beperkt/{team.id}/index.md"]) for team in content.organisation.teams}
        for index, month in enumerate(months):
            for section in matrices[month, training_format.id].sections:
                chart = f"chart-{training_format.id}-{section.team.id}"
                row = tables[chart][len(months) - 1 - index]
                assert row == team_tables[section.team.id][chart][len(months) - 1 - index]
                overall = Counter(r.overall for r in section.rows)
                covered = sum(not short for short in section.short)
                assert row[1:] == [*(str(overall[level]) for level in range(5)), f"{covered} / {len(section.short)}"], (
                    month, section.team.id)
                checked_charts += 1
    assert checked_charts == 24 * 6  # two formats, each in all three teams


def test_a_persons_changes_are_the_months_where_the_overall_level_moves() -> None:
    content = checked_content(ROOT / "content")
    progress = derive_progress(content, derive_facts(content, BUILD_DATE))
    moved = 0
    for person_id, levels in progress.overall.items():
        changes = progress.changes(person_id)
        assert changes[0] == (0, levels[0])
        rebuilt = [level for index, level in changes for _ in range(index, next(
            (later for later, _ in changes if later > index), len(levels)))]
        assert rebuilt == list(levels)
        moved += len(changes) > 1
    assert moved >= 5


def test_the_public_format_page_shows_every_team_together_never_a_team_of_its_own() -> None:
    """A team with one person in a format would show that person's level history on a page everyone reads."""
    result = generate(ROOT / "content", build_date=BUILD_DATE)
    assert result.site is not None
    progress = derive_progress(result.content, derive_facts(result.content, BUILD_DATE))
    pages = {page.path: page.html or page.markdown for page in result.site.pages}
    for training_format in result.content.formats.values():
        page = pages[f"formats/{training_format.id}.md"]
        assert not [team.id for team in result.content.organisation.teams if f'id="chart-{training_format.id}-{team.id}"' in page]
        rows = chart_tables(page)[f"chart-{training_format.id}"]
        sections = progress.of_format(training_format.id)
        for index in range(len(progress.months)):
            added = [sum(s.points[index].people[level] for s in sections) for level in range(5)]
            assert rows[len(progress.months) - 1 - index][1:] == [str(count) for count in added]
