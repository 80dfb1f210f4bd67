"""The employee's own view of their levels beside the assessed ones (``selfassessments.csv``).

The model asks for both: "ook de medewerker zelf heeft een idee over zijn/haar inzetbaarheid".
The latest row per person and work process counts (latest date; on one day, the later row). It is
shown, never counted: no level, total, coverage or planning reads it. Where the two differ by
``DISCUSS_FROM`` levels or more, either way, the POP marks the work process "bespreken" (to discuss).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from operator import attrgetter

from ..model import Content, SelfAssessment, WorkProcess
from . import Facts, PersonFacts, format_work_processes

DISCUSS_FROM = 1  # levels apart, either way


@dataclass(frozen=True, kw_only=True)
class OwnView:
    """One work process of a person: the assessed level and what the person says (if anything yet)."""

    work_process: WorkProcess
    assessed: int
    own: SelfAssessment | None

    @property
    def difference(self) -> int:
        """Own level minus assessed level: positive when the person sees themselves higher."""
        return 0 if self.own is None else self.own.level - self.assessed

    @property
    def discuss(self) -> bool:
        return abs(self.difference) >= DISCUSS_FROM


@dataclass(frozen=True, kw_only=True)
class OwnViews:
    """A person's own view on every work process of their format (and any other they assessed themselves on)."""

    views: tuple[OwnView, ...]

    @property
    def given(self) -> bool:
        """Whether the person has assessed themselves on anything."""
        return any(view.own is not None for view in self.views)

    @property
    def to_discuss(self) -> int:
        return sum(view.discuss for view in self.views)


@dataclass(frozen=True, kw_only=True)
class DifferingViews:
    """Per work process of a team: who sees themselves higher, and who lower, than assessed."""

    work_process: WorkProcess
    higher: tuple[PersonFacts, ...]  # people.csv order
    lower: tuple[PersonFacts, ...]


def latest_selfassessments(rows: Iterable[SelfAssessment]) -> dict[tuple[str, str], SelfAssessment]:
    """(person, work process) → the row that counts: the latest date; of two on one day, the later row."""
    return {(row.person, row.work_process): row for row in sorted(rows, key=attrgetter("date", "order"))}


def own_views(content: Content, facts: Facts) -> dict[str, OwnViews]:
    """Every active person's own views, in the order of their format's work processes (then the others)."""
    latest = latest_selfassessments(content.selfassessments)
    by_person: dict[str, list[str]] = {}
    for person_id, wp_id in latest:
        by_person.setdefault(person_id, []).append(wp_id)
    found = {}
    for person_id, person in facts.people.items():
        wps = [wp.id for wp in format_work_processes(content, person.format)]
        wps += [wp_id for wp_id in by_person.get(person_id, ()) if wp_id not in wps and not content.work_processes[wp_id].retired]
        found[person_id] = OwnViews(views=tuple(
            OwnView(work_process=content.work_processes[wp_id], assessed=facts.level(person_id, wp_id),
                    own=latest.get((person_id, wp_id)))
            for wp_id in wps
        ))
    return found


def differing_views(members: Iterable[PersonFacts], views: Mapping[str, OwnViews]) -> tuple[DifferingViews, ...]:
    """The team's work processes on which someone's own view differs from the assessed level, in first-seen order."""
    higher: dict[str, list[PersonFacts]] = {}
    lower: dict[str, list[PersonFacts]] = {}
    work_processes: dict[str, WorkProcess] = {}
    for member in members:
        for view in views[member.person.id].views:
            if view.discuss:
                work_processes.setdefault(view.work_process.id, view.work_process)
                (higher if view.difference > 0 else lower).setdefault(view.work_process.id, []).append(member)
    return tuple(
        DifferingViews(work_process=wp, higher=tuple(higher.get(wp_id, ())), lower=tuple(lower.get(wp_id, ())))
        for wp_id, wp in work_processes.items()
    )
