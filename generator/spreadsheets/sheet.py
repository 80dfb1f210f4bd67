"""Read one sheet of an ``.xlsx`` workbook or a ``.csv`` file into plain rows of cell values.

Every cell keeps its place, so that a message can name it as a spreadsheet user
finds it: ``matrix.xlsx:Blad1!F7`` (or ``matrix.csv:F7``).

An imported sheet comes from outside the content and ends up in people.csv and
signoffs.csv, so it is read within limits and nothing in it is passed on unseen:
the file is a regular file of at most :data:`FILE_LIMIT` bytes (read as
``files.py`` reads content), a workbook's parts are measured by its central
directory before anything is unpacked, its XML is parsed without entities
(openpyxl uses defusedxml), rows and columns are counted while they stream in and
reading stops at the first one past a limit, and every text cell is checked for
length, invisible characters and formulas.
"""

from __future__ import annotations

import codecs
import csv
import dataclasses
import datetime as dt
import io
import os
import re
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from openpyxl import load_workbook
from openpyxl.cell.read_only import ReadOnlyCell
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.workbook.workbook import Workbook

from ..characters import has_unsafe_characters
from ..diagnostics import Location, Report, Severity, Text
from ..files import Kind, kind_of, read_bytes

Cell = str | int | float | None

# Limits on an imported sheet, far above a real matrix (the benchmark's 3,000 people × 40 work
# processes is a 1 MB workbook of 4 MB XML) and well inside Excel's own (1,048,576 rows, 16,384
# columns, 32,767 characters a cell), so that a sheet read in can always be written back out.
FILE_LIMIT = 20 * 2**20  # bytes of the .xlsx or .csv file
# Bytes of all parts of a workbook together, unpacked. It also bounds the time: XML without entities
# parses at some 2 MB/s (defusedxml's parser is the pure-Python one), and openpyxl parses a whole
# sheet that does not declare its size (Excel always does) before the first row is read.
UNPACKED_LIMIT = 20 * 2**20
RATIO_LIMIT = 100  # a part unpacking to more than this many times its packed size (and over a MB) is a zip bomb
ROW_LIMIT = 10_000
COLUMN_LIMIT = 200
CELL_LIMIT = 2_000  # characters in one cell
PROBLEM_LIMIT = 100  # cells with a problem reported before reading stops: a hostile sheet could have millions

# What a broken or hostile workbook can raise from inside openpyxl, zipfile and the XML parser;
# defusedxml refuses an entity declaration or an external reference with a ValueError.
# openpyxl's own checks of what it reads raise TypeError and IndexError too (a style that is not there).
_BROKEN_XLSX = (zipfile.BadZipFile, zlib.error, EOFError, InvalidFileException, ParseError, KeyError, ValueError, OSError,
                TypeError, IndexError)

# One valid UTF-8 sequence of two to four bytes; Windows-1252 text rarely has one by chance.
_UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}|\xed[\x80-\x9f][\x80-\xbf]"
    rb"|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}|\xf4[\x80-\x8f][\x80-\xbf]{2}")
_PLAIN_NUMBER = re.compile(r"[0-9]+(?:[.,][0-9]+)?")
_FORMULA_SIGNS = ("=", "+", "-", "@")


@dataclass(frozen=True, kw_only=True)
class Sheet:
    file: str  # the file's name as the author knows it
    name: str | None  # the sheet's name; None for a CSV file
    rows: tuple[tuple[Cell, ...], ...]  # rows[0] is row 1; a row ends at its last filled-in cell

    def at(self, row: int, column: int) -> Location:
        """The cell in row ``row`` (1-based) and column ``column`` (0-based)."""
        cell = f"{get_column_letter(column + 1)}{row}"
        return Location(path=f"{self.file}:{self.name}!{cell}" if self.name is not None else f"{self.file}:{cell}")


