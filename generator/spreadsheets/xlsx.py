"""The deployability matrix of a format as an Excel workbook, beside its CSV download.

Same columns as the CSV (team, id, name, a level per work process, overall), with a
title row carrying the build date, the page's level colours (conditional formats), each team's totals and
coverage rows, and the header row and name columns frozen. Two builds of the same
content give the same bytes: document dates are the build date, and every member of
the zip archive gets one fixed timestamp.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections import Counter
from collections.abc import Iterable
from typing import Any

from openpyxl import Workbook
from openpyxl.formatting.rule import Rule
from openpyxl.styles import Font, PatternFill
from openpyxl.styles.differential import DifferentialStyle
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from ..catalogue import Catalogue
from ..derive.matrix import FormatMatrix, TeamSection
from ..diagnostics import Report
from ..model import Content, Coverage
from .cells import as_text_only

# The level colours of the site (theme/mkdocs/assets/wgo.css); levels above 4 share the colour of 4.
LEVEL_COLOURS = ("EEEEEE", "FDE0C5", "FFF3A6", "B9E4B0", "7CC4E8")
SHORT_COLOUR = "C62828"
_FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest a zip archive can record
_BOLD = Font(bold=True)
_SHORT = Font(bold=True, color=SHORT_COLOUR)

# Excel's limits on a sheet: a matrix beyond them cannot be written, so check says so beforehand.
EXCEL_ROWS = 1_048_576
EXCEL_COLUMNS = 16_384


def check_sheet_sizes(content: Content, report: Report) -> None:
    """A format whose matrix would not fit in one Excel sheet: its title and header rows, a row per active
    person, two rows of totals per team; team, id, name, a column per work process, the overall level."""
    active = Counter(person.format for person in content.people.values() if person.active)
    teams = len(content.organisation.teams)
    for training_format in content.formats.values():
        rows, columns = 2 + active[training_format.id] + 2 * teams, 4 + len(training_format.work_process_ids)
        if rows > EXCEL_ROWS or columns > EXCEL_COLUMNS:
            report.error(training_format.location, "matrix-too-large", rows=rows, columns=columns,
                         max_rows=EXCEL_ROWS, max_columns=EXCEL_COLUMNS)


def matrix_xlsx(matrix: FormatMatrix, coverage: Coverage, catalogue: Catalogue, build_date: dt.date) -> bytes:
    """The workbook's bytes: one sheet, teams in order, then people.csv order, as the CSV."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None  # a new workbook has one sheet
    sheet.title = matrix.format.id[:31]  # Excel's limit on a sheet name
    header = ["team", "id", "name", *(wp.id for wp in matrix.work_processes), "overall"]
    sheet.append([catalogue("label.xlsx-title", format=matrix.format.title, date=build_date.isoformat())])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append(header)
    for cell in sheet[2]:
        cell.font = _BOLD
    level_rows = [_append_section(sheet, section, matrix, coverage, catalogue) for section in matrix.sections]
    last_column = get_column_letter(len(header))
    colour_levels(sheet, " ".join(f"D{first}:{last_column}{last}" for first, last in level_rows if first <= last))
    sheet.freeze_panes = "D3"  # the title, the header row and team, id, name stay in view
    _set_widths(sheet, len(header))
    set_properties(workbook, build_date)
    return reproducible_bytes(workbook)


def set_properties(workbook: Workbook, build_date: dt.date) -> None:
    """The document's dates are the build date, its author the site: two builds of the same content give the same bytes."""
    moment = dt.datetime.combine(build_date, dt.time())
    workbook.properties.created = workbook.properties.modified = moment
    workbook.properties.creator = workbook.properties.lastModifiedBy = "wgo-site"


