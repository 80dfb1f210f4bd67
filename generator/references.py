"""Phase 2: check every id that one part of the content names in another, all in one pass."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import PurePath

from .derive import Facts
from .derive.matrix import unstarted_work_processes
from .diagnostics import Location, Param, Report, Text, display_path
from .fields import Ref, fold_name, hint, people_by_name
from .invocation import printed_command
from .model import Content, Criterion, Improvement, Signoff

MAX_HINTS = 1000  # distinct wrong ids that get a "did you mean"; the rest are reported without one
MAX_PLACES = 5  # other places named in short after an unknown id's first message
# Nothing close by that name, and sign-offs cite it: most likely the file was removed while history still cites it.
_RESTORE = {"unknown-work-process": Text("hint.restore-work-process"), "unknown-source": Text("hint.restore-source")}


def check_references(content: Content, build_date: dt.date, report: Report) -> None:
    """Report unknown ids (with the nearest known one), duplicates, withdrawn sources and future dates."""
    checker = _Checker(content, report)
    checker.check_formats()
    checker.check_criteria()
    checker.check_people()
    checker.check_signoffs(build_date)
    checker.check_planning()
    checker.check_selfassessments(build_date)
    checker.check_improvements(build_date)
    checker.report_unknown()


def advise(content: Content, facts: Facts | None, report: Report) -> None:
    """Advice that only ``check`` gives (info), and only on content without errors.

    Not part of every build: a work process in no format is the normal state right after
    ``generator new work-process``, and a broken format would leave its work processes in none.
    """
    if not report.has_errors:
        _Checker(content, report).check_unused_work_processes()
    if not report.has_errors and facts is not None:
        _advise_unstarted(content, facts, report)


def _advise_unstarted(content: Content, facts: Facts, report: Report) -> None:
    """Per format, each work process that holds its people's overall level at 0 because nobody is signed off on it."""
    for training_format in content.formats.values():
        refs = {ref.id: ref for task in reversed(training_format.core_tasks) for ref in reversed(task.work_processes)}
        for wp_id, held in unstarted_work_processes(content, facts, training_format):
            report.info(refs[wp_id].location, "work-process-unstarted", id=wp_id, count=held, format=training_format.title)


