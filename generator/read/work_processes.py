"""Read ``work-processes/<id>.md``: front matter with the criteria, and a Markdown description."""

from __future__ import annotations

from pathlib import Path

from ..dates import MAX_MONTHS
from ..diagnostics import Report
from ..fields import Checked, Field
from ..model import KINDS, Criterion, Organisation, WorkProcess
from .folders import markdown_objects

CRITERION = {
    "id": Field(kind="id", required=True),
    "level": Field(kind="int", required=True),
    "kind": Field(kind="choice", required=True, choices=KINDS),
    "text": Field(kind="text", required=True),
    "sources": Field(kind="ids", item="item.source"),
    "retired": Field(kind="bool"),
    "retired_on": Field(kind="date"),
}
SCHEMA = {
    "title": Field(kind="text", required=True),
    "code": Field(kind="text"),
    "valid_months": Field(kind="int", minimum=1, maximum=MAX_MONTHS),
    "criteria": Field(kind="maps", schema=CRITERION, item="item.criterion"),
    "retired": Field(kind="bool"),
}


def read_work_processes(root: Path, organisation: Organisation, report: Report) -> dict[str, WorkProcess]:
    work_processes = {}
    for wp_id, document, checked in markdown_objects(root / "work-processes", SCHEMA, report):
        criteria = (_criterion(item, wp_id, organisation, report) for item in checked.get("criteria", ()))
        work_processes[wp_id] = WorkProcess(
            id=wp_id,
            title=checked.get("title", wp_id),
            code=checked.get("code", ""),
            valid_months=checked.get("valid_months"),
            criteria=tuple(c for c in criteria if c is not None),
            retired=checked.get("retired", False),
            body=document.body,
            body_line=document.body_line,
            location=checked.location,
        )
    return work_processes


def _criterion(item: Checked, wp_id: str, organisation: Organisation, report: Report) -> Criterion | None:
    if not all(key in item.values for key in ("id", "level", "kind", "text")):
        _broken(item, report)
        return None
    level = item.get("level")
    if not 1 <= level <= organisation.max_level:
        report.error(item.at("level"), "criterion-level-range", level=level, high=organisation.max_level)
        _broken(item, report)
        return None
    _check_unusual(item, level, organisation, report)
    return Criterion(
        id=item.get("id"),
        work_process=wp_id,
        level=level,
        kind=item.get("kind"),
        text=item.get("text"),
        sources=item.get("sources", ()),
        retired=item.get("retired", False),
        retired_on=item.get("retired_on"),
        location=item.at("id"),
    )


def _broken(item: Checked, report: Report) -> None:
    """A criterion left out for a reported mistake still counts as known to the sign-offs that cite it."""
    if "id" in item.values:
        report.broken.add(item.get("id"))


USUAL_TOP_LEVEL = 3  # criteria are written for levels 1 to 3; the organisation's own top step may have some


def _check_unusual(item: Checked, level: int, organisation: Organisation, report: Report) -> None:
    """What is allowed but is often a slip: a level above 3, a retirement date without the retirement."""
    if level > USUAL_TOP_LEVEL:
        report.info(item.at("level"), "criterion-above-usual", level=level, usual=USUAL_TOP_LEVEL, high=organisation.max_level)
    if "retired_on" in item.values and not item.get("retired", False):
        report.warning(item.at("retired_on"), "retired-on-without-retired")
