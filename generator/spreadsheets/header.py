"""Find the header row of an imported matrix by what it says, and what each column holds.

Spreadsheets carry title rows and merged cells above the header, so its position
says nothing; a row that names a team column and the name column(s) is the header.
Work-process columns are matched by id, MBO code or title, ignoring case and accents.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from ..diagnostics import Report
from ..fields import hint
from ..model import WorkProcess
from .sheet import Cell, Sheet

TEAM_LABELS = frozenset({"ploeg", "team"})
NAME_LABELS = frozenset({"naam", "name"})
FIRST_LABELS = frozenset({"voornaam", "first name", "firstname"})
MIDDLE_LABELS = frozenset({"tussenvoegsel", "tussenv.", "tussenv"})
LAST_LABELS = frozenset({"achternaam", "last name", "lastname", "surname"})


def fold(value: Cell) -> str:
    """Text compared without case, accents and extra spaces: 'Één  Ploeg' and 'een ploeg' match."""
    text = unicodedata.normalize("NFKD", cell_text(value))
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).casefold().split())


def cell_text(value: Cell) -> str:
    """A cell as text; a whole float (Excel stores 1 as 1.0) without its '.0'."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if value is None else str(value).strip()


@dataclass(frozen=True, kw_only=True)
class Header:
    row: int  # 1-based
    team: int  # column indexes, 0-based
    names: tuple[int, ...]  # the name's parts, in the order they are joined
    work_processes: tuple[tuple[int, WorkProcess], ...]

    @property
    def last_fixed(self) -> int:
        return max(self.team, *self.names)


def find_header(sheet: Sheet, work_processes: tuple[WorkProcess, ...], format_id: str, report: Report) -> Header | None:
    """The header row and its columns; problems with its columns reported at their cells."""
    for index, row in enumerate(sheet.rows):
        labels = [fold(cell) for cell in row]
        team = _first(labels, TEAM_LABELS)
        names = _name_columns(labels)
        if team is not None and names:
            header = Header(row=index + 1, team=team, names=names, work_processes=())
            return _with_work_processes(sheet, header, work_processes, format_id, report)
    report.error(sheet.at(1, 0), "import-no-header")
    return None


def _first(labels: list[str], wanted: frozenset[str]) -> int | None:
    return next((index for index, label in enumerate(labels) if label in wanted), None)


def _name_columns(labels: list[str]) -> tuple[int, ...]:
    first, last = _first(labels, FIRST_LABELS), _first(labels, LAST_LABELS)
    if first is not None and last is not None:
        middle = _first(labels, MIDDLE_LABELS)
        return (first, last) if middle is None else (first, middle, last)
    name = _first(labels, NAME_LABELS)
    return () if name is None else (name,)


def _with_work_processes(
    sheet: Sheet, header: Header, work_processes: tuple[WorkProcess, ...], format_id: str, report: Report,
) -> Header | None:
    """The columns right of the team and name columns, each matched to one of the format's work processes."""
    by_label = _labels(work_processes)
    found: dict[str, int] = {}
    columns = []
    row = sheet.rows[header.row - 1]
    for column in range(header.last_fixed + 1, len(row)):
        label = cell_text(row[column])
        if not label:
            continue  # an empty column between blocks, or notes without a heading
        wp = by_label.get(fold(label))
        if wp is None:
            report.error(sheet.at(header.row, column), "import-unknown-column", column=label, format=format_id,
                         hint=hint(label, [w.title for w in work_processes]))
        elif wp.id in found:
            report.error(sheet.at(header.row, column), "import-duplicate-column", column=label, work_process=wp.id,
                         other=sheet.at(header.row, found[wp.id]).path)
        else:
            found[wp.id] = column
            columns.append((column, wp))
    if not columns and not report.has_errors:
        report.error(sheet.at(header.row, header.last_fixed), "import-no-work-processes", format=format_id)
    return Header(row=header.row, team=header.team, names=header.names, work_processes=tuple(columns))


def _labels(work_processes: tuple[WorkProcess, ...]) -> dict[str, WorkProcess]:
    labels: dict[str, WorkProcess] = {}
    for wp in work_processes:
        for label in (wp.title, wp.code, wp.id):
            if label:
                labels[fold(label)] = wp
    return labels