def cell_at(cells: tuple[Cell, ...], column: int) -> Cell:
    """A row's cell in ``column`` (0-based); None beyond its last filled-in cell."""
    return cells[column] if column < len(cells) else None


def read_sheet(path: Path, sheet_name: str | None, report: Report) -> Sheet | None:
    """The sheet ``sheet_name`` (default the first) of an .xlsx file, or a .csv file; None when reported unreadable."""
    where = Location(path=path.name)
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".xlsm", ".csv"):
        report.error(where, "import-file-type", suffix=suffix or "''")
        return None
    data = _file_bytes(path, where, report)
    if data is None:
        return None
    if suffix == ".csv":
        return _csv_sheet(path.name, data, report)
    return _xlsx_sheet(path.name, data, sheet_name, report)


def _file_bytes(path: Path, where: Location, report: Report) -> bytes | None:
    """The file's bytes, read by the rule for content files: a regular file, at most FILE_LIMIT bytes."""
    # The name typed may be a link the user made; what it points at must be a regular file
    # (/dev/zero never ends, a named pipe blocks, a folder has no bytes).
    target = Path(os.path.realpath(path))
    kind = kind_of(target)
    if kind is Kind.MISSING:
        report.error(where, "import-missing")
        return None
    if kind is not Kind.FILE:
        report.error(where, "import-not-a-file", what=Text(f"import.kind-{kind.value}"))
        return None
    return read_bytes(target, where, report, limit=FILE_LIMIT)


def _xlsx_sheet(file: str, data: bytes, sheet_name: str | None, report: Report) -> Sheet | None:
    where = Location(path=file)
    if not _archive_fits(data, where, report):
        return None
    try:
        return _workbook_sheet(file, data, sheet_name, report)
    except _BROKEN_XLSX as error:
        cause = _first_cause(error)  # openpyxl wraps what the parser raised in a ValueError of its own
        if isinstance(cause, DefusedXmlException):
            report.error(where, "import-xml-entities")
        else:
            report.error(where, "import-not-xlsx", problem=str(cause) or type(cause).__name__)
    return None


def _first_cause(error: BaseException) -> BaseException:
    while (cause := error.__cause__ or error.__context__) is not None:
        error = cause
    return error


def _archive_fits(data: bytes, where: Location, report: Report) -> bool:
    """Whether the workbook's parts unpack within the limits, by the sizes its central directory gives.

    zipfile never unpacks more than the size a part declares (a part that holds more fails its
    checksum), so these sizes bound what openpyxl can unpack, and nothing is unpacked to learn them.
    """
    try:
        parts = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        report.error(where, "import-not-xlsx", problem=str(error) or type(error).__name__)
        return False
    total = sum(part.file_size for part in parts)
    if total > UNPACKED_LIMIT:
        report.error(where, "import-unpacked-too-large", size=_megabytes(total), limit=_megabytes(UNPACKED_LIMIT))
        return False
    for part in parts:
        if part.file_size > 2**20 and part.file_size > RATIO_LIMIT * part.compress_size:
            report.error(where, "import-packed-ratio", part=part.filename, ratio=part.file_size // max(part.compress_size, 1),
                         limit=RATIO_LIMIT)
            return False
    return True


def _workbook_sheet(file: str, data: bytes, sheet_name: str | None, report: Report) -> Sheet | None:
    # data_only: a formula cell gives the value Excel saved with it, not the formula.
    workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    try:
        name = _sheet_name(workbook, sheet_name, Location(path=file), report)
        if name is None:
            return None
        place = Sheet(file=file, name=name, rows=())
        blank_rows: list[int] = []
        rows = _rows_within_limits(place, _xlsx_rows(workbook, name, blank_rows), report)
    finally:
        workbook.close()
    if rows is None:
        return None
    sheet = dataclasses.replace(place, rows=rows)
    if blank_rows and blank_rows[0] <= len(rows) and _uncomputed(sheet, data, min(blank_rows[-1], len(rows)), report):
        return None
    return sheet


