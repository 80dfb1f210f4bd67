"""The journal: content tables (people.csv, signoffs.csv, selfassessments.csv) change all together or not at all, also when interrupted.

Two files cannot be replaced in one atomic step, so a change is made in four, each
safe to be interrupted after:

1. each changed table is written whole (its old bytes, then the new rows) to a hidden
   temporary file beside it, and synced to disk;
2. the journal (``.wgo-journal.json``) is written: the tables to replace, with the size
   and hash of their old and new bytes; it is itself written to a temporary file and
   renamed, so it is there whole or not at all;
3. each temporary file is renamed over its table;
4. the journal is removed.

Interrupted before step 2, the tables are as they were and only temporary files are
left; the next writing command removes them. Interrupted after it, the journal is
there: the next writing command (:func:`recover`) finishes the renames when every
temporary file is there whole (roll forward), and otherwise puts the old bytes back
(roll back). ``check`` and the build never write into the content folder: they report
the journal as an error (:func:`check_journal`) until a writing command has finished it.

The journal and the temporary files have hidden names in the content folder's root,
which the reader never lists, so they are never read as content nor published.
"""

from __future__ import annotations

import contextlib
import enum
import hashlib
import json
import os
import stat
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .diagnostics import Location, Report, display_path
from .files import Kind, kind_of

JOURNAL = ".wgo-journal.json"
TEMP_SUFFIX = ".wgo-new"
TABLES = ("people.csv", "signoffs.csv", "selfassessments.csv")  # the only files a journal may replace
_VERSION = 1
_BINARY = getattr(os, "O_BINARY", 0)
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


class Written(enum.Enum):
    """What :func:`write_tables` did."""

    ALL = "all"
    NOTHING = "nothing"  # the tables are as they were (the reason is reported)
    PENDING = "pending"  # the journal is there whole, the renames were not finished (reported): recover() finishes them


@dataclass(frozen=True, kw_only=True)
class TableChange:
    """One table's new bytes: its old bytes with rows appended."""

    name: str  # the file's name in the content folder's root, one of TABLES
    old: bytes
    new: bytes


@dataclass(frozen=True, kw_only=True)
class _Entry:
    """One pending replacement, as the journal records it."""

    table: str
    old_size: int
    old_sha256: str
    new_size: int
    new_sha256: str


def reached(step: str) -> None:
    """A named point of writing or recovering, where the process may be stopped; the tests stop it here."""


def temp_path(content_dir: Path, table: str) -> Path:
    return content_dir / f".{table}{TEMP_SUFFIX}"


# --- what the reader and the writing commands check first ---------------------------


def check_journal(content_dir: Path, report: Report) -> None:
    """Report an unfinished journal, without touching it: the tables may be half changed."""
    journal = content_dir / JOURNAL
    if kind_of(journal) is not Kind.MISSING:
        report.error(Location(path=display_path(journal)), "unfinished-import")


def check_writable(content_dir: Path, tables: Sequence[str], report: Report) -> None:
    """Report the content folder or a table that this process may not write (read-only, no rights)."""
    if not os.access(content_dir, os.W_OK | os.X_OK):
        report.error(Location(path=display_path(content_dir)), "folder-not-writable")
    for table in tables:
        path = content_dir / table
        if kind_of(path) is Kind.FILE and not os.access(path, os.W_OK):
            report.error(Location(path=display_path(path)), "file-not-writable")


# --- writing -------------------------------------------------------------------------


