"""The content's git history: when each file of the content folder changed, and its earlier versions.

Read once per build: one ``git log`` over the whole content folder, parsed in one pass (a call per
file would start a process per page, as mkdocs-git-revision-date-localized does), and earlier
versions of a few files through one ``git cat-file --batch``. Everything works without git: outside
a repository the history is empty; git missing where there is a repository, a shallow clone or a
git error is said once, as a message, and the checks that need the history are skipped rather than
guessed.
"""

from __future__ import annotations

import datetime as dt
import enum
import subprocess
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from .diagnostics import Location, Report, display_path

_RECORD, _FIELD = "\x1e", "\0"
# The author's date in the author's own time zone: written into the commit, so that the same history
# always gives the same dates (a build is reproducible), whatever the build machine's zone.
_LOG = ["-c", "core.quotepath=off", "log", "--no-renames", "--no-color", "--no-show-signature",
        f"--format={_RECORD}%H %aI", "--name-only", "-z", "--relative", "--", "."]
_TIMEOUT = 120  # seconds; a large history takes a second or two


class State(enum.Enum):
    READ = "read"
    NONE = "none"  # not in a repository: nothing to say
    SKIPPED = "skipped"  # a repository whose history could not be used (said once, as a message)


@dataclass(frozen=True, kw_only=True)
class Revision:
    """A commit that changed a file."""

    commit: str
    date: dt.date


@dataclass(frozen=True, kw_only=True)
class ContentHistory:
    """The commits that changed each file of the content folder, newest first."""

    state: State = State.NONE
    revisions: Mapping[str, tuple[Revision, ...]] = field(default_factory=dict)  # by path relative to the content folder
    folder: Path | None = None  # the content folder, to run git in
    prefix: str = ""  # the content folder relative to the repository's top, with a final slash

    def last_changed(self, path: str) -> dt.date | None:
        """The date of the last commit that changed ``path`` (relative to the content folder), if known."""
        found = self.revisions.get(path)
        return found[0].date if found else None

    def of(self, path: str) -> tuple[Revision, ...]:
        return self.revisions.get(path, ())

    def texts(self, wanted: Iterable[tuple[str, str]]) -> dict[tuple[str, str], str]:
        """The text of each (commit, path) asked for, read through one ``git cat-file --batch``;
        a version that cannot be read is left out."""
        keys = list(dict.fromkeys(wanted))
        if not keys or self.folder is None:
            return {}
        request = "".join(f"{commit}:{self.prefix}{path}\n" for commit, path in keys).encode()
        output, _ = _git(self.folder, ["cat-file", "--batch"], request)
        if output is None:
            return {}
        return {key: text for key, text in zip(keys, _batch_objects(output, len(keys)), strict=True) if text is not None}


NO_HISTORY = ContentHistory()


def read_history(content_dir: Path, report: Report) -> ContentHistory:
    """The history of ``content_dir`` from git, or an empty one (with at most one message saying why)."""
    where = Location(path=display_path(content_dir))
    if not _in_repository(content_dir):
        return NO_HISTORY
    facts, problem = _git(content_dir, ["rev-parse", "--is-shallow-repository", "--show-prefix"])
    if facts is None:
        report.info(where, "git-unavailable", problem=problem)
        return ContentHistory(state=State.SKIPPED)
    shallow, _, prefix = facts.decode("utf-8", "replace").partition("\n")
    if shallow.strip() == "true":
        report.info(where, "git-shallow")
        return ContentHistory(state=State.SKIPPED)
    log, problem = _git(content_dir, _LOG)
    if log is None:
        report.info(where, "git-unavailable", problem=problem)
        return ContentHistory(state=State.SKIPPED)
    return ContentHistory(state=State.READ, revisions=parse_log(log.decode("utf-8", "replace")), folder=content_dir,
                          prefix=prefix.strip())


def parse_log(log: str) -> dict[str, tuple[Revision, ...]]:
    """``git log --format=<RS>%H %aI --name-only -z`` parsed in one pass: each file's commits, newest first."""
    found: dict[str, list[Revision]] = {}
    for record in log.split(_RECORD)[1:]:
        header, _, names = record.partition(_FIELD)
        commit, _, stamp = header.partition(" ")
        revision = Revision(commit=commit, date=dt.date.fromisoformat(stamp[:10]))
        for name in names.split(_FIELD):
            if name := name.strip("\n"):
                found.setdefault(name, []).append(revision)
    return {name: tuple(revisions) for name, revisions in found.items()}


def _in_repository(folder: Path) -> bool:
    """Whether a ``.git`` lies in the folder or above it: only then is a missing git worth a message."""
    start = folder.resolve()
    return any((parent / ".git").exists() for parent in (start, *start.parents))


def _git(folder: Path, arguments: list[str], given: bytes | None = None) -> tuple[bytes | None, str]:
    """What git prints, or None and why when git is missing or fails: the history is then simply not used."""
    try:
        done = subprocess.run(["git", "-C", str(folder), *arguments], input=given, capture_output=True,
                              timeout=_TIMEOUT, check=False)
    except (OSError, subprocess.SubprocessError) as error:
        return None, str(error)
    if done.returncode != 0:  # e.g. "detected dubious ownership" in a container: git's own first line says it best
        return None, next(iter(done.stderr.decode("utf-8", "replace").strip().splitlines()), f"git: {done.returncode}")
    return done.stdout, ""


def _batch_objects(output: bytes, count: int) -> list[str | None]:
    """The objects of ``git cat-file --batch`` output in order; a missing one as None."""
    texts: list[str | None] = []
    at = 0
    for _ in range(count):
        end = output.index(b"\n", at)
        header = output[at:end].split()
        if len(header) < 3 or header[-1] == b"missing":
            texts.append(None)
            at = end + 1
            continue
        size = int(header[2])
        texts.append(output[end + 1:end + 1 + size].decode("utf-8", "replace"))
        at = end + 1 + size + 1
    return texts
