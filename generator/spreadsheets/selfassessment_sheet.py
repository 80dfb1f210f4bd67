"""The self-assessment sheet: a person's work processes and assessed levels as .xlsx, filled in by the person, read back.

Beside each POP (in the person's restricted folder) the sheet names the person (their id beside
the label 'Medewerker') and lists the work processes of their format (the id in the first
column) with the level assessed on the build date; the person fills in 'Mijn niveau' (own
level) and, if they like, a note, and the date. ``import-selfassessments`` appends a row to
selfassessments.csv for every work process with an own level, all or nothing. The labels are
the site's language; reading back, either language's are recognised.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from ..catalogue import LANGUAGES, Catalogue
from ..derive import PersonFacts, format_work_processes
from ..derive.selfassessment import latest_selfassessments
from ..diagnostics import Report, Text
from ..fields import hint
from ..model import Content, Organisation, TrainingFormat
from .commands import Loaded, Outcome, Planned, checked_date, import_sheet
from .header import cell_text, fold
from .importing import level_in
from .sheet import Sheet, cell_at, stop_at_too_many_problems
from .signoff import resolve_person
from .template import WorkbookTemplate, workbook_template
from .xlsx import colour_levels, set_properties

TABLE = "selfassessments.csv"
COLUMNS = ("work-process", "code", "title", "assessed", "own", "note")  # labels: catalogue selfsheet.column-<name>
_WIDTHS = (24, 12, 48, 14, 12, 48)
_HEADER_ROW = 6  # under the title, the help, the person, the date and a blank row
_BOLD = Font(bold=True)
_CENTRED = Alignment(horizontal="center")
_WRAPPED = Alignment(wrap_text=True, vertical="top")


class SelfAssessmentSheets:
    """Every active person's sheet, each a copy of their format's template with their name and levels (template.py)."""

    def __init__(self, content: Content, catalogue: Catalogue, build_date: dt.date) -> None:
        self.content, self.catalogue, self.build_date = content, catalogue, build_date
        self._templates: dict[str, WorkbookTemplate] = {}

    def sheet(self, person: PersonFacts) -> bytes:
        """The sheet's bytes: the format's work processes with the person's assessed levels, to fill in."""
        training_format = person.format
        if training_format.id not in self._templates:
            self._templates[training_format.id] = self._template(training_format)
        title = self.catalogue("selfsheet.title", name=person.person.name, format=training_format.title,
                               date=self.build_date.isoformat())
        levels = [person.standings[wp.id].level for wp in format_work_processes(self.content, training_format)]
        return self._templates[training_format.id].filled([title, person.person.id, person.person.name, *levels])

    def _template(self, training_format: TrainingFormat) -> WorkbookTemplate:
        """The format's sheet with the person's cells left as slots: the title, id, name, and a level per work process."""
        t, organisation = self.catalogue, self.content.organisation
        workbook = Workbook()
        sheet = workbook.active
        assert sheet is not None  # a new workbook has one sheet
        sheet.title = t("selfsheet.sheet-name")
        sheet["A1"].font = Font(bold=True, size=14)
        sheet["A2"] = t("selfsheet.help", high=organisation.max_level, scale=_scale(organisation))
        sheet["A3"], sheet["A4"] = t("selfsheet.person"), t("selfsheet.date")
        for reference in ("A3", "A4", "B3", "C3"):
            sheet[reference].font = _BOLD
        sheet["B4"].number_format = "yyyy-mm-dd"
        for column, name in enumerate(COLUMNS, start=1):
            sheet.cell(row=_HEADER_ROW, column=column, value=t(f"selfsheet.column-{name}")).font = _BOLD
        work_processes = format_work_processes(self.content, training_format)
        for row, wp in enumerate(work_processes, start=_HEADER_ROW + 1):
            for column, value in enumerate((wp.id, wp.code or None, wp.title), start=1):
                sheet.cell(row=row, column=column, value=value).alignment = _WRAPPED
            sheet.cell(row=row, column=4).alignment = sheet.cell(row=row, column=5).alignment = _CENTRED
            sheet.cell(row=row, column=6).alignment = _WRAPPED
        last = _HEADER_ROW + len(work_processes)
        if work_processes:
            _validate_levels(sheet, f"E{_HEADER_ROW + 1}:E{last}", organisation.max_level, t)
            colour_levels(sheet, f"D{_HEADER_ROW + 1}:D{last}")
        sheet.freeze_panes = f"A{_HEADER_ROW + 1}"
        for letter, width in zip("ABCDEF", _WIDTHS, strict=True):
            sheet.column_dimensions[letter].width = width
        set_properties(workbook, self.build_date)
        return workbook_template(workbook, ["A1", "B3", "C3", *(f"D{row}" for row in range(_HEADER_ROW + 1, last + 1))])


