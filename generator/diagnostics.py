"""Messages about the content: where, what kind, and what to do about it.

Every phase reports into a :class:`Report` instead of raising, so that one run
shows an author *all* their mistakes. A message keeps its catalogue key and
parameters rather than finished text: the site's language is only known once
``organisation.yml`` has been read, and messages are worded at the end.
"""

from __future__ import annotations

import difflib
import enum
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path


class Severity(enum.Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True, kw_only=True)
class Location:
    """A place in the content: a file shown relative to the project, and a line (1-based)."""

    path: str
    line: int | None = None

    def __str__(self) -> str:
        return f"{self.path}:{self.line}" if self.line else self.path

    def at(self, line: int | None) -> Location:
        return Location(path=self.path, line=line)


@dataclass(frozen=True)
class Text:
    """A catalogue key with its parameters, worded later in the site's language."""

    key: str
    params: Mapping[str, Param] = field(default_factory=dict)


Param = str | int | Text


@dataclass(frozen=True, kw_only=True)
class Message:
    severity: Severity
    code: str
    location: Location
    params: Mapping[str, Param] = field(default_factory=dict)


# Lists the generator itself writes into a message (known keys, allowed values, columns): never cut.
_OWN_LISTS = frozenset({"known", "allowed", "expected", "missing", "places"})
MAX_VALUE_LENGTH = 120
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def printable(value: str, limit: int | None = MAX_VALUE_LENGTH) -> str:
    """A value from the content made safe to print in a one-line message.

    Control characters are shown escaped (an ANSI escape in a CSV cell would otherwise
    recolour the author's terminal, a newline would split the message), and a long value
    is cut with "…" (a megabyte in one cell would become a megabyte of message).
    """
    if limit is not None and len(value) > limit:
        value = value[: limit - 1] + "…"
    return _UNPRINTABLE.sub(_escaped, value)


def _escaped(match: re.Match[str]) -> str:
    return match.group().encode("unicode_escape").decode("ascii")


def printable_params(params: Mapping[str, Param]) -> dict[str, Param]:
    """``params`` with every text from the content made :func:`printable`, also inside nested texts."""
    return {name: _printable_param(name, value) for name, value in params.items()}


def _printable_param(name: str, value: Param) -> Param:
    if isinstance(value, Text):
        return Text(value.key, printable_params(value.params))
    if isinstance(value, str):
        return printable(value, None if name in _OWN_LISTS else MAX_VALUE_LENGTH)
    return value


def display_path(path: Path) -> str:
    """The path as an author would type it: relative to the working directory when inside it."""
    try:
        return os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)


def suggest(word: str, known: Iterable[str]) -> str | None:
    """The known word closest to a misspelt one, if any is close enough to be a likely typo.

    Never one that differs only in its numbers: 'p-023' for 'p-042' is another person, and
    'analyse-3-02' for 'analyse-3-01' another criterion; a near spelling is no near meaning there.
    """
    matches = difflib.get_close_matches(word, list(known), n=5, cutoff=0.6)
    return next((match for match in matches if not _other_number(word, match)), None)


_NUMBER = re.compile(r"\d+")


def _other_number(word: str, match: str) -> bool:
    """Whether ``match`` is ``word`` with other numbers in it ('p-42' and 'p-042' hold the same number)."""
    if _NUMBER.sub("#", word) != _NUMBER.sub("#", match):
        return False
    return [int(n) for n in _NUMBER.findall(word)] != [int(n) for n in _NUMBER.findall(match)]


class Report:
    """Collects messages from all phases, in the order they were found."""

    def __init__(self) -> None:
        self.messages: list[Message] = []
        # Files that could not be read at all: references to what they define are not
        # reported again, since every such message would only repeat the first one.
        self.unreadable: set[str] = set()
        # Ids of records that were reported as invalid and left out: they still count as known,
        # so that what cites them is not reported too (the mistake is where the record is).
        self.broken: set[str] = set()

    def unreadable_file(self, location: Location, code: str, **params: Param) -> None:
        """An error that makes a whole file unusable."""
        self.error(location, code, **params)
        self.unreadable.add(location.path)

    def error(self, location: Location, code: str, **params: Param) -> None:
        self._add(Severity.ERROR, location, code, params)

    def warning(self, location: Location, code: str, **params: Param) -> None:
        self._add(Severity.WARNING, location, code, params)

    def info(self, location: Location, code: str, **params: Param) -> None:
        self._add(Severity.INFO, location, code, params)

    def _add(self, severity: Severity, location: Location, code: str, params: Mapping[str, Param]) -> None:
        self.messages.append(Message(severity=severity, code=code, location=location, params=params))

    @property
    def has_errors(self) -> bool:
        return any(m.severity is Severity.ERROR for m in self.messages)

    def in_file_order(self) -> list[Message]:
        """Messages grouped by file and ordered by line, as an author works through them; on one line
        errors come before warnings (the error is usually the cause)."""
        rank = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
        return sorted(self.messages, key=lambda m: (m.location.path, m.location.line or 0, rank[m.severity]))

    def of(self, severity: Severity) -> list[Message]:
        return [m for m in self.messages if m.severity is severity]
