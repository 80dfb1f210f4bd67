"""The state of the content and the training that the health page shows.

The rules "Source due for review", "Criterion without a source", "Unused source",
"Re-instruction needed" and "Overdue planned training" of PRODUCT.md, and what is
coming: reviews due soon and levels that drop when their sign-offs expire.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

from ..dates import add_months
from ..model import DEFAULT_REVIEW_MONTHS, Content, Criterion, Organisation, PlannedTraining, Signoff, Source, WorkProcess
from . import Facts
from .levels import EXPIRY_WARNING_DAYS
from .readability import Readability, readability

# How far ahead the health page looks: reviews due within this many days are listed beside the
# overdue ones (time to plan the review); levels that drop are counted within each horizon.
REVIEW_AHEAD_DAYS = 60
EXPIRY_HORIZONS = (30, 60, EXPIRY_WARNING_DAYS)


@dataclass(frozen=True, kw_only=True)
class Reinstruction:
    person_id: str
    criterion: Criterion
    source: Source
    evidence: Signoff


@dataclass(frozen=True, kw_only=True)
class ExpiringLevel:
    """A level that may drop on ``expires``: the oldest sign-off it rests on stops counting that day."""

    person_id: str
    work_process: WorkProcess
    level: int
    expires: dt.date


def review_due_on(source: Source, organisation: Organisation) -> dt.date | None:
    """The date by which a source must be reviewed again."""
    if source.reviewed is None:
        return None
    months = source.review_months or organisation.source_review_months or DEFAULT_REVIEW_MONTHS
    return add_months(source.reviewed, months)


def is_review_due(source: Source, organisation: Organisation, build_date: dt.date) -> bool:
    due = review_due_on(source, organisation)
    return source.status == "valid" and due is not None and due < build_date


def sources_due_for_review(content: Content, build_date: dt.date) -> list[Source]:
    return [s for s in content.sources.values() if is_review_due(s, content.organisation, build_date)]


def sources_due_soon(content: Content, build_date: dt.date, days: int = REVIEW_AHEAD_DAYS) -> list[Source]:
    """Valid sources not yet overdue whose review falls due within ``days`` days (day ``days`` included), soonest first."""
    until = build_date + dt.timedelta(days=days)

    def due_soon(source: Source) -> bool:
        due = review_due_on(source, content.organisation)
        return source.status == "valid" and due is not None and build_date <= due <= until

    found = [s for s in content.sources.values() if due_soon(s)]
    return sorted(found, key=lambda s: (review_due_on(s, content.organisation), s.title.lower()))


def criteria_without_source(content: Content) -> list[Criterion]:
    def usable(criterion: Criterion) -> bool:
        return any(content.sources[ref.id].status != "withdrawn" for ref in criterion.sources if ref.id in content.sources)

    return [c for wp in content.work_processes.values() if not wp.retired for c in wp.active_criteria if not usable(c)]


def citing_criteria(content: Content) -> dict[str, list[Criterion]]:
    """Source id → the active criteria that name it (the backlinks of a source page)."""
    cited: dict[str, list[Criterion]] = {source_id: [] for source_id in content.sources}
    for wp in content.work_processes.values():
        for criterion in wp.active_criteria:
            for ref in criterion.sources:
                cited.setdefault(ref.id, []).append(criterion)
    return cited


def unused_sources(content: Content) -> list[Source]:
    cited = citing_criteria(content)
    return [s for s in content.sources.values() if s.status in ("valid", "draft") and not cited[s.id]]


def planned_training(content: Content, facts: Facts) -> list[PlannedTraining]:
    """The planning of active people, in file order; inactive people's rows are left out everywhere."""
    return [p for p in content.planning if p.person in facts.people]


class PlanningRow(NamedTuple):
    """A row of the planning: the training, the person's level now, and whether it is overdue or reached."""

    planned: PlannedTraining
    level: int
    overdue: bool
    reached: bool


def planning_rows(content: Content, facts: Facts) -> list[PlanningRow]:
    """The planning of active people, overdue first, then by due date."""
    rows = [PlanningRow(p, facts.level(p.person, p.work_process), is_overdue(p, facts), is_reached(p, facts))
            for p in planned_training(content, facts)]
    return sorted(rows, key=lambda row: (not row.overdue, row.planned.due))


