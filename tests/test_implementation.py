"""The implementation monitor (derive/implementation.py, the page /invoering/): each measure counted by hand on a
small tree, today and at month ends of the window, and the page that shows them (public, counts only)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from pathlib import Path

import pytest

from generator import generate
from generator.derive import derive_facts
from generator.derive.implementation import Implementation, Indicator, derive_implementation, monitored_improvement_level
from generator.derive.progress import derive_progress
from generator.model import Content, Level

from .conftest import BUILD_DATE, ROOT, checked_content, content_tree

# The window's month ends for BUILD_DATE (2026-11-01): index 0 is 2024-12-31, the last the build date.
DEC_2024, JAN_2025, MAR_2025, JUN_2025, JAN_2026, FEB_2026, MAR_2026 = 0, 1, 3, 6, 13, 14, 15


def _append(path: Path, text: str) -> None:
    with path.open("a", encoding="utf-8") as file:
        file.write(text)


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def monitor_tree(tmp_path: Path, organisation: str = "") -> Path:
    """The base tree (format operator: opstarten with criteria on levels 1 and 2, bewaken on level 1) with:

    - bewaken gets a level-1 criterion without a source; opstarten-2-01 also cites a draft source;
    - wi-bewaken was reviewed 2024-03-15 with a 12-month period (due 2025-03-15); sop-opstarten 2026-01-01;
    - p-003 (active, no sign-off, a planning row without a coach) and p-004 (inactive, signed off, coached);
    - p-002 is assessed at level 3 on bewaken on 2025-06-10 (level 4 on opstarten since 2025-01-15) and
      finishes an improvement on 2026-02-20; p-001 has one sign-off, on 2026-03-02, and a coach.
    """
    content = content_tree(tmp_path) / "content"
    _replace(content / "work-processes/bewaken.md", "    sources: [wi-bewaken]\n",
             "    sources: [wi-bewaken]\n  - id: bewaken-1-02\n    level: 1\n    kind: knowledge\n"
             "    text: Kent de grenswaarden\n    sources: []\n")
    _replace(content / "work-processes/opstarten.md", "    sources: [sop-opstarten]\n---",
             "    sources: [sop-opstarten, concept-spoelen]\n---")
    _replace(content / "sources/wi-bewaken.md", "reviewed: 2026-01-01", "reviewed: 2024-03-15\nreview_months: 12")
    (content / "sources/concept-spoelen.md").write_text(
        "---\ntitle: Spoelen (concept)\ntype: procedure\nowner: Productie\nversion: \"0.1\"\nreviewed: 2026-06-01\n"
        "status: draft\n---\nNog niet vastgesteld.\n", encoding="utf-8")
    _append(content / "people.csv", "p-003,Cor Claassen,ploeg-1,operator,,yes\np-004,Dirk Dekker,ploeg-2,operator,,no\n")
    _append(content / "signoffs.csv", "p-002,bewaken,,3,2025-06-10,p-001,\np-004,opstarten,opstarten-1-01,,2025-02-01,p-002,\n")
    _append(content / "planning.csv", "p-003,bewaken,1,2027-01-01,,zelfstudie\np-004,bewaken,1,2027-01-01,p-002,training\n")
    (content / "improvements").mkdir()
    (content / "improvements/spoelen.md").write_text(
        "---\ntitle: Spoelen\nauthor: p-002\nmethod: PDCA\nstatus: done\nstarted: 2026-01-05\nfinished: 2026-02-20\n"
        "work_processes: [bewaken]\n---\nMinder spoelwater.\n", encoding="utf-8")
    if organisation:
        _append(content / "organisation.yml", organisation)
    return content


def implementation_of(content: Content) -> Implementation:
    facts = derive_facts(content, BUILD_DATE)
    return derive_implementation(content, facts, derive_progress(content, facts))


@pytest.fixture
def monitored(tmp_path: Path) -> Implementation:
    return implementation_of(checked_content(monitor_tree(tmp_path)))


def test_the_window_is_that_of_the_levels_over_time(monitored: Implementation) -> None:
    assert len(monitored.months) == 24 and monitored.months[-1] == BUILD_DATE
    assert [monitored.months[i] for i in (DEC_2024, JAN_2025, MAR_2025, JUN_2025, JAN_2026, FEB_2026, MAR_2026)] == [
        dt.date(2024, 12, 31), dt.date(2025, 1, 31), dt.date(2025, 3, 31), dt.date(2025, 6, 30),
        dt.date(2026, 1, 31), dt.date(2026, 2, 28), dt.date(2026, 3, 31),
    ]
    assert [f.format.id for f in monitored.formats] == ["operator"]


def test_work_processes_with_criteria_on_every_level_that_has_criteria(monitored: Implementation) -> None:
    """Levels 1 and 2 have criteria somewhere; bewaken has none on level 2. The structure has no history."""
    operator = monitored.formats[0]
    assert monitored.levels == (1, 2)
    assert operator.complete == Indicator(count=1, total=2)
    assert [(m.work_process.id, m.levels) for m in operator.incomplete] == [("bewaken", (2,))]


def test_criteria_that_cite_a_source(monitored: Implementation) -> None:
    operator = monitored.formats[0]
    assert operator.sourced == Indicator(count=3, total=4)  # bewaken-1-02 cites nothing
    assert [wp.id for wp in operator.unsourced] == ["bewaken"]


def test_sources_reviewed_within_their_period_month_by_month(monitored: Implementation) -> None:
    """Only the valid sources count (the draft is left out); before its review date a source is not reviewed."""
    reviewed = monitored.formats[0].reviewed
    assert (reviewed.count, reviewed.total) == (1, 2)
    assert reviewed.history[DEC_2024] == 1  # wi-bewaken, due only on 2025-03-15
    assert reviewed.history[MAR_2025] == 0  # wi-bewaken overdue, sop-opstarten not yet reviewed
    assert reviewed.history[JAN_2026] == 1  # sop-opstarten, reviewed 2026-01-01
    assert reviewed.history[-1] == reviewed.count
    assert [s.id for s in monitored.formats[0].unreviewed] == ["wi-bewaken"]


def test_people_with_any_signoff_month_by_month(monitored: Implementation) -> None:
    """Active people only: p-004's sign-off is not counted, p-003 has none."""
    baseline = monitored.formats[0].baseline
    assert (baseline.count, baseline.total) == (2, 3)
    assert baseline.history[DEC_2024] == 0
    assert baseline.history[JAN_2025] == 1  # p-002, 2025-01-15
    assert baseline.history[FEB_2026] == 1
    assert baseline.history[MAR_2026] == 2  # p-001, 2026-03-02
    assert baseline.history[-1] == baseline.count


