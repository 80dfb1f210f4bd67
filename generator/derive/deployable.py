"""Who can do a work process: per team, the active people at each level from 1 up, by level.

The answer to "who can I put on this tonight?" on the work-process pages, and the names behind
the coverage count on the team pages ("Team coverage" in PRODUCT.md: members of any format count).
Every level is listed, not only the coverage level and up, because the question is often "who has
at least level 2" (issue 23); the levels that count towards coverage are marked (``counted``).
A level belongs to a person and a work process, never to a format, so a work process that
several formats share lists each person once.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from ..model import Content, Team, WorkProcess
from . import Facts, PersonFacts, format_work_processes


@dataclass(frozen=True, kw_only=True)
class LevelGroup:
    level: int
    people: tuple[PersonFacts, ...]  # people.csv order
    counted: bool  # at or above the coverage level: these count towards the team's coverage


@dataclass(frozen=True, kw_only=True)
class LevelCount:
    level: int
    count: int
    counted: bool


@dataclass(frozen=True, kw_only=True)
class CoverageCount:
    """How many of a team can do a work process, without who: what a page that may not name people gets."""

    team: Team
    count: int
    minimum: int
    levels: tuple[LevelCount, ...]  # how many at each level, lowest first, as ``TeamDeployment.groups``

    @property
    def short(self) -> bool:
        return self.count < self.minimum


@dataclass(frozen=True, kw_only=True)
class TeamDeployment:
    """The people of one team at each level of one work process; ``count`` is those at the coverage level and up."""

    team: Team
    work_process: WorkProcess
    groups: tuple[LevelGroup, ...]  # every level from 1 (from 0 if the coverage level is 0) to the top, lowest first
    minimum: int

    @property
    def count(self) -> int:
        return sum(len(group.people) for group in self.groups if group.counted)

    @property
    def total(self) -> int:
        """Everyone at any listed level, counted towards coverage or not."""
        return sum(len(group.people) for group in self.groups)

    @property
    def short(self) -> bool:
        return self.count < self.minimum

    def counted(self) -> CoverageCount:
        """The count alone, for a page that may not name people."""
        levels = tuple(LevelCount(level=g.level, count=len(g.people), counted=g.counted) for g in self.groups)
        return CoverageCount(team=self.team, count=self.count, minimum=self.minimum, levels=levels)

    @property
    def people(self) -> tuple[PersonFacts, ...]:
        """Everyone counted, highest level first (the ones who can also train others on top)."""
        return tuple(person for group in reversed(self.groups) if group.counted for person in group.people)


class Deployability:
    """An index of the active people by work process, team and level, built once per site."""

    def __init__(self, content: Content, facts: Facts) -> None:
        self.content, self.facts = content, facts
        coverage = content.organisation.coverage
        self.lowest, self.minimum = coverage.level, coverage.count
        # Level 0 ("not trained") is listed only when it counts towards coverage.
        self.first = min(1, self.lowest)
        # One pass over every standing, rather than one per work process page: a large site
        # has thousands of people on hundreds of work processes.
        self._index: dict[str, dict[str, dict[int, list[PersonFacts]]]] = defaultdict(
            lambda: defaultdict(lambda: defaultdict(list))
        )
        for person in facts.people.values():
            for wp_id, standing in person.standings.items():
                if standing.level >= 1:  # level 0 only through the members (_by_level), where it counts
                    self._index[wp_id][person.person.team][standing.level].append(person)
        self._formats_in_team = {
            team.id: {wp.id for member in facts.members(team.id) for wp in self._format_wps(member)}
            for team in content.organisation.teams
        }

    def _format_wps(self, person: PersonFacts) -> tuple[WorkProcess, ...]:
        return format_work_processes(self.content, person.format)

    def in_team(self, team: Team, work_process: WorkProcess) -> TeamDeployment:
        """The members of ``team`` at each level from 1 up on ``work_process``."""
        levels = range(self.first, self.content.organisation.max_level + 1)
        by_level = self._by_level(team, work_process)
        groups = tuple(LevelGroup(level=level, people=tuple(by_level.get(level, ())), counted=level >= self.lowest)
                       for level in levels)
        return TeamDeployment(team=team, work_process=work_process, groups=groups, minimum=self.minimum)

    def _by_level(self, team: Team, work_process: WorkProcess) -> dict[int, list[PersonFacts]]:
        if self.first > 0:
            return self._index.get(work_process.id, {}).get(team.id, {})
        # From level 0 everyone counts, also members without a standing (not trained).
        by_level: dict[int, list[PersonFacts]] = defaultdict(list)
        for member in self.facts.members(team.id):
            by_level[self.facts.level(member.person.id, work_process.id)].append(member)
        return by_level

    def who_can_do(self, work_process: WorkProcess) -> tuple[TeamDeployment, ...]:
        """Per team (organisation.yml order) whose members' formats hold the work process or
        who has anyone at a level on it; nothing for a retired work process."""
        if work_process.retired:
            return ()
        deployments = (self.in_team(team, work_process) for team in self.content.organisation.teams)
        return tuple(d for d in deployments if d.total or work_process.id in self._formats_in_team[d.team.id])

    def team_work_processes(self, team: Team) -> dict[str, TeamDeployment]:
        """Per work process of any member's format: the names behind the team's coverage count."""
        return {
            wp_id: self.in_team(team, self.content.work_processes[wp_id])
            for wp_id in sorted(self._formats_in_team[team.id])
        }
