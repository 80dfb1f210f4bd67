"""The content as plain data: frozen dataclasses, each remembering where it came from.

References between objects are kept as ids (with the place that names them) and
checked in one pass after everything is read (see ``references.py``), so that
the readers stay independent of each other.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from .diagnostics import Location
from .fields import Ref

KINDS = ("knowledge", "skill", "attitude")
SOURCE_TYPES = ("procedure", "work_instruction", "safety", "e_learning", "video", "form", "other")
SOURCE_STATUSES = ("draft", "valid", "withdrawn")
DEFAULT_REVIEW_MONTHS = 24
DEFAULT_PROGRESS_MONTHS = 24  # the month ends the charts of levels over time show
PROGRESS_MONTHS_MAX = 120
IMPROVEMENT_METHODS = ("PDCA", "LEAN", "Kaizen", "TPM", "Six Sigma", "other")
IMPROVEMENT_STATUSES = ("idea", "running", "done")


@dataclass(frozen=True, kw_only=True)
class Level:
    level: int
    label: str
    description: str = ""


@dataclass(frozen=True, kw_only=True)
class Team:
    id: str
    name: str
    location: Location
    access_group: str = ""  # the directory group of the team's leaders (with ``access:``)
    access_group_at: Location | None = None


ACCESS_SERVERS = ("apache", "iis")
DEFAULT_RESTRICTED_FOLDER = "beperkt"
IMPROVEMENT_AUTHORS = ("team", "public")


@dataclass(frozen=True, kw_only=True)
class Access:
    """Who may read the pages that name people: the ``access:`` block of organisation.yml."""

    restricted_folder: str
    planners_group: str  # may read every restricted page
    servers: tuple[str, ...]  # which access-rule files the build writes (``rules:``)
    location: Location
    key_lines: dict[str, int] = field(default_factory=dict, compare=False)

    def at(self, key: str) -> Location:
        """Where a key of the block is written."""
        return self.location.at(self.key_lines.get(key, self.location.line))


@dataclass(frozen=True, kw_only=True)
class Coverage:
    level: int
    count: int


@dataclass(frozen=True, kw_only=True)
class Organisation:
    name: str
    language: str
    levels: tuple[Level, ...]
    teams: tuple[Team, ...]
    coverage: Coverage  # without 'coverage:' in the file: nobody required (count 0)
    improvement_level: int | None
    source_review_months: int
    personal_data: bool
    location: Location
    progress_months: int = DEFAULT_PROGRESS_MONTHS
    access: Access | None = None  # None: every page is readable by everyone who reads the site
    improvement_authors: str = "team"  # "public": improvement pages credit their authors by name
    key_lines: dict[str, int] = field(default_factory=dict, compare=False)

    def at(self, key: str) -> Location:
        """Where a key of organisation.yml is written."""
        return self.location.at(self.key_lines.get(key, self.location.line))

    @property
    def max_level(self) -> int:
        return self.levels[-1].level

    def label(self, level: int) -> str:
        return self.levels[level].label if 0 <= level < len(self.levels) else str(level)

    def team(self, team_id: str) -> Team | None:
        return next((team for team in self.teams if team.id == team_id), None)


@dataclass(frozen=True, kw_only=True)
class Qualification:
    name: str
    crebo: str = ""
    url: str = ""


@dataclass(frozen=True, kw_only=True)
class CoreTask:
    code: str
    title: str
    work_processes: tuple[Ref, ...]
    location: Location


@dataclass(frozen=True, kw_only=True)
class TrainingFormat:
    id: str
    title: str
    description: str
    qualification: Qualification | None
    target_level: int
    core_tasks: tuple[CoreTask, ...]
    location: Location

    @property
    def work_process_ids(self) -> tuple[str, ...]:
        """The format's work processes in the order the format lists them, each once."""
        ids = (ref.id for task in self.core_tasks for ref in task.work_processes)
        return tuple(dict.fromkeys(ids))


@dataclass(frozen=True, kw_only=True)
class Criterion:
    id: str
    work_process: str
    level: int
    kind: str
    text: str
    sources: tuple[Ref, ...]
    retired: bool
    retired_on: dt.date | None
    location: Location


@dataclass(frozen=True, kw_only=True)
class WorkProcess:
    id: str
    title: str
    code: str
    valid_months: int | None
    criteria: tuple[Criterion, ...]
    retired: bool
    body: str
    body_line: int = 1  # the file's line the body starts on
    location: Location

    @cached_property
    def active_criteria(self) -> tuple[Criterion, ...]:
        return tuple(c for c in self.criteria if not c.retired)

    @cached_property
    def _by_level(self) -> dict[int, tuple[Criterion, ...]]:
        levels = sorted({c.level for c in self.active_criteria})
        return {level: tuple(c for c in self.active_criteria if c.level == level) for level in levels}

    def criteria_at(self, level: int) -> tuple[Criterion, ...]:
        """The criteria (not retired) that a level asks for."""
        return self._by_level.get(level, ())


