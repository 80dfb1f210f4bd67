"""Every active person's pages: the POP, the checklist of their next level pre-filled, the
conversation sheet (assessed levels beside their own view) and the overview for recognition.

These are most of a large organisation's pages (four per person) and half of the
generator's time, so they are rendered apart from the rest of the site: what they
share is prepared once, then each person's pages are rendered on their own, by this
process or a helper on another core (parallel.py).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from operator import attrgetter
from types import TracebackType

from ..derive import Facts, checklist_groups, format_work_processes, grouped, next_steps
from ..derive.history import history_rows
from ..model import Content
from .context import PageContext
from .improvements import improvements_by
from .overviews import wide
from .parallel import SharedWork
from .paths import in_any_sibling
from .recognition import recognition_page
from .site import Page


class PersonPages:
    """The POP pages and pre-filled checklists.

    Use it as a context manager around the rest of the render phase: a helper process may
    render them from the start of the block on; ``pops()`` and ``checklists()`` return the
    pages (in people.csv order), rendering what is left.
    """

    def __init__(self, c: PageContext, facts: Facts) -> None:
        self.c, self.facts = c, facts
        self.people = list(facts.people)
        self.reinstruction = grouped(c.deployment.reinstructions, attrgetter("person_id"))
        # Newest first; one sort of all sign-offs, then grouped per person (grouping keeps the order).
        self.histories = grouped(sorted(c.content.signoffs, key=attrgetter("date", "order"), reverse=True), attrgetter("person"))
        by_due = sorted(c.deployment.planning, key=lambda row: row.planned.due)
        self.planning = grouped(by_due, lambda row: row.planned.person)
        self.authored = improvements_by(c.content)
        self.signed = signed_criteria(c.content)
        self._shared = SharedWork(len(self.people), self._render, alone=c.reuse.keep)

    def __enter__(self) -> PersonPages:
        self._shared.__enter__()
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None) -> None:
        self._shared.__exit__(kind, error, trace)

    def pops(self) -> list[Page]:
        """Every active person's POP page."""
        return [pop for pop, _, _, _ in self._shared.results()]

    def checklists(self) -> list[Page]:
        """Every active person's pre-filled checklist (none when no level has criteria)."""
        return [checklist for _, checklist, _, _ in self._shared.results() if checklist is not None]

    def conversations(self) -> list[Page]:
        """Every active person's conversation sheet."""
        return [conversation for _, _, conversation, _ in self._shared.results()]

    def recognitions(self) -> list[Page]:
        """Every active person's overview for recognition (recognition.py)."""
        return [recognition for _, _, _, recognition in self._shared.results()]

    def _render(self, index: int) -> tuple[Page, Page | None, Page, Page]:
        person_id = self.people[index]
        checklist = self._checklist(person_id) if self.c.levels else None
        return self._pop(person_id), checklist, self._conversation(person_id), recognition_page(self.c, self.facts.people[person_id])

    def _pop(self, person_id: str) -> Page:
        c, facts, person_facts = self.c, self.facts, self.facts.people[person_id]
        format_wps = format_work_processes(c.content, person_facts.format)
        place = c.layout.person(person_id)
        return c.html_page(
            "person.html.j2", place, c.t("label.pop-of", name=person_facts.person.name), links_as=in_any_sibling(place.path),
            facts=person_facts, format_wps=format_wps,
            next_steps=next_steps(person_facts, format_wps, c.content.organisation.max_level),
            reinstruction=self.reinstruction.get(person_id, []),
            planned=[(row.planned, row.overdue, row.reached) for row in self.planning.get(person_id, ())],
            history=history_rows(self.histories.get(person_id, []), person_facts.standings, c.content.work_processes,
                                 facts.build_date),
            improvements=self.authored.get(person_id, []), own=c.deployment.own_views[person_id],
            level_changes=c.deployment.progress.changes(person_id), months=c.deployment.progress.months,
        )

    def _conversation(self, person_id: str) -> Page:
        c, person_facts = self.c, self.facts.people[person_id]
        format_wps = format_work_processes(c.content, person_facts.format)
        place = c.layout.person_conversation(person_id)
        # Wide: the table of own views has a column to write the agreements in, on screen and on paper.
        return wide(c.html_page(
            "conversation.html.j2", place, c.t("own.conversation-title", name=person_facts.person.name),
            links_as=in_any_sibling(place.path), facts=person_facts, own=c.deployment.own_views[person_id],
            next_steps=next_steps(person_facts, format_wps, c.content.organisation.max_level),
        ))

    def _checklist(self, person_id: str) -> Page:
        """The checklist of the person's next level, with name, team and the criteria already signed (and when)."""
        c, person_facts = self.c, self.facts.people[person_id]
        level = min(person_facts.overall + 1, max(c.levels))
        training_format = person_facts.format
        title = c.t("label.prefilled-checklist-title", format=training_format.title, level=level,
                    label=c.content.organisation.label(level), name=person_facts.person.name)
        place = c.layout.person_checklist(person_id)
        return c.html_page("checklist_person.html.j2", place, title, links_as=in_any_sibling(place.path),
                           format=training_format, level=level, groups=checklist_groups(c.content, training_format, level),
                           person=person_facts.person, signed=self.signed.get(person_id, {}))


def signed_criteria(content: Content) -> dict[str, dict[str, dt.date]]:
    """Person → criterion id → the date of its newest sign-off; a whole level signed counts for each criterion up to it."""
    signed: dict[str, dict[str, dt.date]] = defaultdict(dict)
    for signoff in sorted(content.signoffs, key=attrgetter("date", "order")):
        if signoff.criterion:
            signed[signoff.person][signoff.criterion] = signoff.date
        elif signoff.level and signoff.work_process in content.work_processes:
            for criterion in content.work_processes[signoff.work_process].active_criteria:
                if criterion.level <= signoff.level:
                    signed[signoff.person][criterion.id] = signoff.date
    return signed
