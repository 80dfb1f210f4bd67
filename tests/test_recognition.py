"""The overview for recognition (MBO/EVC): the evidence that carries a level, checked by hand on small cases
against the level rule of PRODUCT.md, and the page per person where personal data may be shown."""

from __future__ import annotations

import datetime as dt
import html
import json
from dataclasses import replace
from pathlib import Path

from generator import generate
from generator.derive.levels import standing
from generator.derive.recognition import evidence_steps, recognition
from generator.diagnostics import Report
from generator.model import Signoff, WorkProcess
from generator.read import read_content

from .conftest import BUILD_DATE, ROOT, content_tree
from .test_levels import MAX, TODAY, signed, work_process

WP = work_process({1: 2, 2: 1, 3: 1})  # c-1-1, c-1-2, c-2-1, c-3-1


def steps(*signoffs: Signoff, wp: WorkProcess = WP) -> list[tuple[int, bool, list[tuple[str, str]]]]:
    """(level, direct, [(date, assessor) of each sign-off]) per step, lowest level first."""
    found = standing(signoffs, wp, MAX, TODAY)
    return [(s.level, s.direct, [(x.date.isoformat(), x.assessor) for x in s.signoffs]) for s in evidence_steps(found, wp)]


def by(signoff: Signoff, assessor: str) -> Signoff:
    return replace(signoff, assessor=assessor)


def test_a_direct_assessment_alone_carries_its_level() -> None:
    assert steps(by(signed(level=2, on="2026-03-01"), "a1")) == [(2, True, [("2026-03-01", "a1")])]


def test_an_assessment_and_the_criteria_of_each_level_above_it_carry_the_level() -> None:
    # D sets level 1 on 10 January; level 2 and 3 rest on their criteria signed on or after it. A level-1
    # criterion signed after D carries nothing (D covers level 1), nor does c-2-1's sign-off from before D.
    found = steps(
        by(signed("c-2-1", on="2025-12-01"), "old"),
        by(signed(level=1, on="2026-01-10", order=1), "a1"),
        by(signed("c-1-1", on="2026-02-05", order=2), "a9"),
        by(signed("c-2-1", on="2026-02-01", order=3), "a2"),
        by(signed("c-3-1", on="2026-03-01", order=4), "a3"),
    )
    assert found == [(1, True, [("2026-01-10", "a1")]), (2, False, [("2026-02-01", "a2")]), (3, False, [("2026-03-01", "a3")])]


def test_criteria_alone_carry_the_complete_levels_only() -> None:
    wp = work_process({1: 2, 2: 1, 3: 2})
    found = steps(
        by(signed("c-1-1", on="2026-01-05", order=1), "a1"),
        by(signed("c-1-2", on="2026-01-20", order=2), "a2"),
        by(signed("c-2-1", on="2026-02-01", order=3), "a1"),
        by(signed("c-3-1", on="2026-03-01", order=4), "a3"),  # level 3 is not complete: carries nothing
        wp=wp,
    )
    assert found == [(1, False, [("2026-01-05", "a1"), ("2026-01-20", "a2")]), (2, False, [("2026-02-01", "a1")])]
    level_1_signed = [signed("c-1-1", on="2026-01-05"), by(signed("c-1-2", on="2026-01-20"), "a2")]
    level_1 = evidence_steps(standing(level_1_signed, wp, MAX, TODAY), wp)[0]
    assert (level_1.first, level_1.last, level_1.assessors) == (dt.date(2026, 1, 5), dt.date(2026, 1, 20), ("a2", "a"))


def test_level_0_rests_on_nothing() -> None:
    assert steps() == []
    assert steps(signed("c-1-1"), signed("c-2-1")) == []  # level 1 incomplete
    assert steps(signed(level=3, on="2026-01-01"), signed(level=0, on="2026-02-01", order=1)) == []  # a fresh verdict: 0


def test_expired_and_retired_evidence_carries_nothing() -> None:
    expiring = work_process({1: 1}, valid_months=12)
    assert steps(signed(level=2, on="2024-01-01"), wp=expiring) == []
    retired = work_process({1: 2}, retired=("c-1-2",))
    assert steps(signed("c-1-1"), signed("c-1-2"), wp=retired) == [(1, False, [("2026-01-01", "a")])]


def test_of_two_assessments_on_one_day_the_later_row_carries_the_level() -> None:
    assert steps(by(signed(level=3, on="2026-01-01", order=2), "later"), by(signed(level=2, on="2026-01-01", order=1), "earlier")
                 ) == [(3, True, [("2026-01-01", "later")])]


FORMAT = """title: Operator
description: Bedient de installatie.
qualification: {name: Operator, crebo: "25394"}
target_level: 2
core_tasks:
  - code: B1-K1
    title: Voert operationele werkzaamheden uit
    work_processes: [opstarten, bewaken, overdragen, oud]
  - code: ORG-1
    title: Eigen werk
    work_processes: [overdragen, opstarten]
"""


