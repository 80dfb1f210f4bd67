"""How far the organisation is with introducing the model: six indicators per training format.

Per format, each a count out of a total (the implementation monitor, a public page: counts only):

- work processes of the format with criteria on every level that has criteria anywhere in the
  organisation (``criteria_levels``, typically 1 to 3: the levels the checklists are printed for);
- the format's criteria that cite a source (the health page's "criterion without a source", turned round);
- the valid sources those criteria cite that were reviewed within their period (not due for review);
- the format's active people with any sign-off (a baseline);
- the format's active people with a coach in the planning;
- the format's active people at or above the improvement level (``improvement_level``, else 3) who
  are author or co-author of a finished improvement.

Where the content carries dates, an indicator also has its count at each month end of the levels'
window (``progress.py``): a source's ``reviewed``, a sign-off's date, an improvement's ``finished`` and
the overall levels of ``Progress.overall``. Criteria, formats, people and planning rows have no dates of
their own: the structure counts as it is today in every month, and the first two indicators and the
planning are today's values only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..model import Content, Organisation, Source, TrainingFormat, WorkProcess
from . import Facts, PersonFacts, criteria_levels, format_work_processes
from .health import criteria_without_source, is_review_due
from .levels import finished_authors
from .progress import Progress

# The level the improvement clause of the model speaks of ("at level 3 ... an improvement assignment")
# when organisation.yml sets no improvement_level.
MODEL_IMPROVEMENT_LEVEL = 3
INDICATORS = ("complete", "sourced", "reviewed", "baseline", "coached", "improved")


@dataclass(frozen=True, kw_only=True)
class Indicator:
    """How many of how many, now, and (where the content has dates) at each month end of the window."""

    count: int
    total: int
    history: tuple[int, ...] = ()  # the count at each month end (Implementation.months); empty: today's value only

    @property
    def percent(self) -> int | None:
        """The share in whole percents, rounded down (100 only when complete); None when there is nothing to count."""
        return 100 * self.count // self.total if self.total else None


@dataclass(frozen=True, kw_only=True)
class MissingLevels:
    """A work process of the format without criteria on some of the levels that need them."""

    work_process: WorkProcess
    levels: tuple[int, ...]


@dataclass(frozen=True, kw_only=True)
class FormatImplementation:
    """The six indicators of one format, and the content behind the first three that is still to be done."""

    format: TrainingFormat
    complete: Indicator  # work processes with criteria on every level
    incomplete: tuple[MissingLevels, ...]  # format order
    sourced: Indicator  # criteria that cite a source
    unsourced: tuple[WorkProcess, ...]  # the work processes that have criteria without a source, format order
    reviewed: Indicator  # cited valid sources reviewed within their period
    unreviewed: tuple[Source, ...]  # the cited valid sources due for review, by title
    baseline: Indicator  # people with any sign-off
    coached: Indicator  # people with a coach in the planning
    improved: Indicator  # people at the improvement level with a finished improvement

    @property
    def indicators(self) -> tuple[tuple[str, Indicator], ...]:
        """The six by name, in the order the page shows them."""
        return tuple((name, getattr(self, name)) for name in INDICATORS)


@dataclass(frozen=True, kw_only=True)
class Implementation:
    months: tuple[dt.date, ...]  # the month ends of the histories (those of Progress), oldest first
    levels: tuple[int, ...]  # the levels a work process needs criteria on
    improvement_level: int  # the level of the last indicator
    formats: tuple[FormatImplementation, ...]  # file order


def derive_implementation(content: Content, facts: Facts, progress: Progress) -> Implementation:
    """The implementation monitor: per format the six indicators, with their histories over ``progress.months``."""
    levels = tuple(criteria_levels(content))
    improvement_level = monitored_improvement_level(content.organisation)
    unsourced = {criterion.id for criterion in criteria_without_source(content)}
    first_signoff = _first_signoffs(content)
    coached = {planned.person for planned in content.planning if planned.coach}
    finished = [finished_authors(content.improvements.values(), month) for month in progress.months]
    found = []
    for training_format in content.formats.values():
        wps = format_work_processes(content, training_format)
        people = [p for p in facts.people.values() if p.format.id == training_format.id]
        cited = _cited_sources(content, wps)
        found.append(FormatImplementation(
            format=training_format,
            complete=Indicator(count=sum(not missing_levels(wp, levels) for wp in wps), total=len(wps)),
            incomplete=tuple(MissingLevels(work_process=wp, levels=missing_levels(wp, levels)) for wp in wps
                             if missing_levels(wp, levels)),
            sourced=_sourced(wps, unsourced),
            unsourced=tuple(wp for wp in wps if any(c.id in unsourced for c in wp.active_criteria)),
            reviewed=_reviewed(cited, content.organisation, progress.months),
            unreviewed=tuple(s for s in cited if not is_reviewed_within(s, content.organisation, facts.build_date)),
            baseline=_baseline(people, first_signoff, progress.months),
            coached=Indicator(count=sum(p.person.id in coached for p in people), total=len(people)),
            improved=_improved(people, improvement_level, progress, finished),
        ))
    return Implementation(months=progress.months, levels=levels, improvement_level=improvement_level, formats=tuple(found))


def monitored_improvement_level(organisation: Organisation) -> int:
    """The level of the improvement clause: ``improvement_level``, else 3 (the model's), within the scale."""
    return organisation.improvement_level or min(MODEL_IMPROVEMENT_LEVEL, organisation.max_level)


def missing_levels(work_process: WorkProcess, levels: Iterable[int]) -> tuple[int, ...]:
    """The levels of ``levels`` on which the work process has no criterion (not retired)."""
    return tuple(level for level in levels if not work_process.criteria_at(level))


def is_reviewed_within(source: Source, organisation: Organisation, month_end: dt.date) -> bool:
    """Reviewed on or before ``month_end`` and not yet due for review then (the health page's rule on that date).

    Only the last review is known: before its date a source counts as not reviewed. (Only valid sources are
    monitored, for which ``is_review_due`` is the review rule alone.)"""
    return source.reviewed is not None and source.reviewed <= month_end and not is_review_due(source, organisation, month_end)


def _sourced(wps: Sequence[WorkProcess], unsourced: set[str]) -> Indicator:
    criteria = [criterion for wp in wps for criterion in wp.active_criteria]
    return Indicator(count=sum(c.id not in unsourced for c in criteria), total=len(criteria))


def _cited_sources(content: Content, wps: Sequence[WorkProcess]) -> tuple[Source, ...]:
    """The valid sources the work processes' criteria cite, by title: drafts and withdrawn ones are not in force."""
    ids = {ref.id for wp in wps for criterion in wp.active_criteria for ref in criterion.sources}
    cited = (content.sources[i] for i in ids if i in content.sources)
    return tuple(sorted((s for s in cited if s.status == "valid"), key=lambda s: (s.title.lower(), s.id)))


def _reviewed(cited: Sequence[Source], organisation: Organisation, months: Sequence[dt.date]) -> Indicator:
    history = tuple(sum(is_reviewed_within(s, organisation, month) for s in cited) for month in months)
    return Indicator(count=history[-1], total=len(cited), history=history)


def _first_signoffs(content: Content) -> dict[str, dt.date]:
    """Person → the date of their first sign-off (any row, counted or expired: it shows that they were assessed)."""
    first: dict[str, dt.date] = {}
    for signoff in content.signoffs:
        first[signoff.person] = min(first.get(signoff.person, dt.date.max), signoff.date)
    return first


def _baseline(people: Sequence[PersonFacts], first: dict[str, dt.date], months: Sequence[dt.date]) -> Indicator:
    dates = [first.get(p.person.id, dt.date.max) for p in people]
    history = tuple(sum(date <= month for date in dates) for month in months)
    return Indicator(count=sum(p.person.id in first for p in people), total=len(people), history=history)


def _improved(
    people: Sequence[PersonFacts], level: int, progress: Progress, finished: Sequence[frozenset[str]],
) -> Indicator:
    """At or above ``level`` and author of a finished improvement: today from the facts, each month from the
    overall level of that month and the improvements finished by then."""
    ids = [p.person.id for p in people]
    history = tuple(
        sum(progress.overall[i][index] >= level and i in finished[index] for i in ids)
        for index in range(len(progress.months))
    )
    today = sum(p.overall >= level and p.person.id in finished[-1] for p in people)
    return Indicator(count=today, total=len(people), history=history)
