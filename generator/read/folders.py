"""Walk the folders of the content: one file per object, the file's stem is its id."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..diagnostics import Location, Report, display_path
from ..fields import RESERVED_IDS, Checked, Schema, check_mapping, example_id, is_id, too_long_id
from ..files import Kind, check_folder, list_folder, read_text, refuse, walk_files
from ..model import FreePage
from ..yamlfile import MarkdownFile, load_markdown_file

ORGANISATION_FILE = "organisation.yml"
ATTACHMENTS = "files"  # the folder under sources/ whose files are published


def location_of(path: Path) -> Location:
    return Location(path=display_path(path))


def object_files(folder: Path, suffix: str, report: Report, *, required: bool = True) -> Iterator[tuple[str, Path, Location]]:
    """Each ``<id><suffix>`` file in ``folder`` (sorted), reporting names that are no valid id."""
    if not check_folder(folder, report, required=required):
        return
    for entry in list_folder(folder, report):
        path, location = entry.path, location_of(entry.path)
        if entry.kind is Kind.FOLDER:
            if path.suffix == suffix:  # sources/x.md/ would otherwise vanish without a word
                refuse(Kind.FOLDER, Kind.FILE, location, report)
            continue
        if path.suffix != suffix:
            report.warning(location, "ignored-file", expected=suffix)
            continue
        if long := too_long_id(path.stem):
            report.error(location, "long-id", **long)
            continue
        if not is_id(path.stem):
            renamed = example_id(path.stem)
            report.error(location, "bad-file-id", name=path.name, renamed=renamed + suffix)
            # Most often a file renamed by hand ('WI-rondgang.md') that is cited by its id: not cited wrongly.
            report.broken.add(renamed)
            continue
        if path.stem in RESERVED_IDS:
            report.error(location, "reserved-id", value=path.stem, example=f"{path.stem}-1")
            continue
        yield path.stem, path, location


def markdown_objects(folder: Path, schema: Schema, report: Report, *, required: bool = True) -> Iterator[tuple[str, MarkdownFile, Checked]]:
    """Each ``<id>.md`` in ``folder`` whose front matter could be read: its id, the file and the checked keys.

    A file that cannot be read at all is reported and marked unreadable, so that references
    to its id are not reported a second time.
    """
    for object_id, path, location in object_files(folder, ".md", report, required=required):
        document = load_markdown_file(path, location, report)
        checked = document and check_mapping(document.meta, schema, location, report)
        if not document or not checked:
            report.unreadable.add(location.path)
            continue
        yield object_id, document, checked


def read_pages(root: Path, report: Report) -> tuple[tuple[FreePage, ...], tuple[str, ...]]:
    """The free pages under ``pages/`` (optional), published as they are, and the other files there
    (images, PDFs), relative to ``pages/``."""
    folder = root / "pages"
    if not check_folder(folder, report, required=False):
        return (), ()
    pages, others = [], []
    for path in walk_files(folder, report):
        name = path.relative_to(folder).as_posix()
        if path.suffix != ".md":
            others.append(name)
        elif (text := read_text(path, location_of(path), report)) is not None:
            pages.append(FreePage(path=name, text=text, location=location_of(path)))
    return tuple(pages), tuple(others)


def read_attachments(root: Path, report: Report) -> tuple[str, ...]:
    """The regular files under ``sources/files/``, as paths relative to ``sources/`` (``files/sop.pdf``)."""
    folder = root / "sources" / ATTACHMENTS
    if not check_folder(folder, report, required=False):
        return ()
    return tuple(path.relative_to(folder.parent).as_posix() for path in walk_files(folder, report))
