"""The files in each active person's folder, beside their POP: the self-assessment sheet they fill in (.xlsx)."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from ..derive import format_work_processes
from ..spreadsheets.selfassessment_sheet import SelfAssessmentSheets
from .context import PageContext
from .site import StaticFile


def render_person_files(c: PageContext) -> Iterator[StaticFile]:
    """Each active person's self-assessment sheet, for them and their leaders; none without personal data."""
    if c.facts is None:
        return
    sheets = SelfAssessmentSheets(c.content, c.renderer.catalogue, c.renderer.build_date)
    for person_id, person in c.facts.people.items():
        place = c.layout.person_selfassessment_sheet(person_id)
        shown = tuple(format_work_processes(c.content, person.format))
        yield c.file(place, (person, shown), partial(sheets.sheet, person))
