"""The content folder on disk: what may be read, and reading it without surprises.

Only regular files are read, never through a symbolic link: a link could publish
a file from outside the content folder (``/etc/passwd`` as an attachment), and a
named pipe or device would make a read hang or never end. Folders are listed
without following links either. Everything that is refused is reported at its
path, so one run names every such file.
"""

from __future__ import annotations

import enum
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from .characters import UNSAFE_CHARACTER
from .diagnostics import Location, Report, display_path

# Far above any hand-written file; a YAML or Markdown file this large is a mistake or an attack.
TEXT_LIMIT = 20 * 2**20

# Not on every platform: O_NOFOLLOW refuses a link swapped in after the check, O_NONBLOCK
# keeps opening a named pipe from blocking until a writer appears.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)




class Kind(enum.Enum):
    MISSING = "missing"
    FILE = "file"
    FOLDER = "folder"
    LINK = "link"
    SPECIAL = "special"  # named pipe, device, socket


def kind_of(path: Path) -> Kind:
    """What is at ``path`` itself (a link is a link, wherever it points)."""
    try:
        mode = os.lstat(path).st_mode
    except (OSError, ValueError):  # ValueError: a NUL in the name
        return Kind.MISSING
    if stat.S_ISLNK(mode):
        return Kind.LINK
    if stat.S_ISDIR(mode):
        return Kind.FOLDER
    return Kind.FILE if stat.S_ISREG(mode) else Kind.SPECIAL


def exists(path: Path) -> bool:
    """Whether anything is at ``path``, also a dangling link (which is then refused when read)."""
    return kind_of(path) is not Kind.MISSING


def refuse(kind: Kind, expected: Kind, location: Location, report: Report) -> None:
    """Report that ``kind`` stands where ``expected`` (a file or a folder) should be."""
    if kind is Kind.LINK:
        report.unreadable_file(location, "symlink")
    elif kind is Kind.SPECIAL:
        report.unreadable_file(location, "special-file")
    elif expected is Kind.FILE:
        report.unreadable_file(location, "folder-not-file")
    else:
        report.unreadable_file(location, "file-not-folder")


def read_bytes(path: Path, location: Location, report: Report, *, limit: int = TEXT_LIMIT) -> bytes | None:
    """The bytes of a regular file of at most ``limit`` bytes; None (reported) otherwise."""
    kind = kind_of(path)
    if kind is not Kind.FILE:
        refuse(kind, Kind.FILE, location, report)
        return None
    try:
        with os.fdopen(os.open(path, _OPEN_FLAGS), "rb") as file:
            status = os.fstat(file.fileno())
            if not stat.S_ISREG(status.st_mode):  # replaced since kind_of() looked
                refuse(Kind.SPECIAL, Kind.FILE, location, report)
                return None
            data = b"" if status.st_size > limit else file.read(limit + 1)  # + 1: it may have grown since
            if status.st_size > limit or len(data) > limit:
                size = max(status.st_size, len(data))
                report.unreadable_file(location, "file-too-large", size=_megabytes(size), limit=_megabytes(limit))
                return None
            return data
    except OSError as error:
        report.unreadable_file(location, "unreadable-file", reason=error.strerror or type(error).__name__)
        return None


def read_text(path: Path, location: Location, report: Report, *, limit: int = TEXT_LIMIT) -> str | None:
    """A regular file's UTF-8 text (a byte-order mark, as Excel writes, is dropped); None (reported) otherwise."""
    data = read_bytes(path, location, report, limit=limit)
    if data is None:
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        report.unreadable_file(location.at(line), "not-utf8")
        return None
    if control := UNSAFE_CHARACTER.search(text):  # characters.py: YAML, CSV readers and readers of the page
        line = text.count("\n", 0, control.start()) + 1
        report.unreadable_file(location.at(line), "control-character", character=f"U+{ord(control.group()):04X}")
        return None
    return text


@dataclass(frozen=True)
class Entry:
    """A file or folder found in a folder listing, with what it is."""

    path: Path
    kind: Kind


def list_folder(folder: Path, report: Report) -> list[Entry]:
    """The entries of ``folder``, sorted by name, hidden ones (``.git``, ``.DS_Store``) left out.

    Links and special files are reported here, once, and not listed: nothing reaches
    them through a listing. An unreadable folder is reported and lists as empty.
    """
    try:
        with os.scandir(folder) as scan:
            names = sorted(entry.name for entry in scan if not entry.name.startswith("."))
    except OSError as error:
        report.error(Location(path=display_path(folder)), "unreadable-folder", reason=error.strerror or type(error).__name__)
        return []
    entries = []
    for name in names:
        path = folder / name
        kind = kind_of(path)
        if kind in (Kind.LINK, Kind.SPECIAL):
            refuse(kind, Kind.FILE, Location(path=display_path(path)), report)
        elif kind is not Kind.MISSING:  # MISSING: removed while we looked
            entries.append(Entry(path, kind))
    return entries


def walk_files(folder: Path, report: Report) -> list[Path]:
    """Every regular file under ``folder`` and its subfolders, sorted, through no link."""
    files: list[Path] = []
    folders = [folder]
    while folders:  # a loop, not recursion: folders can nest deeper than Python's stack
        for entry in list_folder(folders.pop(), report):
            (folders if entry.kind is Kind.FOLDER else files).append(entry.path)
    return sorted(files)


def check_folder(folder: Path, report: Report, *, required: bool) -> bool:
    """Whether ``folder`` is a real folder to list; reports a link or file in its place, and a missing one if required."""
    kind = kind_of(folder)
    if kind is Kind.FOLDER:
        return True
    location = Location(path=display_path(folder))
    if kind is Kind.MISSING:
        if required:
            report.error(location, "missing-folder", folder=location.path)
    else:
        refuse(kind, Kind.FOLDER, location, report)
    return False


def _megabytes(size: int) -> str:
    return f"{size / 2**20:.1f} MB"