@dataclass(frozen=True, kw_only=True)
class Source:
    id: str
    title: str
    type: str
    owner: str
    version: str
    reviewed: dt.date | None
    changed: dt.date | None
    review_months: int | None
    status: str
    url: str
    file: str  # relative to the sources folder, already checked to lie inside it
    body: str
    body_line: int = 1  # the file's line the body starts on
    location: Location


@dataclass(frozen=True, kw_only=True)
class Person:
    id: str
    name: str
    team: str
    format: str
    target_level: int | None
    active: bool
    location: Location
    account: str = ""  # the person's login, so that they may read their own POP (with ``access:``)


@dataclass(frozen=True, kw_only=True, slots=True)  # slots: a history can hold a million of them
class Signoff:
    person: str
    work_process: str
    criterion: str | None
    level: int | None
    date: dt.date
    assessor: str
    note: str
    location: Location
    order: int  # the row's position in the file: on the same date, a later row wins


@dataclass(frozen=True, kw_only=True, slots=True)
class SelfAssessment:
    """What an employee says about their own level on a work process (``selfassessments.csv``).

    Shown beside the assessed level, never counted: no rule of the level, a total, coverage or the
    planning reads it.
    """

    person: str
    work_process: str
    level: int
    date: dt.date
    note: str
    location: Location
    order: int  # the row's position in the file: on the same date, a later row wins


@dataclass(frozen=True, kw_only=True)
class PlannedTraining:
    person: str
    work_process: str
    target_level: int
    due: dt.date
    coach: str
    activity: str
    location: Location


@dataclass(frozen=True, kw_only=True)
class Improvement:
    """An improvement assignment (verbeteropdracht) and its write-up."""

    id: str
    title: str
    author: Ref
    co_authors: tuple[Ref, ...]
    method: str
    status: str
    started: dt.date
    finished: dt.date | None
    work_processes: tuple[Ref, ...]
    savings: str
    team: Ref | None  # None: the author's team (see Content.improvement_team)
    tags: tuple[str, ...]
    body: str
    body_line: int = 1  # the file's line the body starts on
    location: Location
    key_lines: dict[str, int] = field(default_factory=dict, compare=False)  # for messages about one key

    def at(self, key: str) -> Location:
        """Where a key of the front matter is written."""
        return self.location.at(self.key_lines.get(key, self.location.line))

    @property
    def author_ids(self) -> tuple[str, ...]:
        """The author and the co-authors: all of them count as authors for the level rule."""
        return (self.author.id, *(ref.id for ref in self.co_authors))

    @property
    def newest_date(self) -> dt.date:
        """The date an index sorts on: when it was finished, else when it started."""
        return self.finished or self.started


@dataclass(frozen=True, kw_only=True)
class FreePage:
    """A page from ``pages/``, published as it is."""

    path: str  # relative to pages/, with forward slashes
    text: str
    location: Location


@dataclass(frozen=True, kw_only=True)
class Content:
    """Everything read from one content folder."""

    root: Path
    organisation: Organisation
    formats: dict[str, TrainingFormat] = field(default_factory=dict)
    work_processes: dict[str, WorkProcess] = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    signoffs: tuple[Signoff, ...] = ()
    planning: tuple[PlannedTraining, ...] = ()
    selfassessments: tuple[SelfAssessment, ...] = ()
    improvements: dict[str, Improvement] = field(default_factory=dict)
    pages: tuple[FreePage, ...] = ()
    attachments: tuple[str, ...] = ()  # files under sources/files/, relative to sources/
    page_files: tuple[str, ...] = ()  # images and other files under pages/, relative to pages/

    @cached_property
    def criteria(self) -> dict[str, Criterion]:
        """Every criterion by id, retired ones included (sign-offs may name them)."""
        return {c.id: c for wp in self.work_processes.values() for c in wp.criteria}

    def improvement_team(self, improvement: Improvement) -> str:
        """The team an improvement belongs to: its own ``team``, else the author's team."""
        if improvement.team is not None:
            return improvement.team.id
        author = self.people.get(improvement.author.id)
        return author.team if author else ""

    @property
    def active_people(self) -> tuple[Person, ...]:
        return tuple(p for p in self.people.values() if p.active)
