"""Improvement assignments end to end: the level rule on a fixture, their pages, and the Atom feed.

The fixture: p-002 (Ploeg 2) is assessed at level 4 on both work processes of the operator
format, p-001 (Ploeg 1) at level 1. With ``improvement_level: 3`` p-002's overall level is
held at 2 until an improvement they (co-)authored is done and finished on or before the
build date (2026-11-01). Expected values are worked out by hand from PRODUCT.md.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from generator.derive import derive_facts
from generator.diagnostics import Report
from generator.generate import Result, generate
from generator.read import read_content
from generator.render import paths
from generator.render.improvements import SUMMARY_LENGTH, first_paragraph
from generator.render.site import SiteAddress

from .conftest import BUILD_DATE, content_tree

ATOM = "{http://www.w3.org/2005/Atom}"
SIGNOFFS = """person,work_process,criterion,level,date,assessor,note
p-001,opstarten,,1,2026-01-10,p-002,
p-001,bewaken,,1,2026-01-10,p-002,
p-002,opstarten,,4,2025-01-15,p-002,
p-002,bewaken,,4,2025-01-15,p-002,
"""


def improvement(status: str, *, finished: str = "", author: str = "p-001", co_authors: str = "[]", title: str = "Sneller opstarten",
                started: str = "2026-01-05", savings: str = "") -> str:
    lines = ["---", f"title: {title}", f"author: {author}", f"co_authors: {co_authors}", "method: PDCA",
             f"status: {status}", f"started: {started}", "work_processes: [opstarten]"]
    lines += [f"finished: {finished}"] if finished else []
    lines += [f"savings: {savings}"] if savings else []
    return "\n".join([*lines, "---", "## Aanleiding", "", "Het opstarten duurde *te* lang.", ""])


@pytest.fixture
def content(tmp_path: Path) -> Path:
    root = content_tree(tmp_path) / "content"
    organisation = root / "organisation.yml"
    organisation.write_text(organisation.read_text(encoding="utf-8") + "improvement_level: 3\n", encoding="utf-8")
    (root / "signoffs.csv").write_text(SIGNOFFS, encoding="utf-8")
    (root / "improvements").mkdir()
    return root


def write(content: Path, improvement_id: str, text: str) -> None:
    (content / "improvements" / f"{improvement_id}.md").write_text(text, encoding="utf-8")


def overall(content: Path, person_id: str) -> tuple[int, bool]:
    report = Report()
    model = read_content(content, report)
    assert not report.has_errors, report.messages
    facts = derive_facts(model, BUILD_DATE).people[person_id]
    return facts.overall, facts.capped


def built(content: Path, monkeypatch: pytest.MonkeyPatch, address: SiteAddress | None = None) -> Result:
    monkeypatch.chdir(content.parent)
    result = generate(Path("content"), build_date=BUILD_DATE, address=address)
    assert result.site is not None, result.catalogue.lines(result.report.messages)
    assert result.report.messages == []
    return result


def page(result: Result, path: str) -> str:
    assert result.site is not None
    return next(p.markdown if p.html is None else p.html for p in result.site.pages if p.path == path)


def test_without_a_finished_improvement_the_overall_level_is_held_below_the_improvement_level(content: Path) -> None:
    assert overall(content, "p-002") == (2, True)
    assert overall(content, "p-001") == (1, False)  # below the improvement level the rule changes nothing
    write(content, "idee", improvement("running", author="p-002"))
    assert overall(content, "p-002") == (2, True)


def test_a_done_improvement_finished_by_the_build_date_lifts_the_hold(content: Path) -> None:
    write(content, "klaar", improvement("done", finished="2026-11-01", author="p-002"))
    assert overall(content, "p-002") == (4, False)


def test_a_co_author_counts_as_author(content: Path) -> None:
    write(content, "samen", improvement("done", finished="2026-06-01", author="p-001", co_authors="[p-002]"))
    assert overall(content, "p-002") == (4, False)


def test_without_improvement_level_nothing_changes(content: Path) -> None:
    organisation = content / "organisation.yml"
    organisation.write_text(organisation.read_text(encoding="utf-8").replace("improvement_level: 3\n", ""), encoding="utf-8")
    assert overall(content, "p-002") == (4, False)


def test_improvement_page_index_and_links(content: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(content, "sneller-opstarten", improvement("done", finished="2026-06-01", author="p-001", co_authors="[p-002]",
                                                    savings="2 uur per week"))
    write(content, "nieuw-idee", improvement("idea", author="p-002", title="Een idee", started="2026-10-01"))
    write(content, "bezig", improvement("running", author="p-002", title="Loopt nog", started="2026-09-01"))
    result = built(content, monkeypatch)

    own = page(result, "verbeteropdrachten/sneller-opstarten.md")
    assert "- **Methode:** PDCA" in own
    assert "- **Gestart:** 05-01-2026 · **Afgerond:** 01-06-2026" in own
    assert "- **Opbrengst:** 2 uur per week" in own
    assert "- **Team:** Ploeg 1" in own  # the author's team
    assert "- **Werkprocessen:** [Opstarten](../werkprocessen/opstarten.md)" in own
    assert "- **Uitgevoerd door:** [Ali Aydin](../pop/p-001/index.md), [Bea de Boer](../pop/p-002/index.md)" in own
    # The write-up is rendered and sanitised by the generator (bodies.py); its headings stay Markdown.
    assert "<p>Het opstarten duurde <em>te</em> lang.</p>" in own

    index = page(result, "verbeteropdrachten/index.md")
    assert index.index("### Afgerond (1)") < index.index("### Loopt (1)") < index.index("### Idee (1)")
    assert "### PDCA (3)" in index
    # Newest first within a group: the idea (started 01-10) before the running one (09-01) before June's.
    by_method = index[index.index("### PDCA (3)"):]
    assert by_method.index("Een idee") < by_method.index("Loopt nog") < by_method.index("Sneller opstarten")
    assert "### Ploeg 1 (1)" in index and "### Ploeg 2 (2)" in index

    assert "[Sneller opstarten](../verbeteropdrachten/sneller-opstarten.md)" in page(result, "werkprocessen/opstarten.md")
    home = page(result, "index.md")
    assert "[Sneller opstarten](verbeteropdrachten/sneller-opstarten.md) — PDCA, 01-06-2026: 2 uur per week" in home
    assert "Een idee" not in home  # only finished ones

    pop = page(result, "pop/p-002/index.md")  # rendered to HTML: links to served addresses
    assert '<a href="../../verbeteropdrachten/sneller-opstarten/">Sneller opstarten</a>' in pop
    assert "niveau 3 vraagt" not in pop  # a co-author of a finished one is not held


def test_the_pop_says_why_the_level_is_held_and_links_the_running_improvement(content: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(content, "bezig", improvement("running", author="p-002", title="Loopt nog"))
    result = built(content, monkeypatch)
    pop = page(result, "pop/p-002/index.md")
    assert "Het totaalniveau is 2: niveau 3 vraagt een afgeronde verbeteropdracht. Op de werkprocessen zelf is niveau 4 bereikt." in pop
    assert 'Loopt nu: <a href="../../verbeteropdrachten/bezig/">Loopt nog</a>' in pop
    rows = page(result, "matrix/operator.md").split("<tr>")
    assert 'class="wgo-capped"' in next(row for row in rows if "p-002" in row)
    assert 'class="wgo-capped"' not in next(row for row in rows if "p-001" in row)


def test_feed_is_atom_with_tag_ids_and_absolute_links(content: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(content, "oud", improvement("done", finished="2025-03-01", title="Oud", started="2025-01-02"))
    write(content, "nieuw", improvement("done", finished="2026-06-01", author="p-002", title="Nieuw"))
    write(content, "bezig", improvement("running", title="Bezig"))
    result = built(content, monkeypatch, SiteAddress(url="https://intranet.example.nl/opleiden/"))
    assert result.site is not None
    feed_file = next(f for f in result.site.files if f.path == "feed.xml")
    feed = ET.fromstring(feed_file.read())
    assert feed.tag == f"{ATOM}feed"
    # RFC 4287 4.1.1: a feed has exactly one id, title and updated, and an author (or every entry has one).
    assert feed.findtext(f"{ATOM}id") == "tag:intranet.example.nl,2026-01-01:verbeteropdrachten"
    assert feed.findtext(f"{ATOM}updated") == "2026-06-01T00:00:00Z"
    assert feed.findtext(f"{ATOM}author/{ATOM}name") == "Testfabriek BV"
    assert feed.find(f"{ATOM}link[@rel='self']").get("href") == "https://intranet.example.nl/opleiden/feed.xml"  # type: ignore[union-attr]
    entries = feed.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}title") for e in entries] == ["Nieuw", "Oud"]  # finished only, newest first
    first = entries[0]
    assert first.findtext(f"{ATOM}id") == "tag:intranet.example.nl,2026-01-05:verbeteropdracht:nieuw"
    assert first.findtext(f"{ATOM}updated") == "2026-06-01T00:00:00Z"
    assert first.find(f"{ATOM}link").get("href") == "https://intranet.example.nl/opleiden/verbeteropdrachten/nieuw/"  # type: ignore[union-attr]
    assert first.findtext(f"{ATOM}author/{ATOM}name") == "Bea de Boer"
    assert "<em>te</em>" in (first.findtext(f"{ATOM}content") or "")
    # The summary is what the write-up opens with, as text (the body's first paragraph, markup left out).
    content_text = first.findtext(f"{ATOM}content") or ""
    summary = first.findtext(f"{ATOM}summary") or ""
    assert summary and "<" not in summary and summary.split()[0] in content_text, summary


def test_a_summary_is_the_first_paragraph_shortened_at_a_word() -> None:
    assert first_paragraph("<h2>Aanleiding</h2>\n<p>Te <em>veel</em>\nalarmen &amp; storingen.</p>\n<p>Tweede.</p>") == (
        "Te veel alarmen & storingen.")
    long = first_paragraph("<p>" + "woord " * 100 + "</p>")
    assert len(long) <= SUMMARY_LENGTH + 2 and long.endswith("woord …")
    assert first_paragraph("<h2>Alleen een kop</h2>") == ""


def test_without_personal_data_no_page_or_feed_names_a_person(content: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    organisation = content / "organisation.yml"
    organisation.write_text(organisation.read_text(encoding="utf-8").replace("personal_data: true", "personal_data: false"),
                            encoding="utf-8")
    write(content, "samen", improvement("done", finished="2026-06-01", author="p-001", co_authors="[p-002]"))
    monkeypatch.chdir(content.parent)
    result = generate(Path("content"), build_date=BUILD_DATE)
    assert result.site is not None
    published = [p.markdown for p in result.site.pages if p.path.startswith("verbeteropdrachten/")]
    published += [f.read().decode("utf-8") for f in result.site.files if f.path == paths.IMPROVEMENTS_FEED]
    assert len(published) == 3  # index, the page, the feed
    for text in published:
        for word in ("Ali Aydin", "Bea de Boer", "p-001", "p-002"):
            assert word not in text
    assert "- **Team:** Ploeg 1" in page(result, "verbeteropdrachten/samen.md")
