"""What a team's folder shows, and the counts per team that public pages show instead of names.

With ``access:``, a team's leaders read one folder: the team page (coverage, and who is behind
each count), the team's part of each format's matrix, its planning and who in it needs
re-instruction. These facts are derived here, once, from the organisation-wide ones; the
render phase only formats them. A public page that once listed names (who can do a work
process, who needs re-instruction on a source, a format's people) shows per team how many,
from the same facts, and links into the team's folder.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ..model import Content, PlannedTraining, Source, Team
from . import Facts, PersonFacts, grouped
from .deployable import Deployability, TeamDeployment
from .function_house import FunctionHouse, derive_function_house
from .health import ExpiringLevel, PlanningRow, Reinstruction, expiring_levels, overdue_training, planning_rows, reinstructions
from .implementation import Implementation, derive_implementation
from .matrix import CoverageBar, FormatMatrix, format_matrix, team_coverage
from .progress import Progress, derive_progress
from .selfassessment import DifferingViews, OwnViews, differing_views, own_views


@dataclass(frozen=True, kw_only=True)
class TeamFacts:
    team: Team
    members: tuple[PersonFacts, ...]  # active, people.csv order
    coverage: tuple[CoverageBar, ...]  # per work process of any member's format, shortfalls first
    deployed: dict[str, TeamDeployment]  # work process id → who is behind the coverage count
    matrices: tuple[FormatMatrix, ...]  # per format the team has people in: the team's section alone
    planning: tuple[PlanningRow, ...]  # the team's planned training, overdue first
    reinstruction: tuple[tuple[Source, tuple[Reinstruction, ...]], ...]  # per source (by title): who, and on what
    differing: tuple[DifferingViews, ...]  # work processes on which members see themselves higher or lower


@dataclass(frozen=True, kw_only=True)
class Deployment:
    """What the pages that name people show (and the counts that public pages show instead), derived once."""

    matrices: dict[str, FormatMatrix]  # format id → its matrix, every team
    who: Deployability  # who can do each work process, per team
    planning: tuple[PlanningRow, ...]  # overdue first
    reinstructions: tuple[Reinstruction, ...]
    expiring: tuple[ExpiringLevel, ...]  # levels that may drop soon, soonest first
    overdue: tuple[PlannedTraining, ...]  # planned training overdue, file order
    teams: dict[str, TeamFacts]  # organisation.yml order
    reinstruction_counts: dict[str, tuple[TeamCount, ...]]  # source id → per team
    format_counts: dict[str, tuple[TeamCount, ...]]  # format id → per team
    progress: Progress  # the levels at each month end of the window
    own_views: dict[str, OwnViews]  # active person id → their own view beside the assessed levels
    house: FunctionHouse  # every format beside the others, level by level: counts only
    implementation: Implementation  # how far each format is with introducing the model (counts only)


@dataclass(frozen=True, kw_only=True)
class TeamCount:
    """How many people of one team a public page counts, without naming them."""

    team: Team
    count: int


def derive_deployment(content: Content, facts: Facts) -> Deployment:
    """The facts of every page that names people; also without personal data, for the counts public pages show."""
    matrices = {f.id: format_matrix(content, facts, f) for f in content.formats.values()}
    who, planning, found = Deployability(content, facts), tuple(planning_rows(content, facts)), tuple(reinstructions(content, facts))
    views = own_views(content, facts)
    progress = derive_progress(content, facts)
    teams = team_facts(content, facts, matrices.values(), who, planning, found, views)
    return Deployment(
        matrices=matrices, who=who, planning=planning, reinstructions=found, teams=teams,
        expiring=tuple(expiring_levels(content, facts)), overdue=tuple(overdue_training(content, facts)),
        reinstruction_counts=reinstruction_counts(teams), format_counts=format_counts(teams),
        progress=progress, own_views=views, house=derive_function_house(content, facts),
        implementation=derive_implementation(content, facts, progress),
    )


def team_facts(
    content: Content, facts: Facts, matrices: Iterable[FormatMatrix], deployability: Deployability,
    planning: Iterable[PlanningRow], reinstructions: Iterable[Reinstruction], views: Mapping[str, OwnViews],
) -> dict[str, TeamFacts]:
    """Every team's facts, in organisation.yml order (teams without members too: their page says so)."""
    sections = grouped(
        (FormatMatrix(format=m.format, work_processes=m.work_processes, sections=(s,)) for m in matrices for s in m.sections),
        lambda matrix: matrix.sections[0].team.id,
    )
    plans = grouped(planning, lambda row: facts.people[row.planned.person].person.team)
    to_reinstruct = grouped(reinstructions, lambda r: facts.people[r.person_id].person.team)
    return {
        team.id: TeamFacts(
            team=team, members=tuple(facts.members(team.id)), coverage=team_coverage(content, facts, team),
            deployed=deployability.team_work_processes(team), matrices=tuple(sections.get(team.id, ())),
            planning=tuple(plans.get(team.id, ())), reinstruction=_per_source(to_reinstruct.get(team.id, ())),
            differing=differing_views(facts.members(team.id), views),
        )
        for team in content.organisation.teams
    }


def _per_source(found: Iterable[Reinstruction]) -> tuple[tuple[Source, tuple[Reinstruction, ...]], ...]:
    by_source = grouped(found, lambda r: r.source.id)
    sources = sorted({r.source.id: r.source for rows in by_source.values() for r in rows}.values(), key=lambda s: s.title.lower())
    return tuple((source, tuple(by_source[source.id])) for source in sources)


def reinstruction_counts(teams: Mapping[str, TeamFacts]) -> dict[str, tuple[TeamCount, ...]]:
    """Source id → per team (organisation.yml order) how many of its people need re-instruction on it."""
    counts: dict[str, list[TeamCount]] = {}
    for facts in teams.values():
        for source, rows in facts.reinstruction:
            counts.setdefault(source.id, []).append(TeamCount(team=facts.team, count=len({r.person_id for r in rows})))
    return {source_id: tuple(found) for source_id, found in counts.items()}


def format_counts(teams: Mapping[str, TeamFacts]) -> dict[str, tuple[TeamCount, ...]]:
    """Format id → per team (organisation.yml order) how many active people it has in the format."""
    counts: dict[str, list[TeamCount]] = {}
    for facts in teams.values():
        for format_id, count in Counter(member.format.id for member in facts.members).items():
            counts.setdefault(format_id, []).append(TeamCount(team=facts.team, count=count))
    return {format_id: tuple(found) for format_id, found in counts.items()}
