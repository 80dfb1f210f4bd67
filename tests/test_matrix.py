"""The example matrix of PRODUCT.md, recomputed from sign-offs: eight people, five work processes."""

from __future__ import annotations

from pathlib import Path

from generator.derive import derive_facts
from generator.derive.levels import standing
from generator.derive.matrix import format_matrix, holding_work_processes, team_coverage
from generator.diagnostics import Report
from generator.read import read_content
from generator.references import check_references
from generator.spreadsheets.matrix_csv import matrix_csv

from .conftest import BUILD_DATE, content_tree
from .test_levels import MAX, TODAY, signed, work_process

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
    matrix = format_matrix(content, derive_facts(content, BUILD_DATE), content.formats["operator"])
    lines = matrix_csv(matrix).decode().splitlines()
    assert lines[0] == "team,id,name,wp-a,wp-b,wp-c,wp-d,wp-e,overall"
    assert lines[1] == "ploeg-1,p-001,'=HYPERLINK(1),1,0,0,0,0,0"
    assert lines[2] == "ploeg-1,p-002,Piet Pietersen,2,0,1,0,0,0"
    assert lines[6] == "ploeg-2,p-006,'@Kas,2,0,0,0,0,0"


def test_shortfalls_other_formats_and_teams_without_anyone(tmp_path: Path) -> None:
    """Coverage level 3, count 2; Ana (ploeg-1) has another format, analist: wp-a and wp-f."""
    content_dir = spreadsheet_tree(tmp_path)
    organisation = content_dir / "organisation.yml"
    organisation.write_text(organisation.read_text(encoding="utf-8").replace(
        "coverage: {level: 2, count: 1}", "coverage: {level: 3, count: 2}"), encoding="utf-8")
    (content_dir / "work-processes" / "wp-f.md").write_text("---\ntitle: wp-f\n---\n", encoding="utf-8")
    (content_dir / "formats" / "analist.yml").write_text(
        "title: Analist\ntarget_level: 3\ncore_tasks:\n  - code: Y\n    title: Y\n    work_processes: [wp-a, wp-f]\n",
        encoding="utf-8")
    with (content_dir / "people.csv").open("a", encoding="utf-8") as people:
        people.write("p-010,Ana Analist,ploeg-1,analist,,\n")
    with (content_dir / "signoffs.csv").open("a", encoding="utf-8") as signoffs:
        # wp-b is not in her format: it does not lower her overall level, and 1 is below coverage anyway.
        signoffs.write("p-010,wp-a,,3,2026-01-05,p-004,\np-010,wp-f,,3,2026-01-05,p-004,\np-010,wp-b,,1,2026-01-05,p-004,\n")
    content = read_content(content_dir, Report())
    facts = derive_facts(content, BUILD_DATE)

    operator = format_matrix(content, facts, content.formats["operator"])
    # ploeg-1 at level 3 or more: Klaas and Henk on wp-a to wp-d, only Henk on wp-e.
    assert operator.sections[0].coverage == (2, 2, 2, 2, 1)
    assert operator.sections[0].short == (False, False, False, False, True)

    analist = format_matrix(content, facts, content.formats["analist"])
    assert [s.team.id for s in analist.sections] == ["ploeg-1"]  # nobody in ploeg-2 has this format
    assert [(r.person.name, r.overall, r.status.value) for r in analist.sections[0].rows] == [("Ana Analist", 3, "on-target")]

    # Team coverage counts every member whatever their format, on every work process of any member's format.
    bars = team_coverage(content, facts, content.organisation.teams[0])
    assert [(b.work_process.id, b.count, b.short) for b in bars] == [
        ("wp-e", 1, True), ("wp-f", 1, True), ("wp-a", 3, False), ("wp-b", 2, False), ("wp-c", 2, False), ("wp-d", 2, False)]


# --- what holds the overall level down, and levels lost to expiry ---------------------------------


def test_the_lowest_work_processes_hold_the_overall_level_down(tmp_path: Path) -> None:
    content = read_content(spreadsheet_tree(tmp_path), Report())
    matrix = format_matrix(content, derive_facts(content, BUILD_DATE), content.formats["operator"])
    holding = {row.person.name: marks for section in matrix.sections for row, marks in zip(section.rows, section.holding, strict=True)}
    assert holding["Rob Robberts"] == (False, False, False, False, True)  # 3 3 3 2 0: the 0
    assert holding["Jan Jansen"] == (False, True, True, True, True)  # 1 0 0 0 0: every 0
    assert holding["Henk de Vries"] == (False,) * 5  # 4 everywhere: nothing holds him down


def test_when_the_improvement_rule_caps_the_level_no_work_process_is_marked(tmp_path: Path) -> None:
    content_dir = spreadsheet_tree(tmp_path)
    organisation = content_dir / "organisation.yml"
    organisation.write_text(organisation.read_text(encoding="utf-8") + "improvement_level: 3\n", encoding="utf-8")
    content = read_content(content_dir, Report())
    facts = derive_facts(content, BUILD_DATE)
    wps = format_matrix(content, facts, content.formats["operator"]).work_processes
    henk, rob = facts.people["p-004"], facts.people["p-005"]
    assert (henk.overall, henk.lowest, henk.capped) == (2, 4, True)  # no finished improvement: at most 2
    assert holding_work_processes(henk, wps) == (False,) * 5  # the overall level carries the mark instead
    assert not rob.capped and holding_work_processes(rob, wps) == (False, False, False, False, True)


def test_a_level_lost_to_expired_signoffs_is_told_apart_from_never_trained() -> None:
    wp = work_process({1: 1, 2: 1}, valid_months=12)
    old = (signed("c-1-1", on="2025-01-10"), signed("c-2-1", on="2025-02-10"))
    lost = standing(old, wp, MAX, TODAY)
    assert (lost.level, lost.lapsed) == (0, 2)
    assert standing((), wp, MAX, TODAY).lapsed is None  # never trained
    # Only c-1-1 expired: level 0 now, the sign-offs gave 2 before.
    partly = standing((old[0], signed("c-2-1", on="2026-06-01")), wp, MAX, TODAY)
    assert (partly.level, partly.lapsed) == (0, 2)
    # An old sign-off that no longer matters (a later assessment holds the level) is not a loss.
    reassessed = standing((old[0], signed(level=2, on="2026-06-01")), wp, MAX, TODAY)
    assert (reassessed.level, reassessed.lapsed) == (2, None)
    # Without valid_months nothing expires.
    assert standing(old, work_process({1: 1, 2: 1}), MAX, TODAY).lapsed is None
