"""Read the tables: ``people.csv``, ``signoffs.csv`` (history) and ``planning.csv``."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path

from ..csvfile import Row, parse_date, read_rows
from ..diagnostics import Report
from ..fields import example_id, is_id
from ..model import Organisation, Person, PlannedTraining, Signoff
from .folders import location_of
from .levels import written_level

PEOPLE = ("id", "name", "team", "format", "target_level", "active")
SIGNOFFS = ("person", "work_process", "criterion", "level", "date", "assessor", "note")
PLANNING = ("person", "work_process", "target_level", "due", "coach", "activity")


def read_people(root: Path, organisation: Organisation, report: Report) -> dict[str, Person]:
    people: dict[str, Person] = {}
    for row in _rows(root / "people.csv", PEOPLE, report):
        cells = _Cells(row, organisation, report)
        person_id, name, team, format_id = cells.id("id"), cells.text("name"), cells.id("team"), cells.id("format")
        target_level, active = cells.level("target_level", required=False), cells.yes_no("active")
        if person_id in people:
            report.error(row.location, "duplicate-person", id=person_id, other_line=people[person_id].location.line or 0)
            continue
        if cells.ok and person_id and name and team and format_id and active is not None:
            people[person_id] = Person(
                id=person_id, name=name, team=team, format=format_id,
                target_level=target_level, active=active, location=row.location,
            )
    return people


def read_signoffs(root: Path, organisation: Organisation, report: Report) -> tuple[Signoff, ...]:
    signoffs = []
    for row in _rows(root / "signoffs.csv", SIGNOFFS, report):
        cells = _Cells(row, organisation, report)
        person, work_process, date, assessor = cells.id("person"), cells.id("work_process"), cells.date("date"), cells.id("assessor")
        criterion, level = cells.id("criterion", required=False), cells.level("level", required=False)
        signed_criterion, signed_level = row.values["criterion"], row.values["level"]
        if signed_criterion and signed_level:
            report.error(row.location, "signoff-both")
            continue
        if not signed_criterion and not signed_level:
            report.error(row.location, "signoff-neither")
            continue
        if cells.ok and person and work_process and date and assessor:
            signoffs.append(Signoff(
                person=person, work_process=work_process, criterion=criterion, level=level, date=date,
                assessor=assessor, note=row.values["note"], location=row.location, order=row.order,
            ))
    return tuple(signoffs)


def read_planning(root: Path, organisation: Organisation, report: Report) -> tuple[PlannedTraining, ...]:
    planning = []
    for row in _rows(root / "planning.csv", PLANNING, report):
        cells = _Cells(row, organisation, report)
        person, work_process, target_level = cells.id("person"), cells.id("work_process"), cells.level("target_level")
        due, coach = cells.date("due"), cells.id("coach", required=False)
        if cells.ok and person and work_process and target_level is not None and due:
            planning.append(PlannedTraining(
                person=person, work_process=work_process, target_level=target_level, due=due,
                coach=coach or "", activity=row["activity"], location=row.location,
            ))
    return tuple(planning)


def _rows(path: Path, columns: tuple[str, ...], report: Report) -> Iterator[Row]:
    """The rows of an optional table: a missing file is simply an empty table.

    Anything else at the path (a folder, a link, a pipe) goes to the reader, which refuses
    it with a message: taken as absent, it would only bring an error for every id it defines.
    """
    if os.path.lexists(path):
        yield from read_rows(path, location_of(path), columns, report)


class _Cells:
    """Typed access to one row's cells; every bad cell is reported and clears ``ok``.

    Each method tries the common case (a good value) first and only then works out
    what is wrong: a sign-off table has hundreds of thousands of rows.
    """

    def __init__(self, row: Row, organisation: Organisation, report: Report) -> None:
        self.row, self.values, self.organisation, self.report, self.ok = row, row.values, organisation, report, True

    def _error(self, code: str, **params: str) -> None:
        self.report.error(self.row.location, code, **params)
        self.ok = False

    def _missing(self, column: str, required: bool) -> None:
        if required:
            self._error("missing-value", key=column)

    def text(self, column: str) -> str | None:
        value = self.values[column]
        if not value:
            self._missing(column, True)
        return value or None

    def id(self, column: str, *, required: bool = True) -> str | None:
        value = self.values[column]
        if value and is_id(value):
            return value
        if not value:
            self._missing(column, required)
        else:
            self._error("bad-id", key=column, value=value, example=example_id(value))
        return None

    def date(self, column: str) -> dt.date | None:
        value = self.values[column]
        date = parse_date(value) if value else None
        if date is None:
            if not value:
                self._missing(column, True)
            else:
                self._error("bad-date", key=column, value=value)
        return date

    def level(self, column: str, *, required: bool = True) -> int | None:
        value = self.values[column]
        if not value:
            self._missing(column, required)
            return None
        if not (value.isascii() and value.isdigit()):  # isdigit() alone takes '²', which int() refuses
            self._error("bad-number", key=column, value=value)
            return None
        level = written_level(value, self.row.location, self.organisation, self.report)
        self.ok = self.ok and level is not None
        return level

    def yes_no(self, column: str) -> bool | None:
        value = self.values[column].lower()
        if value in ("", "yes", "ja"):
            return True
        if value in ("no", "nee"):
            return False
        self._error("bad-yes-no", key=column, value=self.values[column])
        return None