def _scale(organisation: Organisation) -> str:
    return ", ".join(f"{level.level} {level.label}" for level in organisation.levels)


def _validate_levels(sheet: Worksheet, cells: str, high: int, t: Catalogue) -> None:
    """Excel itself refuses an own level that is not a whole number on the scale (the import checks again)."""
    validation = DataValidation(type="whole", operator="between", formula1="0", formula2=str(high), allow_blank=True,
                                showErrorMessage=True, errorTitle=t("selfsheet.column-own"), error=t("selfsheet.level-help", high=high))
    validation.add(cells)
    sheet.add_data_validation(validation)


# --- reading a filled-in sheet back ------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class _Filled:
    person: str
    date: dt.date
    dated: bool  # the sheet gives the date (else: the day of the import)
    rows: tuple[dict[str, str], ...]  # rows of selfassessments.csv


def import_selfassessments(file: Path, *, sheet_name: str | None, content_dir: Path, dry_run: bool) -> Outcome:
    """``import-selfassessments``: every own level filled in on a self-assessment sheet to selfassessments.csv, or nothing."""
    return import_sheet(file, sheet_name=sheet_name, content_dir=content_dir, dry_run=dry_run, plan=_plan)


def _plan(sheet: Sheet, loaded: Loaded, report: Report) -> Planned | None:
    filled = _read_filled(sheet, loaded, report)
    if filled is None:
        return None
    new = _not_yet_there(filled, loaded.content)
    return Planned(lines=_summary(filled, new, loaded), rows={TABLE: new})


def _read_filled(sheet: Sheet, loaded: Loaded, report: Report) -> _Filled | None:
    header = _find_header(sheet, report)
    person = _person(sheet, loaded.content, report)
    date, dated = _date(sheet, loaded, report)
    rows = _rows(sheet, header, loaded.content, report) if header is not None else []
    if person is None:
        return None
    for row in rows:
        row.update(person=person, date=date.isoformat())
    return _Filled(person=person, date=date, dated=dated, rows=tuple(rows))


@cache
def _labels(key: str) -> frozenset[str]:
    """A label as written in any of the site's languages, folded: a sheet stays readable when the language changes."""
    return frozenset(fold(Catalogue(language)(key)) for language in LANGUAGES)


def _labelled_row(sheet: Sheet, key: str) -> int | None:
    """The first row whose first cell is the label ``key`` (1-based)."""
    labels = _labels(key)
    return next((number for number, cells in enumerate(sheet.rows, start=1) if fold(cell_at(cells, 0)) in labels), None)


def _find_header(sheet: Sheet, report: Report) -> tuple[int, dict[str, int]] | None:
    """The header row and the column of each label in it."""
    labels = {name: _labels(f"selfsheet.column-{name}") for name in COLUMNS}
    for number, cells in enumerate(sheet.rows, start=1):
        found = {name: column for column, cell in enumerate(cells) for name in COLUMNS if fold(cell) in labels[name]}
        if "work-process" in found and "own" in found:
            return number, found
    report.error(sheet.at(1, 0), "import-no-selfassessment-header", work_process=Text("selfsheet.column-work-process"),
                 own=Text("selfsheet.column-own"))
    return None


def _person(sheet: Sheet, content: Content, report: Report) -> str | None:
    """The person the sheet is of: the id (or a name only one person has) beside the label."""
    number = _labelled_row(sheet, "selfsheet.person")
    value = cell_text(cell_at(sheet.rows[number - 1], 1)) if number is not None else ""
    if not value:
        where = sheet.at(number, 1) if number is not None else sheet.at(1, 0)
        report.error(where, "import-selfassessment-no-person", label=Text("selfsheet.person"))
        return None
    return resolve_person(value, content, sheet.at(number or 1, 1), report)


