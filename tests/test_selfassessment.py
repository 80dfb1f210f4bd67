"""The employee's own view: the latest row counts, a difference of a level or more is marked, nothing else changes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from generator import generate
from generator.derive import derive_facts
from generator.derive.health import PlanningRow
from generator.derive.selfassessment import differing_views, latest_selfassessments, own_views
from generator.derive.teams import derive_deployment
from generator.diagnostics import Location
from generator.model import SelfAssessment

from .conftest import BUILD_DATE, content_tree

SIGNOFFS = (
    "person,work_process,criterion,level,date,assessor,note\n"
    "p-001,opstarten,,2,2026-01-10,p-002,\n"
    "p-001,bewaken,,3,2026-01-10,p-002,\n"
    "p-002,opstarten,,4,2025-01-15,p-002,\n"
    "p-002,bewaken,,4,2025-01-15,p-002,\n"
)


def own(person: str, wp: str, level: int, day: str, order: int) -> SelfAssessment:
    return SelfAssessment(person=person, work_process=wp, level=level, date=dt.date.fromisoformat(day), note="",
                          location=Location(path="content/selfassessments.csv", line=order + 1), order=order)


def test_the_latest_row_counts_and_on_one_day_the_later_row() -> None:
    rows = [
        own("p-001", "opstarten", 3, "2026-05-01", 1),
        own("p-001", "opstarten", 1, "2026-03-01", 2),  # older, though lower in the file
        own("p-001", "bewaken", 1, "2026-04-01", 3),
        own("p-001", "bewaken", 2, "2026-04-01", 4),  # same day, later row
    ]
    latest = latest_selfassessments(rows)
    assert latest["p-001", "opstarten"].level == 3
    assert latest["p-001", "bewaken"].level == 2


def tree(tmp_path: Path, selfassessments: str) -> Path:
    content = content_tree(tmp_path) / "content"
    (content / "signoffs.csv").write_text(SIGNOFFS, encoding="utf-8")
    (content / "selfassessments.csv").write_text("person,work_process,level,date,note\n" + selfassessments, encoding="utf-8")
    return content


def test_a_difference_of_one_level_either_way_is_to_discuss(tmp_path: Path) -> None:
    content_dir = tree(tmp_path, "p-001,opstarten,3,2026-10-01,\np-001,bewaken,2,2026-10-01,\np-002,opstarten,4,2026-10-01,\n")
    result = generate(content_dir, build_date=BUILD_DATE)
    assert result.facts is not None
    views = own_views(result.content, result.facts)
    by_wp = {view.work_process.id: view for view in views["p-001"].views}
    assert (by_wp["opstarten"].assessed, by_wp["opstarten"].difference, by_wp["opstarten"].discuss) == (2, 1, True)
    assert (by_wp["bewaken"].assessed, by_wp["bewaken"].difference, by_wp["bewaken"].discuss) == (3, -1, True)
    same = {view.work_process.id: view for view in views["p-002"].views}
    assert same["opstarten"].discuss is False and same["bewaken"].own is None and same["bewaken"].discuss is False
    assert views["p-001"].to_discuss == 2 and views["p-002"].given and views["p-002"].to_discuss == 0
    members = [result.facts.people["p-001"], result.facts.people["p-002"]]
    differing = {d.work_process.id: d for d in differing_views(members, views)}
    assert [p.person.id for p in differing["opstarten"].higher] == ["p-001"] and differing["opstarten"].lower == ()
    assert [p.person.id for p in differing["bewaken"].lower] == ["p-001"]


def test_self_assessments_change_no_level_total_coverage_or_planning(tmp_path: Path) -> None:
    without = generate(tree(tmp_path / "a", ""), build_date=BUILD_DATE)
    with_own = generate(tree(tmp_path / "b", "p-001,opstarten,4,2026-10-01,\np-002,bewaken,0,2026-10-01,\n"),
                        build_date=BUILD_DATE)
    assert without.facts is not None and with_own.facts is not None
    assert without.facts.people.keys() == with_own.facts.people.keys()
    for person_id, person in without.facts.people.items():
        other = with_own.facts.people[person_id]
        assert (person.overall, person.status, {k: s.level for k, s in person.standings.items()}) == (
            other.overall, other.status, {k: s.level for k, s in other.standings.items()})
    before = derive_deployment(without.content, derive_facts(without.content, BUILD_DATE))
    after = derive_deployment(with_own.content, derive_facts(with_own.content, BUILD_DATE))
    for format_id, matrix in before.matrices.items():
        sections = [(s.totals, s.coverage, s.short) for s in matrix.sections]
        assert sections == [(s.totals, s.coverage, s.short) for s in after.matrices[format_id].sections]
    def plans(rows: tuple[PlanningRow, ...]) -> list[tuple[object, ...]]:
        return [(r.planned.person, r.planned.work_process, r.planned.due, r.overdue, r.reached) for r in rows]

    assert plans(before.planning) == plans(after.planning) and before.planning
    assert before.progress.overall == after.progress.overall


def test_the_pop_team_page_and_conversation_sheet_show_the_own_view(tmp_path: Path) -> None:
    content_dir = tree(tmp_path, "p-001,opstarten,3,2026-10-01,kan het zelf\n")
    result = generate(content_dir, build_date=BUILD_DATE)
    assert result.site is not None
    pages = {page.path: page.html or page.markdown for page in result.site.pages}
    pop, conversation, team = pages["pop/p-001/index.md"], pages["pop/p-001/gesprek.md"], pages["teams/ploeg-1/index.md"]
    assert "bespreken: ziet zich hoger" in pop and "kan het zelf" in pop and "01-10-2026" in pop
    assert "bespreken: ziet zich hoger" in conversation and "Afspraken" in conversation
    assert "Eigen beeld wijkt af" in team and "Ali Aydin" in team.split("Eigen beeld wijkt af")[1]
    assert "Eigen beeld" not in pages["formats/operator.md"]
    # A person who has not assessed themselves: the POP says so, the sheet asks for it in the conversation.
    assert "Nog geen zelfbeoordeling" in pages["pop/p-002/index.md"]
    assert "Nog geen zelfbeoordeling: vraag in het gesprek" in pages["pop/p-002/gesprek.md"]