def _append_section(
    sheet: Worksheet, section: TeamSection, matrix: FormatMatrix, coverage: Coverage, catalogue: Catalogue,
) -> tuple[int, int]:
    """A team's people, totals and coverage rows; the rows of its people's levels (first, last)."""
    # Rows are numbered by hand: Worksheet.max_row looks at every cell written so far.
    first = row_number = sheet.max_row + 1
    for row in section.rows:
        levels = [row.standings[wp.id].level for wp in matrix.work_processes]
        sheet.append([section.team.id, row.person.id, row.person.name, *levels, row.overall])
        row_number += 1
    sheet.append([section.team.id, None, catalogue("label.xlsx-totals", team=section.team.name), *section.totals])
    for cell in sheet[row_number]:
        cell.font = _BOLD
    label = catalogue("label.matrix-coverage-row", level=coverage.level, count=coverage.count)
    sheet.append([section.team.id, None, label, *section.coverage])
    for column, short in enumerate(section.short, start=4):
        if short:
            sheet.cell(row=row_number + 1, column=column).font = _SHORT
    return first, row_number - 1


def colour_levels(sheet: Worksheet, ranges: str) -> None:
    """The page's level colours on the levels in ``ranges`` (``D3:F4 D7:F7``), as conditional formats: they follow
    the number when someone edits a cell, and one rule per level is far cheaper to write than a style per cell."""
    if not ranges:
        return
    for level, colour in enumerate(LEVEL_COLOURS):
        fill = DifferentialStyle(fill=_fill(colour))
        if level < len(LEVEL_COLOURS) - 1:
            rule = Rule(type="cellIs", operator="equal", formula=[str(level)], dxf=fill)
        else:  # levels above 4 share the colour of 4
            rule = Rule(type="cellIs", operator="greaterThanOrEqual", formula=[str(level)], dxf=fill)
        sheet.conditional_formatting.add(ranges, rule)


def _fill(colour: str) -> PatternFill:
    # Both colours: Excel takes a conditional format's solid fill from the background colour.
    return PatternFill(fill_type="solid", start_color=colour, end_color=colour)


def _set_widths(sheet: Worksheet, columns: int) -> None:
    for column in range(1, columns + 1):
        sheet.column_dimensions[get_column_letter(column)].width = 28 if column == 3 else 12


def reproducible_bytes(workbook: Workbook) -> bytes:
    """The saved workbook, its cells text and never formulas (cells.py), with one fixed timestamp on every archive
    member (zip records the time of writing)."""
    as_text_only(workbook)
    written = io.BytesIO()
    # ExcelWriter rather than Workbook.save, which stamps the document's 'modified' with the time of saving.
    ExcelWriter(workbook, _FixedTimeZip(written, "w", zipfile.ZIP_DEFLATED)).save()
    return written.getvalue()


def archive_bytes(parts: Iterable[tuple[str, bytes]], *, base: bytes = b"") -> bytes:
    """A workbook's archive: ``parts`` (name, bytes) in that order, with the one fixed timestamp, added to the archive
    ``base`` when one is given (its members are copied as they are, not packed again)."""
    written = io.BytesIO(base)
    with _FixedTimeZip(written, "a" if base else "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts:
            archive.writestr(name, data)
    return written.getvalue()


class _FixedTimeZip(zipfile.ZipFile):
    """A zip archive that stamps every member with one fixed time, so two builds give the same bytes.

    openpyxl writes members by name (``writestr``) and worksheets from a temporary file (``write``),
    which would otherwise carry the time of writing and the file's modification time."""

    def writestr(self, zinfo_or_arcname: str | zipfile.ZipInfo, data: Any, *args: Any, **kwargs: Any) -> None:
        if not isinstance(zinfo_or_arcname, zipfile.ZipInfo):
            zinfo_or_arcname = zipfile.ZipInfo(zinfo_or_arcname, date_time=_FIXED_ZIP_TIME)
            zinfo_or_arcname.compress_type = zipfile.ZIP_DEFLATED
        super().writestr(zinfo_or_arcname, data, *args, **kwargs)

    def write(self, filename: Any, arcname: Any = None, *args: Any, **kwargs: Any) -> None:
        with open(filename, "rb") as file:
            self.writestr(arcname if arcname is not None else str(filename), file.read())