def _date(sheet: Sheet, loaded: Loaded, report: Report) -> tuple[dt.date, bool]:
    """The date beside the label, or (left empty, or no such row) the day of the import; and whether the sheet gave it."""
    number = _labelled_row(sheet, "selfsheet.date")
    text = cell_text(cell_at(sheet.rows[number - 1], 1)) if number is not None else ""
    if number is None or not text:
        return loaded.date, False
    return checked_date(text, sheet.at(number, 1), loaded, report, future="selfassessment-future-date") or loaded.date, True


def _rows(sheet: Sheet, header: tuple[int, dict[str, int]], content: Content, report: Report) -> list[dict[str, str]]:
    """A row (work process, level, note) per own level filled in; every mistake reported at its cell."""
    header_row, columns = header
    rows: list[dict[str, str]] = []
    seen: dict[str, int] = {}
    for number in range(header_row + 1, len(sheet.rows) + 1):
        if stop_at_too_many_problems(sheet, number, report):
            break
        cells = sheet.rows[number - 1]
        text = {name: cell_text(cell_at(cells, column)) for name, column in columns.items()}
        wp_id = text["work-process"]
        if text["own"] and (other := seen.setdefault(wp_id, number)) != number:
            report.error(sheet.at(number, columns["work-process"]), "import-selfassessment-twice", id=wp_id,
                         other=sheet.at(other, columns["work-process"]).path)
        if row := _row(sheet, number, text, columns, content, report):
            rows.append(row)
    return rows


def _row(sheet: Sheet, number: int, text: dict[str, str], columns: dict[str, int], content: Content,
         report: Report) -> dict[str, str] | None:
    """The row's own level on its work process; None for a row without one (a note alone is reported), or a mistake."""
    note = text.get("note", "")
    if not text["own"]:
        if note:
            report.error(sheet.at(number, columns["own"]), "import-selfassessment-no-level", label=Text("selfsheet.column-own"))
        return None
    level = level_in(text["own"], sheet.at(number, columns["own"]), content.organisation, report)
    wp_id, where = text["work-process"], sheet.at(number, columns["work-process"])
    wp = content.work_processes.get(wp_id)
    if wp is None:
        report.error(where, "spreadsheet-unknown-work-process", id=wp_id, hint=hint(wp_id, content.work_processes))
    elif wp.retired:
        report.error(where, "selfsheet-retired-work-process", id=wp_id)
    if level is None or wp is None or wp.retired:
        return None
    return {"work_process": wp_id, "level": str(level), "note": note}


def _not_yet_there(filled: _Filled, content: Content) -> list[dict[str, str]]:
    """The rows selfassessments.csv does not hold yet: not one with the same person, work process, level and date,
    and, for a sheet without a date (dated the day of the import), not what the latest row already says (level and note),
    so that reading the same sheet in again on another day adds nothing."""
    there = {(own.person, own.work_process, str(own.level), own.date.isoformat()) for own in content.selfassessments}
    latest = latest_selfassessments(content.selfassessments)
    new = []
    for row in filled.rows:
        if (row["person"], row["work_process"], row["level"], row["date"]) in there:
            continue
        said = latest.get((row["person"], row["work_process"]))
        if not filled.dated and said is not None and (str(said.level), said.note) == (row["level"], row["note"]):
            continue
        new.append(row)
    return new


def _summary(filled: _Filled, new: list[dict[str, str]], loaded: Loaded) -> list[str]:
    t, person = loaded.catalogue, loaded.content.people[filled.person]
    lines = [t("selfsheet.rows", name=person.name, id=person.id, count=len(new), present=len(filled.rows) - len(new),
               date=filled.date.isoformat())]
    if not filled.dated:
        lines.append(t("selfsheet.undated", date=filled.date.isoformat()))
    if not filled.rows:
        lines.append(t("selfsheet.nothing-filled-in", column=t("selfsheet.column-own")))
    lines += [t("selfsheet.row", work_process=row["work_process"], level=row["level"],
                assessed=loaded.facts.level(filled.person, row["work_process"])) for row in new]
    return lines