def test_people_with_a_coach_in_the_planning_today_only(monitored: Implementation) -> None:
    """p-003's row names no coach; p-004 is not active."""
    assert monitored.formats[0].coached == Indicator(count=1, total=3)


@pytest.mark.parametrize("organisation", ["", "improvement_level: 3\n"])
def test_people_at_the_improvement_level_with_a_finished_improvement(tmp_path: Path, organisation: str) -> None:
    """p-002 is at level 3 on both work processes from June 2025 and finishes the improvement in February 2026:
    counted from then, with the clause (capped at 2 until then) and without it (level 3 of the model)."""
    monitored = implementation_of(checked_content(monitor_tree(tmp_path, organisation)))
    improved = monitored.formats[0].improved
    assert monitored.improvement_level == 3
    assert (improved.count, improved.total) == (1, 3)
    assert improved.history[JUN_2025] == 0
    assert improved.history[JAN_2026] == 0
    assert improved.history[FEB_2026] == 1
    assert improved.history[-1] == improved.count


def test_the_improvement_level_is_the_organisations_else_3_within_the_scale(tmp_path: Path) -> None:
    organisation = checked_content(monitor_tree(tmp_path)).organisation
    assert monitored_improvement_level(organisation) == 3
    assert monitored_improvement_level(replace(organisation, improvement_level=4)) == 4
    short_scale = tuple(Level(level=n, label=str(n)) for n in range(3))
    assert monitored_improvement_level(replace(organisation, levels=short_scale)) == 2


def test_a_share_is_rounded_down_and_none_of_nothing() -> None:
    assert Indicator(count=199, total=200).percent == 99
    assert Indicator(count=2, total=3).percent == 66
    assert Indicator(count=3, total=3).percent == 100
    assert Indicator(count=0, total=0).percent is None