def recognition_tree(tmp_path: Path) -> Path:
    content = content_tree(tmp_path) / "content"
    (content / "formats/operator.yml").write_text(FORMAT, encoding="utf-8")
    for wp_id, extra in (("overdragen", ""), ("oud", "code: B1-K1-W9\nretired: true\n")):
        (content / f"work-processes/{wp_id}.md").write_text(
            f"---\ntitle: {wp_id.title()}\n{extra}criteria:\n  - id: {wp_id}-1-01\n    level: 1\n    kind: skill\n"
            f"    text: Doet het\n    sources: [sop-opstarten]\n---\nTekst.\n", encoding="utf-8")
    with (content / "signoffs.csv").open("a", encoding="utf-8") as signoffs:
        signoffs.write("p-001,opstarten,opstarten-2-01,,2026-04-01,p-001,\np-001,overdragen,,2,2026-05-01,p-002,\n")
    return content


def test_the_overview_holds_the_mbo_work_processes_per_core_task_and_the_own_ones_apart(tmp_path: Path) -> None:
    result = generate(recognition_tree(tmp_path), build_date=BUILD_DATE)
    assert result.facts is not None
    overview = recognition(result.content, result.facts.people["p-001"])
    assert overview.qualification is not None and overview.qualification.crebo == "25394"
    # The retired work process is left out; a work process in two core tasks stands under the first.
    assert [(t.core_task.code, [(s.work_process.code, s.level) for s in t.work_processes]) for t in overview.mbo] == [
        ("B1-K1", [("B1-K1-W1", 2), ("B1-K1-W2", 0)])]
    assert [(t.core_task.code, [s.work_process.id for s in t.work_processes]) for t in overview.own] == [("B1-K1", ["overdragen"])]
    opstarten = overview.mbo[0].work_processes[0]
    assert [(s.level, s.last.isoformat(), s.assessors) for s in opstarten.steps] == [
        (1, "2026-03-02", ("p-002",)), (2, "2026-04-01", ("p-001",))]
    assert opstarten.latest is not None and opstarten.latest.criterion == "opstarten-2-01"
    assert overview.mbo[0].work_processes[1].steps == () and overview.mbo[0].work_processes[1].latest is None
    assert [p.name for p in overview.assessors] == ["Ali Aydin", "Bea de Boer"]
    assert overview.names == {"p-001": "Ali Aydin", "p-002": "Bea de Boer"}


def test_every_person_has_the_page_in_their_folder_linked_from_the_pop(tmp_path: Path) -> None:
    result = generate(recognition_tree(tmp_path), build_date=BUILD_DATE)
    assert result.site is not None
    pages = {page.path: page for page in result.site.pages}
    page = pages["pop/p-001/erkenning.md"]
    assert page.audience == pages["pop/p-001/index.md"].audience and page.html is not None
    text = html.unescape(page.html)
    for words in ("Overzicht voor erkenning — Ali Aydin", "Operator (crebo 25394)", "B1-K1-W1",
                  "Niveau 1: het criterium afgetekend, 02-03-2026 — Bea de Boer", "Eigen werkprocessen van de organisatie",
                  "Niveau 2: beoordeling van het hele werkproces, 01-05-2026 — Bea de Boer", "nog niet aangetoond",
                  "Stand per 01-11-2026"):
        assert words in text, words
    assert "B1-K1-W9" not in text
    assert '<a class="md-button wgo-recognition-link" href="erkenning/">' in (pages["pop/p-001/index.md"].html or "")
    assert "pop/p-002/erkenning.md" in pages


def test_without_personal_data_there_is_no_overview(tmp_path: Path) -> None:
    content = recognition_tree(tmp_path)
    organisation = content / "organisation.yml"
    organisation.write_text(organisation.read_text(encoding="utf-8").replace("personal_data: true", "personal_data: false"),
                            encoding="utf-8")
    result = generate(content, build_date=BUILD_DATE)
    assert result.site is not None
    assert not [page.path for page in result.site.pages if "erkenning" in page.path]


def test_in_the_example_each_active_person_has_it_in_their_restricted_folder_and_search_has_none(example_site: Path) -> None:
    content = read_content(ROOT / "content", Report())
    for person in content.people.values():
        page = example_site / "beperkt" / person.team / "pop" / person.id / "erkenning/index.html"
        assert page.is_file() == person.active, person.id
        if person.active:
            assert person.name in page.read_text(encoding="utf-8")
    assert [path for path in example_site.rglob("erkenning") if "beperkt" not in path.parts] == []
    search = (example_site / "search/search_index.json").read_text(encoding="utf-8")
    assert [doc["location"] for doc in json.loads(search)["docs"] if "erkenning/" in doc["location"]] == []
    assert "Overzicht voor erkenning —" not in search
