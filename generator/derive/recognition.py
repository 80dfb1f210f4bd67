"""What a person has shown per MBO work process, for a school or an EVC procedure ("Overzicht voor erkenning").

The model links internal training to recognised MBO diplomas: per core task and work process of the
format's qualification (by its MBO code), the level the person stands at and the sign-offs that level
rests on, with their dates and assessors; the organisation's own work processes (no MBO code) apart.

Which sign-offs carry a level is the level rule's (PRODUCT.md, "Level of a person on a work process"):
the direct assessment D, if it gave a level, and every criterion of each level above D's up to the
level reached, signed on or after D (``levels.carrying_signoffs``). Nothing else carries it: criteria
signed before D, criteria of a level not yet complete, expired sign-offs.

They are shown per step of the learning line (D, then each level above it), each with its dates and
assessors, rather than only the most recent sign-off or every criterion one by one: the most recent
hides that lower levels were shown years earlier, to someone else; a row per criterion fills pages
an EVC assessor does not check one by one. A level, its date and who signed it is what they verify.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from operator import attrgetter

from ..model import Content, CoreTask, Person, Qualification, Signoff, WorkProcess
from . import PersonFacts, format_work_processes
from .levels import NOT_TRAINED, Standing, carrying_signoffs

_in_file_order = attrgetter("date", "order")  # of two sign-offs on one day, the later row last


@dataclass(frozen=True, kw_only=True)
class EvidenceStep:
    """One step a level rests on: a direct assessment of the whole work process, or every criterion of one level."""

    level: int  # the level this step reaches
    signoffs: tuple[Signoff, ...]  # in date and file order

    @property
    def direct(self) -> bool:
        """Whether the step is a direct assessment (one row with a level) rather than the criteria of a level."""
        return self.signoffs[0].criterion is None

    @property
    def first(self) -> dt.date:
        return self.signoffs[0].date

    @property
    def last(self) -> dt.date:
        """The day the step was complete (its newest sign-off)."""
        return self.signoffs[-1].date

    @property
    def assessors(self) -> tuple[str, ...]:
        """Who signed the step (person ids), each once, whoever signed last first."""
        return tuple(dict.fromkeys(s.assessor for s in reversed(self.signoffs)))


@dataclass(frozen=True, kw_only=True)
class ShownLevel:
    """A work process of the person's format: their level on it and the steps that carry it."""

    work_process: WorkProcess
    level: int
    steps: tuple[EvidenceStep, ...]  # lowest level first; none at level 0

    @property
    def latest(self) -> Signoff | None:
        """The newest sign-off that carries the level: the day the level as it stands was reached."""
        return max((step.signoffs[-1] for step in self.steps), key=_in_file_order, default=None)


@dataclass(frozen=True, kw_only=True)
class TaskLevels:
    """A core task of the format with the work processes of one section (MBO or the organisation's own)."""

    core_task: CoreTask
    work_processes: tuple[ShownLevel, ...]


@dataclass(frozen=True, kw_only=True)
class Recognition:
    """The overview of one person for recognition of what they have shown."""

    person: PersonFacts
    qualification: Qualification | None  # the format's MBO qualification, if it names one
    mbo: tuple[TaskLevels, ...]  # work processes with an MBO code, per core task of the format
    own: tuple[TaskLevels, ...]  # the organisation's own work processes (no MBO code), per core task
    assessors: tuple[Person, ...]  # everyone who signed a step shown, by name
    names: dict[str, str]  # assessor id → name, for the steps

    @property
    def shown(self) -> tuple[ShownLevel, ...]:
        """Every work process on the overview, MBO first."""
        return tuple(shown for task in (*self.mbo, *self.own) for shown in task.work_processes)


def recognition(content: Content, person: PersonFacts) -> Recognition:
    """What ``person`` has shown per work process of their format (retired work processes left out)."""
    tasks = _task_work_processes(content, person)
    mbo = _sections(tasks, person.standings, with_code=True)
    own = _sections(tasks, person.standings, with_code=False)
    ids = {a for task in (*mbo, *own) for shown in task.work_processes for step in shown.steps for a in step.assessors}
    names = {a: content.people[a].name if a in content.people else a for a in ids}
    assessors = sorted((content.people[a] for a in ids if a in content.people), key=lambda p: (p.name.lower(), p.id))
    return Recognition(person=person, qualification=person.format.qualification, mbo=mbo, own=own,
                       assessors=tuple(assessors), names=names)


def evidence_steps(standing: Standing, work_process: WorkProcess) -> tuple[EvidenceStep, ...]:
    """The steps ``standing``'s level rests on: D (if it gave a level), then each level above it, lowest first."""
    return tuple(
        EvidenceStep(level=level, signoffs=tuple(sorted(signoffs, key=_in_file_order)))
        for level, signoffs in carrying_signoffs(standing, work_process)
    )


def _task_work_processes(content: Content, person: PersonFacts) -> list[tuple[CoreTask, list[WorkProcess]]]:
    """Core task → its work processes that count (in the format's order); a work process in two core tasks, under the first."""
    left = {wp.id: wp for wp in format_work_processes(content, person.format)}
    tasks = []
    for task in person.format.core_tasks:
        tasks.append((task, [left.pop(ref.id) for ref in task.work_processes if ref.id in left]))
    return tasks


def _sections(
    tasks: Iterable[tuple[CoreTask, list[WorkProcess]]], standings: Mapping[str, Standing], *, with_code: bool,
) -> tuple[TaskLevels, ...]:
    """Per core task, its work processes with (or without) an MBO code; core tasks without any left out."""
    sections = []
    for task, work_processes in tasks:
        shown = tuple(_shown(wp, standings.get(wp.id, NOT_TRAINED)) for wp in work_processes if bool(wp.code) == with_code)
        if shown:
            sections.append(TaskLevels(core_task=task, work_processes=shown))
    return tuple(sections)


def _shown(work_process: WorkProcess, standing: Standing) -> ShownLevel:
    return ShownLevel(work_process=work_process, level=standing.level, steps=evidence_steps(standing, work_process))
