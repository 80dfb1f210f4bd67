"""Phase 1: read the content folder into the model, reporting every problem on the way."""

from __future__ import annotations

from pathlib import Path

from ..diagnostics import Report
from ..fields import people_by_name
from ..journal import check_journal
from ..model import Content
from .folders import read_attachments, read_pages
from .formats import read_formats
from .improvements import read_improvements
from .organisation import read_organisation
from .sources import read_sources
from .tables import read_people, read_planning, read_selfassessments, read_signoffs
from .work_processes import read_work_processes


def read_content(root: Path, report: Report) -> Content:
    """Read everything under ``root``; problems go to ``report``, never raised."""
    check_journal(root, report)  # an interrupted import: the tables may be half changed
    organisation = read_organisation(root, report)
    attachments = read_attachments(root, report)
    pages, page_files = read_pages(root, report)
    formats = read_formats(root, organisation, report)
    work_processes = read_work_processes(root, organisation, report)
    sources = read_sources(root, organisation, attachments, report)
    people = read_people(root, organisation, report)
    names = people_by_name((person.id, person.name) for person in people.values())
    return Content(
        root=root,
        organisation=organisation,
        formats=formats,
        work_processes=work_processes,
        sources=sources,
        people=people,
        signoffs=read_signoffs(root, organisation, names, report),
        planning=read_planning(root, organisation, names, report),
        selfassessments=read_selfassessments(root, organisation, names, report),
        improvements=read_improvements(root, names, report),
        pages=pages,
        attachments=attachments,
        page_files=page_files,
    )
