"""Read ``improvements/<id>.md``: an improvement assignment's front matter and its write-up."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

from ..diagnostics import Report
from ..fields import Checked, Field, PeopleNames, Ref
from ..model import IMPROVEMENT_METHODS, IMPROVEMENT_STATUSES, Improvement
from .folders import markdown_objects

FOLDER = "improvements"
SCHEMA = {
    "title": Field(kind="text", required=True),
    "author": Field(kind="id", required=True),
    "method": Field(kind="choice", required=True, choices=IMPROVEMENT_METHODS, fold_case=True),
    "status": Field(kind="choice", required=True, choices=IMPROVEMENT_STATUSES, fold_case=True),
    "started": Field(kind="date", required=True),
    "finished": Field(kind="date"),
    "work_processes": Field(kind="ids", required=True, item="item.work-process"),
    "savings": Field(kind="text"),
    "team": Field(kind="id"),
    "co_authors": Field(kind="ids", item="item.person"),
    "tags": Field(kind="texts"),
}


def read_improvements(root: Path, people: PeopleNames, report: Report) -> dict[str, Improvement]:
    """Every write-up under ``improvements/`` (the folder is optional: an organisation may have none yet)."""
    improvements = {}
    schema = {**SCHEMA, **{key: replace(SCHEMA[key], people=people) for key in ("author", "co_authors")}}
    for improvement_id, document, checked in markdown_objects(root / FOLDER, schema, report, required=False):
        if checked.get("status") == "done" and document.meta.get("finished") is None:
            report.error(checked.at("status"), "finished-missing")
        # Made even when a value was wrong (reported above), so that its references are still checked.
        improvements[improvement_id] = _improvement(improvement_id, checked, document.body, document.body_line)
    return improvements


def _improvement(improvement_id: str, checked: Checked, body: str, body_line: int) -> Improvement:
    team = checked.get("team")
    return Improvement(
        id=improvement_id,
        title=checked.get("title", improvement_id),
        author=Ref(checked.get("author", ""), checked.at("author")),
        co_authors=checked.get("co_authors", ()),
        method=checked.get("method", "other"),
        status=checked.get("status", "idea"),
        started=checked.get("started", dt.date.min),
        finished=checked.get("finished"),
        work_processes=checked.get("work_processes", ()),
        savings=checked.get("savings", ""),
        team=Ref(team, checked.at("team")) if team else None,
        tags=checked.get("tags", ()),
        body=body,
        body_line=body_line,
        location=checked.location,
        key_lines=dict(checked.key_lines),
    )
