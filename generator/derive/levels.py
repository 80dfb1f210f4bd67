"""The level of a person on a work process, and everything that follows from it.

This is the one place for the rules "Counted sign-offs", "Level of a person on a
work process", "Overall level" (with its improvement clause) and "Qualification
status" of PRODUCT.md.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from operator import attrgetter

from ..dates import add_months, months_before
from ..model import Criterion, Improvement, Signoff, WorkProcess


class Status(enum.Enum):
    UNDER = "under"
    ON_TARGET = "on-target"
    OVER = "over"


@dataclass(frozen=True, kw_only=True)
class Standing:
    """A person's level on one work process, with the evidence it rests on."""

    level: int
    assessment: Signoff | None  # the direct assessment D, if any counts
    evidence: dict[str, Signoff] = field(default_factory=dict)  # criterion id → latest counted sign-off on/after D
    expires: dt.date | None = None  # the first day the level may drop because evidence expires
    lapsed: int | None = None  # the level the sign-offs gave before some expired, when it was higher than now

    def evidence_for(self, criterion_id: str, criterion_level: int) -> Signoff | None:
        """The sign-off that proves a criterion: its own, or D when the criterion is at or below D's level."""
        own = self.evidence.get(criterion_id)
        if own is None and self.assessment is not None and criterion_level <= (self.assessment.level or 0):
            return self.assessment
        return own


NOT_TRAINED = Standing(level=0, assessment=None)
_in_file_order = attrgetter("date", "order")  # of two sign-offs on one day, the later row wins
EXPIRY_WARNING_DAYS = 90  # a level whose evidence stops counting within this many days is marked


def counts(signoff: Signoff, work_process: WorkProcess, build_date: dt.date) -> bool:
    """A sign-off counts unless the work process has ``valid_months`` and it is older than that."""
    return signoff.date >= counted_since(work_process, build_date)


def counted_since(work_process: WorkProcess, build_date: dt.date) -> dt.date:
    """The date from which sign-offs on ``work_process`` count (see ``counts``)."""
    if work_process.valid_months is None:
        return dt.date.min
    return months_before(build_date, work_process.valid_months)


def standing(signoffs: Iterable[Signoff], work_process: WorkProcess, max_level: int, build_date: dt.date) -> Standing:
    """The level of one person on one work process, from that person's sign-offs on it."""
    history = sorted(signoffs, key=_in_file_order)
    since_counted = counted_since(work_process, build_date)  # once, not per sign-off: a history can be long
    counted = [s for s in history if s.date >= since_counted]
    now = _standing_from(counted, work_process, max_level)
    if len(counted) == len(history):
        return now
    # Some sign-offs stopped counting: keep the level they gave, so that a level lost to expiry
    # can be told apart from one never reached.
    before = _standing_from(history, work_process, max_level).level
    return replace(now, lapsed=before) if before > now.level else now


def counted_level(counted: list[Signoff], work_process: WorkProcess, max_level: int) -> int:
    """The level that ``counted`` (the sign-offs that count on some date, in date and file order) gives: the rule of ``standing``
    without the evidence and expiry it keeps, for the levels at past month ends (progress.py)."""
    return _level_from(counted, work_process, max_level)[0]


def _standing_from(counted: list[Signoff], work_process: WorkProcess, max_level: int) -> Standing:
    """The standing that ``counted`` (the sign-offs that count) gives."""
    level, assessment, evidence = _level_from(counted, work_process, max_level)
    used = [s for _, step in _carrying(level, assessment, evidence, work_process) for s in step]
    return Standing(level=level, assessment=assessment, evidence=evidence, expires=_expiry(used, work_process))


def carrying_signoffs(standing: Standing, work_process: WorkProcess) -> list[tuple[int, list[Signoff]]]:
    """The sign-offs a level rests on, per step up to it: the direct assessment D under its level (when it
    gave one above 0), then each level above D's up to the level reached with the sign-off of each of its
    criteria. Other evidence (criteria of D's level or below, or of a level not complete) carries nothing."""
    return _carrying(standing.level, standing.assessment, standing.evidence, work_process)


def _carrying(
    level: int, assessment: Signoff | None, evidence: dict[str, Signoff], work_process: WorkProcess,
) -> list[tuple[int, list[Signoff]]]:
    base = (assessment.level or 0) if assessment else 0
    steps = [(base, [assessment])] if assessment is not None and base > 0 else []
    steps += [(k, [evidence[c.id] for c in work_process.criteria_at(k)]) for k in range(base + 1, level + 1)]
    return steps


def _level_from(counted: list[Signoff], work_process: WorkProcess, max_level: int) -> tuple[int, Signoff | None, dict[str, Signoff]]:
    """The level, the direct assessment D it starts from, and the criteria signed on or after D.

    ``counted`` is in date order, and on one day in file order: the last assessment is D, and of
    two sign-offs of one criterion the later one is kept.
    """
    assessment = next((s for s in reversed(counted) if s.level is not None), None)
    since = assessment.date if assessment else dt.date.min
    evidence = {s.criterion: s for s in counted if s.criterion and s.date >= since}
    level = (assessment.level or 0) if assessment else 0
    for next_level in range(level + 1, max_level + 1):
        criteria = work_process.criteria_at(next_level)
        if not criteria or any(c.id not in evidence for c in criteria):
            break
        level = next_level
    return level, assessment, evidence


def _expiry(used: list[Signoff], work_process: WorkProcess) -> dt.date | None:
    """The first build date on which the oldest sign-off the level rests on no longer counts."""
    if work_process.valid_months is None or not used:
        return None
    oldest = min(s.date for s in used)
    day = add_months(oldest, work_process.valid_months)
    # months_before clamps to the end of a month, so near month ends a sign-off counts a few
    # days past add_months(): step to the first day that "counts" rejects.
    while months_before(day, work_process.valid_months) <= oldest:
        day += dt.timedelta(days=1)
    return day


def missing_for_next_level(standing: Standing, work_process: WorkProcess) -> tuple[Criterion, ...]:
    """The criteria of the level above ``standing`` that have no counted sign-off yet.

    Empty when that level has no criteria: it is reached only by a direct assessment.
    """
    return tuple(c for c in work_process.criteria_at(standing.level + 1) if c.id not in standing.evidence)


@dataclass(frozen=True, kw_only=True)
class Overall:
    level: int
    lowest: int  # the lowest level over the work processes, before the improvement clause

    @property
    def capped(self) -> bool:
        """Whether the improvement clause, not a work process, holds the level down."""
        return self.level < self.lowest


def overall_level(levels: Iterable[int], improvement_level: int | None, has_finished_improvement: bool) -> Overall:
    """The lowest level over the work processes of a person's format; with ``improvement_level``
    set, at most ``improvement_level`` − 1 unless the person has a finished improvement."""
    lowest = min(levels, default=0)
    if improvement_level is None or has_finished_improvement:
        return Overall(level=lowest, lowest=lowest)
    return Overall(level=min(lowest, improvement_level - 1), lowest=lowest)


def is_finished(improvement: Improvement, build_date: dt.date) -> bool:
    """An improvement that counts for the level rule: done, and finished on or before the build date."""
    return improvement.status == "done" and improvement.finished is not None and improvement.finished <= build_date


def finished_authors(improvements: Iterable[Improvement], build_date: dt.date) -> frozenset[str]:
    """The people who are author or co-author of a finished improvement."""
    return frozenset(person for i in improvements if is_finished(i, build_date) for person in i.author_ids)


def qualification_status(overall: int, target: int) -> Status:
    if overall < target:
        return Status.UNDER
    return Status.ON_TARGET if overall == target else Status.OVER
