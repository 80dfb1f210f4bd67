"""The health rules of PRODUCT.md: review due, criteria without a source, unused sources,
overdue planned training and re-instruction, on the base fixture with small edits."""

from __future__ import annotations

import re
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
    planning = next(page.html or "" for page in site.pages if page.path == "planning/index.md")
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


def changed_fixture(tmp_path: Path) -> Path:
    """The base fixture with a changed procedure, reviews due around the 60-day horizon and expiring sign-offs.

    Build date 2026-11-01. sop-opstarten changed on 2026-06-15; p-001's sign-off of 2026-03-02 and p-002's
    level-4 assessment of 2025-01-15 (which covers both opstarten criteria) predate it; p-003 signed on the
    day of the change. Bewaken keeps sign-offs 12 months.
    """
    content = content_tree(tmp_path) / "content"
    edit(content / "sources/sop-opstarten.md", "status: valid", "status: valid\nchanged: 2026-06-15")
    edit(content / "sources/wi-bewaken.md", "reviewed: 2026-01-01", "reviewed: 2024-12-31")  # due 2026-12-31: day 60
    source = "---\ntitle: {title}\ntype: procedure\nowner: Productie\nreviewed: {reviewed}\nstatus: valid\n---\n"
    (content / "sources/sop-oud.md").write_text(source.format(title="Oude procedure", reviewed="2024-10-01"), encoding="utf-8")
    (content / "sources/sop-vandaag.md").write_text(source.format(title="Vandaag", reviewed="2024-11-01"), encoding="utf-8")
    (content / "sources/sop-later.md").write_text(source.format(title="Later", reviewed="2025-01-01"), encoding="utf-8")
    edit(content / "work-processes/bewaken.md", "code: B1-K1-W2", "code: B1-K1-W2\nvalid_months: 12")
    with (content / "people.csv").open("a", encoding="utf-8") as people:
        people.write("p-003,Cas Claassen,ploeg-1,operator,,yes\n")
    with (content / "signoffs.csv").open("a", encoding="utf-8") as signoffs:
        signoffs.write("p-003,opstarten,opstarten-1-01,,2026-06-15,p-002,\n"
                       "p-001,bewaken,bewaken-1-01,,2025-11-20,p-002,\n"
                       "p-002,bewaken,bewaken-1-01,,2026-01-10,p-002,\n")
    return content


def built_pages(content: Path) -> dict[str, str]:
    result = generate(content, build_date=BUILD_DATE)
    assert result.site is not None, result.report.messages
    return {page.path: page.markdown for page in result.site.pages}


def sections(markdown: str) -> dict[str, list[str]]:
    """``## heading`` (without its ``{ #anchor }``) → the non-empty lines under it."""
    found: dict[str, list[str]] = {}
    for block in markdown.split("\n## ")[1:]:
        heading, _, body = block.partition("\n")
        heading = re.sub(r" \{ #[a-z-]+ \}$", "", heading)
        found[heading] = [line for line in body.splitlines() if line.strip()]
    return found


def test_health_page_lists_exactly_the_actions_of_the_fixture(tmp_path: Path) -> None:
    health = sections(built_pages(changed_fixture(tmp_path))["gezondheid/index.md"])
    # Due 2026-10-01 < build date; wi-bewaken (due 2026-12-31) and sop-vandaag (due today) are not overdue yet.
    assert health["Bronnen waarvan de herziening verlopen is (1)"] == [
        "- [Oude procedure](../bronnen/sop-oud.md) — Productie, Herzien vóór: 01-10-2026"]
    # Due within 60 days, today and day 60 included, soonest first; sop-later (2027-01-01) is day 61.
    assert health["Bronnen die binnen 60 dagen herzien moeten worden (2)"] == [
        "- [Vandaag](../bronnen/sop-vandaag.md) — Productie, Herzien vóór: 01-11-2026",
        "- [Werkinstructie bewaken](../bronnen/wi-bewaken.md) — Productie, Herzien vóór: 31-12-2026"]
    # Ali Aydin and Bea de Boer signed before the change; Cas Claassen on the day itself.
    assert health["Herinstructie na gewijzigde bronnen (1)"][-1] == "| [Opstartprocedure](../bronnen/sop-opstarten.md) | 15-06-2026 | 2 |"
    # Bewaken: Ali's sign-off of 2025-11-20 stops counting on 2026-11-21 (20 days), Bea's of 2026-01-10 on 2027-01-11 (71 days).
    expiring = health["Niveaus die binnen 90 dagen kunnen dalen (2)"]
    assert "| [Bewaken](../werkprocessen/bewaken.md) | 1 | 1 | 2 |" in expiring
    names = [line for line in expiring if "pop/" in line]
    assert names == [
        '| 21-11-2026 | [Ali Aydin](../pop/p-001/index.md) | Ploeg 1 | [Bewaken](../werkprocessen/bewaken.md) | '
        '<span class="wgo-level wgo-level-1" title="Assistent">1</span> |',
        '| 11-01-2027 | [Bea de Boer](../pop/p-002/index.md) | Ploeg 2 | [Bewaken](../werkprocessen/bewaken.md) | '
        '<span class="wgo-level wgo-level-1" title="Assistent">1</span> |',
    ]
    assert health["Bronnen die niemand gebruikt (3)"] == [
        "- [Later](../bronnen/sop-later.md) — geldig", "- [Oude procedure](../bronnen/sop-oud.md) — geldig",
        "- [Vandaag](../bronnen/sop-vandaag.md) — geldig"]


