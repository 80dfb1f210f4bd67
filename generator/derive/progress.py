"""Levels over time: the level rule applied at each month end of a window ("monitoring deployability").

The level at a month end M is the rule of ``levels.py`` with M as the date, over the sign-offs and
improvements dated on or before M, with today's people, teams, formats and criteria (the
content's structure is not versioned: a work process added last month counts in every month).
The window is ``progress_months`` long (organisation.yml, default 24): the last day of each
earlier month, and the build date for the current one, so that the last point is today's matrix.

Re-running the rule at every month end would cost the months times the whole derive (some
60,000 person × work-process pairs in a large organisation). The counted sign-offs of a pair
only change where one of them is dated (it starts to count) or expires (``valid_months``), so
each pair's sign-offs are turned into those events once, and the rule runs only where the
counted set changes: at most once per event, mostly once per pair.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from operator import attrgetter

from ..dates import add_months
from ..model import Content, Coverage, Signoff, Team, TrainingFormat, WorkProcess
from . import Facts, PersonFacts, format_work_processes
from .levels import counted_level, counted_since, is_finished, overall_level
from .matrix import ColumnTotals, column_totals


@dataclass(frozen=True, kw_only=True)
class MonthPoint:
    """One team's part of a format's matrix at one month end, reduced to its totals."""

    month: dt.date  # the month end (for the current month: the build date)
    people: tuple[int, ...]  # per level from 0 up: how many people have that overall level
    columns: ColumnTotals  # per work process of the format: totals, coverage, shortfalls

    @property
    def covered(self) -> int:
        """The work processes whose coverage reaches the minimum count."""
        return sum(not short for short in self.columns.short)


@dataclass(frozen=True, kw_only=True)
class SectionProgress:
    """A team's people in one format, month by month (a chart on the format, team and matrix pages)."""

    format: TrainingFormat
    team: Team
    work_processes: tuple[WorkProcess, ...]
    points: tuple[MonthPoint, ...]  # oldest first


@dataclass(frozen=True, kw_only=True)
class Progress:
    months: tuple[dt.date, ...]  # the window's month ends, oldest first; the last is the build date
    overall: dict[str, tuple[int, ...]]  # active person id → overall level per month
    sections: tuple[SectionProgress, ...]  # teams in organisation.yml order, then formats in file order
    # Format id → per month, per level from 0 up, the people of every team together: what a public page may show,
    # where a team's own chart of one person would be that person's level history.
    formats: dict[str, tuple[tuple[int, ...], ...]]

    def changes(self, person_id: str) -> list[tuple[int, int]]:
        """A person's overall level where it changes: (month index, level), the first month included."""
        levels = self.overall[person_id]
        return [(i, level) for i, level in enumerate(levels) if i == 0 or level != levels[i - 1]]

    def of_format(self, format_id: str) -> list[SectionProgress]:
        return [s for s in self.sections if s.format.id == format_id]

    def of_team(self, team_id: str) -> list[SectionProgress]:
        return [s for s in self.sections if s.team.id == team_id]


def month_ends(build_date: dt.date, count: int) -> tuple[dt.date, ...]:
    """The last day of each of the ``count`` − 1 months before the build date's month, then the build date."""
    first_of_month = build_date.replace(day=1)
    ends = [add_months(first_of_month, 1 - back) - dt.timedelta(days=1) for back in range(count - 1, 0, -1)]
    return (*ends, build_date)


def derive_progress(content: Content, facts: Facts) -> Progress:
    """Every active person's levels at each month end of the window, and per team and format the totals."""
    months = month_ends(facts.build_date, content.organisation.progress_months)
    series = _PairSeries(content, months)
    finished = _first_finished(content, facts.build_date)
    improvement_level = content.organisation.improvement_level
    levels: dict[str, list[tuple[int, ...]]] = {}  # person → per work process of the format, per month
    overall: dict[str, tuple[int, ...]] = {}
    for person_id, person in facts.people.items():
        wps = series.work_processes(person.format)
        own = facts.histories.get(person_id, {})
        rows = [series.levels(_by_date(own.get(wp.id, ())), wp, person.standings[wp.id].level) for wp in wps]
        levels[person_id] = rows
        done = finished.get(person_id, dt.date.max)
        per_month = zip(*rows, strict=True) if rows else (() for _ in months)
        overall[person_id] = tuple(
            overall_level(month_levels, improvement_level, done <= month).level
            for month, month_levels in zip(months, per_month, strict=True)
        )
    sections = tuple(_sections(content, facts, months, levels, overall, series))
    return Progress(months=months, overall=overall, sections=sections, formats=_per_format(sections))


