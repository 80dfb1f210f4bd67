"""A team's folder: what its leaders read about their own people.

The team page (coverage, and the names behind each count), the team's part of each format's
matrix with its CSV and Excel downloads, its planning, and who in the team needs re-instruction
on which source. Public pages that count people per team link here. All of it for the team's
audience (its leaders and the planners), so with ``access:`` it lands in the team's restricted
folder, beside its people's POPs.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from ..derive.teams import TeamFacts
from . import paths
from .context import PageContext
from .overviews import matrix_downloads, wide
from .site import Page, StaticFile


def render_team_pages(c: PageContext) -> Iterator[Page]:
    teams = c.deployment.teams.values()
    # One scale for every team's coverage bars, so that two teams' pages compare at a glance.
    scale = max(1, c.content.organisation.coverage.count * 2, *(len(facts.members) for facts in teams))
    for facts in teams:
        yield _render_team(c, facts, scale)
        yield from _render_matrices(c, facts)
        yield _render_planning(c, facts)
        yield _render_reinstruction(c, facts)


def render_team_files(c: PageContext) -> Iterator[StaticFile]:
    """Each team's part of each format's matrix, as CSV and as an Excel workbook."""
    for facts in c.deployment.teams.values():
        for matrix in facts.matrices:
            format_id, team_id = matrix.format.id, facts.team.id
            yield from matrix_downloads(c, matrix, c.layout.team_matrix_csv(format_id, team_id),
                                        c.layout.team_matrix_xlsx(format_id, team_id))


def _render_team(c: PageContext, facts: TeamFacts, scale: int) -> Page:
    page = c.html_page("team.html.j2", c.layout.team(facts.team.id), facts.team.name, team_facts=facts, scale=scale,
                       progress_charts=c.progress_charts(c.deployment.progress.of_team(facts.team.id)))
    # The work processes' rows, which their public pages link to (who in this team can do it).
    return replace(page, anchors=tuple(paths.work_process_anchor(bar.work_process.id) for bar in facts.coverage))


def _render_matrices(c: PageContext, facts: TeamFacts) -> Iterator[Page]:
    for matrix in facts.matrices:
        title = f"{c.t('label.matrix-of', format=matrix.format.title)} — {facts.team.name}"
        place = c.layout.team_matrix(matrix.format.id, facts.team.id)
        yield wide(c.html_page("matrix_team.html.j2", place, title, matrix=matrix, section=matrix.sections[0]))


def _render_planning(c: PageContext, facts: TeamFacts) -> Page:
    title = f"{c.t('label.planning')} — {facts.team.name}"
    return c.html_page("planning_team.html.j2", c.layout.team_planning(facts.team.id), title, rows=facts.planning,
                       people_by_id=c.content.people, team_facts=facts)


def _render_reinstruction(c: PageContext, facts: TeamFacts) -> Page:
    title = f"{c.t('label.reinstruction')} — {facts.team.name}"
    return c.html_page("reinstruction_team.html.j2", c.layout.team_reinstruction(facts.team.id), title, team_facts=facts)
