"""The spreadsheet commands of ``python -m generator``: read the content, plan, then write all or nothing.

Each returns its exit code and the lines to show; the CLI only prints them. Before
reading, a writing command finishes what an interrupted one left (the journal); it
writes through the journal, so that people.csv and signoffs.csv change together or
not at all, also when the process is stopped halfway.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..catalogue import Catalogue
from ..characters import has_unsafe_characters
from ..csvfile import parse_date
from ..dates import build_date
from ..derive import Facts, derive_facts
from ..diagnostics import Location, Report, Severity, display_path
from ..fields import hint
from ..invocation import printed_command
from ..journal import Written, check_writable, recover, write_tables
from ..model import Content
from ..read import read_content
from ..read.tables import PEOPLE, SELFASSESSMENTS, SIGNOFFS
from ..references import check_references
from .appending import appended
from .importing import ImportPlan, plan_import
from .sheet import Sheet, read_sheet


@dataclass(kw_only=True)
class Outcome:
    code: int = 0
    lines: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # for stderr


@dataclass(frozen=True, kw_only=True)
class Loaded:
    content: Content
    facts: Facts
    catalogue: Catalogue
    date: dt.date


_COLUMNS = {"people.csv": PEOPLE, "signoffs.csv": SIGNOFFS, "selfassessments.csv": SELFASSESSMENTS}


def load(content_dir: Path, outcome: Outcome, *, writing: bool) -> Loaded | None:
    """The checked content with today's facts; None (with the checker's messages) when the content has errors.

    ``writing``: first finish (or undo) what an interrupted command left, and say so; a
    dry run leaves that to a command that writes.
    """
    recovery, report, today = Report(), Report(), build_date()
    if writing:
        recover(content_dir, recovery)
    content = read_content(content_dir, report)
    check_references(content, today, report)
    catalogue = Catalogue(content.organisation.language)
    outcome.lines += catalogue.lines([*recovery.of(Severity.INFO), *recovery.of(Severity.WARNING)])
    outcome.errors += catalogue.lines(recovery.of(Severity.ERROR))
    if report.has_errors:
        outcome.errors += catalogue.lines(report.of(Severity.ERROR))
        outcome.errors.append(catalogue("spreadsheet.content-errors", count=len(report.of(Severity.ERROR)),
                                         command=printed_command("check", display_path(content_dir))))
        outcome.code = 1
        return None
    return Loaded(content=content, facts=derive_facts(content, today), catalogue=catalogue, date=today)


def assessment_date(text: str | None, loaded: Loaded, report: Report) -> dt.date:
    """``--date``, default the build date; never in the future."""
    if text is None:
        return loaded.date
    return checked_date(text.strip(), Location(path="--date"), loaded, report) or loaded.date


def checked_date(text: str, where: Location, loaded: Loaded, report: Report, *, future: str = "future-date") -> dt.date | None:
    """The date ``text`` gives; None (reported at ``where``) when it is none, or after the build date (code ``future``)."""
    date = parse_date(text) if text else None
    if date is None:
        report.error(where, "spreadsheet-bad-date", value=text)
    elif date > loaded.date:
        report.error(where, future, value=date.isoformat(), today=loaded.date.isoformat())
        return None
    return date


def check_assessor(assessor: str, content: Content, report: Report) -> None:
    if assessor not in content.people:
        report.error(Location(path="--assessor"), "spreadsheet-unknown-assessor", id=assessor, hint=hint(assessor, content.people))


def import_matrix(
    file: Path, *, format_id: str, assessor: str, date_text: str | None, sheet_name: str | None, content_dir: Path, dry_run: bool,
) -> Outcome:
    """``import-matrix``: add the sheet's people and levels to people.csv and signoffs.csv, or write nothing."""
    outcome = Outcome()
    loaded = load(content_dir, outcome, writing=not dry_run)
    if loaded is None:
        return outcome
    report, content, catalogue = Report(), loaded.content, loaded.catalogue
    date = assessment_date(date_text, loaded, report)
    check_assessor(assessor, content, report)
    if format_id not in content.formats:
        report.error(Location(path="--format"), "spreadsheet-unknown-format", id=format_id, hint=hint(format_id, content.formats))
    sheet = read_sheet(file, sheet_name, report)
    note = catalogue("spreadsheet.import-note", file=file.name)
    check_safe_text(file.name, Location(path="FILE"), report)  # the file's name goes into every row's note
    plan = plan_import(sheet, content, loaded.facts, format_id, note, report) if sheet and not report.has_errors else None
    outcome.lines += catalogue.lines(report.of(Severity.WARNING))
    if plan is None or report.has_errors:
        return refused(outcome, catalogue, report)
    outcome.lines += _summary(plan, content, catalogue, file.name)
    if dry_run:
        outcome.lines.append(catalogue("spreadsheet.dry-run"))
        return outcome
    if (written := _write_import(plan, content_dir, format_id, date, assessor, note, report)) is not Written.ALL:
        return not_written(outcome, catalogue, report, written)
    outcome.lines.append(catalogue("spreadsheet.written", people=len(plan.people), rows=len(plan.levels)))
    return outcome


