"""The function house (opleidings- & functiehuis): every training format beside the others, level by level.

Per format and level of the organisation's scale: what the level asks in that function (how many
criteria its work processes have there, of which kinds) and how many of the format's active people
stand at that overall level. Counts only: the page is public, so it names no one, and it shows the
same counts whether or not the organisation publishes personal data.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from ..model import KINDS, Content, Level, TrainingFormat, WorkProcess
from . import Facts, format_work_processes


@dataclass(frozen=True, kw_only=True)
class HouseCell:
    """One format at one level."""

    level: int
    criteria: int  # active criteria of the format's work processes (retired ones left out) at this level
    kinds: tuple[tuple[str, int], ...]  # (kind, how many of those criteria), in KINDS order, kinds without any left out
    work_processes: int  # how many of the format's work processes have criteria at this level
    people: int  # active people of the format whose overall level is this level
    target: bool  # the level the format asks for

    @property
    def has_checklist(self) -> bool:
        """Whether the format's checklist of this level has anything to sign (one exists for every level with criteria)."""
        return self.criteria > 0


@dataclass(frozen=True, kw_only=True)
class HouseColumn:
    """One format: its header and its people in all."""

    format: TrainingFormat
    work_processes: int  # its work processes that count (retired ones left out)
    people: int  # its active people


@dataclass(frozen=True, kw_only=True)
class HouseRow:
    """One level of the scale across every format."""

    level: Level
    cells: tuple[HouseCell, ...]  # one per format, in the order of FunctionHouse.columns
    needs_improvement: bool  # reaching this level also takes a finished improvement assignment (improvement_level)
    start: bool  # the scale's lowest level ("not trained"): where everyone starts, nothing to reach


@dataclass(frozen=True, kw_only=True)
class FunctionHouse:
    columns: tuple[HouseColumn, ...]  # the formats, in content order
    rows: tuple[HouseRow, ...]  # the scale, highest level first: a house is drawn from the roof down


def derive_function_house(content: Content, facts: Facts) -> FunctionHouse:
    """Every format beside the others with, per level, its criteria and its people (counts, from all active people)."""
    formats = list(content.formats.values())
    overall = {f.id: Counter[int]() for f in formats}
    for person in facts.people.values():
        overall[person.format.id][person.overall] += 1
    wps = {f.id: format_work_processes(content, f) for f in formats}
    scale, improvement_level = content.organisation.levels, content.organisation.improvement_level
    rows = tuple(
        HouseRow(
            level=level,
            cells=tuple(house_cell(f, wps[f.id], level.level, overall[f.id][level.level]) for f in formats),
            needs_improvement=level.level == improvement_level,
            start=level.level == scale[0].level,
        )
        for level in reversed(scale)
    )
    columns = tuple(HouseColumn(format=f, work_processes=len(wps[f.id]), people=overall[f.id].total()) for f in formats)
    return FunctionHouse(columns=columns, rows=rows)


def house_cell(training_format: TrainingFormat, work_processes: Iterable[WorkProcess], level: int, people: int) -> HouseCell:
    """A format at a level: the criteria its (unretired) work processes ask there, and how many people stand there."""
    asked = [wp.criteria_at(level) for wp in work_processes]
    kinds = Counter(criterion.kind for criteria in asked for criterion in criteria)
    return HouseCell(
        level=level, criteria=kinds.total(), kinds=tuple((kind, kinds[kind]) for kind in KINDS if kinds[kind]),
        work_processes=sum(1 for criteria in asked if criteria), people=people,
        target=level == training_format.target_level,
    )
