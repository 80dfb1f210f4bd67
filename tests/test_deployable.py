""""Who can do this?" per work process and team, and why a row of the sign-off history no longer counts."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from generator.derive import Facts, PersonFacts, derive_facts
from generator.derive.deployable import Deployability
from generator.derive.history import Void, history_row, history_rows
from generator.derive.levels import standing
from generator.derive.matrix import team_coverage
from generator.diagnostics import Report
from generator.model import Content, Signoff, WorkProcess
from generator.read import read_content
from generator.references import check_references

from .conftest import BUILD_DATE, content_tree
from .test_levels import MAX, TODAY, signed, work_process

# Two formats share "gedeeld"; only the operators have "bedienen". Coverage: 2 people at level 3 or more.
PEOPLE = """id,name,team,format,target_level,active
p-001,Ali Aydin,ploeg-1,operator,,
p-002,Bea de Boer,ploeg-1,laborant,,
p-003,Cor Claes,ploeg-1,operator,,
p-004,Dirk Dekker,ploeg-1,laborant,,no
p-005,Eva Eder,ploeg-2,laborant,,
p-006,Fenna Fox,dagdienst,laborant,,
"""
SIGNOFFS = """person,work_process,criterion,level,date,assessor,note
p-001,gedeeld,,3,2026-01-05,p-002,
p-001,bedienen,,4,2026-01-05,p-002,
p-002,gedeeld,,4,2026-01-05,p-001,
p-003,gedeeld,,2,2026-01-05,p-002,
p-004,gedeeld,,4,2026-01-05,p-002,
p-005,gedeeld,,3,2026-01-05,p-002,
p-005,bedienen,,3,2026-01-05,p-002,
"""


def _format(title: str, work_processes: str) -> str:
    return f"title: {title}\ntarget_level: 3\ncore_tasks:\n  - code: X\n    title: X\n    work_processes: [{work_processes}]\n"


def _content(tmp_path: Path) -> tuple[Content, Facts]:
    content_dir = content_tree(tmp_path) / "content"
    organisation = content_dir / "organisation.yml"
    text = organisation.read_text(encoding="utf-8")
    text = text.replace("coverage: {level: 2, count: 1}", "coverage: {level: 3, count: 2}")
    text = text.replace("  - {id: ploeg-2, name: Ploeg 2}\n", "  - {id: ploeg-2, name: Ploeg 2}\n  - {id: dagdienst, name: Dagdienst}\n")
    organisation.write_text(text, encoding="utf-8")
    for wp in ("gedeeld", "bedienen"):
        (content_dir / "work-processes" / f"{wp}.md").write_text(f"---\ntitle: {wp}\n---\n", encoding="utf-8")
    (content_dir / "formats" / "operator.yml").write_text(_format("Operator", "gedeeld, bedienen"), encoding="utf-8")
    (content_dir / "formats" / "laborant.yml").write_text(_format("Laborant", "gedeeld"), encoding="utf-8")
    (content_dir / "people.csv").write_text(PEOPLE, encoding="utf-8")
    (content_dir / "signoffs.csv").write_text(SIGNOFFS, encoding="utf-8")
    (content_dir / "planning.csv").write_text("person,work_process,target_level,due,coach,activity\n", encoding="utf-8")
    report = Report()
    content = read_content(content_dir, report)
    check_references(content, BUILD_DATE, report)
    assert report.messages == []
    return content, derive_facts(content, BUILD_DATE)


def _names(people: tuple[PersonFacts, ...]) -> list[str]:
    return [p.person.name for p in people]


def test_who_can_do_lists_per_team_each_level_from_1_up_and_counts_from_the_coverage_level(tmp_path: Path) -> None:
    content, facts = _content(tmp_path)
    who = Deployability(content, facts).who_can_do(content.work_processes["gedeeld"])
    # Dagdienst has "gedeeld" in Fenna's format and nobody at level 3: listed, with nobody.
    assert [d.team.id for d in who] == ["ploeg-1", "ploeg-2", "dagdienst"]
    ploeg_1 = who[0]
    assert [(g.level, _names(g.people), g.counted) for g in ploeg_1.groups] == [
        (1, [], False), (2, ["Cor Claes"], False), (3, ["Ali Aydin"], True), (4, ["Bea de Boer"], True)]
    assert (ploeg_1.count, ploeg_1.total, ploeg_1.minimum, ploeg_1.short) == (2, 3, 2, False)
    # Without names: the same counts per level.
    counted = ploeg_1.counted()
    assert [(c.level, c.count, c.counted) for c in counted.levels] == [(1, 0, False), (2, 1, False), (3, 1, True), (4, 1, True)]
    assert (counted.count, counted.short) == (2, False)
    assert _names(ploeg_1.people) == ["Bea de Boer", "Ali Aydin"]  # highest level first
    assert (who[1].count, who[1].short) == (1, True)
    assert (who[2].count, who[2].short) == (0, True)


def test_a_work_process_shared_by_two_formats_counts_each_person_once(tmp_path: Path) -> None:
    content, facts = _content(tmp_path)
    deployability = Deployability(content, facts)
    shared = deployability.who_can_do(content.work_processes["gedeeld"])
    names = [name for d in shared for name in _names(d.people)]
    assert sorted(names) == ["Ali Aydin", "Bea de Boer", "Eva Eder"]
    # The same figure as the team page's coverage, which counts members of every format.
    for team in content.organisation.teams:
        bars = {bar.work_process.id: bar.count for bar in team_coverage(content, facts, team)}
        names_behind = deployability.team_work_processes(team)
        assert {wp_id: d.count for wp_id, d in names_behind.items()} == bars


def test_inactive_people_and_lower_levels_are_left_out(tmp_path: Path) -> None:
    content, facts = _content(tmp_path)
    who = Deployability(content, facts).who_can_do(content.work_processes["gedeeld"])
    names = [name for d in who for name in _names(d.people)]
    assert "Dirk Dekker" not in names  # inactive, though at level 4
    assert "Cor Claes" not in names  # level 2, below the coverage level: listed at 2, not counted


def test_a_team_without_the_work_process_in_any_format_is_left_out_unless_someone_can_do_it(tmp_path: Path) -> None:
    content, facts = _content(tmp_path)
    who = Deployability(content, facts).who_can_do(content.work_processes["bedienen"])
    # Ploeg 2 has only a laborant, who still has level 3 on "bedienen" (from an earlier job): listed.
    # Dagdienst neither has it in a format nor anyone who can do it.
    assert [(d.team.id, _names(d.people)) for d in who] == [("ploeg-1", ["Ali Aydin"]), ("ploeg-2", ["Eva Eder"])]


def test_a_retired_work_process_lists_nobody(tmp_path: Path) -> None:
    content, facts = _content(tmp_path)
    wp = content.work_processes["gedeeld"]
    retired = WorkProcess(id=wp.id, title=wp.title, code=wp.code, valid_months=None, criteria=(), retired=True,
                          body="", location=wp.location)
    assert Deployability(content, facts).who_can_do(retired) == ()


# --- the history ---------------------------------------------------------------------------------

WP = work_process({1: 2, 2: 1}, valid_months=12)


def _rows(*signoffs: Signoff) -> list[tuple[str, str | None, dt.date | None]]:
    now = standing(signoffs, WP, MAX, TODAY)
    rows = history_rows(signoffs, {"wp": now}, {"wp": WP}, TODAY)
    return [(s.criterion or f"L{s.level}", r.void.value if r.void else None,
             r.superseded_by.date if r.superseded_by else None) for s, r in zip(signoffs, rows, strict=True)]


def test_criteria_signed_before_a_later_direct_assessment_are_superseded_with_its_date() -> None:
    rows = _rows(
        signed("c-1-1", on="2026-02-01"),
        signed("c-1-2", on="2026-03-01"),
        signed(level=1, on="2026-04-01", order=3),
        signed("c-2-1", on="2026-04-01", order=4),  # on D's own date: still counts
    )
    superseded = dt.date(2026, 4, 1)
    assert rows == [("c-1-1", "superseded", superseded), ("c-1-2", "superseded", superseded),
                    ("L1", None, None), ("c-2-1", None, None)]


def test_an_earlier_direct_assessment_is_superseded_by_the_later_one_even_on_the_same_day() -> None:
    rows = _rows(signed(level=2, on="2026-04-01", order=1), signed(level=1, on="2026-04-01", order=2))
    assert rows == [("L2", "superseded", dt.date(2026, 4, 1)), ("L1", None, None)]


def test_an_expired_row_is_expired_not_superseded() -> None:
    # valid_months 12 before 2026-11-01: rows before 2025-11-01 no longer count, whatever came later.
    rows = _rows(signed("c-1-1", on="2025-10-31"), signed(level=1, on="2025-06-01", order=1),
                 signed(level=1, on="2026-01-10", order=2))
    assert rows == [("c-1-1", "expired", None), ("L1", "expired", None), ("L1", None, None)]


def test_without_a_direct_assessment_every_counted_row_counts() -> None:
    row = history_row(signed("c-1-1", on="2026-05-01"), standing((), WP, MAX, TODAY), WP, TODAY)
    assert row.counts and row.void is None and row.superseded_by is None
    expired = history_row(signed("c-1-1", on="2024-05-01"), standing((), WP, MAX, TODAY), WP, TODAY)
    assert expired.void is Void.EXPIRED and not expired.counts