def overdue_training(content: Content, facts: Facts) -> list[PlannedTraining]:
    return [p for p in planned_training(content, facts) if is_overdue(p, facts)]


def is_overdue(planned: PlannedTraining, facts: Facts) -> bool:
    """Due before the build date, and the person is still below the planned level.

    For rows of :func:`planned_training`: whether the person is active is decided there.
    """
    return planned.due < facts.build_date and facts.level(planned.person, planned.work_process) < planned.target_level


def is_reached(planned: PlannedTraining, facts: Facts) -> bool:
    """The person already has the planned level: the training is done, whatever its due date."""
    return facts.level(planned.person, planned.work_process) >= planned.target_level


def reinstructions(content: Content, facts: Facts) -> list[Reinstruction]:
    """Criteria whose source changed after the person's evidence for them."""
    # Only criteria citing a changed source can need re-instruction: find those first.
    changed: dict[str, list[tuple[Criterion, list[Source]]]] = {}
    for wp in content.work_processes.values():
        pairs = [(c, _changed_sources(content, c, facts.build_date)) for c in wp.active_criteria]
        changed[wp.id] = [(c, sources) for c, sources in pairs if sources]
    found = []
    for person_id, person in facts.people.items():
        for wp_id, standing in person.standings.items():
            for criterion, sources in changed[wp_id]:
                evidence = standing.evidence_for(criterion.id, criterion.level)
                if evidence is None:
                    continue
                for source in sources:
                    if evidence.date < (source.changed or evidence.date):
                        found.append(Reinstruction(person_id=person_id, criterion=criterion, source=source, evidence=evidence))
    return found


def _changed_sources(content: Content, criterion: Criterion, build_date: dt.date) -> list[Source]:
    sources = (content.sources.get(ref.id) for ref in criterion.sources)
    return [s for s in sources if s is not None and s.changed is not None and s.changed <= build_date]


def people_to_reinstruct(found: Iterable[Reinstruction]) -> dict[str, int]:
    """Source id → how many different people need re-instruction on it (a count without names)."""
    people: dict[str, set[str]] = {}
    for reinstruction in found:
        people.setdefault(reinstruction.source.id, set()).add(reinstruction.person_id)
    return {source_id: len(ids) for source_id, ids in people.items()}


def expiring_levels(content: Content, facts: Facts, days: int = EXPIRY_WARNING_DAYS) -> list[ExpiringLevel]:
    """Levels of active people that may drop within ``days`` days of the build date, soonest first.

    Retired work processes are left out: their levels count for nothing.
    """
    until = facts.build_date + dt.timedelta(days=days)
    found = [
        ExpiringLevel(person_id=person_id, work_process=content.work_processes[wp_id], level=standing.level, expires=standing.expires)
        for person_id, person in facts.people.items()
        for wp_id, standing in person.standings.items()
        if standing.expires is not None and standing.expires <= until and not content.work_processes[wp_id].retired
    ]
    return sorted(found, key=lambda e: e.expires)


def expiry_counts(expiring: Iterable[ExpiringLevel], build_date: dt.date, horizons: tuple[int, ...] = EXPIRY_HORIZONS,
                  ) -> dict[str, tuple[int, ...]]:
    """Work process id → per horizon (in days) how many levels may drop within it; cumulative, as "within 60 days"
    includes the first 30."""
    counts: dict[str, list[int]] = {}
    for item in expiring:
        row = counts.setdefault(item.work_process.id, [0] * len(horizons))
        for i, days in enumerate(horizons):
            row[i] += item.expires <= build_date + dt.timedelta(days=days)
    return {wp_id: tuple(row) for wp_id, row in counts.items()}


def hard_to_read(content: Content) -> list[tuple[Source, Readability]]:
    """Sources below the easy band, hardest first; withdrawn ones (nobody should read them) and those without text left out."""
    scored = ((s, readability(s.body, content.organisation.language)) for s in content.sources.values() if s.status != "withdrawn")
    found = [(s, r) for s, r in scored if r is not None and r.band != "easy"]
    return sorted(found, key=lambda pair: (pair[1].score, pair[0].title.lower()))
