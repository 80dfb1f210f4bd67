"""Walk the folders of the content: one file per object, the file's stem is its id."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..diagnostics import Location, Report, display_path
from ..fields import Checked, Schema, check_mapping, example_id, is_id
from ..model import FreePage
from ..yamlfile import MarkdownFile, load_markdown_file, read_text

ORGANISATION_FILE = "organisation.yml"


def location_of(path: Path) -> Location:
    return Location(path=display_path(path))


def object_files(folder: Path, suffix: str, report: Report) -> Iterator[tuple[str, Path, Location]]:
    """Each ``<id><suffix>`` file in ``folder`` (sorted), reporting names that are no valid id."""
    if not folder.is_dir():
        report.error(location_of(folder), "missing-folder", folder=display_path(folder))
        return
    for path in sorted(folder.iterdir()):
        location = location_of(path)
        if path.is_dir() or path.name.startswith("."):
            continue
        if path.suffix != suffix:
            report.warning(location, "ignored-file", expected=suffix)
            continue
        if not is_id(path.stem):
            report.error(location, "bad-file-id", name=path.stem, example=example_id(path.stem))
            continue
        yield path.stem, path, location


def markdown_objects(folder: Path, schema: Schema, report: Report) -> Iterator[tuple[str, MarkdownFile, Checked]]:
    """Each ``<id>.md`` in ``folder`` whose front matter could be read: its id, the file and the checked keys.

    A file that cannot be read at all is reported and marked unreadable, so that references
    to its id are not reported a second time.
    """
    for object_id, path, location in object_files(folder, ".md", report):
        document = load_markdown_file(path, location, report)
        checked = document and check_mapping(document.meta, schema, location, report)
        if not document or not checked:
            report.unreadable.add(location.path)
            continue
        yield object_id, document, checked


def read_pages(root: Path, report: Report) -> tuple[FreePage, ...]:
    """The free pages under ``pages/`` (optional), published as they are."""
    folder = root / "pages"
    if not folder.is_dir():
        return ()
    pages = []
    for path in sorted(folder.rglob("*.md")):
        location = location_of(path)
        text = read_text(path, location, report)
        if text is not None:
            pages.append(FreePage(path=path.relative_to(folder).as_posix(), text=text, location=location))
    return tuple(pages)


def read_attachments(root: Path) -> tuple[str, ...]:
    """Files under ``sources/files/``, as paths relative to ``sources/``."""
    return tuple(f"files/{name}" for name in _plain_files(root / "sources" / "files"))


def read_page_files(root: Path) -> tuple[str, ...]:
    """Files under ``pages/`` other than Markdown (images, PDFs), relative to ``pages/``."""
    return tuple(name for name in _plain_files(root / "pages") if not name.endswith(".md"))


def _plain_files(folder: Path) -> list[str]:
    if not folder.is_dir():
        return []
    found = (p for p in sorted(folder.rglob("*")) if p.is_file() and not p.name.startswith("."))
    return [p.relative_to(folder).as_posix() for p in found]