def _per_format(sections: Sequence[SectionProgress]) -> dict[str, tuple[tuple[int, ...], ...]]:
    """Per format, the teams' people per level added up, month by month."""
    added: dict[str, list[tuple[int, ...]]] = {}
    for section in sections:
        people = [point.people for point in section.points]
        before = added.get(section.format.id)
        added[section.format.id] = people if before is None else [
            tuple(map(sum, zip(a, b, strict=True))) for a, b in zip(before, people, strict=True)
        ]
    return {format_id: tuple(people) for format_id, people in added.items()}


def _by_date(signoffs: Sequence[Signoff]) -> list[Signoff]:
    """One pair's sign-offs by date, and on one day in file order (the order the rule reads them in)."""
    return sorted(signoffs, key=attrgetter("date", "order"))


def _first_finished(content: Content, build_date: dt.date) -> dict[str, dt.date]:
    """Person → the date their first improvement that counts for the level rule was finished."""
    first: dict[str, dt.date] = {}
    for improvement in content.improvements.values():
        if is_finished(improvement, build_date) and improvement.finished is not None:
            for person in improvement.author_ids:
                first[person] = min(first.get(person, dt.date.max), improvement.finished)
    return first


class _PairSeries:
    """The level of one person on one work process at each month end, from that pair's sign-offs."""

    def __init__(self, content: Content, months: tuple[dt.date, ...]) -> None:
        self.content, self.months = content, months
        self.max_level = content.organisation.max_level
        self.zero = (0,) * len(months)
        self._since: dict[int, list[dt.date]] = {}
        self._formats: dict[str, tuple[WorkProcess, ...]] = {}

    def work_processes(self, training_format: TrainingFormat) -> tuple[WorkProcess, ...]:
        if training_format.id not in self._formats:
            self._formats[training_format.id] = format_work_processes(self.content, training_format)
        return self._formats[training_format.id]

    def since(self, work_process: WorkProcess) -> list[dt.date]:
        """Per month end, the date from which sign-offs count on the work process (``counted_since``)."""
        months = work_process.valid_months or 0
        if months not in self._since:
            self._since[months] = [counted_since(work_process, month) for month in self.months]
        return self._since[months]

    def levels(self, signoffs: Sequence[Signoff], work_process: WorkProcess, today: int) -> tuple[int, ...]:
        """The level at each month end, ``today`` (the standing's level) at the last, the build date.

        A sign-off counts from the first month end on or after its date until the first month end whose
        counting starts after it: the rule runs once per stretch between those events."""
        if not signoffs:
            return self.zero
        count = len(self.months)
        if signoffs[-1].date <= self.months[0] and not work_process.valid_months:
            return (today,) * count  # all counted since before the window, none expires: today's level throughout
        enters = [bisect_left(self.months, s.date) for s in signoffs]
        leaves = [bisect_right(self.since(work_process), s.date) for s in signoffs] if work_process.valid_months else []
        changes = sorted({0, *(i for i in (*enters, *leaves) if i < count)})
        levels: list[int] = []
        for start, end in pairwise((*changes, count)):
            if end == count:  # the stretch that reaches the build date: today's level, derived already
                levels += [today] * (end - start)
                break
            counted = signoffs[bisect_right(leaves, start):bisect_right(enters, start)]
            level = counted_level(list(counted), work_process, self.max_level) if counted else 0
            levels += [level] * (end - start)
        return tuple(levels)


def _sections(
    content: Content, facts: Facts, months: tuple[dt.date, ...], levels: dict[str, list[tuple[int, ...]]],
    overall: dict[str, tuple[int, ...]], series: _PairSeries,
) -> list[SectionProgress]:
    """Per team and format (as the matrix has them), the month points."""
    found = []
    coverage, scale = content.organisation.coverage, range(content.organisation.max_level + 1)
    for team in content.organisation.teams:
        members = facts.members(team.id)
        for training_format in content.formats.values():
            rows = [member for member in members if member.format.id == training_format.id]
            if not rows:
                continue
            wps = series.work_processes(training_format)
            points = _points(rows, len(wps), months, levels, overall, coverage, scale)
            found.append(SectionProgress(format=training_format, team=team, work_processes=wps, points=points))
    return found


def _points(
    rows: list[PersonFacts], width: int, months: tuple[dt.date, ...], levels: dict[str, list[tuple[int, ...]]],
    overall: dict[str, tuple[int, ...]], coverage: Coverage, scale: range,
) -> tuple[MonthPoint, ...]:
    # Per work process, per month: the column of the rows' levels (as the matrix has it on that date).
    by_wp = [list(zip(*(levels[row.person.id][wp] for row in rows), strict=True)) for wp in range(width)]
    people = [Counter(month) for month in zip(*(overall[row.person.id] for row in rows), strict=True)]
    return tuple(
        MonthPoint(
            month=month, people=tuple(people[i][level] for level in scale),
            columns=column_totals((by_wp[wp][i] for wp in range(width)), coverage),
        )
        for i, month in enumerate(months)
    )
