"""Read ``sources/<id>.md``: an information source with its metadata and text."""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path, PurePosixPath

from ..dates import MAX_MONTHS, in_range
from ..diagnostics import Location, Report, display_path
from ..fields import Checked, Field
from ..model import SOURCE_STATUSES, SOURCE_TYPES, Organisation, Source
from .folders import ATTACHMENTS, markdown_objects

SCHEMA = {
    "title": Field(kind="text", required=True),
    "type": Field(kind="choice", required=True, choices=SOURCE_TYPES),
    "owner": Field(kind="text", required=True),
    "version": Field(kind="text"),
    "reviewed": Field(kind="date", required=True),
    "changed": Field(kind="date"),
    "review_months": Field(kind="int", minimum=1, maximum=MAX_MONTHS),
    "status": Field(kind="choice", required=True, choices=SOURCE_STATUSES),
    "url": Field(kind="url"),
    "file": Field(kind="text"),
}


def read_sources(root: Path, organisation: Organisation, attachments: Collection[str], report: Report) -> dict[str, Source]:
    sources = {}
    folder = root / "sources"
    for source_id, document, checked in markdown_objects(folder, SCHEMA, report):
        file = checked.get("file")
        _check_review_date(checked, organisation, report)
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
            file=_attachment(file, folder, attachments, checked.at("file"), report) if file else "",
            body=document.body,
            body_line=document.body_line,
            location=checked.location,
        )
    return sources


def _check_review_date(checked: Checked, organisation: Organisation, report: Report) -> None:
    """The next review (``reviewed`` plus the review period) must still be a date."""
    reviewed = checked.get("reviewed")
    months = checked.get("review_months") or organisation.source_review_months
    if reviewed is not None and not in_range(reviewed, months):
        report.error(checked.at("reviewed"), "date-out-of-range", key="reviewed", value=reviewed.isoformat(), months=months)


def _attachment(file: str, folder: Path, attachments: Collection[str], location: Location, report: Report) -> str:
    """The attachment path relative to ``sources/`` (``files/sop.pdf``), if it is one of the published files."""
    path = PurePosixPath(file)
    if path.is_absolute() or ".." in path.parts or path.parts[:1] != (ATTACHMENTS,):
        # A file of that name in files/ is what the author meant: say the exact line to write.
        meant = f"{ATTACHMENTS}/{path.name}"
        if meant in attachments:
            report.error(location, "attachment-without-folder", file=file, fixed=meant)
        else:
            report.error(location, "attachment-outside", file=file, folder=display_path(folder / ATTACHMENTS))
        return ""
    if path.as_posix() in attachments:
        return path.as_posix()
    if display_path(folder / path) not in report.unreadable:  # a link or pipe there has been reported
        report.error(location, "attachment-missing", file=file, folder=display_path(folder / ATTACHMENTS))
    return ""
