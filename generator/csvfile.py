"""Read the CSV tables of the content, as written by hand or exported from (Dutch) Excel.

Excel in a Dutch locale writes ``;`` between fields, may start the file with a
byte-order mark and ends lines with CR LF; all three are accepted here. Rows are
numbered as an editor shows them, the header being line 1.
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
    text = read_text(path, location, report)
    if text is None:
        return
    if not text.strip():
        report.unreadable_file(location.at(1), "csv-empty", expected=",".join(columns))
        return
    first_line = text.partition("\n")[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = [name.strip() for name in next(reader)]
    if not _header_ok(header, columns, location.at(1), report):
        report.unreadable.add(location.path)
        return
    for order, fields in enumerate(reader):
        if not "".join(fields).strip():
            continue  # blank lines, e.g. at the end of an Excel export
        row_location = Location(path=location.path, line=reader.line_num)
        if len(fields) != len(header):
            report.error(row_location, "csv-columns", found=len(fields), expected=len(header))
            continue
        yield Row(row_location, dict(zip(header, map(str.strip, fields), strict=True)), order)


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
