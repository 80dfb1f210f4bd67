"""Read one sheet of an ``.xlsx`` workbook or a ``.csv`` file into plain rows of cell values.

Every cell keeps its place, so that a message can name it as a spreadsheet user
finds it: ``matrix.xlsx:Blad1!F7`` (or ``matrix.csv:F7``).
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException

from ..diagnostics import Location, Report

Cell = str | int | float | None


@dataclass(frozen=True, kw_only=True)
class Sheet:
    file: str  # the file's name as the author knows it
    name: str | None  # the sheet's name; None for a CSV file
    rows: tuple[tuple[Cell, ...], ...]  # rows[0] is row 1

    def at(self, row: int, column: int) -> Location:
        """The cell in row ``row`` (1-based) and column ``column`` (0-based)."""
        cell = f"{get_column_letter(column + 1)}{row}"
        return Location(path=f"{self.file}:{self.name}!{cell}" if self.name is not None else f"{self.file}:{cell}")


def read_sheet(path: Path, sheet_name: str | None, report: Report) -> Sheet | None:
    """The sheet ``sheet_name`` (default the first) of an .xlsx file, or a .csv file; None when reported unreadable."""
    where = Location(path=path.name)
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".xlsm", ".csv"):
        report.error(where, "import-file-type", suffix=suffix or "''")
        return None
    try:
        data = path.read_bytes()
    except OSError as error:
        report.error(where, "import-unreadable", problem=error.strerror or str(error))
        return None
    if suffix == ".csv":
        return _csv_sheet(path.name, data, report)
    return _xlsx_sheet(path.name, data, sheet_name, report)


def _xlsx_sheet(file: str, data: bytes, sheet_name: str | None, report: Report) -> Sheet | None:
    where = Location(path=file)
    try:
        # data_only: a formula cell gives the value Excel saved with it, not the formula.
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError) as error:
        report.error(where, "import-not-xlsx", problem=str(error))
        return None
    try:
        names = workbook.sheetnames
        name = sheet_name if sheet_name is not None else names[0]
        if name not in names:
            report.error(where, "import-no-sheet", sheet=name, known=", ".join(names))
            return None
        rows = tuple(tuple(_cell(value) for value in row) for row in workbook[name].iter_rows(values_only=True))
        return Sheet(file=file, name=name, rows=rows)
    finally:
        workbook.close()


def _cell(value: object) -> Cell:
    """Numbers stay numbers (a level is one), a date becomes YYYY-MM-DD; anything else is compared as text."""
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()[:10]
    if value is None or (isinstance(value, str | int | float) and not isinstance(value, bool)):
        return value
    return str(value)


def _csv_sheet(file: str, data: bytes, report: Report) -> Sheet | None:
    text = _decoded(data)
    if text is None:
        report.error(Location(path=file), "import-encoding")
        return None
    delimiter = ";" if text.count(";") > text.count(",") else ","
    try:
        rows = tuple(tuple(cell.strip() or None for cell in row) for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as error:
        report.error(Location(path=file), "import-unreadable", problem=str(error))
        return None
    return Sheet(file=file, name=None, rows=rows)


def _decoded(data: bytes) -> str | None:
    """UTF-8 (with or without byte-order mark) or else Windows-1252, as Excel saves "CSV" in Western Europe.

    UTF-16 ("Unicode text") and bytes that Windows-1252 leaves undefined are refused: guessing
    further would turn names into garbage without a word.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or b"\x00" in data:
        return None
    data = data.removeprefix(codecs.BOM_UTF8)
    for encoding in ("utf-8", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None