class _Checker:
    def __init__(self, content: Content, report: Report) -> None:
        self.content, self.report = content, report
        root = content.root
        self.places = {
            "work-process": display_path(root / "work-processes"),
            "source": display_path(root / "sources"),
            "format": display_path(root / "formats"),
            "people": display_path(root / "people.csv"),
            "organisation": display_path(root / "organisation.yml"),
            "improvement": display_path(root / "improvements"),
        }
        # What a file that could not be read would have defined has been reported once already.
        self.unreadable_ids = {PurePath(path).stem for path in report.unreadable} | report.broken
        self.people_unreadable = self.places["people"] in report.unreadable
        self.hints: dict[tuple[str, str], Text] = {}
        self.people_by_name = people_by_name((person.id, person.name) for person in content.people.values())
        self.unknown: dict[tuple[str, str], _Unknown] = {}
        self.signed_work_processes: set[str] | None = None  # worked out when first needed: a million rows

    def _known(self, ref: Ref, known: Collection[str], code: str, *, unreadable: bool = False, **where: str | Text) -> bool:
        """Whether ``ref`` names a known object; if not, report it (unless its file was unreadable)."""
        if ref.id in known:
            return True
        if not unreadable and ref.id not in self.unreadable_ids:
            if (code, ref.id) in self.unknown:
                self.unknown[code, ref.id].others.append(ref.location)
            else:
                params: dict[str, Param] = {"id": ref.id, "hint": self._hint(ref.id, code, known), **where}
                self.unknown[code, ref.id] = _Unknown(ref.location, params)
        return False

    def report_unknown(self) -> None:
        """One message per unknown id, at its first place, with the count and the other places in short.

        A work process removed while hundreds of sign-offs cite it is one mistake, not hundreds.
        """
        for (code, _), unknown in self.unknown.items():
            self.report.error(unknown.first, code, **unknown.params, more=_more(unknown.others))

    def _hint(self, wrong_id: str, code: str, known: Collection[str]) -> Text:
        """"Did you mean", worked out once per wrong id and for at most MAX_HINTS ids.

        A suggestion costs some 10 ms against thousands of people; a table exported with a
        shifted column names the same wrong id on many rows, or a new one on every row.
        """
        key = (code, wrong_id)
        if code == "unknown-person" and (person := self.people_by_name.get(fold_name(wrong_id))):
            return Text("hint.person-by-name", {"id": person[0], "name": person[1]})  # 'mehmet-yilmaz'
        if key not in self.hints:
            found = hint(wrong_id, known) if len(self.hints) < MAX_HINTS else Text("hint.none")
            self.hints[key] = self._no_such_file(wrong_id, code) if found.key == "hint.none" else found
        return self.hints[key]

    def _no_such_file(self, wrong_id: str, code: str) -> Text:
        """For an id nothing is close to: put a removed work process back, or create one that never existed.

        Only sign-offs show that it once existed; a format or a plan may name one yet to be written.
        """
        if code != "unknown-work-process":
            return _RESTORE.get(code, Text("hint.none"))
        if self.signed_work_processes is None:
            self.signed_work_processes = {signoff.work_process for signoff in self.content.signoffs}
        if wrong_id in self.signed_work_processes:
            return _RESTORE[code]
        command = printed_command("new", "work-process", wrong_id, display_path(self.content.root))
        return Text("hint.create-work-process", {"id": wrong_id, "command": command})

    # The two below take an id and a location rather than a Ref: they run on every row of the
    # tables, and making a Ref per cell cost more than the check.
    def _work_process(self, wp_id: str, location: Location) -> bool:
        if wp_id in self.content.work_processes:
            return True
        return self._known(Ref(wp_id, location), self.content.work_processes, "unknown-work-process",
                           folder=self.places["work-process"])

    def _person(self, person_id: str, location: Location, column: str, *, where: str = "where.column") -> bool:
        if person_id in self.content.people:
            return True
        return self._known(Ref(person_id, location), self.content.people, "unknown-person",
                           unreadable=self.people_unreadable, file=self.places["people"], where=Text(where, {"name": column}))

    def check_unused_work_processes(self) -> None:
        in_a_format = {ref.id for f in self.content.formats.values() for task in f.core_tasks for ref in task.work_processes}
        for work_process in self.content.work_processes.values():
            if work_process.id not in in_a_format and not work_process.retired:
                self.report.info(work_process.location, "work-process-in-no-format", id=work_process.id,
                                 folder=self.places["format"])

    def check_formats(self) -> None:
        for training_format in self.content.formats.values():
            seen: dict[str, Location] = {}
            for ref in (ref for task in training_format.core_tasks for ref in task.work_processes):
                if ref.id in seen:
                    self.report.warning(ref.location, "duplicate-work-process", id=ref.id, other_line=seen[ref.id].line or 0)
                seen[ref.id] = ref.location
                if self._work_process(ref.id, ref.location) and self.content.work_processes[ref.id].retired:
                    self.report.warning(ref.location, "retired-work-process-in-format", id=ref.id)

    def check_criteria(self) -> None:
        copies: dict[str, list[Criterion]] = {}
        for criterion in (c for wp in self.content.work_processes.values() for c in wp.criteria):
            copies.setdefault(criterion.id, []).append(criterion)
            if criterion.retired:
                continue  # history: what it cited may since have been withdrawn or removed
            for ref in criterion.sources:
                known = self._known(ref, self.content.sources, "unknown-source", folder=self.places["source"])
                if known and self.content.sources[ref.id].status == "withdrawn":
                    self.report.warning(ref.location, "withdrawn-source", id=ref.id)
        signed = {(s.work_process, s.criterion) for s in self.content.signoffs if s.criterion}
        for found in copies.values():
            if len(found) > 1:
                self._report_copies(found, signed)

    def _report_copies(self, found: list[Criterion], signed: set[tuple[str, str]]) -> None:
        """One criterion id in several places: blame each copy, not the original its sign-offs cite.

        The original is the first (by file and line) that sign-offs cite, else simply the first:
        renaming the original would cut its sign-offs loose from it.
        """
        in_order = sorted(found, key=lambda c: (c.location.path, c.location.line or 0))
        original = next((c for c in in_order if (c.work_process, c.id) in signed), in_order[0])
        cited = Text("hint.criterion-signed") if (original.work_process, original.id) in signed else Text("hint.none")
        taken = set(self.content.criteria)
        for copy in in_order:
            if copy is not original:
                example = _free_criterion_id(copy, taken)
                taken.add(example)
                self.report.error(copy.location, "duplicate-criterion", id=copy.id, other=str(original.location),
                                  signed=cited, example=example)

    def check_people(self) -> None:
        teams = [team.id for team in self.content.organisation.teams]
        for person in self.content.people.values():
            self._known(Ref(person.team, person.location), teams, "unknown-team", file=self.places["organisation"])
            self._known(Ref(person.format, person.location), self.content.formats, "unknown-format", folder=self.places["format"])

    def check_signoffs(self, build_date: dt.date) -> None:
        criteria = self.content.criteria
        seen: dict[tuple[object, ...], int] = {}
        for signoff in self.content.signoffs:
            self._check_repeated(signoff, seen)
            self._person(signoff.person, signoff.location, "person")
            if signoff.assessor != signoff.person:
                self._person(signoff.assessor, signoff.location, "assessor")
            if self._work_process(signoff.work_process, signoff.location) and signoff.criterion:
                self._check_signed_criterion(signoff, criteria)
            if signoff.date > build_date:
                self.report.error(signoff.location, "future-date", value=signoff.date.isoformat(), today=build_date.isoformat())

    def _check_repeated(self, signoff: Signoff, seen: dict[tuple[object, ...], int]) -> None:
        """The same sign-off on two rows (a 'signoff' command run twice): a warning at the later row."""
        key = (signoff.person, signoff.work_process, signoff.criterion, signoff.level, signoff.date, signoff.assessor)
        earlier = seen.setdefault(key, signoff.location.line or 0)
        if earlier != (signoff.location.line or 0):
            self.report.warning(signoff.location, "duplicate-signoff", other_line=earlier)

    def _check_signed_criterion(self, signoff: Signoff, criteria: dict[str, Criterion]) -> None:
        assert signoff.criterion is not None
        criterion = criteria.get(signoff.criterion)
        if criterion is not None and criterion.work_process != signoff.work_process:
            # An id copied into another work process: the copy is reported, what cites the original is right.
            criterion = self._own_criterion(signoff.work_process, signoff.criterion) or criterion
        if criterion is not None and criterion.work_process == signoff.work_process:
            if criterion.retired and criterion.retired_on and signoff.date >= criterion.retired_on:
                self.report.warning(signoff.location, "signoff-retired-criterion", id=criterion.id,
                                    retired_on=criterion.retired_on.isoformat(), date=signoff.date.isoformat())
            return  # the usual case, on hundreds of thousands of rows
        ref = Ref(signoff.criterion, signoff.location)
        if criterion is not None:
            self.report.error(ref.location, "criterion-other-work-process", id=ref.id, owner=criterion.work_process,
                              work_process=signoff.work_process)
        else:
            own = [c.id for c in self.content.work_processes[signoff.work_process].criteria]
            self._known(ref, own, "unknown-criterion", folder=self.places["work-process"])

    def _own_criterion(self, wp_id: str, criterion_id: str) -> Criterion | None:
        return next((c for c in self.content.work_processes[wp_id].criteria if c.id == criterion_id), None)

    def check_planning(self) -> None:
        for planned in self.content.planning:
            self._person(planned.person, planned.location, "person")
            self._work_process(planned.work_process, planned.location)
            if planned.coach:
                self._person(planned.coach, planned.location, "coach")

    def check_selfassessments(self, build_date: dt.date) -> None:
        for own in self.content.selfassessments:
            self._person(own.person, own.location, "person")
            self._work_process(own.work_process, own.location)
            if own.date > build_date:
                self.report.error(own.location, "selfassessment-future-date", value=own.date.isoformat(),
                                  today=build_date.isoformat())

    def check_improvements(self, build_date: dt.date) -> None:
        teams = [team.id for team in self.content.organisation.teams]
        for improvement in self.content.improvements.values():
            for key, refs in (("author", (improvement.author,)), ("co_authors", improvement.co_authors)):
                for ref in refs:
                    if ref.id:  # an empty author has been reported as missing
                        self._person(ref.id, ref.location, key, where="where.key")
            for ref in improvement.work_processes:
                if self._work_process(ref.id, ref.location) and self.content.work_processes[ref.id].retired:
                    self.report.warning(ref.location, "retired-work-process-improved", id=ref.id)
            if improvement.team is not None:
                self._known(improvement.team, teams, "unknown-team", file=self.places["organisation"])
            self._check_improvement_dates(improvement, build_date)

    def _check_improvement_dates(self, improvement: Improvement, build_date: dt.date) -> None:
        """Started and finished lie on or before the build date, finished not before started."""
        started, finished = improvement.started, improvement.finished
        for key, day in (("started", started), ("finished", finished)):
            if day is not None and build_date < day:
                self.report.error(improvement.at(key), "improvement-future-date",
                                  key=key, value=day.isoformat(), today=build_date.isoformat())
        if finished is not None and finished < started:
            self.report.error(improvement.at("finished"), "finished-before-started",
                              finished=finished.isoformat(), started=started.isoformat())
        if finished is not None and improvement.status != "done":
            self.report.warning(improvement.at("finished"), "finished-not-done",
                                status=improvement.status)


@dataclass
class _Unknown:
    """An unknown id: where it is first named, what the message says, and where else it is named."""

    first: Location
    params: dict[str, Param]
    others: list[Location] = field(default_factory=list)


def _more(others: list[Location]) -> Text:
    """"and 88 more lines in content/signoffs.csv: 98, 208, 348, …" (the first few places, by file)."""
    if not others:
        return Text("hint.none")
    by_file: dict[str, list[str]] = {}
    for location in others[:MAX_PLACES]:
        by_file.setdefault(location.path, []).append(str(location.line or ""))
    places = "; ".join(f"{path}: {', '.join(lines)}" for path, lines in by_file.items())
    return Text("hint.more-places", {"count": len(others), "places": places + (", …" if len(others) > MAX_PLACES else "")})


def _free_criterion_id(criterion: Criterion, taken: set[str]) -> str:
    """A new id for a copied criterion in the usual pattern <work process>-<level>-<nn>, not yet in use."""
    number = 1
    while f"{criterion.work_process}-{criterion.level}-{number:02d}" in taken:
        number += 1
    return f"{criterion.work_process}-{criterion.level}-{number:02d}"
