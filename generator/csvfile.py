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
from collections.abc import Callable, Iterator
from functools import lru_cache
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING

from .diagnostics import Location, Report
from .fields import hint
from .files import read_text

if TYPE_CHECKING:
    import _csv

# The largest CSV file read, in bytes: some two and a half million sign-off rows of 80 bytes.
# Reading a million such rows takes about 0.35 GB (bench/README.md); a larger file is refused.
CSV_LIMIT = 200 * 2**20

_CHUNK = 2**20  # characters handed to the csv module at a time
# Only with '-': Dutch Excel writes 3-1-2026, while 3/1/2026 may be an American 1 March.
_DAY_FIRST = re.compile(r"^(\d{1,2})-(\d{1,2})-(\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")


class Row:
    """One data row: where it starts, its position, and its cells (stripped) in the order of the columns asked for."""

    # A plain slotted class: a sign-off file has hundreds of thousands of rows.
    __slots__ = ("cells", "location", "order")

    def __init__(self, location: Location, cells: tuple[str, ...], order: int) -> None:
        self.location, self.cells, self.order = location, cells, order


def read_rows(
    path: Path, location: Location, columns: tuple[str, ...], report: Report, optional: tuple[str, ...] = (),
    key: str | None = None,
) -> Iterator[Row]:
    """The data rows of a CSV file whose header must name ``columns`` (in any order) and may name ``optional``
    ones, whose cells follow the others (empty when the file has no such column); the file is read now.

    ``key`` is the column holding the id a row defines: a row left out for its number of fields keeps
    that id known (``report.broken``), so that what names it elsewhere is not reported too.

    The reader is strict: a lenient one takes an unclosed quote as a cell that runs to the
    end of the file, and silently drops every row after it. A record the csv module refuses
    is reported on the line it starts on, and ends the file: what follows it cannot be
    trusted to start a row.
    """
    text = _table_text(path, location, columns, report)
    if text is None:
        return iter(())
    delimiter = _delimiter(text)
    reader = csv.reader(_lines(text), delimiter=delimiter, strict=True)
    try:
        header = [name.strip() for name in next(reader, [])]
    except csv.Error:
        _refused(location.at(1), report)
        return iter(())
    if not _header_ok(header, columns, optional, location.at(1), report):
        report.unreadable.add(location.path)
        return iter(())
    position = {name: index for index, name in enumerate(header)}  # a column named twice: the last counts
    shape = _Shape(header, delimiter, position.get(key) if key else None)
    return _data_rows(reader, shape, _in_column_order([position.get(name) for name in (*columns, *optional)]), location, report)


class _Shape:
    """What a data row should look like: the header's columns, the file's delimiter, where the row's id is."""

    def __init__(self, header: list[str], delimiter: str, key_position: int | None) -> None:
        self.header, self.delimiter, self.key_position = header, delimiter, key_position
        self.width = len(header)

    def report_width(self, cells: list[str], location: Location, report: Report) -> None:
        """A row with too few or too many fields: say why, and keep the id it defines known."""
        other = ";" if self.delimiter == "," else ","
        split = [cell.strip() for cell in self.delimiter.join(cells).split(other)]
        if len(split) == self.width:
            report.error(location, "csv-other-delimiter", used=other, delimiter=self.delimiter)
            cells = split
        elif len(cells) < self.width:
            report.error(location, "csv-missing-fields", found=len(cells), expected=self.width,
                         missing=", ".join(self.header[len(cells):]), delimiter=self.delimiter)
        else:
            report.error(location, "csv-columns", found=len(cells), expected=self.width)
        if self.key_position is not None and self.key_position < len(cells) and cells[self.key_position]:
            report.broken.add(cells[self.key_position])


def _in_column_order(positions: list[int | None]) -> Callable[[list[str]], tuple[str, ...]]:
    """A row's cells in the order asked for; an optional column the file lacks (None) gives empty cells."""
    if None not in positions:
        return itemgetter(*positions)  # a tuple: a table has several columns
    return lambda cells: tuple(cells[i] if i is not None else "" for i in positions)


def _data_rows(
    reader: _csv.Reader, shape: _Shape, in_column_order: Callable[[list[str]], tuple[str, ...]], location: Location, report: Report,
) -> Iterator[Row]:
    share: dict[str, str] = {}
    line = reader.line_num + 1  # where the next record starts
    try:
        for fields in reader:
            start, line = line, reader.line_num + 1
            row_location = Location(path=location.path, line=start)
            cells = list(map(str.strip, fields))
            if not any(cells):
                continue  # blank lines, e.g. at the end of an Excel export
            if len(cells) != shape.width:
                shape.report_width(cells, row_location, report)
                continue
            # The line doubles as the row's position: one int object for both.
            yield Row(row_location, in_column_order(list(map(share.setdefault, cells, cells))), start)
    except csv.Error:
        _refused(location.at(line), report)


def _refused(location: Location, report: Report) -> None:
    report.unreadable_file(location, "csv-syntax", limit=csv.field_size_limit())


def _table_text(path: Path, location: Location, columns: tuple[str, ...], report: Report) -> str | None:
    """The text of a CSV file, or None (reported) when it is unreadable or empty.

    read_text() has refused control characters (a NUL, which the csv module cannot take, among them).
    """
    text = read_text(path, location, report, limit=CSV_LIMIT)
    if text is None:
        return None
    if not text.strip():
        report.unreadable_file(location.at(1), "csv-empty", expected=",".join(columns))
        return None
    return text


def _delimiter(text: str) -> str:
    first_line = text.partition("\n")[0]
    return ";" if first_line.count(";") > first_line.count(",") else ","


def _lines(text: str) -> Iterator[str]:
    """The lines of ``text`` as a file opened with ``newline=""`` yields them, read a chunk at a time."""
    start = 0
    while start < len(text):
        # A chunk ends after a newline, never inside CR LF; where none follows, after a lone CR (old Mac Excel).
        end = text.find("\n", start + _CHUNK) + 1 or text.find("\r", start + _CHUNK) + 1 or len(text)
        yield from io.StringIO(text[start:end], newline="")
        start = end


def _header_ok(header: list[str], columns: tuple[str, ...], optional: tuple[str, ...], location: Location, report: Report) -> bool:
    ok = True
    for name in header:
        if name not in columns and name not in optional:
            known = (*columns, *optional)
            report.error(location, "csv-unknown-column", column=name, hint=hint(name, known), expected=",".join(known))
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
