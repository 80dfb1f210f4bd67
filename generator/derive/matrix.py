"""The deployability matrix of a format and the coverage of a team ("Matrix totals", "Team coverage")."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..model import Content, Coverage, Team, TrainingFormat, WorkProcess
from . import Facts, PersonFacts, format_work_processes


@dataclass(frozen=True, kw_only=True)
class TeamSection:
    team: Team
    rows: tuple[PersonFacts, ...]
    totals: tuple[int, ...]  # sum of the levels per work-process column
    coverage: tuple[int, ...]  # rows at or above the coverage level, per column
    short: tuple[bool, ...]  # coverage below the minimum count
    holding: tuple[tuple[bool, ...], ...]  # per row, per column: the work process holds the overall level down


@dataclass(frozen=True, kw_only=True)
class FormatMatrix:
    format: TrainingFormat
    work_processes: tuple[WorkProcess, ...]
    sections: tuple[TeamSection, ...]  # teams in organisation.yml order; teams without anyone left out


@dataclass(frozen=True, kw_only=True)
class CoverageBar:
    work_process: WorkProcess
    count: int
    minimum: int
    short: bool


@dataclass(frozen=True, kw_only=True)
class ColumnTotals:
    """The rows under a team's part of a matrix ("Matrix totals", "Team coverage"), per work-process column."""

    totals: tuple[int, ...]  # sum of the levels
    coverage: tuple[int, ...]  # people at or above the coverage level
    short: tuple[bool, ...]  # coverage below the minimum count


def column_totals(columns: Iterable[Sequence[int]], coverage: Coverage) -> ColumnTotals:
    """The totals of the level columns of one team's part of a matrix (today's, or at a past month end)."""
    columns = list(columns)
    counts = tuple(sum(level >= coverage.level for level in column) for column in columns)
    return ColumnTotals(totals=tuple(sum(column) for column in columns), coverage=counts,
                        short=tuple(count < coverage.count for count in counts))


def format_matrix(content: Content, facts: Facts, training_format: TrainingFormat) -> FormatMatrix:
    work_processes = format_work_processes(content, training_format)
    coverage = content.organisation.coverage
    sections = []
    for team in content.organisation.teams:
        rows = tuple(f for f in facts.members(team.id) if f.format.id == training_format.id)
        if not rows:
            continue
        columns = [[row.standings[wp.id].level for row in rows] for wp in work_processes]
        totals = column_totals(columns, coverage)
        sections.append(TeamSection(
            team=team, rows=rows, totals=totals.totals, coverage=totals.coverage, short=totals.short,
            holding=tuple(holding_work_processes(row, work_processes) for row in rows),
        ))
    return FormatMatrix(format=training_format, work_processes=work_processes, sections=tuple(sections))


def holding_work_processes(person: PersonFacts, work_processes: tuple[WorkProcess, ...]) -> tuple[bool, ...]:
    """Per work process of the format: whether it holds the person's overall level down.

    Those at the lowest level do, when some other is higher; none does when all are level (nothing
    holds the level down) or when the improvement rule caps the overall level (the overall level
    itself then carries the mark).
    """
    levels = [person.standings[wp.id].level for wp in work_processes]
    if person.capped or not levels or min(levels) == max(levels):
        return (False,) * len(levels)
    return tuple(level == min(levels) for level in levels)


def team_coverage(content: Content, facts: Facts, team: Team) -> tuple[CoverageBar, ...]:
    """Per work process of any member's format: members at or above the coverage level; shortfalls first."""
    members = facts.members(team.id)
    wp_ids = dict.fromkeys(wp.id for member in members for wp in format_work_processes(content, member.format))
    coverage = content.organisation.coverage
    # One pass over the members' standings rather than a lookup per member and work process:
    # a large team has hundreds of people on hundreds of work processes.
    at_level = Counter(
        wp_id for member in members for wp_id, standing in member.standings.items() if standing.level >= coverage.level
    )
    bars = []
    for wp_id in wp_ids:
        # Without a standing on a work process a member is at level 0.
        count = len(members) if coverage.level <= 0 else at_level[wp_id]
        bars.append(CoverageBar(
            work_process=content.work_processes[wp_id], count=count,
            minimum=coverage.count, short=count < coverage.count,
        ))
    return tuple(sorted(bars, key=lambda bar: not bar.short))


def unstarted_work_processes(content: Content, facts: Facts, training_format: TrainingFormat) -> list[tuple[str, int]]:
    """The format's work processes on which none of its people has a level yet, each with how many of
    them it holds at overall level 0 although they have a level elsewhere in the format.

    This is what adding a work process to a format does to everyone's overall level, until the
    first sign-offs on it are in.
    """
    people = [f for f in facts.people.values() if f.format.id == training_format.id]
    wps = [wp.id for wp in format_work_processes(content, training_format)]
    unstarted = []
    for wp_id in wps:
        if not people or any(f.standings[wp_id].level > 0 for f in people):
            continue
        held = sum(1 for f in people if any(f.standings[other].level > 0 for other in wps if other != wp_id))
        if held:
            unstarted.append((wp_id, held))
    return unstarted