def test_source_page_flags_evidence_before_the_change_and_not_after(tmp_path: Path) -> None:
    content = changed_fixture(tmp_path)
    section = sections(built_pages(content)["bronnen/sop-opstarten.md"])["Herinstructie nodig"]
    assert section[1:] == [
        "Aantal medewerkers met herinstructie nodig: 2.",
        '<div class="wgo-unindexed" data-search-exclude markdown>',  # names stay out of search, in any engine
        "| Medewerker | Team | Criterium | Afgetekend op |",
        "|---|---|---|---|",
        '| [Ali Aydin](../pop/p-001/index.md) | Ploeg 1 | Benoemt de stappen <small class="wgo-id">opstarten-1-01</small> | 02-03-2026 |',
        '| [Bea de Boer](../pop/p-002/index.md) | Ploeg 2 | Benoemt de stappen <small class="wgo-id">opstarten-1-01</small> | 15-01-2025 |',
        '| [Bea de Boer](../pop/p-002/index.md) | Ploeg 2 | Start zelfstandig op <small class="wgo-id">opstarten-2-01</small> '
        '| 15-01-2025 |',
        "</div>",
    ]  # Cas Claassen signed on 2026-06-15, the day of the change: not before it

    with (content / "signoffs.csv").open("a", encoding="utf-8") as signoffs:
        signoffs.write("p-001,opstarten,opstarten-1-01,,2026-07-01,p-002,opnieuw na wijziging\n")
    pages = built_pages(content)
    section = sections(pages["bronnen/sop-opstarten.md"])["Herinstructie nodig"]
    assert "Aantal medewerkers met herinstructie nodig: 1." in section and "Ali Aydin" not in "\n".join(section)
    assert "| [Opstartprocedure](../bronnen/sop-opstarten.md) | 15-06-2026 | 1 |" in pages["gezondheid/index.md"]
    assert "Herinstructie nodig" not in pages["bronnen/wi-bewaken.md"]  # no changed date: no section


def test_a_change_after_the_build_date_needs_no_reinstruction_yet(tmp_path: Path) -> None:
    content = changed_fixture(tmp_path)
    edit(content / "sources/sop-opstarten.md", "changed: 2026-06-15", "changed: 2026-12-01")
    pages = built_pages(content)
    assert sections(pages["bronnen/sop-opstarten.md"])["Herinstructie nodig"] == [
        "De wijziging gaat in op 01-12-2026; vanaf die dag telt wie opnieuw geïnstrueerd moet worden."]
    assert sections(pages["gezondheid/index.md"])["Herinstructie na gewijzigde bronnen (0)"] == ["Geen."]


def test_without_personal_data_only_counts_and_no_names(tmp_path: Path) -> None:
    content = changed_fixture(tmp_path)
    edit(content / "organisation.yml", "personal_data: true", "personal_data: false")
    with (content / "planning.csv").open("a", encoding="utf-8") as planning:
        planning.write("p-002,bewaken,2,2026-10-01,p-001,overdue: level 1 < 2\n")
    pages = built_pages(content)
    source = sections(pages["bronnen/sop-opstarten.md"])["Herinstructie nodig"]
    assert source[1:] == ["Aantal medewerkers met herinstructie nodig: 2. Namen worden niet gepubliceerd (personal&#95;data)."]
    health = sections(pages["gezondheid/index.md"])
    assert health["Herinstructie na gewijzigde bronnen (1)"][-1] == "| [Opstartprocedure](../bronnen/sop-opstarten.md) | 15-06-2026 | 2 |"
    assert health["Niveaus die binnen 90 dagen kunnen dalen (2)"][-2:] == [
        "| [Bewaken](../werkprocessen/bewaken.md) | 1 | 1 | 2 |", "Namen worden niet gepubliceerd (personal&#95;data)."]
    assert health["Verlopen geplande opleiding (1)"] == ["Niet getoond: persoonsgegevens worden niet gepubliceerd (personal&#95;data)."]
    names = ["Ali Aydin", "Bea de Boer", "Cas Claassen", "p-001", "p-002", "p-003", "pop/"]
    leaks = [(path, name) for path, markdown in pages.items() for name in names if name in markdown]
    assert leaks == []
    assert not any(path.startswith(("pop/", "matrix/", "teams/", "planning/")) for path in pages)
