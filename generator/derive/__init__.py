"""Phase 3: the facts the site shows, derived from the checked content and the build date."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import TypeVar

from ..model import Content, CoreTask, Criterion, Person, Signoff, TrainingFormat, WorkProcess
from .levels import (
    EXPIRY_WARNING_DAYS,
    NOT_TRAINED,
    Standing,
    Status,
    finished_authors,
    missing_for_next_level,
    overall_level,
    qualification_status,
    standing,
)

_T = TypeVar("_T")


@dataclass(frozen=True, kw_only=True)
class PersonFacts:
    """Where one active person stands: per work process, overall, and against their target."""

    person: Person
    format: TrainingFormat
    target: int
    standings: dict[str, Standing]  # every work process the person has sign-offs on or the format names
    overall: int
    lowest: int  # the lowest level over the format's work processes, before the improvement clause
    status: Status

    @property
    def capped(self) -> bool:
        """Whether the improvement clause, not a work process, holds the overall level down."""
        return self.overall < self.lowest


def next_steps(
    person: PersonFacts, format_wps: tuple[WorkProcess, ...], max_level: int
) -> list[tuple[WorkProcess, int, tuple[Criterion, ...]]]:
    """Per work process of the format below the person's target: the next level and the criteria it still needs."""
    below = ((wp, person.standings[wp.id]) for wp in format_wps)
    return [
        (wp, standing.level + 1, missing_for_next_level(standing, wp))
        for wp, standing in below
        if standing.level < min(person.target, max_level)
    ]


def format_work_processes(content: Content, training_format: TrainingFormat) -> tuple[WorkProcess, ...]:
    """The work processes that count for a format, in its order (retired ones left out)."""
    found = (content.work_processes.get(wp_id) for wp_id in training_format.work_process_ids)
    return tuple(wp for wp in found if wp is not None and not wp.retired)


def grouped(items: Iterable[_T], key: Callable[[_T], str]) -> dict[str, list[_T]]:
    """The items by key, each list in the items' order."""
    result: dict[str, list[_T]] = defaultdict(list)
    for item in items:
        result[key(item)].append(item)
    return result


def criteria_levels(content: Content) -> list[int]:
    """The levels that have criteria anywhere (typically 1 to 3): these get checklists and sections."""
    return sorted({c.level for wp in content.work_processes.values() for c in wp.active_criteria})


def checklist_groups(content: Content, training_format: TrainingFormat, level: int) -> list[tuple[CoreTask, list[WorkProcess]]]:
    """Core task → its work processes that have criteria at ``level``; each work process once, retired ones left out."""
    counted = {wp.id for wp in format_work_processes(content, training_format)}
    groups = []
    for task in training_format.core_tasks:
        wps = [content.work_processes[ref.id] for ref in task.work_processes if ref.id in counted]
        counted -= {wp.id for wp in wps}
        wps = [wp for wp in wps if wp.criteria_at(level)]
        if wps:
            groups.append((task, wps))
    return groups


@dataclass(frozen=True, kw_only=True)
class Facts:
    build_date: dt.date
    people: dict[str, PersonFacts]  # active people only, in people.csv order
    # Person → work process → sign-offs in file order: grouped once, for the levels over time (progress.py).
    histories: dict[str, dict[str, list[Signoff]]] = field(default_factory=dict, compare=False, repr=False)

    @cached_property
    def _by_team(self) -> dict[str, list[PersonFacts]]:
        teams: dict[str, list[PersonFacts]] = defaultdict(list)
        for person in self.people.values():
            teams[person.person.team].append(person)
        return teams

    def members(self, team_id: str) -> list[PersonFacts]:
        """The active people of a team, in people.csv order."""
        return self._by_team.get(team_id, [])

    @property
    def expiry_warning_until(self) -> dt.date:
        return self.build_date + dt.timedelta(days=EXPIRY_WARNING_DAYS)

    def standing(self, person_id: str, wp_id: str) -> Standing:
        facts = self.people.get(person_id)
        return facts.standings.get(wp_id, NOT_TRAINED) if facts else NOT_TRAINED

    def level(self, person_id: str, wp_id: str) -> int:
        return self.standing(person_id, wp_id).level


def derive_facts(content: Content, build_date: dt.date) -> Facts:
    """Levels of every active person; call only on content without errors."""
    by_person = signoffs_by_person(content.signoffs)
    people = {}
    max_level, improvement_level = content.organisation.max_level, content.organisation.improvement_level
    authors = finished_authors(content.improvements.values(), build_date)
    for person in content.active_people:
        training_format = content.formats[person.format]
        own = by_person.get(person.id, {})
        wp_ids = dict.fromkeys([*training_format.work_process_ids, *own])
        standings = {
            wp_id: standing(own.get(wp_id, ()), content.work_processes[wp_id], max_level, build_date)
            for wp_id in wp_ids
            if wp_id in content.work_processes
        }
        levels = (standings[wp.id].level for wp in format_work_processes(content, training_format))
        overall = overall_level(levels, improvement_level, person.id in authors)
        target = person.target_level if person.target_level is not None else training_format.target_level
        people[person.id] = PersonFacts(
            person=person, format=training_format, target=target, standings=standings,
            overall=overall.level, lowest=overall.lowest, status=qualification_status(overall.level, target),
        )
    return Facts(build_date=build_date, people=people, histories=by_person)


def signoffs_by_person(signoffs: Iterable[Signoff]) -> dict[str, dict[str, list[Signoff]]]:
    """Person → work process → the sign-offs on it, in file order."""
    by_person: dict[str, dict[str, list[Signoff]]] = defaultdict(lambda: defaultdict(list))
    for signoff in signoffs:
        by_person[signoff.person][signoff.work_process].append(signoff)
    return by_person
