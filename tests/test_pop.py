"""The POP page's HTML: the criteria still to sign and the sign-off history, row by row.

The expected lines are written out by hand from the fixture below, the templates and the
catalogue; they check the snippets that render whole lists and tables in one call.
"""

from __future__ import annotations

from pathlib import Path

from generator.generate import generate

from .conftest import BUILD_DATE, content_tree

BEWAKEN = """---
title: Bewaken
code: B1-K1-W2
valid_months: 12
criteria:
  - id: bewaken-1-01
    level: 1
    kind: attitude
    text: Meldt afwijkingen direct
    sources: [wi-bewaken]
  - id: bewaken-1-02
    level: 1
    kind: knowledge
    text: Kent de alarmgrenzen
---
Het bewaken van het proces.
"""

SIGNOFFS = """person,work_process,criterion,level,date,assessor,note
p-001,bewaken,bewaken-1-01,,2025-06-01,p-002,oude aftekening
p-001,opstarten,,1,2026-02-01,p-002,
p-001,opstarten,opstarten-1-01,,2026-03-02,p-002,
p-001,opstarten,opstarten-2-01,,2026-10-01,p-002,Eerste keer *zelf*
p-002,opstarten,,4,2025-01-15,p-002,
"""


def _pop_page(tmp_path: Path) -> str:
    content = content_tree(tmp_path) / "content"
    (content / "work-processes" / "bewaken.md").write_text(BEWAKEN, encoding="utf-8")
    (content / "signoffs.csv").write_text(SIGNOFFS, encoding="utf-8")
    result = generate(content, build_date=BUILD_DATE)
    assert result.site is not None, [str(m) for m in result.report.messages]
    return next(page.html or "" for page in result.site.pages if page.path == "pop/p-001/index.md")


def _section(html: str, heading: str) -> str:
    """The HTML from an ``<h2>`` with this text up to the next one."""
    start = html.index(f">{heading}</h2>\n")
    start = html.rindex("<h2", 0, start)
    end = html.find("\n<h2 ", start + 1)
    return html[start:] if end == -1 else html[start:end + 1]


def test_next_steps_list_each_missing_criterion_with_its_sources(tmp_path: Path) -> None:
    # Opstarten is at level 2 (the target); Bewaken is at 0, its only sign-off being older than 12 months.
    # HTML pages are ASCII (renderer.py): → is &#8594; and — is &#8212;.
    assert _section(_pop_page(tmp_path), "Af te tekenen voor het volgende niveau") == (
        '<h2 id="af-te-tekenen-voor-het-volgende-niveau">Af te tekenen voor het volgende niveau</h2>\n'
        '<h3 id="bewaken-niveau-1">Bewaken &#8594; Niveau 1</h3>\n'
        "<ul>\n"
        '<li>\n<p>Meldt afwijkingen direct <small class="wgo-id">bewaken-1-01</small>'
        ' &#8212; <a href="../../bronnen/wi-bewaken/">Werkinstructie bewaken</a></p>\n</li>\n'
        '<li>\n<p>Kent de alarmgrenzen <small class="wgo-id">bewaken-1-02</small></p>\n</li>\n'
        "</ul>\n"
    )


def test_history_lists_every_signoff_newest_first_and_flags_the_expired(tmp_path: Path) -> None:
    history = _section(_pop_page(tmp_path), "Historie van aftekeningen")
    rows = [" ".join(line for line in row.splitlines() if line.startswith("<td")) for row in history.split("<tr>\n")[2:]]
    opstarten, bea = '<a href="../../werkprocessen/opstarten/">Opstarten</a>', '<a href="../p-002/">Bea de Boer</a>'
    assert rows == [
        f'<td>01-10-2026</td> <td>{opstarten}</td> <td>Start zelfstandig op <small class="wgo-id">opstarten-2-01</small></td>'
        f" <td>{bea}</td> <td>Eerste keer *zelf*</td>",
        f'<td>02-03-2026</td> <td>{opstarten}</td> <td>Benoemt de stappen <small class="wgo-id">opstarten-1-01</small></td>'
        f" <td>{bea}</td> <td></td>",
        f"<td>01-02-2026</td> <td>{opstarten}</td> <td>beoordeling hele werkproces: niveau 1</td> <td>{bea}</td> <td></td>",
        '<td>01-06-2025 <span class="wgo-flag wgo-expired">verlopen</span></td>'
        ' <td><a href="../../werkprocessen/bewaken/">Bewaken</a></td>'
        f' <td>Meldt afwijkingen direct <small class="wgo-id">bewaken-1-01</small></td> <td>{bea}</td> <td>oude aftekening</td>',
    ]


def test_a_level_whose_evidence_expires_within_90_days_is_marked(tmp_path: Path) -> None:
    # Build date 2026-11-01, so the warning period ends 2027-01-30. With valid_months 12 a sign-off
    # of 2026-01-29 last counts on 2027-01-29: the level drops on 2027-01-30 (marked); one of
    # 2026-01-30 drops on 2027-01-31 (not marked).
    content = content_tree(tmp_path) / "content"
    (content / "work-processes" / "bewaken.md").write_text(BEWAKEN, encoding="utf-8")
    (content / "signoffs.csv").write_text(
        "person,work_process,criterion,level,date,assessor,note\n"
        "p-001,bewaken,bewaken-1-01,,2026-01-29,p-002,\n"
        "p-001,bewaken,bewaken-1-02,,2026-03-01,p-002,\n"
        "p-002,bewaken,bewaken-1-01,,2026-01-30,p-002,\n"
        "p-002,bewaken,bewaken-1-02,,2026-03-01,p-002,\n", encoding="utf-8")
    result = generate(content, build_date=BUILD_DATE)
    assert result.site is not None
    pages = {page.path: page.html or "" for page in result.site.pages}
    badge = '<span class="wgo-level wgo-level-1" title="Assistent">1</span>'
    row = ('<td><a href="../../werkprocessen/bewaken/">Bewaken</a></td>\n<td align="center">{cell}</td>\n'
           '<td align="center">2</td>\n<td align="center">1</td>')
    assert row.format(cell=f'{badge} <span class="wgo-expiring" title="verloopt op 30-01-2027">!</span>') in pages["pop/p-001/index.md"]
    assert row.format(cell=badge) in pages["pop/p-002/index.md"]
    # The matrix marks the same cell.
    assert f'{badge} <span class="wgo-expiring" title="verloopt op 30-01-2027">!</span>' in pages["matrix/operator.md"]


def test_the_next_level_checklist_is_offered_only_below_the_target(tmp_path: Path) -> None:
    """Someone at or above their target has no next level to sign: their POP offers no checklist for it."""
    content = content_tree(tmp_path) / "content"
    with (content / "signoffs.csv").open("a", encoding="utf-8") as file:
        file.write("p-002,bewaken,,3,2026-02-01,p-002,\n")  # with opstarten at 4: above the target of 2
    result = generate(content, build_date=BUILD_DATE)
    assert result.site is not None and result.facts is not None
    pages = {page.path: page.html or page.markdown for page in result.site.pages}
    offered = {person_id: "wgo-prefilled-checklist" in pages[f"pop/{person_id}/index.md"] for person_id in result.facts.people}
    expected = {person_id: facts.overall < facts.target for person_id, facts in result.facts.people.items()}
    assert offered == expected and set(offered.values()) == {True, False}, (offered, expected)
