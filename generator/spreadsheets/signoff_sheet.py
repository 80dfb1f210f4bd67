"""The sign-off sheet: a checklist of one format and level as .xlsx, filled in on the floor and read back.

One row per criterion with empty columns for person, date and assessor; the header
row uses the column names of signoffs.csv, so the sheet reads the same in any language.
``import-signoffs`` appends a sign-off for every row with a person, all or nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from ..catalogue import Catalogue
from ..diagnostics import Location, Report, Text
from ..model import TrainingFormat, WorkProcess
from .commands import Loaded, Outcome, Planned, check_safe_text, checked_date, import_sheet
from .header import cell_text, fold
from .sheet import Cell, Sheet, cell_at, stop_at_too_many_problems
from .signoff import resolve_person, signoff_row
from .xlsx import reproducible_bytes, set_properties

COLUMNS = ("criterion", "work_process", "kind", "text", "person", "date", "assessor", "note")
_WIDTHS = (18, 22, 12, 60, 22, 12, 16, 24)


def signoff_sheet(training_format: TrainingFormat, level: int, work_processes: list[WorkProcess], catalogue: Catalogue,
                  title: str, build_date: dt.date) -> bytes:
    """The sheet's bytes: title, how to fill it in, the header, then the level's criteria in checklist order."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None  # a new workbook has one sheet
    sheet.title = f"niveau-{level}"
    sheet.append([title])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append([catalogue("label.signoff-sheet-help", format=training_format.id, level=level)])
    sheet.append(list(COLUMNS))
    for cell in sheet[3]:
        cell.font = Font(bold=True)
    wrapped = Alignment(wrap_text=True)
    row_number = sheet.max_row  # counted by hand: Worksheet.max_row looks at every cell written so far
    for wp in work_processes:
        for criterion in wp.criteria_at(level):
            sheet.append([criterion.id, wp.id, catalogue(f"kind.{criterion.kind}"), criterion.text])
            row_number += 1
            sheet.cell(row=row_number, column=4).alignment = wrapped
    sheet.freeze_panes = "A4"
    for column, width in zip("ABCDEFGH", _WIDTHS, strict=True):
        sheet.column_dimensions[column].width = width
    set_properties(workbook, build_date)
    return reproducible_bytes(workbook)


@dataclass(frozen=True, kw_only=True)
class _Columns:
    header_row: int
    index: dict[str, int]


def import_signoffs(file: Path, *, sheet_name: str | None, content_dir: Path, dry_run: bool) -> Outcome:
    """``import-signoffs``: every filled-in row of a sign-off sheet to signoffs.csv, or nothing."""
    return import_sheet(file, sheet_name=sheet_name, content_dir=content_dir, dry_run=dry_run, plan=_plan)


def _plan(sheet: Sheet, loaded: Loaded, report: Report) -> Planned:
    """The sheet's sign-offs that signoffs.csv does not hold yet (same person, criterion, date and assessor)."""
    rows = _sheet_rows(sheet, loaded, report)
    done = {(s.person, s.criterion, s.date.isoformat(), s.assessor) for s in loaded.content.signoffs}
    new = [row for row in rows if (row["person"], row["criterion"], row["date"], row["assessor"]) not in done]
    line = loaded.catalogue("spreadsheet.signoff-rows", count=len(new), present=len(rows) - len(new))
    return Planned(lines=[line], rows={"signoffs.csv": new})


def _sheet_rows(sheet: Sheet, loaded: Loaded, report: Report) -> list[dict[str, str]]:
    columns = _find_columns(sheet, report)
    if columns is None:
        return []
    rows = []
    for number in range(columns.header_row + 1, len(sheet.rows) + 1):
        if stop_at_too_many_problems(sheet, number, report):
            break
        cells = sheet.rows[number - 1]
        row = _row(sheet, number, {name: cell_at(cells, index) for name, index in columns.index.items()}, columns, loaded, report)
        if row is not None:
            rows.append(row)
    return rows


def _find_columns(sheet: Sheet, report: Report) -> _Columns | None:
    for number, cells in enumerate(sheet.rows, start=1):
        names = [fold(cell) for cell in cells]
        if all(name in names for name in ("criterion", "person", "date", "assessor")):
            return _Columns(header_row=number, index={name: names.index(name) for name in COLUMNS if name in names})
    report.error(sheet.at(1, 0), "import-no-signoff-header", expected=", ".join(COLUMNS))
    return None


def _row(sheet: Sheet, number: int, cells: dict[str, Cell], columns: _Columns, loaded: Loaded, report: Report) -> dict[str, str] | None:
    """A sign-off from a row with a person; None for a row nobody filled in, or a reported mistake."""
    text = {name: cell_text(value) for name, value in cells.items()}
    if not text["person"]:
        if text["date"] or text["assessor"]:
            report.error(sheet.at(number, columns.index["person"]), "import-signoff-no-person")
        return None
    content = loaded.content

    def at(name: str) -> Location:
        return sheet.at(number, columns.index[name])

    person = resolve_person(text["person"], content, at("person"), report)
    assessor = resolve_person(text["assessor"], content, at("assessor"), report) if text["assessor"] else None
    if not text["assessor"]:
        report.error(at("assessor"), "import-signoff-missing", column="assessor")
    criterion = content.criteria.get(text["criterion"])
    if criterion is None or criterion.retired:
        code = "spreadsheet-unknown-criterion" if criterion is None else "spreadsheet-retired-criterion"
        report.error(at("criterion"), code, id=text["criterion"], hint=Text("hint.none"))
    date = checked_date(text["date"], at("date"), loaded, report)
    if person is None or assessor is None or criterion is None or date is None or criterion.retired:
        return None
    note = text.get("note") or loaded.catalogue("spreadsheet.import-note", file=sheet.file)
    check_safe_text(note, at("note") if "note" in columns.index else sheet.at(number, 0), report)
    return signoff_row(person, criterion.work_process, criterion.id, "", date, assessor, note)
