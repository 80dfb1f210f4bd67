"""Read ``sources/<id>.md``: an information source with its metadata and text."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from ..diagnostics import Location, Report, display_path
from ..fields import Field
from ..model import SOURCE_STATUSES, SOURCE_TYPES, Organisation, Source
from .folders import markdown_objects

SCHEMA = {
    "title": Field(kind="text", required=True),
    "type": Field(kind="choice", required=True, choices=SOURCE_TYPES),
    "owner": Field(kind="text", required=True),
    "version": Field(kind="text"),
    "reviewed": Field(kind="date", required=True),
    "changed": Field(kind="date"),
    "review_months": Field(kind="int", minimum=1),
    "status": Field(kind="choice", required=True, choices=SOURCE_STATUSES),
    "url": Field(kind="url"),
    "file": Field(kind="text"),
}


def read_sources(root: Path, organisation: Organisation, report: Report) -> dict[str, Source]:
    sources = {}
    folder = root / "sources"
    for source_id, document, checked in markdown_objects(folder, SCHEMA, report):
        file = checked.get("file")
        sources[source_id] = Source(
            id=source_id,
            title=checked.get("title", source_id),
            type=checked.get("type", "other"),
            owner=checked.get("owner", ""),
            version=checked.get("version", ""),
            reviewed=checked.get("reviewed"),
            changed=checked.get("changed"),
            review_months=checked.get("review_months"),
            status=checked.get("status", "valid"),
            url=checked.get("url", ""),
            file=_attachment(file, folder, checked.at("file"), report) if file else "",
            body=document.body,
            location=checked.location,
        )
    return sources


def _attachment(file: str, folder: Path, location: Location, report: Report) -> str:
    """The attachment path relative to ``sources/``, if it exists and stays inside that folder."""
    target = (folder / file).resolve()
    if PurePosixPath(file).is_absolute() or not target.is_relative_to(folder.resolve()):
        report.error(location, "attachment-outside", file=file, folder=display_path(folder))
        return ""
    if not target.is_file():
        report.error(location, "attachment-missing", file=file, folder=display_path(folder / "files"))
        return ""
    return target.relative_to(folder.resolve()).as_posix()