def write_tables(content_dir: Path, changes: Sequence[TableChange], report: Report) -> Written:
    """Replace each table by its new bytes, all or nothing; a failure is reported.

    Call :func:`recover` first: a journal left by an earlier command must be finished
    before a new one is written.
    """
    changes = [change for change in changes if change.new != change.old]
    if not changes:
        return Written.ALL
    where = content_dir  # the table being written, for the message when it fails
    try:
        for change in changes:
            where = content_dir / change.name
            _write_synced(temp_path(content_dir, change.name), change.new, like=where)
        where = content_dir
        if changed := _changed_meanwhile(content_dir, changes):
            _discard_quietly(content_dir)
            report.error(Location(path=display_path(content_dir / changed)), "table-changed")
            return Written.NOTHING
        _write_journal(content_dir, [_entry(change) for change in changes])
    except OSError as error:
        _discard_quietly(content_dir)
        report.error(Location(path=display_path(where)), "write-failed", problem=_reason(error))
        return Written.NOTHING
    try:
        _roll_forward(content_dir, [change.name for change in changes])
    except OSError as error:  # the journal is there whole: the next writing command finishes it
        report.error(Location(path=display_path(content_dir / JOURNAL)), "journal-recovery-failed", problem=_reason(error))
        return Written.PENDING
    return Written.ALL


def _entry(change: TableChange) -> _Entry:
    return _Entry(table=change.name, old_size=len(change.old), old_sha256=_sha256(change.old),
                  new_size=len(change.new), new_sha256=_sha256(change.new))


def _changed_meanwhile(content_dir: Path, changes: Sequence[TableChange]) -> str | None:
    """The first table whose bytes are no longer those the rows were appended to (an editor saved it meanwhile)."""
    for change in changes:
        path = content_dir / change.name
        now = path.read_bytes() if kind_of(path) is Kind.FILE else b""
        if now != change.old:
            return change.name
    return None


def _write_journal(content_dir: Path, entries: Sequence[_Entry]) -> None:
    data = {"version": _VERSION, "tables": [vars(entry) for entry in entries]}
    journal = content_dir / JOURNAL
    temp = content_dir / f"{JOURNAL}{TEMP_SUFFIX}"
    _write_synced(temp, json.dumps(data, indent=1).encode("utf-8"), like=None)
    os.replace(temp, journal)
    reached("journal in place")
    _sync_folder(content_dir)
    reached("folder synced after journal")


def _write_synced(path: Path, data: bytes, *, like: Path | None) -> None:
    """Write ``path`` new (with the permissions of ``like`` when it exists) and sync it to disk."""
    _remove(path)
    # O_EXCL: a link or file put at the temporary name is refused, never written through.
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _BINARY | _NOFOLLOW, 0o666)
    with os.fdopen(fd, "wb") as file:
        reached(f"created {path.name}")
        if like is not None and kind_of(like) is Kind.FILE:
            os.chmod(path, stat.S_IMODE(os.stat(like).st_mode))  # a shared folder's group rights stay
        half = len(data) // 2
        file.write(data[:half])
        file.flush()
        reached(f"half written {path.name}")
        file.write(data[half:])
        file.flush()
        reached(f"written {path.name}")
        os.fsync(file.fileno())
        reached(f"synced {path.name}")


# --- finishing or undoing ------------------------------------------------------------


def recover(content_dir: Path, report: Report) -> None:
    """Finish an unfinished journal (or undo it when it cannot be finished) and remove stray temporary files.

    Says what it did in one message: info when nothing was lost, a warning when a change
    was undone, an error (at the journal) when it could not be done at all.
    """
    journal = content_dir / JOURNAL
    try:
        if kind_of(journal) is Kind.MISSING:
            if strays := _discard_quietly(content_dir):
                report.info(Location(path=display_path(content_dir)), "journal-strays-removed", files=", ".join(strays))
            return
        entries = _read_journal(journal)
        tables = ", ".join(entry.table for entry in entries or ()) or ", ".join(TABLES)
        if entries is not None and all(_ready(content_dir, entry) for entry in entries):
            _roll_forward(content_dir, [entry.table for entry in entries])
            report.info(Location(path=display_path(journal)), "journal-completed", tables=tables)
        else:
            _roll_back(content_dir, entries or ())
            report.warning(Location(path=display_path(journal)), "journal-rolled-back", tables=tables)
    except OSError as error:
        report.error(Location(path=display_path(journal)), "journal-recovery-failed", problem=_reason(error))


