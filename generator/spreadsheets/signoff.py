"""``python -m generator signoff``: record sign-offs without editing signoffs.csv by hand.

Everything the checker would refuse is refused here first (person, assessor,
criterion, work process, level, a date in the future, a note with a character the
checker refuses), all at once; then the rows are appended, or nothing is written.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from ..diagnostics import Location, Report, Severity
from ..fields import hint
from ..journal import Written
from ..model import Content
from .commands import Outcome, append_tables, assessment_date, check_safe_text, load, not_written, refused
from .header import fold


def resolve_person(value: str, content: Content, where: Location, report: Report) -> str | None:
    """A person's id from their id, or from their name when exactly one person has it."""
    if value in content.people:
        return value
    named = [p.id for p in content.people.values() if fold(p.name) == fold(value)]
    if len(named) == 1:
        return named[0]
    if named:
        report.error(where, "spreadsheet-ambiguous-person", value=value, ids=", ".join(named))
    else:
        known = [*content.people, *(p.name for p in content.people.values())]
        report.error(where, "spreadsheet-unknown-person", value=value, hint=hint(value, known))
    return None


def record_signoff(
    person: str, *, criteria: Sequence[str], work_process: str | None, level: int | None, assessor: str,
    date_text: str | None, note: str, content_dir: Path,
) -> Outcome:
    """Append one row per criterion, or one level assessment of a work process; or write nothing."""
    outcome = Outcome()
    loaded = load(content_dir, outcome, writing=True)
    if loaded is None:
        return outcome
    report, content = Report(), loaded.content
    date = assessment_date(date_text, loaded, report)
    check_safe_text(note, Location(path="--note"), report)
    person_id = resolve_person(person, content, Location(path="PERSON"), report)
    assessor_id = resolve_person(assessor, content, Location(path="--assessor"), report)
    pairs = _criterion_rows(criteria, content, report) if criteria else _level_row(work_process or "", level or 0, content, report)
    if report.has_errors or person_id is None or assessor_id is None:
        return refused(outcome, loaded.catalogue, report)
    rows = [signoff_row(person_id, wp_id, criterion, level_text, date, assessor_id, note) for wp_id, criterion, level_text in pairs]
    if _already_recorded(rows, content, report):
        return refused(outcome, loaded.catalogue, report)
    if (written := append_tables(content_dir, {"signoffs.csv": rows}, report)) is not Written.ALL:
        return not_written(outcome, loaded.catalogue, report, written)
    outcome.lines += loaded.catalogue.lines(report.of(Severity.WARNING))
    outcome.lines.append(loaded.catalogue("spreadsheet.signed", count=len(rows), name=content.people[person_id].name, id=person_id))
    return outcome


def signoff_row(person: str, wp_id: str, criterion: str, level: str, date: dt.date, assessor: str, note: str) -> dict[str, str]:
    return {"person": person, "work_process": wp_id, "criterion": criterion, "level": level, "date": date.isoformat(),
            "assessor": assessor, "note": note}


_SAME = ("person", "work_process", "criterion", "level", "date", "assessor")  # what makes two rows one sign-off


def _already_recorded(rows: list[dict[str, str]], content: Content, report: Report) -> bool:
    """Refuse a row that is already in signoffs.csv (the command run twice), at the row that holds it."""
    wanted = {tuple(row[column] for column in _SAME) for row in rows}
    for signoff in content.signoffs:
        level = "" if signoff.level is None else str(signoff.level)
        key = (signoff.person, signoff.work_process, signoff.criterion or "", level, signoff.date.isoformat(), signoff.assessor)
        if key in wanted:
            report.error(signoff.location, "signoff-already-recorded")
            wanted.discard(key)
    return report.has_errors


def _criterion_rows(criteria: Sequence[str], content: Content, report: Report) -> list[tuple[str, str, str]]:
    rows = []
    for criterion_id in dict.fromkeys(criteria):
        criterion = content.criteria.get(criterion_id)
        if criterion is None:
            report.error(Location(path="--criterion"), "spreadsheet-unknown-criterion", id=criterion_id,
                         hint=hint(criterion_id, content.criteria))
        elif criterion.retired:
            report.error(Location(path="--criterion"), "spreadsheet-retired-criterion", id=criterion_id)
        else:
            rows.append((criterion.work_process, criterion_id, ""))
    return rows


def _level_row(wp_id: str, level: int, content: Content, report: Report) -> list[tuple[str, str, str]]:
    if wp_id not in content.work_processes:
        report.error(Location(path="--work-process"), "spreadsheet-unknown-work-process", id=wp_id,
                     hint=hint(wp_id, content.work_processes))
    if not 0 <= level <= content.organisation.max_level:
        report.error(Location(path="--level"), "import-level-out-of-scale", level=level, low=0, high=content.organisation.max_level)
    return [(wp_id, "", str(level))]
