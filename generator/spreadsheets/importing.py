"""Plan the import of an existing deployability matrix: new people and one level assessment per filled-in cell.

Nothing is written here: :func:`plan_import` reports every problem (located at its
cell) and returns what would be added, so that a dry run and the real run say the
same thing, and a sheet with any problem writes nothing at all.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from ..characters import has_unsafe_characters
from ..derive import Facts, format_work_processes
from ..diagnostics import Location, Report
from ..model import Content, Organisation, Person, Team
from .header import Header, cell_text, find_header, fold
from .sheet import Cell, Sheet, cell_at, stop_at_too_many_problems

_TRAILING_NUMBER = re.compile(r"(\d+)\s*$")
_ID_NUMBER = re.compile(r"^(.*?)(\d+)$")


@dataclass(frozen=True, kw_only=True)
class NewPerson:
    id: str
    name: str
    team: str


@dataclass(frozen=True, kw_only=True)
class NewLevel:
    person: str
    team: str
    work_process: str
    level: int


@dataclass(frozen=True, kw_only=True)
class ImportPlan:
    people: tuple[NewPerson, ...]
    levels: tuple[NewLevel, ...]
    present: int  # filled-in cells already imported by an earlier run


@dataclass(frozen=True, kw_only=True)
class _Entry:
    """One named row of the sheet."""

    row: int
    name: str
    team: Team
    levels: tuple[tuple[str, int], ...]  # (work process id, level) of the cells above 0


def plan_import(sheet: Sheet, content: Content, facts: Facts, format_id: str, note: str, report: Report) -> ImportPlan | None:
    """What importing ``sheet`` into the format ``format_id`` adds; None when a problem was reported."""
    work_processes = format_work_processes(content, content.formats[format_id])
    header = find_header(sheet, work_processes, format_id, report)
    if header is None:
        return None
    # A header repeated above each team is a row whose "name" is the header's own.
    header_name = fold(" ".join(cell_text(cell_at(sheet.rows[header.row - 1], column)) for column in header.names))
    entries = []
    for row in range(header.row + 1, len(sheet.rows) + 1):
        if stop_at_too_many_problems(sheet, row, report):
            return None
        if entry := _entry(sheet, row, header, header_name, content, report):
            entries.append(entry)
    people = _people_of(sheet, entries, content, header, report)
    if report.has_errors:
        return None
    new_people = _new_people(entries, people, content)
    ids = {**people, **{(fold(p.name), p.team): p.id for p in new_people}}
    done = {(s.person, s.work_process, s.level, s.note) for s in content.signoffs if s.criterion is None}
    levels, present = [], 0
    for entry in entries:
        person = ids[(fold(entry.name), entry.team.id)]
        for wp_id, level in entry.levels:
            if (person, wp_id, level, note) in done:
                present += 1
                continue
            levels.append(NewLevel(person=person, team=entry.team.id, work_process=wp_id, level=level))
            _warn_if_lower(sheet, entry, header, person, wp_id, level, facts, report)
    return ImportPlan(people=new_people, levels=tuple(levels), present=present)


def _entry(sheet: Sheet, row: int, header: Header, header_name: str, content: Content, report: Report) -> _Entry | None:
    """A row with a name, or None for totals, blank lines and a header repeated per team."""
    cells = sheet.rows[row - 1]
    name = " ".join(part for column in header.names if (part := cell_text(cell_at(cells, column))))
    if not name or fold(name) == header_name:
        return None
    name = " ".join(name.split())
    if character := has_unsafe_characters(name):  # it would go into people.csv, which check would then refuse
        report.error(sheet.at(row, header.names[0]), "spreadsheet-unsafe-character", character=character)
    team = _team(sheet, row, header.team, cells, content.organisation, report)
    # A level of 0 is no assessment, as an empty cell.
    levels = [(wp.id, level) for column, wp in header.work_processes
              if (level := level_in(cell_text(cell_at(cells, column)), sheet.at(row, column), content.organisation, report))]
    return _Entry(row=row, name=name, team=team, levels=tuple(levels)) if team else None


def _team(sheet: Sheet, row: int, column: int, cells: tuple[Cell, ...], organisation: Organisation, report: Report) -> Team | None:
    """The team by id or name; a bare number matches the team whose name ends in it ('1' is 'Ploeg 1')."""
    value = fold(cell_at(cells, column))
    for team in organisation.teams:
        number = _TRAILING_NUMBER.search(team.name)
        if value in (team.id, fold(team.name)) or (number and value.isdigit() and int(value) == int(number.group(1))):
            return team
    known = ", ".join(team.name for team in organisation.teams)
    report.error(sheet.at(row, column), "import-unknown-team", value=cell_text(cell_at(cells, column)), known=known)
    return None


def level_in(text: str, where: Location, organisation: Organisation, report: Report) -> int | None:
    """The level a cell's text gives, 0 included; None for an empty cell, and for a mistake (reported at ``where``)."""
    if not text:
        return None
    if not (text.isascii() and text.isdigit()):
        report.error(where, "import-bad-level", value=text, low=0, high=organisation.max_level)
        return None
    if int(text) > organisation.max_level:
        report.error(where, "import-level-out-of-scale", level=int(text), low=0, high=organisation.max_level)
        return None
    return int(text)


