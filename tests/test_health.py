"""The health rules of PRODUCT.md: review due, criteria without a source, unused sources,
overdue planned training and re-instruction, on the base fixture with small edits."""

from __future__ import annotations

from pathlib import Path

from generator.derive import derive_facts
from generator.derive.health import (
    criteria_without_source,
    overdue_training,
    reinstructions,
    sources_due_for_review,
    unused_sources,
)
from generator.diagnostics import Report
from generator.generate import generate
from generator.model import Content
from generator.read import read_content

from .conftest import BUILD_DATE, content_tree


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def read(content: Path) -> Content:
    report = Report()
    result = read_content(content, report)
    assert not report.has_errors, report.messages
    return result


def test_source_due_for_review_the_day_after_its_interval(tmp_path: Path) -> None:
    content = content_tree(tmp_path) / "content"
    edit(content / "sources/sop-opstarten.md", "reviewed: 2026-01-01", "reviewed: 2024-10-31")  # due 2026-10-31
    edit(content / "sources/wi-bewaken.md", "reviewed: 2026-01-01", "reviewed: 2024-11-01")  # due 2026-11-01: not yet
    assert [s.id for s in sources_due_for_review(read(content), BUILD_DATE)] == ["sop-opstarten"]

    edit(content / "sources/wi-bewaken.md", "reviewed: 2024-11-01", "reviewed: 2025-10-31\nreview_months: 12")
    assert [s.id for s in sources_due_for_review(read(content), BUILD_DATE)] == ["sop-opstarten", "wi-bewaken"]

    edit(content / "sources/sop-opstarten.md", "status: valid", "status: draft")  # only valid sources are reviewed
    (content / "organisation.yml").write_text(
        (content / "organisation.yml").read_text(encoding="utf-8") + "source_review_months: 6\n", encoding="utf-8")
    edit(content / "sources/wi-bewaken.md", "review_months: 12", "")
    assert [s.id for s in sources_due_for_review(read(content), BUILD_DATE)] == ["wi-bewaken"]


def test_criteria_without_source_and_unused_sources(tmp_path: Path) -> None:
    content = content_tree(tmp_path) / "content"
    (content / "sources/sop-oud.md").write_text(
        "---\ntitle: Oud\ntype: procedure\nowner: P\nreviewed: 2020-01-01\nstatus: withdrawn\n---\n", encoding="utf-8")
    (content / "sources/concept.md").write_text(
        "---\ntitle: Concept\ntype: procedure\nowner: P\nreviewed: 2026-01-01\nstatus: draft\n---\n", encoding="utf-8")
    edit(content / "work-processes/opstarten.md", "    text: Start zelfstandig op\n    sources: [sop-opstarten]",
         "    text: Start zelfstandig op\n    sources: [sop-oud]")
    edit(content / "work-processes/bewaken.md", "    sources: [wi-bewaken]\n", "")
    result = read(content)
    assert [c.id for c in criteria_without_source(result)] == ["bewaken-1-01", "opstarten-2-01"]
    assert [s.id for s in unused_sources(result)] == ["concept", "wi-bewaken"]  # withdrawn ones are not "unused"


def test_overdue_planned_training(tmp_path: Path) -> None:
    content = content_tree(tmp_path) / "content"
    (content / "planning.csv").write_text(
        "person,work_process,target_level,due,coach,activity\n"
        "p-001,opstarten,2,2026-10-31,p-002,overdue: level 1 < 2\n"
        "p-001,bewaken,1,2026-11-01,p-002,due today: not yet overdue\n"
        "p-001,opstarten,1,2026-01-01,p-002,level 1 reached: not overdue\n"
        "p-002,bewaken,1,2026-01-01,p-002,overdue: level 0 < 1\n"
        "p-003,bewaken,1,2026-01-01,p-002,inactive: left out\n", encoding="utf-8")
    with (content / "people.csv").open("a", encoding="utf-8") as people:
        people.write("p-003,Cor Claassen,ploeg-1,operator,,no\n")
    result = read(content)
    overdue = overdue_training(result, derive_facts(result, BUILD_DATE))
    assert [(p.person, p.work_process, p.target_level) for p in overdue] == [("p-001", "opstarten", 2), ("p-002", "bewaken", 1)]
    site = generate(content, build_date=BUILD_DATE).site
    assert site is not None
    planning = next(page.markdown for page in site.pages if page.path == "planning/index.md")
    assert "Bea de Boer" in planning and "Cor Claassen" not in planning


def test_reinstruction_after_a_source_change(tmp_path: Path) -> None:
    content = content_tree(tmp_path) / "content"
    edit(content / "sources/sop-opstarten.md", "status: valid", "status: valid\nchanged: 2026-06-15")
    result = read(content)
    found = {(r.person_id, r.criterion.id, r.evidence.date.isoformat()) for r in reinstructions(result, derive_facts(result, BUILD_DATE))}
    # p-001 signed opstarten-1-01 on 2026-03-02; p-002's level-4 assessment of 2025-01-15 covers both criteria
    assert found == {("p-001", "opstarten-1-01", "2026-03-02"), ("p-002", "opstarten-1-01", "2025-01-15"),
                     ("p-002", "opstarten-2-01", "2025-01-15")}

    with (content / "signoffs.csv").open("a", encoding="utf-8") as signoffs:
        signoffs.write("p-001,opstarten,opstarten-1-01,,2026-06-15,p-002,opnieuw na wijziging\n")
    result = read(content)
    assert {r.person_id for r in reinstructions(result, derive_facts(result, BUILD_DATE))} == {"p-002"}

    edit(content / "sources/sop-opstarten.md", "changed: 2026-06-15", "changed: 2026-12-01")  # after the build date
    result = read(content)
    assert reinstructions(result, derive_facts(result, BUILD_DATE)) == []
