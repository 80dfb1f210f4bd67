"""Read the tables: ``people.csv``, ``signoffs.csv`` (history), ``planning.csv`` and ``selfassessments.csv``."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path

from ..csvfile import Row, parse_date, read_rows
from ..diagnostics import Param, Report
from ..fields import RESERVED_IDS, PeopleNames, example_id, is_id, person_id_problem, too_long_id
from ..model import Organisation, Person, PlannedTraining, SelfAssessment, Signoff
from .folders import location_of
from .levels import written_level

PEOPLE = ("id", "name", "team", "format", "target_level", "active")
PEOPLE_OPTIONAL = ("account",)  # the person's login, for the access rules of their own POP
SIGNOFFS = ("person", "work_process", "criterion", "level", "date", "assessor", "note")
PLANNING = ("person", "work_process", "target_level", "due", "coach", "activity")
SELFASSESSMENTS = ("person", "work_process", "level", "date", "note")
PERSON_COLUMNS = frozenset({"person", "assessor", "coach"})


def read_people(root: Path, organisation: Organisation, report: Report) -> dict[str, Person]:
    people: dict[str, Person] = {}
    for row in _rows(root / "people.csv", PEOPLE, report, PEOPLE_OPTIONAL, key="id"):
        id_cell, name_cell, team_cell, format_cell, target_cell, active_cell, account = row.cells
        cells = _Cells(row, organisation, report)
        person_id, name, team = cells.id("id", id_cell), cells.text("name", name_cell), cells.id("team", team_cell)
        format_id, target_level = cells.id("format", format_cell), cells.level("target_level", target_cell, required=False)
        active = cells.yes_no("active", active_cell)
        if person_id in people:
            report.error(row.location, "duplicate-person", id=person_id, other_line=people[person_id].location.line or 0)
            continue
        if not (cells.ok and name and team and format_id and active is not None):
            if person_id:  # reported on its own row; what names the person is not to blame
                report.broken.add(person_id)
            continue
        if person_id:
            people[person_id] = Person(
                id=person_id, name=name, team=team, format=format_id,
                target_level=target_level, active=active, location=row.location, account=account,
            )
    return people


def read_signoffs(root: Path, organisation: Organisation, people: PeopleNames, report: Report) -> tuple[Signoff, ...]:
    signoffs = []
    for row in _rows(root / "signoffs.csv", SIGNOFFS, report):
        person_cell, wp_cell, criterion_cell, level_cell, date_cell, assessor_cell, note = row.cells
        cells = _Cells(row, organisation, report, people)
        person, work_process, date = cells.id("person", person_cell), cells.id("work_process", wp_cell), cells.date("date", date_cell)
        assessor, criterion = cells.id("assessor", assessor_cell), cells.id("criterion", criterion_cell, required=False)
        level = cells.level("level", level_cell, required=False)
        if criterion_cell and level_cell:
            report.error(row.location, "signoff-both")
            continue
        if not criterion_cell and not level_cell:
            report.error(row.location, "signoff-neither")
            continue
        if cells.ok and person and work_process and date and assessor:
            signoffs.append(Signoff(
                person=person, work_process=work_process, criterion=criterion, level=level, date=date,
                assessor=assessor, note=note, location=row.location, order=row.order,
            ))
    return tuple(signoffs)


def read_planning(root: Path, organisation: Organisation, people: PeopleNames, report: Report) -> tuple[PlannedTraining, ...]:
    planning = []
    for row in _rows(root / "planning.csv", PLANNING, report):
        person_cell, wp_cell, target_cell, due_cell, coach_cell, activity = row.cells
        cells = _Cells(row, organisation, report, people)
        person, work_process = cells.id("person", person_cell), cells.id("work_process", wp_cell)
        target_level, due = cells.level("target_level", target_cell), cells.date("due", due_cell)
        coach = cells.id("coach", coach_cell, required=False)
        if cells.ok and person and work_process and target_level is not None and due:
            planning.append(PlannedTraining(
                person=person, work_process=work_process, target_level=target_level, due=due,
                coach=coach or "", activity=activity, location=row.location,
            ))
    return tuple(planning)


def read_selfassessments(
    root: Path, organisation: Organisation, people: PeopleNames, report: Report,
) -> tuple[SelfAssessment, ...]:
    """What employees say about their own levels: the same rules per cell as signoffs.csv."""
    found = []
    for row in _rows(root / "selfassessments.csv", SELFASSESSMENTS, report):
        person_cell, wp_cell, level_cell, date_cell, note = row.cells
        cells = _Cells(row, organisation, report, people)
        person, work_process = cells.id("person", person_cell), cells.id("work_process", wp_cell)
        level, date = cells.level("level", level_cell), cells.date("date", date_cell)
        if cells.ok and person and work_process and level is not None and date:
            found.append(SelfAssessment(
                person=person, work_process=work_process, level=level, date=date, note=note,
                location=row.location, order=row.order,
            ))
    return tuple(found)


def _rows(path: Path, columns: tuple[str, ...], report: Report, optional: tuple[str, ...] = (), key: str | None = None) -> Iterator[Row]:
    """The rows of an optional table: a missing file is simply an empty table.

    Anything else at the path (a folder, a link, a pipe) goes to the reader, which refuses
    it with a message: taken as absent, it would only bring an error for every id it defines.
    """
    return read_rows(path, location_of(path), columns, report, optional, key) if os.path.lexists(path) else iter(())


class _Cells:
    """Typed cells of one row; every bad cell is reported (with its column) and clears ``ok``.

    Each method tries the common case (a good value) first and only then works out
    what is wrong: a sign-off table has hundreds of thousands of rows.
    """

    def __init__(self, row: Row, organisation: Organisation, report: Report, people: PeopleNames | None = None) -> None:
        self.row, self.organisation, self.report, self.ok = row, organisation, report, True
        self.people = people  # for the columns that name a person: a name there is recognised

    def _error(self, code: str, **params: Param) -> None:
        self.report.error(self.row.location, code, **params)
        self.ok = False

    def _missing(self, column: str, required: bool) -> None:
        if required:
            self._error("missing-value", key=column)

    def text(self, column: str, value: str) -> str | None:
        if not value:
            self._missing(column, True)
        return value or None

    def id(self, column: str, value: str, *, required: bool = True) -> str | None:
        reserved = column == "id" and value in RESERVED_IDS  # only where a person is defined: see fields.RESERVED_IDS
        if value and is_id(value) and not reserved:
            return value
        if not value:
            self._missing(column, required)
        elif reserved:
            self._error("reserved-id", value=value, example=f"{value}-1")
        elif long := too_long_id(value):
            self._error("long-id", **long)
        elif self.people is not None and column in PERSON_COLUMNS:
            code, params = person_id_problem(column, value, self.people)
            self._error(code, **params)
        else:
            self._error("bad-id", key=column, value=value, example=example_id(value))
        return None

    def date(self, column: str, value: str) -> dt.date | None:
        date = parse_date(value) if value else None
        if date is None:
            if not value:
                self._missing(column, True)
            elif "/" in value or "." in value:
                self._error("ambiguous-date", key=column, value=value)
            else:
                self._error("bad-date", key=column, value=value)
        return date

    def level(self, column: str, value: str, *, required: bool = True) -> int | None:
        if not value:
            self._missing(column, required)
            return None
        if not (value.isascii() and value.isdigit()):  # isdigit() alone takes '²', which int() refuses
            self._error("bad-number", key=column, value=value)
            return None
        level = written_level(value, self.row.location, self.organisation, self.report)
        self.ok = self.ok and level is not None
        return level

    def yes_no(self, column: str, value: str) -> bool | None:
        if value.lower() in ("", "yes", "ja"):
            return True
        if value.lower() in ("no", "nee"):
            return False
        self._error("bad-yes-no", key=column, value=value)
        return None