def _people_of(sheet: Sheet, entries: list[_Entry], content: Content, header: Header, report: Report) -> dict[tuple[str, str], str]:
    """The known people of the sheet by (folded name, team); a name twice on the sheet or twice in people.csv is reported."""
    known: dict[tuple[str, str], list[Person]] = defaultdict(list)
    for person in content.people.values():
        known[(fold(person.name), person.team)].append(person)
    seen: dict[tuple[str, str], int] = {}
    ids = {}
    for entry in entries:
        key = (fold(entry.name), entry.team.id)
        where = sheet.at(entry.row, header.names[0])
        if key in seen:
            report.error(where, "import-duplicate-person", name=entry.name, team=entry.team.name, other_row=seen[key])
        seen.setdefault(key, entry.row)
        matches = known.get(key, [])
        if len(matches) > 1:
            report.error(where, "import-ambiguous-name", name=entry.name, team=entry.team.name, ids=", ".join(p.id for p in matches))
        elif matches:
            ids[key] = matches[0].id
    return ids


def _new_people(entries: list[_Entry], known: dict[tuple[str, str], str], content: Content) -> tuple[NewPerson, ...]:
    unknown = [entry for entry in entries if (fold(entry.name), entry.team.id) not in known]
    ids = next_ids(list(content.people), len(unknown))
    return tuple(NewPerson(id=new_id, name=entry.name, team=entry.team.id) for new_id, entry in zip(ids, unknown, strict=True))


def next_ids(existing: list[str], count: int) -> list[str]:
    """``count`` new ids in the style most ids have (``p-007``: prefix and zero-padded number), after the highest."""
    numbered = [(match.group(1), match.group(2)) for person_id in existing if (match := _ID_NUMBER.match(person_id))]
    prefix = Counter(prefix for prefix, _ in numbered).most_common(1)[0][0] if numbered else "p-"
    digits = [number for p, number in numbered if p == prefix]
    width = max((len(number) for number in digits), default=3)
    start = max((int(number) for number in digits), default=0) + 1
    taken = set(existing)
    ids = (f"{prefix}{number:0{width}d}" for number in range(start, start + count + len(taken)))
    return [new_id for new_id in ids if new_id not in taken][:count]


def _warn_if_lower(
    sheet: Sheet, entry: _Entry, header: Header, person: str, wp_id: str, level: int, facts: Facts, report: Report,
) -> None:
    current = facts.level(person, wp_id)
    if level < current:
        column = next(column for column, wp in header.work_processes if wp.id == wp_id)
        report.warning(sheet.at(entry.row, column), "import-lower-level", name=entry.name, work_process=wp_id,
                       current=current, level=level)
