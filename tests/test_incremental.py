"""The dependency model (render/inputs.py): after an edit, a build that reuses the last build's pages equals a
fresh full build, and renders again exactly the pages the edit reaches.

Each case copies the example, builds it keeping its pages, makes one edit of one kind of file, builds again
reusing the first build, and builds once more from nothing. The expected sets are worked out by hand from
what each page shows (the comments say why), not taken from a run.
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.derive.health import Reinstruction
from generator.derive.teams import derive_deployment
from generator.generate import Result, generate
from generator.render.inputs import Reuse

from .conftest import ROOT

EXAMPLE_CONTENT = ROOT / "content"


BUILD_DATE = dt.date(2026, 11, 1)
PERSON_PAGES = ("index.md", "aftekenlijst.md", "gesprek.md", "erkenning.md", "zelfbeoordeling.xlsx")


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path} no longer holds {old!r}: the example changed, adjust the edit"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _append(path: Path, line: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + line, encoding="utf-8")


def _drop_line(path: Path, start: str) -> None:
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    found = [line for line in lines if line.startswith(start)]
    assert len(found) == 1, f"{path}: expected one line starting {start!r}"
    lines.remove(found[0])
    path.write_text("".join(lines), encoding="utf-8")


def _build(content: Path, reuse: Reuse | None) -> Result:
    return generate(content, build_date=BUILD_DATE, git_history=False, reuse=reuse)


def _incremental(tmp_path: Path, edit: Callable[[Path], None]) -> tuple[Result, Result, Result]:
    """The first build (keeping its pages), the build after the edit that reuses them, and a fresh full build."""
    content = tmp_path / "content"
    shutil.copytree(EXAMPLE_CONTENT, content)
    first = _build(content, Reuse.after(None))
    edit(content)
    again = _build(content, Reuse.after(first.memo))
    full = _build(content, None)
    assert again.site is not None and full.site is not None, again.catalogue.lines(again.report.in_file_order())
    return first, again, full


def _assert_same_site(again: Result, full: Result) -> None:
    assert again.site is not None and full.site is not None
    assert [page.path for page in again.site.pages] == [page.path for page in full.site.pages]
    for reused, fresh in zip(again.site.pages, full.site.pages, strict=True):
        assert reused == fresh, f"{reused.path} differs from a full build's"
    assert [(f.path, f.read()) for f in again.site.files] == [(f.path, f.read()) for f in full.site.files]
    assert again.site.nav == full.site.nav


def _person_folder(person: str, team: str) -> set[str]:
    return {f"beperkt/{team}/pop/{person}/{name}" for name in PERSON_PAGES}


ONLY_ITS_OWN_PAGE = {
    # A body is shown on its own page only (inputs.py: bodies are no input of the pages that name the object).
    "work-process text": (
        lambda c: _replace(c / "work-processes/installatie-opstarten.md", "daarna is een nieuwe beoordeling nodig.",
                           "daarna is een nieuwe beoordeling nodig. Tot slot een extra zin."),
        {"werkprocessen/installatie-opstarten.md"},
    ),
    "improvement text": (
        lambda c: _replace(c / "improvements/monsterkast-5s.md", "## Aanleiding", "## Aanleiding\n\nEen extra zin."),
        {"verbeteropdrachten/monsterkast-5s.md"},  # and the feed, which is made on every build (not counted)
    ),
    "free page": (
        lambda c: _replace(c / "pages/handleiding.md", "\n\n", "\n\nEen extra zin.\n\n"),
        {"handleiding.md"},
    ),
}


@pytest.mark.parametrize("case", sorted(ONLY_ITS_OWN_PAGE))
def test_a_text_renders_only_its_own_page(case: str, tmp_path: Path) -> None:
    edit, expected = ONLY_ITS_OWN_PAGE[case]
    _, again, full = _incremental(tmp_path, edit)
    _assert_same_site(again, full)
    assert set(again.rendered) == expected


def test_a_signoff_row_renders_that_persons_pages_their_team_and_the_counts(tmp_path: Path) -> None:
    """p-005 (Ploeg 1, laborant) reaches level 2 on monsters-nemen: what shows her levels, or a count of them."""
    _, again, full = _incremental(tmp_path, lambda c: _append(c / "signoffs.csv", "p-005,monsters-nemen,,2,2026-10-20,p-011,\n"))
    _assert_same_site(again, full)
    team, matrices = "beperkt/ploeg-1", "beperkt/alle/matrix"
    assert set(again.rendered) == (
        _person_folder("p-005", "ploeg-1")
        # The team's pages all take the team's facts, which hold her levels.
        | {f"{team}/index.md", f"{team}/planning.md", f"{team}/herinstructie.md",
           f"{team}/matrix/laborant.md", f"{team}/matrix/laborant.csv", f"{team}/matrix/laborant.xlsx"}
        # The whole laborant matrix and the people index (her overall level); not the procesoperator matrix.
        | {f"{matrices}/laborant.md", f"{matrices}/laborant.csv", f"{matrices}/laborant.xlsx", "beperkt/alle/mensen/index.md"}
        # Counts: the format's chart, the function house, the implementation monitor, who can do monsters-nemen.
        | {"formats/laborant.md", "functiehuis/index.md", "invoering/index.md", "werkprocessen/monsters-nemen.md"}
    )


def test_a_removed_signoff_row_renders_no_other_persons_pages(tmp_path: Path) -> None:
    """A row from the middle of signoffs.csv: the rows after it move up a line, which no page shows."""
    _, again, full = _incremental(tmp_path, lambda c: _drop_line(c / "signoffs.csv", "p-012,werkzaamheden-voorbereiden,voorbereiden-1-02,"))
    _assert_same_site(again, full)
    people = {path.split("/pop/")[1].split("/")[0] for path in again.rendered if "/pop/" in path}
    assert people == {"p-012"}
    assert "beperkt/ploeg-2/pop/p-012/index.md" in again.rendered


def test_a_source_change_renders_the_people_it_sends_to_reinstruction(tmp_path: Path) -> None:
    """A source changed after sign-offs that rest on it: their people need re-instruction, nobody else's pages change."""
    first, again, full = _incremental(tmp_path, lambda c: _replace(c / "sources/el-basisveiligheid.md", "reviewed: 2026-01-15",
                                                                   "reviewed: 2026-01-15\nchanged: 2026-09-01"))
    _assert_same_site(again, full)
    assert first.facts is not None and again.facts is not None
    assert not [r for r in _reinstructions(first) if r.source.id == "el-basisveiligheid"]
    sent = {r.person_id for r in _reinstructions(again) if r.source.id == "el-basisveiligheid"}
    assert sent, "the edit must send someone to re-instruction, or the case tests nothing"
    people = {path.split("/pop/")[1].split("/")[0] for path in again.rendered if "/pop/" in path}
    assert people == sent
    assert {"bronnen/el-basisveiligheid.md", "bronnen/index.md", "gezondheid/index.md"} <= set(again.rendered)


