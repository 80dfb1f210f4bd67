"""The example matrix of PRODUCT.md, recomputed from sign-offs: eight people, five work processes."""

from __future__ import annotations

from pathlib import Path

from generator.derive import derive_facts
from generator.derive.matrix import format_matrix, team_coverage
from generator.diagnostics import Report
from generator.read import read_content
from generator.references import check_references
from generator.render.pages import matrix_csv

from .conftest import BUILD_DATE, content_tree

# team, name, levels per work process — the spreadsheet in PRODUCT.md
SPREADSHEET = [
    ("ploeg-1", "Jan Jansen", (1, 0, 0, 0, 0)),
    ("ploeg-1", "Piet Pietersen", (2, 0, 1, 0, 0)),
    ("ploeg-1", "Klaas Klaassen", (3, 3, 3, 3, 1)),
    ("ploeg-1", "Henk de Vries", (4, 4, 4, 4, 4)),
    ("ploeg-2", "Rob Robberts", (3, 3, 3, 2, 0)),
    ("ploeg-2", "Kas Kastens", (2, 0, 0, 0, 0)),
    ("ploeg-2", "Jens Jensen", (3, 3, 3, 3, 2)),
    ("ploeg-2", "Henk van Groningen", (4, 4, 4, 4, 4)),
]
WORK_PROCESSES = ["wp-a", "wp-b", "wp-c", "wp-d", "wp-e"]


def spreadsheet_tree(tmp_path: Path) -> Path:
    """The base fixture with five criterion-less work processes and levels set by direct assessments."""
    content = content_tree(tmp_path) / "content"
    for wp in WORK_PROCESSES:
        (content / "work-processes" / f"{wp}.md").write_text(f"---\ntitle: {wp}\n---\n", encoding="utf-8")
    (content / "formats" / "operator.yml").write_text(
        "title: Operator\ntarget_level: 3\ncore_tasks:\n  - code: X\n    title: X\n"
        f"    work_processes: [{', '.join(WORK_PROCESSES)}]\n", encoding="utf-8")
    people = ["id,name,team,format,target_level,active"]
    signoffs = ["person,work_process,criterion,level,date,assessor,note"]
    for n, (team, name, levels) in enumerate(SPREADSHEET, start=1):
        people.append(f"p-{n:03},{name},{team},operator,,")
        signoffs += [f"p-{n:03},{wp},,{level},2026-01-05,p-004," for wp, level in zip(WORK_PROCESSES, levels, strict=True) if level]
    people.append("p-099,Oud Gediende,ploeg-1,operator,,no")
    signoffs.append("p-099,wp-a,,4,2026-01-05,p-004,")
    (content / "people.csv").write_text("\n".join(people) + "\n", encoding="utf-8")
    (content / "signoffs.csv").write_text("\n".join(signoffs) + "\n", encoding="utf-8")
    (content / "planning.csv").write_text("person,work_process,target_level,due,coach,activity\n", encoding="utf-8")
    return content


def test_team_totals_match_the_spreadsheet(tmp_path: Path) -> None:
    report = Report()
    content = read_content(spreadsheet_tree(tmp_path), report)
    check_references(content, BUILD_DATE, report)
    assert report.messages == []
    facts = derive_facts(content, BUILD_DATE)
    matrix = format_matrix(content, facts, content.formats["operator"])

    assert [s.team.id for s in matrix.sections] == ["ploeg-1", "ploeg-2"]
    assert [r.person.name for r in matrix.sections[0].rows] == [n for t, n, _ in SPREADSHEET[:4]]
    assert matrix.sections[0].totals == (10, 7, 8, 7, 5)
    assert matrix.sections[1].totals == (12, 10, 10, 9, 6)
    # coverage level 2, count 1 in the base organisation.yml
    assert matrix.sections[0].coverage == (3, 2, 2, 2, 1)
    assert matrix.sections[1].coverage == (4, 3, 3, 3, 2)
    assert matrix.sections[0].short == (False,) * 5
    overall = {r.person.name: (r.overall, r.status.value) for s in matrix.sections for r in s.rows}
    assert overall["Klaas Klaassen"] == (1, "under")
    assert overall["Henk de Vries"] == (4, "over")
    assert "Oud Gediende" not in overall  # inactive people are left out


def test_team_coverage_counts_every_active_member_shortfalls_first(tmp_path: Path) -> None:
    report = Report()
    content = read_content(spreadsheet_tree(tmp_path), report)
    facts = derive_facts(content, BUILD_DATE)
    team = content.organisation.teams[0]
    bars = team_coverage(content, facts, team)
    assert [(b.work_process.id, b.count) for b in bars] == [("wp-a", 3), ("wp-b", 2), ("wp-c", 2), ("wp-d", 2), ("wp-e", 1)]
    assert not any(b.short for b in bars)


def test_coverage_at_level_0_counts_members_without_any_signoff(tmp_path: Path) -> None:
    content_dir = spreadsheet_tree(tmp_path)
    organisation = content_dir / "organisation.yml"
    organisation.write_text(organisation.read_text(encoding="utf-8").replace(
        "coverage: {level: 2, count: 1}", "coverage: {level: 0, count: 5}"), encoding="utf-8")
    content = read_content(content_dir, Report())
    facts = derive_facts(content, BUILD_DATE)
    bars = team_coverage(content, facts, content.organisation.teams[0])
    # Jan Jansen has nothing on wp-b to wp-e, yet at level 0 he counts: four active members everywhere.
    assert [(b.work_process.id, b.count, b.short) for b in bars] == [(wp, 4, True) for wp in WORK_PROCESSES]


def test_csv_download_keeps_excel_from_running_a_name_as_a_formula(tmp_path: Path) -> None:
    content_dir = spreadsheet_tree(tmp_path)
    people = content_dir / "people.csv"
    people.write_text(people.read_text(encoding="utf-8").replace("Jan Jansen", "=HYPERLINK(1)").replace(
        "Kas Kastens", "@Kas"), encoding="utf-8")
    content = read_content(content_dir, Report())
    lines = matrix_csv(content, derive_facts(content, BUILD_DATE), content.formats["operator"]).decode().splitlines()
    assert lines[0] == "team,id,name,wp-a,wp-b,wp-c,wp-d,wp-e,overall"
    assert lines[1] == "ploeg-1,p-001,'=HYPERLINK(1),1,0,0,0,0,0"
    assert lines[2] == "ploeg-1,p-002,Piet Pietersen,2,0,1,0,0,0"
    assert lines[6] == "ploeg-2,p-006,'@Kas,2,0,0,0,0,0"
