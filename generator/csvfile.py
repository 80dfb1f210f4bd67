"""Read the CSV tables of the content, as written by hand or exported from (Dutch) Excel.

Excel in a Dutch locale writes ``;`` between fields, may start the file with a
byte-order mark and ends lines with CR LF; all three are accepted here. Rows are
numbered as an editor shows them, the header being line 1; a row whose quoted
cell spans several lines is placed on the line it starts on.

A sign-off history can grow to a million rows, so this is one of the few hot
paths of the generator: the file is handed to the csv module a chunk at a time
(``io.StringIO`` keeps four bytes per character, four times the whole file at
once), and equal cells share one string object (ids and dates repeat on every
row, and a sign-off keeps four of them).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from .diagnostics import Location, Report
from .fields import hint
from .yamlfile import read_text

# The largest CSV file read, in bytes. A sign-off row takes 60–120 bytes, so this holds
# some two million rows; reading one million takes about a third of a gigabyte.
CSV_LIMIT = 200 * 2**20

_CHUNK = 2**20  # characters handed to the csv module at a time
_DAY_FIRST = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")


class Row:
    """One data row: its cells by column name (stripped), where it stands, and its position."""

    # A plain slotted class: a sign-off file has hundreds of thousands of rows.
    __slots__ = ("location", "order", "values")

    def __init__(self, location: Location, values: dict[str, str], order: int) -> None:
        self.location, self.values, self.order = location, values, order

    def __getitem__(self, column: str) -> str:
        return self.values.get(column, "")


def read_rows(path: Path, location: Location, columns: tuple[str, ...], report: Report) -> Iterator[Row]:
    """The data rows of a CSV file whose header must name ``columns`` (in any order)."""
    text = read_text(path, location, report, limit=CSV_LIMIT)
    if text is None:
        return
    if not text.strip():
        report.unreadable_file(location.at(1), "csv-empty", expected=",".join(columns))
        return
    if (nul := text.find("\0")) >= 0:  # the csv module refuses it (before Python 3.13), an editor hides it
        report.unreadable_file(location.at(text.count("\n", 0, nul) + 1), "control-character", character="U+0000")
        return
    records = _records(text, location, report)
    header = [name.strip() for name in next(records, (1, []))[1]]
    if not _header_ok(header, columns, location.at(1), report):
        report.unreadable.add(location.path)
        return
    share: dict[str, str] = {}
    for line, fields in records:
        cells = list(map(str.strip, fields))
        if not any(cells):
            continue  # blank lines, e.g. at the end of an Excel export
        row_location = Location(path=location.path, line=line)
        if len(cells) != len(header):
            report.error(row_location, "csv-columns", found=len(cells), expected=len(header))
            continue
        # The line doubles as the row's position: one int object for both.
        yield Row(row_location, dict(zip(header, map(share.setdefault, cells, cells), strict=True)), line)


def _delimiter(text: str) -> str:
    first_line = text.partition("\n")[0]
    return ";" if first_line.count(";") > first_line.count(",") else ","


def _lines(text: str) -> Iterator[str]:
    """The lines of ``text`` as a file opened with ``newline=""`` yields them, read a chunk at a time."""
    start = 0
    while start < len(text):
        end = text.find("\n", start + _CHUNK) + 1 or len(text)  # a chunk ends after a newline, never inside CR LF
        yield from io.StringIO(text[start:end], newline="")
        start = end


def _records(text: str, location: Location, report: Report) -> Iterator[tuple[int, list[str]]]:
    """Each record with the line it starts on; a record the csv module refuses is reported and ends the file.

    Strict, because the lenient reader takes an unclosed quote as a cell that runs to the
    end of the file and silently drops every row after it. What follows a refused record
    cannot be trusted to start a row, so the rest of the file is not read.
    """
    reader = csv.reader(_lines(text), delimiter=_delimiter(text), strict=True)
    line = 1
    while True:
        try:
            fields = next(reader)
        except StopIteration:
            return
        except csv.Error:
            report.unreadable_file(location.at(line), "csv-syntax", limit=csv.field_size_limit())
            return
        yield line, fields
        line = reader.line_num + 1


def _header_ok(header: list[str], columns: tuple[str, ...], location: Location, report: Report) -> bool:
    ok = True
    for name in header:
        if name not in columns:
            report.error(location, "csv-unknown-column", column=name, hint=hint(name, columns), expected=",".join(columns))
            ok = False
    missing = [name for name in columns if name not in header]
    if missing:
        report.error(location, "csv-header", expected=",".join(columns), missing=", ".join(missing))
        ok = False
    return ok


@lru_cache(maxsize=65536)  # sign-off files repeat a few thousand dates over many rows
def parse_date(text: str) -> dt.date | None:
    """A date written ``YYYY-MM-DD`` or, as Dutch Excel does, ``DD-MM-YYYY``; None if neither."""
    if match := _ISO.match(text):
        year, month, day = (int(part) for part in match.groups())
    elif match := _DAY_FIRST.match(text):
        day, month, year = (int(part) for part in match.groups())
    else:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
