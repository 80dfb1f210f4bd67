"""The organisation-wide views, for the planners: every matrix, the teams, the people index,
the whole planning and the health page's names; and, with ``access:``, the index of the
restricted folder (which names no one and leads to each team's folder).

Their places come from ``Layout`` (``paths.py``): at the site root without ``access:``, in
``<restricted folder>/alle/`` with it. A view too long for one page (a large organisation)
lists the teams and links to each team's own part, in the team's folder.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace

from ..derive import PersonFacts
from ..derive.matrix import FormatMatrix
from ..spreadsheets.matrix_csv import matrix_csv
from ..spreadsheets.xlsx import matrix_xlsx
from .context import PageContext
from .paths import Place, public
from .site import Page, StaticFile

# Above this many rows a matrix or the planning lists the teams, each linking to its part in the
# team's folder: pages that grow with the organisation would otherwise pass 1 MB (about 300 matrix
# rows) and load slowly on the floor.
SPLIT_ROWS = 200
# The people index has one short row per person and a filter, so it stays one page longer: 1,000
# people make about 450 kB; more, and it is split per team like the planning (a page stays under 1 MB).
SPLIT_PEOPLE = 1000


def render_overviews(c: PageContext) -> Iterator[Page]:
    """The pages that show every team at once; with ``access:`` also the restricted folder's index and the health page's names."""
    yield from _render_matrices(c)
    yield _render_teams_index(c)
    yield from _render_people_index(c)
    yield _render_planning(c)
    if c.layout.restricted_index() is not None:
        yield _render_restricted_index(c)
        yield _render_health_names(c)


def render_overview_files(c: PageContext) -> Iterator[StaticFile]:
    """Every format's whole matrix as CSV and as an Excel workbook."""
    for format_id, matrix in c.deployment.matrices.items():
        yield from matrix_downloads(c, matrix, c.layout.matrix_csv(format_id), c.layout.matrix_xlsx(format_id))


def matrix_downloads(c: PageContext, matrix: FormatMatrix, csv_place: Place, xlsx_place: Place) -> Iterator[StaticFile]:
    """A matrix as CSV and as an Excel workbook, each where its place says (and for whom)."""
    yield c.file(csv_place, (matrix,), lambda: matrix_csv(matrix))
    yield c.file(xlsx_place, (matrix,),
                 lambda: matrix_xlsx(matrix, c.content.organisation.coverage, c.renderer.catalogue, c.renderer.build_date))


def wide(page: Page) -> Page:
    """A page whose table needs the whole width: the theme's sidebars are left out."""
    return replace(page, hide=("navigation", "toc"))


def _render_matrices(c: PageContext) -> Iterator[Page]:
    formats = list(c.content.formats.values())
    yield c.html_page("matrices.html.j2", c.layout.matrices(), c.t("label.matrices"), formats=formats)
    for training_format in formats:
        matrix = c.deployment.matrices[training_format.id]
        title = c.t("label.matrix-of", format=training_format.title)
        split = sum(len(section.rows) for section in matrix.sections) > SPLIT_ROWS
        # Levels change through sign-offs: the file an author edits to change what a matrix shows.
        page = c.html_page("matrix.html.j2", c.layout.matrix(training_format.id), title, matrix=matrix, split=split,
                           progress_charts=c.progress_charts(c.deployment.progress.of_format(training_format.id)),
                           ).from_file("signoffs.csv")
        yield page if split else wide(page)


def _render_teams_index(c: PageContext) -> Page:
    rows = [(facts.team, len(facts.members), sum(bar.short for bar in facts.coverage)) for facts in c.deployment.teams.values()]
    return c.html_page("teams.html.j2", c.layout.teams(), c.t("label.teams"), rows=rows)


def _render_people_index(c: PageContext) -> Iterator[Page]:
    """Every active person, teams in organisation.yml order; per team when there are more than SPLIT_PEOPLE,
    with the index listing the teams."""
    teams = [facts for facts in c.deployment.teams.values() if facts.members]
    title = c.t("label.people-index")
    people = [person for facts in teams for person in facts.members]
    if len(people) <= SPLIT_PEOPLE:
        yield c.html_page("people.html.j2", c.layout.people(), title, people=people, team_counts=[],
                          team_choices=[(f.team.id, f.team.name) for f in teams],
                          format_choices=_format_choices(c, people)).from_file("people.csv")
        return
    team_counts = [(facts.team, len(facts.members)) for facts in teams]
    yield c.html_page("people.html.j2", c.layout.people(), title, people=[], team_counts=team_counts,
                      team_choices=[], format_choices=[])
    for facts in teams:
        yield c.html_page("people_team.html.j2", c.layout.people_team(facts.team.id), f"{title} — {facts.team.name}",
                          people=facts.members, format_choices=_format_choices(c, facts.members))


def _format_choices(c: PageContext, people: Sequence[PersonFacts]) -> list[tuple[str, str]]:
    used = {person.format.id for person in people}
    return [(f.id, f.title) for f in c.content.formats.values() if f.id in used]


def _render_planning(c: PageContext) -> Page:
    """All planned training, overdue first; when there is too much for one page, the teams with links to their own."""
    rows, title = c.deployment.planning, c.t("label.planning")
    if len(rows) <= SPLIT_ROWS:
        planned_teams = {c.content.people[row.planned.person].team for row in rows}
        team_choices = [(team.id, team.name) for team in c.content.organisation.teams if team.id in planned_teams]
        return c.html_page("planning.html.j2", c.layout.planning(), title, rows=rows, team_counts=[],
                           people_by_id=c.content.people, team_choices=team_choices).from_file("planning.csv")
    team_counts = [(facts.team, len(facts.planning), sum(row.overdue for row in facts.planning))
                   for facts in c.deployment.teams.values()]
    return c.html_page("planning.html.j2", c.layout.planning(), title, rows=[], team_counts=team_counts)


def _render_health_names(c: PageContext) -> Page:
    """The people behind the health page's counts: levels that may drop soon, planned training overdue."""
    people = c.content.people
    expiring = [(e, people[e.person_id].team) for e in c.deployment.expiring]
    return c.html_page("health_names.html.j2", c.layout.health_names(), c.t("label.health-names"),
                       expiring=expiring, overdue=c.deployment.overdue)


def _render_restricted_index(c: PageContext) -> Page:
    """The door to the restricted part: each team's folder and the organisation-wide views. It names no one."""
    index = c.layout.restricted_index()
    assert index is not None
    teams = [(facts.team, [matrix.format for matrix in facts.matrices]) for facts in c.deployment.teams.values()]
    return c.html_page("restricted.html.j2", public(index), c.t("label.restricted"), teams=teams)