def _read_journal(journal: Path) -> tuple[_Entry, ...] | None:
    """The journal's entries; None when it is no journal this program wrote (a link, damaged, edited by hand)."""
    if kind_of(journal) is not Kind.FILE:
        return None
    try:
        data = json.loads(journal.read_bytes())
        entries = tuple(_Entry(**entry) for entry in data["tables"])
    except (ValueError, TypeError, KeyError):
        return None
    names = [entry.table for entry in entries]
    if data.get("version") != _VERSION or len(set(names)) != len(names) or not all(name in TABLES for name in names):
        return None  # a journal must never make us rename any other file
    return entries


def _ready(content_dir: Path, entry: _Entry) -> bool:
    """Whether ``entry`` can be finished: its temporary file is there whole, or it was renamed already."""
    temp = temp_path(content_dir, entry.table)
    if kind_of(temp) is Kind.FILE:
        return _digest(temp) == (entry.new_size, entry.new_sha256)
    return kind_of(temp) is Kind.MISSING and _digest(content_dir / entry.table) == (entry.new_size, entry.new_sha256)


def _roll_forward(content_dir: Path, tables: Sequence[str]) -> None:
    for table in tables:
        temp = temp_path(content_dir, table)
        if kind_of(temp) is Kind.FILE:  # gone: renamed before the interruption
            os.replace(temp, content_dir / table)
            reached(f"renamed {table}")
    _sync_folder(content_dir)
    reached("folder synced after renames")
    _remove(content_dir / JOURNAL)
    reached("journal removed")
    _sync_folder(content_dir)
    reached("folder synced after journal removed")


def _roll_back(content_dir: Path, entries: Sequence[_Entry]) -> None:
    """Put back the old bytes of every table already replaced, then drop the temporary files and the journal."""
    for entry in entries:
        path = content_dir / entry.table
        if _digest(path) != (entry.new_size, entry.new_sha256):
            continue  # not replaced
        if entry.old_size == 0:  # a table the command created (the reader refuses an empty one: it was not there)
            _remove(path)
            reached(f"restored {entry.table}")
            continue
        old = path.read_bytes()[: entry.old_size]  # appended only: the old bytes are the new ones' start
        if _sha256(old) == entry.old_sha256:
            temp = temp_path(content_dir, entry.table)
            _write_synced(temp, old, like=path)
            os.replace(temp, path)
            reached(f"restored {entry.table}")
    _sync_folder(content_dir)
    _remove(content_dir / JOURNAL)
    _discard(content_dir)
    _sync_folder(content_dir)


def _discard(content_dir: Path) -> list[str]:
    """Remove the temporary files in ``content_dir`` (an error stops it); their names."""
    names = _strays(content_dir)
    for name in names:
        _remove(content_dir / name)
    return names


def _discard_quietly(content_dir: Path) -> list[str]:
    """Remove the journal and temporary files as far as possible; the names removed.

    Used where something else is reported (a failed write), or where what is left is
    harmless (temporary files without a journal, which the reader never reads).
    """
    removed = []
    for name in (JOURNAL, *_strays(content_dir)):
        try:
            os.unlink(content_dir / name)
        except OSError:
            continue
        removed.append(name)
    return removed


def _strays(content_dir: Path) -> list[str]:
    """The names of the temporary files in ``content_dir``, sorted."""
    try:
        with os.scandir(content_dir) as scan:
            return sorted(entry.name for entry in scan if entry.name.startswith(".") and entry.name.endswith(TEMP_SUFFIX))
    except OSError:
        return []


# --- small helpers -------------------------------------------------------------------


def _remove(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        os.unlink(path)


def _sync_folder(folder: Path) -> None:
    """Make renames and removals in ``folder`` durable (POSIX: sync the folder itself)."""
    if os.name == "nt":  # Windows cannot open a folder to sync it; NTFS journals its own metadata
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _digest(path: Path) -> tuple[int, str] | None:
    """Size and SHA-256 of a regular file; None when there is none."""
    if kind_of(path) is not Kind.FILE:
        return None
    data = path.read_bytes()
    return len(data), _sha256(data)


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _reason(error: OSError) -> str:
    return error.strerror or type(error).__name__