def _sheet_name(workbook: Workbook, sheet_name: str | None, where: Location, report: Report) -> str | None:
    names = workbook.sheetnames
    name = sheet_name if sheet_name is not None else next(iter(names), "")  # "": a workbook without sheets
    if name not in names:
        report.error(where, "import-no-sheet", sheet=name, known=", ".join(names))
        return None
    return name


def _xlsx_rows(workbook: Workbook, name: str, blank_rows: list[int]) -> Iterator[tuple[Cell, ...]]:
    """The sheet's rows as values; ``blank_rows`` gets the rows with a cell that is there but holds no value.

    Such a cell is formatting only, or a formula without a saved value; reading the formulas
    tells them apart (:func:`_uncomputed`), only needed when there is such a cell.
    """
    worksheet = workbook[name]
    # The size a sheet declares is not trusted: openpyxl would pad every row to a declared
    # 16,384 columns, and cut off the cells beyond a declared size that is too small.
    worksheet.reset_dimensions()
    for number, row in enumerate(worksheet.iter_rows(), start=1):
        if number <= ROW_LIMIT and any(isinstance(cell, ReadOnlyCell) and cell.value is None and cell.data_type == "n" for cell in row):
            blank_rows.append(number)
        yield tuple(_xlsx_cell(cell.value, cell.data_type) for cell in row)


def _xlsx_cell(value: object, data_type: str | None) -> Cell:
    # A formula whose saved value is the empty text: "" keeps it apart from a formula never computed (None).
    return "" if value is None and data_type == "str" else _cell(value)


def _uncomputed(sheet: Sheet, data: bytes, last_row: int, report: Report) -> bool:
    """Whether a formula has no saved value (each reported): the workbook was written by a program that does not compute them."""
    workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    try:
        worksheet = workbook[sheet.name or ""]
        worksheet.reset_dimensions()
        found = False
        for number, row in enumerate(worksheet.iter_rows(max_row=last_row), start=1):
            values = sheet.rows[number - 1]
            for column, cell in enumerate(row):
                if cell.data_type == "f" and (column >= len(values) or values[column] is None):
                    report.error(sheet.at(number, column), "import-uncomputed-formula")
                    found = True
    finally:
        workbook.close()
    return found


def _cell(value: object) -> Cell:
    """Numbers stay numbers (a level is one), a date becomes YYYY-MM-DD; anything else is compared as text."""
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()[:10]
    if value is None or (isinstance(value, str | int | float) and not isinstance(value, bool)):
        return value
    return str(value)


def _rows_within_limits(place: Sheet, rows: Iterable[tuple[Cell, ...]], report: Report) -> tuple[tuple[Cell, ...], ...] | None:
    """The rows up to the last filled-in cell of each, every text cell checked; None when reported.

    Reading stops at the first row or column past a limit, and after PROBLEM_LIMIT bad cells:
    a million rows are refused after ten thousand have been read.
    """
    kept: list[tuple[Cell, ...]] = []
    problems = 0
    for number, row in enumerate(rows, start=1):
        width = _width(row)
        if number > ROW_LIMIT and width:
            report.error(place.at(number, _filled(row)[0]), "import-too-many-rows", limit=ROW_LIMIT)
            return None
        if width > COLUMN_LIMIT:
            report.error(place.at(number, width - 1), "import-too-many-columns", limit=COLUMN_LIMIT)
            return None
        if number <= ROW_LIMIT:
            kept.append(row[:width])
        problems += sum(_cell_problem(place, number, column, value, report) for column, value in enumerate(row[:width])
                        if isinstance(value, str) and _suspect(value))
        if problems >= PROBLEM_LIMIT:
            report.error(place.at(number, 0), "import-too-many-problems", count=problems)
            return None
    return None if problems else tuple(kept)


