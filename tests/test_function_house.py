"""The function house: per format and level the criteria asked and the people there, counted by hand from a small tree."""

from __future__ import annotations

import re
from pathlib import Path

from generator import generate
from generator.derive import derive_facts
from generator.derive.function_house import FunctionHouse, HouseCell, derive_function_house

from .conftest import BUILD_DATE, checked_content, content_tree

# Over the base tree (operator: opstarten with a level-1 knowledge and a level-2 skill criterion, bewaken with a
# level-1 attitude criterion; target 2): a retired work process in the operator format, and a second format.
LABORANT = """\
title: Laborant
qualification: {name: Laborant, crebo: "25409", url: "https://www.s-bb.nl/"}
target_level: 1
core_tasks:
  - code: P1-K1
    title: Voert analyses uit
    work_processes: [bewaken, analyseren]
"""
ANALYSEREN = """\
---
title: Analyseren
criteria:
  - {id: analyse-1-01, level: 1, kind: knowledge, text: Kent de methode, sources: [sop-opstarten]}
  - {id: analyse-1-02, level: 1, kind: skill, text: Weegt in, sources: [sop-opstarten]}
  - {id: analyse-2-01, level: 2, kind: skill, text: Kalibreert, sources: [sop-opstarten], retired: true}
  - {id: analyse-3-01, level: 3, kind: attitude, text: Bewaakt de kwaliteit, sources: [sop-opstarten]}
---
Analyses in het lab.
"""
OLD = """\
---
title: Oud werkproces
retired: true
criteria:
  - {id: oud-1-01, level: 1, kind: knowledge, text: Kent het oude proces, sources: [sop-opstarten]}
---
Vervangen.
"""
OPERATOR = """\
title: Operator
description: Bedient de installatie.
target_level: 2
core_tasks:
  - code: B1-K1
    title: Voert operationele werkzaamheden uit
    work_processes: [opstarten, bewaken, oud]
"""
PEOPLE = """\
id,name,team,format,target_level,active
p-001,Ali Aydin,ploeg-1,operator,,yes
p-002,Bea de Boer,ploeg-2,operator,,
p-003,Cor Claassen,ploeg-1,laborant,,
p-004,Dirk Dekker,ploeg-2,laborant,,no
p-005,Eva Evers,ploeg-2,operator,,
"""
# p-001: opstarten 1, bewaken 0 → overall 0.  p-002: opstarten 4, bewaken 0 → 0.  p-005: 2 and 2 → 2.
# p-003: bewaken 1 (direct), analyseren 1 (both level-1 criteria; level 2 has none left) → 1.  p-004 is inactive.
SIGNOFFS = """\
person,work_process,criterion,level,date,assessor,note
p-001,opstarten,opstarten-1-01,,2026-03-02,p-002,
p-002,opstarten,,4,2025-01-15,p-002,
p-005,opstarten,,2,2026-02-01,p-002,
p-005,bewaken,,2,2026-02-01,p-002,
p-003,bewaken,,1,2026-02-01,p-002,
p-003,analyseren,analyse-1-01,,2026-02-02,p-002,
p-003,analyseren,analyse-1-02,,2026-02-02,p-002,
p-004,bewaken,,3,2026-02-01,p-002,
p-004,analyseren,,3,2026-02-01,p-002,
"""


def house_tree(tmp_path: Path, *, personal_data: bool = True) -> Path:
    content = content_tree(tmp_path) / "content"
    (content / "formats" / "laborant.yml").write_text(LABORANT, encoding="utf-8")
    (content / "formats" / "operator.yml").write_text(OPERATOR, encoding="utf-8")
    (content / "work-processes" / "analyseren.md").write_text(ANALYSEREN, encoding="utf-8")
    (content / "work-processes" / "oud.md").write_text(OLD, encoding="utf-8")
    (content / "people.csv").write_text(PEOPLE, encoding="utf-8")
    (content / "signoffs.csv").write_text(SIGNOFFS, encoding="utf-8")
    organisation = (content / "organisation.yml").read_text(encoding="utf-8") + "improvement_level: 3\n"
    if not personal_data:
        organisation = organisation.replace("personal_data: true", "personal_data: false")
    (content / "organisation.yml").write_text(organisation, encoding="utf-8")
    return content