def test_today_is_the_last_month_of_every_history_in_the_example() -> None:
    monitored = implementation_of(checked_content(ROOT / "content"))
    for found in monitored.formats:
        for name, indicator in found.indicators:
            assert indicator.count <= indicator.total, (found.format.id, name)
            if indicator.history:
                assert len(indicator.history) == len(monitored.months)
                assert indicator.history[-1] == indicator.count, (found.format.id, name)


# --- the page ---------------------------------------------------------------------------------


def _pages(content_dir: Path) -> dict[str, str]:
    result = generate(content_dir, build_date=BUILD_DATE)
    assert result.site is not None
    return {page.path: page.html or page.markdown for page in result.site.pages}


def _month_rows(html: str) -> dict[str, list[str]]:
    """The monthly table of the (one) format: month → its cells."""
    table = re.search(r'<details class="wgo-chart-data">.*?<tbody>(.*?)</tbody>', html, re.DOTALL)
    assert table is not None
    rows = [re.findall(r"<td[^>]*>(.*?)</td>", row, re.DOTALL) for row in re.findall(r"<tr>(.*?)</tr>", table.group(1), re.DOTALL)]
    return {row[0]: row[1:] for row in rows}


def test_the_page_shows_the_counts_and_the_course(tmp_path: Path) -> None:
    html = _pages(monitor_tree(tmp_path))["invoering/index.md"]
    for shown in ("1 van 2 (50%)", "3 van 4 (75%)", "1 van 2 (50%)", "2 van 3 (66%)", "1 van 3 (33%)"):
        assert shown in html
    assert '<rect class="wgo-bar-fill" width="75%" height="100%"/>' in html
    rows = _month_rows(html)
    assert len(rows) == 24
    # Columns: sources reviewed, baseline, level 3 with improvement (the measures with a history).
    assert rows["feb 2026"] == ["1 / 2", "1 / 3", "1 / 3"]
    assert rows["mrt 2025"] == ["0 / 2", "1 / 3", "0 / 3"]
    # Where each is worked on: the incomplete work process, the source to review, the health page's sections.
    assert 'href="../werkprocessen/bewaken/"' in html and 'href="../bronnen/wi-bewaken/"' in html
    assert 'href="../gezondheid/#te-herzien"' in html and 'href="../gezondheid/#zonder-bron"' in html
    assert 'href="../verbeteropdrachten/"' in html
    # Every chart is an image with a title and a description.
    assert html.count('role="img"') == html.count("<title id=") == 3


def test_the_page_is_public_in_the_navigation_and_linked_from_home_and_health(tmp_path: Path) -> None:
    result = generate(monitor_tree(tmp_path), build_date=BUILD_DATE)
    assert result.site is not None
    page = next(p for p in result.site.pages if p.path == "invoering/index.md")
    assert page.indexed and not page.audience.restricted
    assert "invoering/index.md" in [item.path for item in result.site.nav]
    pages = {p.path: p.markdown for p in result.site.pages}
    assert "(invoering/index.md)" in pages["index.md"]
    assert "(../invoering/index.md)" in pages["gezondheid/index.md"]
    assert "{ #te-herzien }" in pages["gezondheid/index.md"] and "{ #zonder-bron }" in pages["gezondheid/index.md"]


def test_where_people_are_worked_on_follows_the_layout(tmp_path: Path) -> None:
    """Without access: the matrix and planning where everyone reads them; with it: the planners' views, marked so;
    without personal data: neither, and the page says why the planning is not linked."""
    open_site = _pages(monitor_tree(tmp_path / "open"))["invoering/index.md"]
    assert 'href="../matrix/operator/"' in open_site and 'href="../planning/"' in open_site
    assert "alleen planners" not in open_site
    example = _pages(ROOT / "content")["invoering/index.md"]
    assert 'href="../beperkt/alle/matrix/procesoperator/"' in example and 'href="../beperkt/alle/planning/"' in example
    assert "(alleen planners)" in example
    closed_dir = monitor_tree(tmp_path / "closed")
    _replace(closed_dir / "organisation.yml", "personal_data: true", "personal_data: false")
    closed = _pages(closed_dir)["invoering/index.md"]
    assert "matrix/" not in closed and "planning/" not in closed
    assert "de planning wordt niet gepubliceerd" in closed
    assert "1 van 3 (33%)" in closed  # the counts are shown without personal data too