def check_safe_text(value: str, where: Location, report: Report) -> None:
    """Refuse a value the checker would refuse in a table (a control character, a bidirectional override)."""
    if character := has_unsafe_characters(value):
        report.error(where, "spreadsheet-unsafe-character", character=character)


def append_tables(content_dir: Path, rows: Mapping[str, Sequence[Mapping[str, str]]], report: Report) -> Written:
    """Append ``rows`` to each table named (people.csv, signoffs.csv, selfassessments.csv), all or nothing; every failure reported.

    What cannot be written (a read-only file or folder) is found before anything is written.
    """
    tables = [name for name, table_rows in rows.items() if table_rows]
    check_writable(content_dir, tables, report)
    if report.has_errors:
        return Written.NOTHING
    try:
        changes = [appended(content_dir / name, _COLUMNS[name], rows[name]) for name in tables]
    except (OSError, ValueError):  # changed since it was read: not readable, or no longer UTF-8
        report.error(Location(path=display_path(content_dir / tables[-1])), "table-changed")
        return Written.NOTHING
    return write_tables(content_dir, changes, report)


@dataclass(frozen=True, kw_only=True)
class Planned:
    """What a sheet import would write: the lines that say so, and the rows for each table."""

    lines: list[str]
    rows: dict[str, list[dict[str, str]]]


def import_sheet(file: Path, *, sheet_name: str | None, content_dir: Path, dry_run: bool,
                 plan: Callable[[Sheet, Loaded, Report], Planned | None]) -> Outcome:
    """A sheet import: the content loaded (an interrupted write finished first, unless ``dry_run``), the sheet read,
    ``plan`` made of it (every mistake reported at its cell), then the rows appended, all or nothing, or only told."""
    outcome = Outcome()
    loaded = load(content_dir, outcome, writing=not dry_run)
    if loaded is None:
        return outcome
    report = Report()
    sheet = read_sheet(file, sheet_name, report)
    planned = plan(sheet, loaded, report) if sheet is not None else None
    if planned is None or report.has_errors:
        return refused(outcome, loaded.catalogue, report)
    outcome.lines += planned.lines
    if dry_run:
        outcome.lines.append(loaded.catalogue("spreadsheet.dry-run"))
    elif (written := append_tables(content_dir, planned.rows, report)) is not Written.ALL:
        return not_written(outcome, loaded.catalogue, report, written)
    return outcome


def not_written(outcome: Outcome, catalogue: Catalogue, report: Report, written: Written) -> Outcome:
    """The reasons on stderr, and whether anything was written; exit code 1."""
    if written is Written.NOTHING:
        return refused(outcome, catalogue, report)
    outcome.errors += catalogue.lines(report.of(Severity.ERROR))
    outcome.code = 1
    return outcome


def refused(outcome: Outcome, catalogue: Catalogue, report: Report) -> Outcome:
    """Every error of ``report`` on stderr, then that nothing was written; exit code 1."""
    errors = report.of(Severity.ERROR)
    outcome.errors += catalogue.lines(errors)
    outcome.errors.append(catalogue("spreadsheet.nothing-written", count=len(errors)))
    outcome.code = 1
    return outcome


def _summary(plan: ImportPlan, content: Content, catalogue: Catalogue, file: str) -> list[str]:
    teams = {team.id: team.name for team in content.organisation.teams}
    lines = [catalogue("spreadsheet.new-people", count=len(plan.people))]
    lines += [catalogue("spreadsheet.new-person", id=p.id, name=p.name, team=teams[p.team]) for p in plan.people]
    lines.append(catalogue("spreadsheet.new-levels", count=len(plan.levels), present=plan.present, file=file))
    people = Counter(p.team for p in plan.people)
    levels = Counter(level.team for level in plan.levels)
    lines += [catalogue("spreadsheet.team-count", team=name, people=people[team_id], rows=levels[team_id])
              for team_id, name in teams.items() if people[team_id] or levels[team_id]]
    return lines


def _write_import(plan: ImportPlan, content_dir: Path, format_id: str, date: dt.date, assessor: str, note: str,
                  report: Report) -> Written:
    people = [{"id": p.id, "name": p.name, "team": p.team, "format": format_id, "target_level": "", "active": "yes"}
              for p in plan.people]
    signoffs = [{"person": level.person, "work_process": level.work_process, "criterion": "", "level": str(level.level),
                 "date": date.isoformat(), "assessor": assessor, "note": note} for level in plan.levels]
    return append_tables(content_dir, {"people.csv": people, "signoffs.csv": signoffs}, report)
