"""Read ``formats/<id>.yml``: one training format per job function."""

from __future__ import annotations

from pathlib import Path

from ..diagnostics import Report
from ..fields import Checked, Field, check_mapping
from ..model import CoreTask, Organisation, Qualification, TrainingFormat
from ..yamlfile import load_yaml_file
from .folders import object_files
from .levels import checked_level

QUALIFICATION = {
    "name": Field(kind="text", required=True),
    "crebo": Field(kind="text"),
    "url": Field(kind="url"),
}
CORE_TASK = {
    "code": Field(kind="text", required=True),
    "title": Field(kind="text", required=True),
    "work_processes": Field(kind="ids", required=True, item="item.work-process"),
}
SCHEMA = {
    "title": Field(kind="text", required=True),
    "description": Field(kind="text"),
    "qualification": Field(kind="map", schema=QUALIFICATION),
    "target_level": Field(kind="int", required=True),
    "core_tasks": Field(kind="maps", required=True, schema=CORE_TASK, item="item.core-task"),
}


def read_formats(root: Path, organisation: Organisation, report: Report) -> dict[str, TrainingFormat]:
    formats = {}
    for format_id, path, location in object_files(root / "formats", ".yml", report):
        data = load_yaml_file(path, location, report)
        checked = None if location.path in report.unreadable else check_mapping(data, SCHEMA, location, report)
        if checked is None:
            report.unreadable.add(location.path)
            continue
        core_tasks = tuple(_core_task(item) for item in checked.get("core_tasks", ()) if _complete(item, CORE_TASK))
        if not any(task.work_processes for task in core_tasks):
            report.error(checked.at("core_tasks"), "empty-format")
        qualification = checked.get("qualification")
        formats[format_id] = TrainingFormat(
            id=format_id,
            title=checked.get("title", format_id),
            description=checked.get("description", ""),
            qualification=Qualification(**qualification.values) if qualification and "name" in qualification.values else None,
            target_level=checked_level(checked, "target_level", organisation, report) or 0,
            core_tasks=core_tasks,
            location=checked.location,
        )
    return formats


def _complete(item: Checked, schema: dict[str, Field]) -> bool:
    return all(key in item.values for key, spec in schema.items() if spec.required)


def _core_task(item: Checked) -> CoreTask:
    return CoreTask(code=item.get("code"), title=item.get("title"), work_processes=item.get("work_processes"), location=item.location)