def stop_at_too_many_problems(sheet: Sheet, row: int, report: Report) -> bool:
    """Whether ``report`` holds PROBLEM_LIMIT errors, so that going on through the rows (reported then) only makes more."""
    errors = sum(message.severity is Severity.ERROR for message in report.messages)
    if errors >= PROBLEM_LIMIT:
        report.error(sheet.at(row, 0), "import-too-many-problems", count=errors)
    return errors >= PROBLEM_LIMIT


def _width(row: tuple[Cell, ...]) -> int:
    """The number of cells up to the last one with a value."""
    filled = _filled(row)
    return filled[-1] + 1 if filled else 0


def _filled(row: tuple[Cell, ...]) -> list[int]:
    return [column for column, value in enumerate(row) if value is not None and value != ""]


def _suspect(text: str) -> bool:
    """A quick first look at every cell: whatever _cell_problem() would refuse is not printable or starts with a sign."""
    return len(text) > CELL_LIMIT or not text.isprintable() or text.lstrip()[:1] in _FORMULA_SIGNS


def _cell_problem(place: Sheet, row: int, column: int, value: str, report: Report) -> bool:
    """Whether a text cell is too long, holds an invisible character, or would run as a formula (then reported)."""
    where = place.at(row, column)
    if len(value) > CELL_LIMIT:
        report.error(where, "import-cell-too-long", length=len(value), limit=CELL_LIMIT)
        return True
    if (character := has_unsafe_characters(value)) is not None:  # line breaks (Alt+Enter in Excel) are text
        report.error(where, "import-unsafe-character", character=character)
        return True
    if looks_like_formula(value):
        report.error(where, "import-formula-text", value=value.strip())
        return True
    return False


def looks_like_formula(text: str) -> bool:
    """Whether a spreadsheet would run ``text`` as a formula: it starts with = + - or @ and more than a number follows.

    Such a text in people.csv or signoffs.csv would run when the file is opened in Excel
    (``=cmd|' /C calc'!A0``); a negative number or a lone dash is harmless.
    """
    text = text.strip()
    rest = text[1:].strip()
    return text[:1] in _FORMULA_SIGNS and bool(rest) and not _PLAIN_NUMBER.fullmatch(rest)


def _csv_sheet(file: str, data: bytes, report: Report) -> Sheet | None:
    where = Location(path=file)
    text = _decoded(data, where, report)
    if text is None:
        return None
    delimiter = ";" if text.count(";") > text.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    place = Sheet(file=file, name=None, rows=())
    try:
        rows = _rows_within_limits(place, (tuple(cell.strip() or None for cell in row) for row in reader), report)
    except csv.Error as error:
        report.error(where.at(reader.line_num), "import-unreadable", problem=str(error))
        return None
    return None if rows is None else dataclasses.replace(place, rows=rows)


def _decoded(data: bytes, where: Location, report: Report) -> str | None:
    """UTF-8 (with or without byte-order mark) or else Windows-1252, as Excel saves "CSV" in Western Europe.

    A file that is not UTF-8 throughout is Windows-1252 only when it has no UTF-8 at all: a
    file with both (names pasted from two programs) would come out as ``JosÃ© GonÃ§alves``,
    so it is refused at the line of its first byte that is not UTF-8. UTF-16 ("Unicode text")
    and bytes that Windows-1252 leaves undefined are refused too: guessing further would turn
    names into garbage without a word.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or b"\x00" in data:
        report.error(where, "import-encoding")
        return None
    marked = data.startswith(codecs.BOM_UTF8)
    data = data.removeprefix(codecs.BOM_UTF8)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        if marked or _UTF8_SEQUENCE.search(data):
            report.error(where.at(line), "import-mixed-encoding")
            return None
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as error:
        report.error(where.at(data.count(b"\n", 0, error.start) + 1), "import-encoding")
        return None


def _megabytes(size: int) -> str:
    return f"{size / 2**20:.1f} MB"