def derived_house(tmp_path: Path) -> FunctionHouse:
    content = checked_content(house_tree(tmp_path))
    return derive_function_house(content, derive_facts(content, BUILD_DATE))


def column(house: FunctionHouse, format_id: str) -> dict[int, HouseCell]:
    index = next(i for i, c in enumerate(house.columns) if c.format.id == format_id)
    return {row.level.level: row.cells[index] for row in house.rows}


def test_levels_run_from_the_roof_down_with_the_improvement_level_marked(tmp_path: Path) -> None:
    house = derived_house(tmp_path)
    assert [row.level.level for row in house.rows] == [4, 3, 2, 1, 0]
    assert [row.needs_improvement for row in house.rows] == [False, True, False, False, False]
    assert [row.start for row in house.rows] == [False, False, False, False, True]
    assert [c.format.id for c in house.columns] == ["laborant", "operator"]


def test_criteria_per_level_leave_out_retired_criteria_and_work_processes(tmp_path: Path) -> None:
    house = derived_house(tmp_path)
    operator, laborant = column(house, "operator"), column(house, "laborant")
    # operator: opstarten-1-01 (knowledge) and bewaken-1-01 (attitude) at 1, opstarten-2-01 (skill) at 2; 'oud' is retired
    assert [(operator[n].criteria, operator[n].work_processes) for n in (0, 1, 2, 3, 4)] == [(0, 0), (2, 2), (1, 1), (0, 0), (0, 0)]
    assert operator[1].kinds == (("knowledge", 1), ("attitude", 1))
    assert operator[2].kinds == (("skill", 1),)
    # laborant: bewaken-1-01, analyse-1-01, analyse-1-02 at 1; analyse-2-01 is retired; analyse-3-01 at 3
    assert [(laborant[n].criteria, laborant[n].work_processes) for n in (0, 1, 2, 3, 4)] == [(0, 0), (3, 2), (0, 0), (1, 1), (0, 0)]
    assert laborant[1].kinds == (("knowledge", 1), ("skill", 1), ("attitude", 1))
    assert [n for n, cell in laborant.items() if cell.has_checklist] == [3, 1]
    assert {c.format.id: c.work_processes for c in house.columns} == {"laborant": 2, "operator": 2}


def test_people_are_counted_at_their_overall_level_active_people_only(tmp_path: Path) -> None:
    house = derived_house(tmp_path)
    operator, laborant = column(house, "operator"), column(house, "laborant")
    assert {n: cell.people for n, cell in operator.items()} == {4: 0, 3: 0, 2: 1, 1: 0, 0: 2}
    assert {n: cell.people for n, cell in laborant.items()} == {4: 0, 3: 0, 2: 0, 1: 1, 0: 0}
    assert {c.format.id: c.people for c in house.columns} == {"laborant": 1, "operator": 3}


def test_the_target_level_is_the_formats(tmp_path: Path) -> None:
    house = derived_house(tmp_path)
    assert [n for n, cell in column(house, "operator").items() if cell.target] == [2]
    assert [n for n, cell in column(house, "laborant").items() if cell.target] == [1]


def test_the_page_shows_the_counts_without_personal_data_and_names_no_one(tmp_path: Path) -> None:
    result = generate(house_tree(tmp_path, personal_data=False), build_date=BUILD_DATE)
    assert result.site is not None
    page = next(p for p in result.site.pages if p.path == "functiehuis/index.md")
    assert page.html is not None and not page.audience.restricted
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page.html))
    assert "Medewerkers op dit niveau: 2" in text and "Medewerkers op dit niveau: 1" in text
    assert "Laborant (crebo 25409)" in text and 'href="https://www.s-bb.nl/"' in page.html
    assert "Doelniveau 2 (Medewerker)" in text and "Doelniveau 1 (Assistent)" in text
    assert "Geen criteria: alleen via een directe beoordeling" in text
    assert 'href="../aftekenlijsten/laborant-niveau-3/"' in page.html
    assert "laborant-niveau-2" not in page.html  # its only level-2 criterion is retired: nothing to sign
    for name in ("Ali", "Aydin", "Bea", "Boer", "Cor", "Claassen", "Dirk", "Eva", "Evers"):
        assert name not in text
