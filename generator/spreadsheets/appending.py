"""Append rows to a content table (people.csv, signoffs.csv) the way the file is written already.

Existing rows are never rewritten or reordered: the file keeps its separator, its
byte-order mark and its line endings, and new rows follow its own column order. The
result is the file's new bytes, which the journal writes (all tables or none).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..journal import TableChange


@dataclass(frozen=True, kw_only=True)
class TableStyle:
    columns: tuple[str, ...]  # in the file's order
    delimiter: str
    newline: str
    ends_with_newline: bool
    needs_header: bool  # the file is missing or empty


def appended(path: Path, default_columns: tuple[str, ...], rows: Sequence[Mapping[str, str]]) -> TableChange:
    """``path``'s bytes with ``rows`` appended (with a header first when the file is missing or empty)."""
    old = path.read_bytes() if path.is_file() else b""
    added = rows_text(table_style(old, default_columns), rows).encode("utf-8") if rows else b""
    return TableChange(name=path.name, old=old, new=old + added)


def table_style(data: bytes, default_columns: tuple[str, ...]) -> TableStyle:
    """How a table with the bytes ``data`` is written; an empty one gets the contract's columns, commas and LF."""
    text = data.decode("utf-8-sig")  # content tables are UTF-8: the checker refuses anything else
    if not text.strip():
        return TableStyle(columns=default_columns, delimiter=",", newline="\n", ends_with_newline=True, needs_header=True)
    first_line = text.splitlines()[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    header = next(csv.reader([first_line], delimiter=delimiter))
    newline = "\r\n" if "\r\n" in text[: len(first_line) + 2] else "\n"
    return TableStyle(columns=tuple(name.strip() for name in header), delimiter=delimiter, newline=newline,
                      ends_with_newline=text.endswith(("\n", "\r")), needs_header=False)


def rows_text(style: TableStyle, rows: Sequence[Mapping[str, str]]) -> str:
    """The text to append: a header first when the file has none, then one line per row."""
    out = io.StringIO()
    if not style.ends_with_newline:
        out.write(style.newline)
    writer = csv.writer(out, delimiter=style.delimiter, lineterminator=style.newline)
    if style.needs_header:
        writer.writerow(style.columns)
    for row in rows:
        writer.writerow([row.get(column, "") for column in style.columns])
    return out.getvalue()