def _reinstructions(result: Result) -> list[Reinstruction]:
    assert result.facts is not None
    return list(derive_deployment(result.content, result.facts).reinstructions)


def test_a_format_title_renders_the_pages_that_name_the_format_only(tmp_path: Path) -> None:
    _, again, full = _incremental(tmp_path, lambda c: _replace(c / "formats/laborant.yml", "title: Ploeglaborant",
                                                               "title: Ploeglaborant (lab)"))
    _assert_same_site(again, full)
    assert full.content is not None
    operators = {p.id for p in full.content.people.values() if p.format == "procesoperator"}
    rendered_people = {path.split("/pop/")[1].split("/")[0] for path in again.rendered if "/pop/" in path}
    assert rendered_people and not rendered_people & operators
    assert {"formats/laborant.md", "formats/index.md", "aftekenlijsten/laborant-niveau-1.md"} <= set(again.rendered)
    assert "aftekenlijsten/procesoperator-niveau-1.md" not in again.rendered


SITE_WIDE = {
    # Criteria are shown, with their level, wherever a work process is listed: site-wide (context.py's _site_key).
    "criterion level": lambda c: _replace(c / "work-processes/installatie-opstarten.md",
                                          "  - id: opstarten-2-02\n    level: 2", "  - id: opstarten-2-02\n    level: 3"),
    # A name is shown in every link to its person, and the team decides where their pages live.
    "people.csv": lambda c: _replace(c / "people.csv", "p-005,Fatima el Amrani,", "p-005,Fatima el-Amrani,"),
    "organisation.yml": lambda c: _replace(c / "organisation.yml", "source_review_months: 24", "source_review_months: 18"),
}


@pytest.mark.parametrize("case", sorted(SITE_WIDE))
def test_a_site_wide_change_renders_everything(case: str, tmp_path: Path) -> None:
    first, again, full = _incremental(tmp_path, SITE_WIDE[case])
    _assert_same_site(again, full)
    assert set(again.rendered) == set(first.rendered)


def test_a_person_who_leaves_takes_their_pages_along(tmp_path: Path) -> None:
    _, again, full = _incremental(tmp_path, lambda c: _replace(c / "people.csv", "p-005,Fatima el Amrani,ploeg-1,laborant,,yes,",
                                                               "p-005,Fatima el Amrani,ploeg-1,laborant,,no,"))
    _assert_same_site(again, full)
    assert again.site is not None
    assert not [page.path for page in again.site.pages if "/p-005/" in page.path]


def test_an_unchanged_build_renders_nothing(tmp_path: Path) -> None:
    _, again, full = _incremental(tmp_path, lambda c: None)
    _assert_same_site(again, full)
    assert again.rendered == ()


def test_check_renders_nothing_and_finds_what_a_rendering_build_finds(tmp_path: Path) -> None:
    """``check`` stops before rendering; the link check and the page-address check still see every page's path."""
    content = tmp_path / "content"
    shutil.copytree(EXAMPLE_CONTENT, content)
    _append(content / "pages/handleiding.md", "\n[kapot](werkprocessen/bestaat-niet.md)\n")
    (content / "pages/functiehuis").mkdir()
    (content / "pages/functiehuis/index.md").write_text("# Botst\n", encoding="utf-8")
    planned = _build(content, Reuse.plan())
    rendered = _build(content, None)
    assert planned.catalogue.lines(planned.report.in_file_order()) == rendered.catalogue.lines(rendered.report.in_file_order())
    assert {m.code for m in planned.report.in_file_order()} >= {"page-conflict"}
    assert len(planned.report.in_file_order()) >= 2
